import Foundation

extension HelpDesk {
    /// Writes a new article as version 1, filed and scheduled as `request` says. Needs
    /// ``AccessAction/editKnowledge``; the performer is its author (the system cannot author).
    ///
    /// Content: a title (not blank, within the title limit), a body (not blank, within the text
    /// limit), at most the configured tags (trimmed, not blank, one line; duplicates ignoring case
    /// dropped) and attachments (as a comment's). The section and every linked record must exist;
    /// instants must be in ``InstantRange``. Its review falls due its interval after it is written.
    public func writeKnowledgeArticle(
        _ request: NewKnowledgeArticle, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> KnowledgeArticle {
        try await perform(
            by: performer, command: "writeKnowledgeArticle", key: idempotencyKey, inputs: [request]
        ) { context throws(HelpDeskError) in
            let editor = try knowledgeEditor(context.principal)
            let content = try validatedKnowledgeContent(request.content)
            try await requireUploaded(content.attachments)
            try Self.validate(request.schedule)
            let (settings, section) = try await validatedKnowledgeSettings(request.settings)
            let now = clock.now()
            var article = KnowledgeArticle(
                id: nextID(), sectionID: settings.sectionID, content: content, authorID: editor, createdAt: now,
                internalAt: request.schedule.internalAt, publishedAt: request.schedule.publishedAt,
                archivedAt: request.schedule.archivedAt, reviewIntervalDays: settings.reviewIntervalDays,
                links: settings.links)
            article.reviewDueAt = Self.reviewDue(of: article, in: section)
            context.work.knowledge.articleWrites = [KnowledgeArticleWrite(article: article, expectedRevision: nil)]
            context.work.knowledge.versions = [
                KnowledgeArticleVersion(articleID: article.id, number: 1, content: content, editorID: editor, at: now)
            ]
            try await recordKnowledgeTrail(
                .knowledgeArticle(article.id), from: nil, to: article, by: context.performer, into: &context.work)
            return article
        }
    }

    /// Replaces an article's content (validated as for a new one) and appends it as a new version
    /// with `note`; content equal to the current one changes nothing. Needs ``AccessAction/editKnowledge``.
    /// Edits racing on another engine: the later one is decided again on the winner's article.
    public func reviseKnowledgeArticle(
        _ id: KnowledgeArticleID, _ content: KnowledgeContent, note: String? = nil, by performer: Performer,
        idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> KnowledgeArticle {
        try await perform(
            by: performer, command: "reviseKnowledgeArticle", key: idempotencyKey, inputs: [id, content, note]
        ) { context throws(HelpDeskError) in
            let editor = try knowledgeEditor(context.principal)
            let content = try validatedKnowledgeContent(content)
            try await requireUploaded(content.attachments)
            let note = try validatedNote(note)
            let old = try await loadKnowledgeArticle(id)
            guard content != old.content else { return old }
            return try await appendVersion(content, note: note, to: old, by: editor, into: &context.work)
        }
    }

    /// Appends an old version's content as a new version ("restored version *n*"). Needs
    /// ``AccessAction/editKnowledge``; an unknown number is ``HelpDeskError/Reason/knowledgeVersionNotFound(_:number:)``.
    public func restoreKnowledgeVersion(
        _ id: KnowledgeArticleID, number: Int, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> KnowledgeArticle {
        try await perform(
            by: performer, command: "restoreKnowledgeVersion", key: idempotencyKey, inputs: [id, number]
        ) { context throws(HelpDeskError) in
            let editor = try knowledgeEditor(context.principal)
            let old = try await loadKnowledgeArticle(id)
            let versions = try await knowledge { try await $0.knowledgeVersions(of: id) }
            guard let version = versions.first(where: { $0.number == number }) else {
                throw HelpDeskError(.knowledgeVersionNotFound(id, number: number))
            }
            return try await appendVersion(
                version.content, note: "restored version \(number)", to: old, by: editor, into: &context.work)
        }
    }

    /// Files an article in another section, or changes its own review interval or links (each
    /// validated as for a new article); the review date is computed again. Needs ``AccessAction/editKnowledge``.
    public func changeKnowledgeArticle(
        _ id: KnowledgeArticleID, _ settings: KnowledgeArticleSettings, by performer: Performer,
        idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> KnowledgeArticle {
        try await perform(
            by: performer, command: "changeKnowledgeArticle", key: idempotencyKey, inputs: [id, settings]
        ) { context throws(HelpDeskError) in
            _ = try knowledgeEditor(context.principal)
            let (settings, section) = try await validatedKnowledgeSettings(settings)
            let old = try await loadKnowledgeArticle(id)
            var article = old
            article.sectionID = settings.sectionID
            article.reviewIntervalDays = settings.reviewIntervalDays
            article.links = settings.links
            article.reviewDueAt = Self.reviewDue(of: article, in: section)
            return try await writeTrailed(article, replacing: old, by: context.performer, into: &context.work)
        }
    }

    /// Sets an article's visibility timestamps: instants in the future schedule a change that
    /// takes effect then without a write (``KnowledgeVisibility``). Needs ``AccessAction/editKnowledge``.
    public func scheduleKnowledgeArticle(
        _ id: KnowledgeArticleID, _ schedule: KnowledgeSchedule, by performer: Performer,
        idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> KnowledgeArticle {
        try await perform(
            by: performer, command: "scheduleKnowledgeArticle", key: idempotencyKey, inputs: [id, schedule]
        ) { context throws(HelpDeskError) in
            _ = try knowledgeEditor(context.principal)
            try Self.validate(schedule)
            let old = try await loadKnowledgeArticle(id)
            var article = old
            article.internalAt = schedule.internalAt
            article.publishedAt = schedule.publishedAt
            article.archivedAt = schedule.archivedAt
            return try await writeTrailed(article, replacing: old, by: context.performer, into: &context.work)
        }
    }

    /// The article, for a viewer who may read it now (``KnowledgeAccess``); an article the viewer
    /// may not read is reported as not found.
    public func knowledgeArticle(_ id: KnowledgeArticleID, as viewer: Performer) async throws(HelpDeskError)
        -> KnowledgeArticle
    {
        try await readableKnowledgeArticle(id, by: try await principal(for: viewer), at: clock.now()).0
    }

    /// The articles of a section the viewer may read now, by identifier; a section the viewer may
    /// not see is reported as not found.
    public func knowledgeArticles(in sectionID: KnowledgeSectionID, as viewer: Performer)
        async throws(HelpDeskError) -> [KnowledgeArticle]
    {
        let principal = try await principal(for: viewer)
        let section = try await loadKnowledgeSection(sectionID)
        guard let reader = knowledgeReader(of: principal, for: section.audience),
            KnowledgeAccess.maySee(reader, section)
        else {
            throw HelpDeskError(.knowledgeSectionNotFound(sectionID))
        }
        let now = clock.now()
        return try await knowledge { try await $0.knowledgeArticles(inSection: sectionID) }
            .filter { KnowledgeAccess.mayRead(reader, $0, in: section, at: now) }
    }

    /// The versions of an article, oldest first. Needs ``AccessAction/editKnowledge``.
    public func knowledgeVersions(of id: KnowledgeArticleID, as viewer: Performer) async throws(HelpDeskError)
        -> [KnowledgeArticleVersion]
    {
        _ = try await authorize(viewer, .editKnowledge)
        _ = try await loadKnowledgeArticle(id)
        return try await knowledge { try await $0.knowledgeVersions(of: id) }
    }

    /// The employee behind `principal`, when the policy lets them edit the knowledge base.
    func knowledgeEditor(_ principal: Principal) throws(HelpDeskError) -> EmployeeID {
        try authorize(principal, AccessRequest(.editKnowledge))
        guard case .employee(let employee, _) = principal else {
            throw .forbidden(principal.performer, action: AccessAction.editKnowledge.description)
        }
        return employee.id
    }

    /// A version note trimmed (blank: none), within the text limit.
    private func validatedNote(_ note: String?) throws(HelpDeskError) -> String? {
        guard let note, !note.isBlank else { return nil }
        try Validate.length(note, atMost: configuration.maximumTitleLength, field: "note")
        return note.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Appends `content` as the next version of `old` and writes the article.
    private func appendVersion(
        _ content: KnowledgeContent, note: String?, to old: KnowledgeArticle, by editor: EmployeeID,
        into work: inout UnitOfWork
    ) async throws(HelpDeskError) -> KnowledgeArticle {
        let section = try await loadKnowledgeSection(old.sectionID)
        var article = old
        article.content = content
        article.version = old.version + 1
        article.reviewDueAt = Self.reviewDue(of: article, in: section)
        let written = try await writeTrailed(article, replacing: old, by: .employee(editor), into: &work)
        work.knowledge.versions.append(
            KnowledgeArticleVersion(
                articleID: old.id, number: article.version, content: content, editorID: editor, at: written.updatedAt,
                note: note))
        return written
    }

    /// ``write(_:replacing:into:)`` by a command of `performer`, with its record-trail entry.
    func writeTrailed(
        _ article: KnowledgeArticle, replacing old: KnowledgeArticle, by performer: Performer,
        into work: inout UnitOfWork
    ) async throws(HelpDeskError) -> KnowledgeArticle {
        let written = write(article, replacing: old, into: &work)
        if written != old {
            try await recordKnowledgeTrail(
                .knowledgeArticle(written.id), from: old, to: written, by: performer, into: &work)
        }
        return written
    }

    /// Adds the write of `article` over `old` to `work` (nothing when nothing changed): the next
    /// revision, stamped with the clock's instant.
    func write(_ article: KnowledgeArticle, replacing old: KnowledgeArticle, into work: inout UnitOfWork)
        -> KnowledgeArticle
    {
        guard article != old else { return old }
        var article = article
        article.revision = old.revision + 1
        article.updatedAt = clock.now()
        work.knowledge.articleWrites.append(KnowledgeArticleWrite(article: article, expectedRevision: old.revision))
        return article
    }
}
