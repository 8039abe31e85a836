import Foundation
import Templating

extension HelpDesk {
    /// Saves a canned answer. Shared answers (everyone, a group) need ``AccessAction/editKnowledge``;
    /// a personal answer needs ``AccessAction/readInternalKnowledge`` and belongs to its creator. The
    /// text is checked against ``CannedAnswer/schema(for:)``: a public answer naming a staff-only path
    /// is refused with ``HelpDeskError/invalidTemplate(field:_:)``.
    public func createCannedAnswer(
        _ definition: CannedAnswerDefinition, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> CannedAnswer {
        try await perform(by: performer, command: "createCannedAnswer", key: idempotencyKey, inputs: [definition]) {
            context throws(HelpDeskError) in
            try authorizeManaging(definition.audience, context.principal)
            try await validate(definition, except: nil)
            let answer = CannedAnswer(
                id: nextID(), definition: definition, createdBy: performer, createdAt: clock.now())
            context.work.cannedAnswerWrites = [CannedAnswerWrite(answer: answer, expectedRevision: nil)]
            return answer
        }
    }

    /// Replaces a canned answer's definition (validated like a new one). With `expectedRevision`,
    /// an answer changed since the caller read it is ``HelpDeskError/cannedAnswerChanged(_:revision:)``;
    /// a change that changes nothing commits nothing.
    public func updateCannedAnswer(
        _ id: CannedAnswerID, _ definition: CannedAnswerDefinition, expectedRevision: Int? = nil,
        by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> CannedAnswer {
        try await perform(
            by: performer, command: "updateCannedAnswer", key: idempotencyKey,
            inputs: [id, definition, expectedRevision]
        ) { context throws(HelpDeskError) in
            let old = try await managedAnswer(id, context.principal, expectedRevision: expectedRevision)
            try authorizeManaging(definition.audience, context.principal)
            try await validate(definition, except: id)
            guard definition != old.definition else { return old }
            var answer = old
            answer.definition = definition
            try stamp(&answer, by: performer)
            context.work.cannedAnswerWrites = [CannedAnswerWrite(answer: answer, expectedRevision: old.revision)]
            return answer
        }
    }

    /// Retires a canned answer: it stays readable, can no longer be used or changed, and frees its
    /// shortcut. Comments made from it keep their text.
    public func retireCannedAnswer(_ id: CannedAnswerID, by performer: Performer, idempotencyKey: IdempotencyKey? = nil)
        async throws(HelpDeskError) -> CannedAnswer
    {
        try await perform(by: performer, command: "retireCannedAnswer", key: idempotencyKey, inputs: [id]) {
            context throws(HelpDeskError) in
            let old = try await managedAnswer(id, context.principal, expectedRevision: nil)
            var answer = old
            try stamp(&answer, by: performer)
            answer.retiredAt = answer.changedAt
            context.work.cannedAnswerWrites = [CannedAnswerWrite(answer: answer, expectedRevision: old.revision)]
            return answer
        }
    }

    /// The active canned answers `viewer` may use (everyone's, their groups', their own), by folder
    /// then name; with `text`, those whose name, folder or shortcut contain it ignoring case, an
    /// exact shortcut first. Needs ``AccessAction/readInternalKnowledge``.
    public func cannedAnswers(matching text: String? = nil, as viewer: Performer) async throws(HelpDeskError)
        -> [CannedAnswer]
    {
        let principal = try await authorize(viewer, .readInternalKnowledge)
        let all = try await cannedAnswerStore { try await $0.cannedAnswers() }
        var usable = all.filter { !$0.isRetired && Self.mayUse($0, principal) }
        let needle = text.map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() } ?? ""
        if !needle.isEmpty {
            usable = usable.filter {
                $0.foldedShortcut.contains(needle) || $0.name.lowercased().contains(needle)
                    || ($0.definition.folder?.lowercased().contains(needle) ?? false)
            }
        }
        // An exact shortcut first, then by folder, name and identifier.
        return usable.sorted {
            ($0.foldedShortcut == needle ? 0 : 1, $0.definition.folder ?? "", $0.name, $0.id)
                < ($1.foldedShortcut == needle ? 0 : 1, $1.definition.folder ?? "", $1.name, $1.id)
        }
    }

    /// The active answer with `shortcut` (ignoring case) that `viewer` may use, for `::` insertion;
    /// `nil` when there is none. Needs ``AccessAction/readInternalKnowledge``.
    public func cannedAnswer(shortcut: String, as viewer: Performer) async throws(HelpDeskError) -> CannedAnswer? {
        let principal = try await authorize(viewer, .readInternalKnowledge)
        let folded = shortcut.lowercased()
        guard let answer = try await cannedAnswerStore({ try await $0.cannedAnswer(shortcut: folded) }),
            Self.mayUse(answer, principal)
        else { return nil }
        return answer
    }

    /// One canned answer, retired or not, when `viewer` may use it or manage it (shared answers with
    /// ``AccessAction/editKnowledge``); another employee's personal answer is not found.
    public func cannedAnswer(_ id: CannedAnswerID, as viewer: Performer) async throws(HelpDeskError) -> CannedAnswer {
        let principal = try await authorize(viewer, .readInternalKnowledge)
        let answer = try await loadCannedAnswer(id)
        if Self.mayUse(answer, principal) { return answer }
        if !answer.definition.audience.isPersonal, (try? authorize(principal, AccessRequest(.editKnowledge))) != nil {
            return answer
        }
        throw .cannedAnswerNotFound(id)
    }

    /// Runs `read` on the store's canned-answer repository, turning adapter failures into ``HelpDeskError/storage(_:)``.
    func cannedAnswerStore<Value>(_ read: (any CannedAnswerRepository) async throws -> Value)
        async throws(HelpDeskError) -> Value
    {
        let repository = try feature((any CannedAnswerRepository).self)
        return try await storage { try await read(repository) }
    }

    /// The answer with `id`, or ``HelpDeskError/cannedAnswerNotFound(_:)``.
    func loadCannedAnswer(_ id: CannedAnswerID) async throws(HelpDeskError) -> CannedAnswer {
        guard let answer = try await cannedAnswerStore({ try await $0.cannedAnswer(id) }) else {
            throw .cannedAnswerNotFound(id)
        }
        return answer
    }

    /// `true` when `principal` may insert `answer`: the engine always; an employee when it is for
    /// everyone, for one of their groups, or their own.
    static func mayUse(_ answer: CannedAnswer, _ principal: Principal) -> Bool {
        switch principal {
        case .system: return true
        case .contact, .client: return false
        case .employee(let employee, _):
            switch answer.definition.audience {
            case .everyone: return true
            case .group(let group): return employee.groupIDs.contains(group)
            case .owner(let owner): return owner == employee.id
            }
        }
    }

    /// Throws unless `principal` may save an answer for `audience`: shared answers need
    /// ``AccessAction/editKnowledge``; a personal one needs ``AccessAction/readInternalKnowledge``
    /// and must be the performer's own (the engine may save anyone's).
    private func authorizeManaging(_ audience: CannedAnswerAudience, _ principal: Principal) throws(HelpDeskError) {
        guard case .owner(let owner) = audience else {
            try authorize(principal, AccessRequest(.editKnowledge))
            return
        }
        try authorize(principal, AccessRequest(.readInternalKnowledge))
        switch principal {
        case .system: return
        case .employee(let employee, _) where employee.id == owner: return
        default: throw .forbidden(principal.performer, action: "cannedAnswer.personal")
        }
    }

    /// The active answer `id` for a change by `principal`: another employee's personal answer is
    /// not found; a retired one is refused; a stale `expectedRevision` is refused.
    private func managedAnswer(_ id: CannedAnswerID, _ principal: Principal, expectedRevision: Int?)
        async throws(HelpDeskError) -> CannedAnswer
    {
        let answer = try await loadCannedAnswer(id)
        if case .owner(let owner) = answer.definition.audience {
            try authorize(principal, AccessRequest(.readInternalKnowledge))
            if case .employee(let employee, _) = principal, employee.id != owner { throw .cannedAnswerNotFound(id) }
        }
        try authorizeManaging(answer.definition.audience, principal)
        if answer.isRetired { throw .cannedAnswerRetired(id) }
        if let expectedRevision, expectedRevision != answer.revision {
            throw .cannedAnswerChanged(id, revision: answer.revision)
        }
        return answer
    }

    /// Raises `answer`'s revision and stamps the change with `performer` and the clock.
    private func stamp(_ answer: inout CannedAnswer, by performer: Performer) throws(HelpDeskError) {
        let (next, overflow) = answer.revision.addingReportingOverflow(1)
        if overflow { throw .invalidInput(field: "revision", problem: .outOfRange(1...Int.max)) }
        answer.revision = next
        answer.changedBy = performer
        answer.changedAt = clock.now()
    }

    /// Checks a definition: name, folder, shortcut (free among active answers other than `id`),
    /// the text against its visibility's schema, the audience's group or owner, the status.
    private func validate(_ definition: CannedAnswerDefinition, except id: CannedAnswerID?) async throws(HelpDeskError)
    {
        try Validate.notBlank(definition.name, field: "name")
        try Validate.length(definition.name, atMost: 200, field: "name")
        if let folder = definition.folder {
            try Validate.notBlank(folder, field: "folder")
            try Validate.length(folder, atMost: 200, field: "folder")
        }
        try Validate.notBlank(definition.shortcut, field: "shortcut")
        try Validate.length(definition.shortcut, atMost: 32, field: "shortcut")
        if !definition.shortcut.unicodeScalars.allSatisfy({
            CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-" || $0 == "."
        }) {
            throw .invalidInput(field: "shortcut", problem: .malformed(expected: "letters, digits, '_', '-' and '.'"))
        }
        if definition.body.source.isBlank { throw .invalidInput(field: "body", problem: .blank) }
        do {
            try definition.body.validate(against: CannedAnswer.schema(for: definition.visibility))
        } catch {
            throw .invalidTemplate(field: "body", error)
        }
        switch definition.audience {
        case .everyone: break
        case .group(let group):
            guard try await storage({ try await store.group(group) }) != nil else { throw .groupNotFound(group) }
        case .owner(let owner):
            _ = try await loadEmployee(owner)
        }
        if let status = definition.setStatus, workflow.status(status) == nil { throw .unknownStatus(status) }
        let folded = definition.shortcut.lowercased()
        if let taken = try await cannedAnswerStore({ try await $0.cannedAnswer(shortcut: folded) }), taken.id != id {
            throw .duplicateName(definition.shortcut)
        }
    }
}
