import Foundation

extension HelpDesk {
    /// Defines a section of the knowledge base. Needs ``AccessAction/editKnowledge``.
    ///
    /// The title must not be blank; the parent must exist, sit less than the configured depth
    /// deep, and its audience must enclose the new one (a client's section holds only sections of
    /// that client, a location's only of that location, an asset's only of that asset). A client
    /// audience names an existing company, optionally a location of it, or an asset of it (the
    /// section then takes the asset's location, unless a different location is named: rejected).
    public func defineKnowledgeSection(
        _ definition: KnowledgeSectionDefinition, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> KnowledgeSection {
        try await perform(
            by: performer, command: "defineKnowledgeSection", key: idempotencyKey, inputs: [definition]
        ) { context throws(HelpDeskError) in
            try authorize(context.principal, AccessRequest(.editKnowledge))
            let definition = try await validated(definition, for: nil)
            let now = clock.now()
            let section = KnowledgeSection(
                id: nextID(), title: definition.title, parentID: definition.parentID, position: definition.position,
                audience: definition.audience, reviewIntervalDays: definition.reviewIntervalDays, createdAt: now)
            context.work.knowledge.sectionWrites = [KnowledgeSectionWrite(section: section, expectedRevision: nil)]
            try await recordKnowledgeTrail(
                .knowledgeSection(section.id), from: nil, to: section, by: context.performer, into: &context.work)
            return section
        }
    }

    /// Changes a section's title, parent, position or review interval; the audience stays (naming
    /// another is rejected). The new parent must not be the section or one of its descendants, and
    /// the moved subtree must stay within the configured depth. A change that changes nothing
    /// commits nothing. Articles inheriting the interval take a new one at their next write.
    public func changeKnowledgeSection(
        _ id: KnowledgeSectionID, _ definition: KnowledgeSectionDefinition, by performer: Performer,
        idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> KnowledgeSection {
        try await perform(
            by: performer, command: "changeKnowledgeSection", key: idempotencyKey, inputs: [id, definition]
        ) { context throws(HelpDeskError) in
            try authorize(context.principal, AccessRequest(.editKnowledge))
            let old = try await loadKnowledgeSection(id)
            guard definition.audience.identity == old.audience.identity else {
                throw .invalidInput(field: "audience", problem: .malformed(expected: "the section's audience"))
            }
            var kept = definition
            kept.audience = old.audience
            let definition = try await validated(kept, for: old)
            var section = old
            section.title = definition.title
            section.parentID = definition.parentID
            section.position = definition.position
            section.reviewIntervalDays = definition.reviewIntervalDays
            guard section != old else { return old }
            section.revision = old.revision + 1
            section.updatedAt = clock.now()
            context.work.knowledge.sectionWrites = [
                KnowledgeSectionWrite(section: section, expectedRevision: old.revision)
            ]
            try await recordKnowledgeTrail(
                .knowledgeSection(section.id), from: old, to: section, by: context.performer, into: &context.work)
            return section
        }
    }

    /// The sections `viewer` may see, by parent, position and identifier: staff see every one, a
    /// client the desk's and its own (``KnowledgeAccess/maySee(_:_:)``).
    public func knowledgeSections(as viewer: Performer) async throws(HelpDeskError) -> [KnowledgeSection] {
        let principal = try await principal(for: viewer)
        // The desk's question first: a reader refused the knowledge base altogether is told so.
        try authorize(principal, AccessRequest(.readKnowledge))
        var readers: [CompanyID?: KnowledgeReader?] = [:]
        return try await knowledge { try await $0.knowledgeSections() }.filter { section in
            let company = section.audience.companyID
            if readers[company] == nil {
                readers[company] = .some(knowledgeReader(of: principal, for: section.audience))
            }
            return readers[company].flatMap { $0 }.map { KnowledgeAccess.maySee($0, section) } ?? false
        }
    }

    /// `definition` checked and normalized (the title trimmed, an asset's location filled in);
    /// `existing` is the stored section being changed, if any.
    private func validated(_ definition: KnowledgeSectionDefinition, for existing: KnowledgeSection?)
        async throws(HelpDeskError) -> KnowledgeSectionDefinition
    {
        var definition = definition
        definition.title = definition.title.trimmingCharacters(in: .whitespacesAndNewlines)
        try Validate.title(definition.title, maximum: configuration.maximumTitleLength)
        try validateReviewInterval(definition.reviewIntervalDays, field: "reviewIntervalDays")
        if existing == nil { definition.audience = try await validated(definition.audience) }
        let maximumDepth = configuration.knowledge.maximumSectionDepth
        // The height of the subtree that moves (1 for a new section or a leaf).
        var height = 1
        if let existing {
            let all = try await knowledge { try await $0.knowledgeSections() }
            height = Self.subtreeHeight(of: existing.id, in: all)
        }
        guard let parentID = definition.parentID else {
            guard height <= maximumDepth else {
                throw .invalidInput(field: "parentID", problem: .outOfRange(1...maximumDepth))
            }
            return definition
        }
        let parent = try await loadKnowledgeSection(parentID)
        // The new parent's ancestors, up to one more than the tree may hold (stored trees are
        // never deeper, so the walk ends): the section itself among them would close a cycle.
        var ancestors = 0
        var ancestor: KnowledgeSection? = parent
        while let current = ancestor, ancestors <= maximumDepth {
            if current.id == existing?.id {
                throw .invalidInput(
                    field: "parentID", problem: .malformed(expected: "a section outside its own subtree"))
            }
            ancestors += 1
            ancestor = try await current.parentID.asyncMap { id throws(HelpDeskError) in
                try await loadKnowledgeSection(id)
            }
        }
        guard ancestors + height <= maximumDepth else {
            throw .invalidInput(field: "parentID", problem: .outOfRange(1...maximumDepth))
        }
        let encloses: Bool
        switch (parent.audience, definition.audience) {
        case (.desk, _): encloses = true
        case (.client, .desk): encloses = false
        case (.client(let outer), .client(let inner)): encloses = outer.encloses(inner)
        }
        guard encloses else {
            throw .invalidInput(
                field: "audience", problem: .malformed(expected: "the parent section's audience or narrower"))
        }
        return definition
    }

    /// `audience` checked: the company exists, the location and asset belong to it; an asset's
    /// location is filled in.
    private func validated(_ audience: KnowledgeAudience) async throws(HelpDeskError) -> KnowledgeAudience {
        guard case .client(var scope) = audience else { return audience }
        _ = try await loadCompany(scope.companyID)
        if let locationID = scope.locationID {
            let location = try await loadLocation(locationID)
            guard location.companyID == scope.companyID else {
                throw .crossCompanyLink(.location(locationID), expected: scope.companyID)
            }
        }
        if let assetID = scope.assetID {
            let asset = try await loadAsset(assetID)
            guard asset.companyID == scope.companyID else {
                throw .crossCompanyLink(.asset(assetID), expected: scope.companyID)
            }
            if let locationID = scope.locationID, locationID != asset.locationID {
                throw .invalidInput(field: "audience.locationID", problem: .malformed(expected: "the asset's location"))
            }
            scope.locationID = asset.locationID
        }
        return .client(scope)
    }

    /// The number of levels of the subtree under `id` (1 for a leaf); sections are a tree.
    static func subtreeHeight(of id: KnowledgeSectionID, in sections: [KnowledgeSection]) -> Int {
        var children: [KnowledgeSectionID: [KnowledgeSectionID]] = [:]
        for section in sections {
            if let parent = section.parentID { children[parent, default: []].append(section.id) }
        }
        var height = 0
        var level = [id]
        var visited = Set<KnowledgeSectionID>()
        while !level.isEmpty {
            height += 1
            level = level.flatMap { children[$0] ?? [] }.filter { visited.insert($0).inserted }
        }
        return height
    }
}

extension Optional {
    /// The wrapped value transformed by `transform`, or `nil`.
    fileprivate func asyncMap<Mapped>(_ transform: (Wrapped) async throws(HelpDeskError) -> Mapped)
        async throws(HelpDeskError) -> Mapped?
    {
        guard let self else { return nil }
        return try await transform(self)
    }
}
