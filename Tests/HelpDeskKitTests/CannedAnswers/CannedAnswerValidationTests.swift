import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Templating
import Testing

/// What a canned answer may name, decided when it is saved: every path a client or staff template
/// knows, for each visibility, written with and without a fallback; and the rest of a definition.
@Suite("Canned answers are validated when saved")
struct CannedAnswerValidationTests {
    /// The paths only staff see: a public answer naming one is refused.
    static let staffOnly: Set<String> = [
        "ticket.priority", "ticket.channel", "ticket.requester", "ticket.agentStatus", "ticket.group",
        "ticket.assignee", "sla.breachedClocks",
    ]
    /// Paths of the notices that mean nothing in an answer (no rule, no rating, no single recipient).
    static let meaningless: Set<String> = [
        "rule.name", "rating.score", "rating.comment", "recipient.name", "recipient.firstName",
    ]
    /// Paths answers add for both visibilities.
    static let answerPaths: [String: TemplateSchema.Presence] = [
        "requester.name": .always, "requester.firstName": .optional, "agent.name": .always,
        "agent.firstName": .optional,
    ]

    /// Every path anyone knows, with what the model says of it: known to public answers, to internal
    /// ones, and whether it may be missing.
    struct PathCase: Sendable, CustomStringConvertible {
        let path: String
        let inPublic: Bool
        let inInternal: Bool
        let optional: Bool
        var description: String { path }
    }

    static let pathCases: [PathCase] = {
        var presence = NoticeTemplate.staffSchema.paths
        presence.merge(NoticeTemplate.clientSchema.paths) { staff, _ in staff }
        presence.merge(answerPaths) { _, own in own }
        return presence.keys.sorted().map { path in
            let client = NoticeTemplate.clientSchema.paths[path] != nil || answerPaths[path] != nil
            return PathCase(
                path: path, inPublic: client && !meaningless.contains(path),
                inInternal: !meaningless.contains(path), optional: presence[path] == .optional)
        } + [PathCase(path: "ticket.secret", inPublic: false, inInternal: false, optional: false)]
    }()

    @Test(arguments: pathCases, [CommentVisibility.public, .internal])
    func aPathIsAcceptedExactlyWhereItsReaderMaySeeItWithTheFallbackItNeeds(
        _ c: PathCase, _ visibility: CommentVisibility
    ) async throws {
        let test = try await TestDesk.make()
        let known = visibility == .public ? c.inPublic : c.inInternal
        for fallback in [true, false] {
            let text = fallback ? "Hi {{ \(c.path) | \"–\" }}" : "Hi {{ \(c.path) }}"
            let before = try await test.snapshot()
            let definition = try CannedAnswerDefinition(
                name: "\(c.path) \(fallback)", shortcut: "k\(fallback ? 1 : 0)", text: text, visibility: visibility)
            do {
                let saved = try await test.desk.createCannedAnswer(definition, by: .system)
                #expect(known && (fallback || !c.optional), "\(text) as \(visibility) was saved")
                #expect(try await test.desk.cannedAnswer(saved.id, as: .system) == saved)
            } catch {
                #expect(!known || (!fallback && c.optional), "\(text) as \(visibility): \(error)")
                guard case .invalidTemplate(let field, let template) = error.reason else {
                    Issue.record("\(text): \(error)")
                    continue
                }
                #expect(field == "body")
                #expect(template.code == (known ? .missingFallback : .unknownPlaceholder))
                #expect(template.issues.map(\.path) == [c.path])
                #expect(try await test.snapshot() == before, "a refused answer saves nothing")
            }
        }
    }

    @Test func theSchemasAreTheNoticesWithTheAnswersOwnPaths() {
        #expect(Set(CannedAnswer.publicSchema.paths.keys).isDisjoint(with: Self.staffOnly.union(Self.meaningless)))
        #expect(Self.staffOnly.isSubset(of: CannedAnswer.internalSchema.paths.keys))
        for (path, presence) in NoticeTemplate.clientSchema.paths where !path.hasPrefix("recipient.") {
            #expect(CannedAnswer.publicSchema.presence(of: path) == presence, "\(path)")
        }
        #expect(CannedAnswer.schema(for: .public) == CannedAnswer.publicSchema)
        #expect(CannedAnswer.schema(for: .internal) == CannedAnswer.internalSchema)
    }

    /// A definition with one field spoiled, and the error it must get.
    struct Spoiled: Sendable, CustomStringConvertible {
        let label: String
        let expected: @Sendable (TestDesk) -> HelpDeskError
        let change: @Sendable (inout CannedAnswerDefinition, TestDesk) -> Void
        var description: String { label }

        /// A spoiled field whose error does not depend on the desk.
        init(
            _ label: String, _ error: HelpDeskError,
            _ change: @escaping @Sendable (inout CannedAnswerDefinition) -> Void
        ) {
            self.label = label
            self.expected = { _ in error }
            self.change = { definition, _ in change(&definition) }
        }

        /// A spoiled field naming one of the desk's records.
        init(
            _ label: String, expected: @escaping @Sendable (TestDesk) -> HelpDeskError,
            change: @escaping @Sendable (inout CannedAnswerDefinition, TestDesk) -> Void
        ) {
            self.label = label
            self.expected = expected
            self.change = change
        }
    }

    static let malformedShortcut = HelpDeskError.invalidInput(
        field: "shortcut", problem: .malformed(expected: "letters, digits, '_', '-' and '.'"))

    static let spoiled: [Spoiled] = [
        Spoiled("blank name", .invalidInput(field: "name", problem: .blank)) { $0.name = " \n" },
        Spoiled("long name", .invalidInput(field: "name", problem: .tooLong(maximum: 200))) {
            $0.name = String(repeating: "я", count: 201)
        },
        Spoiled("blank folder", .invalidInput(field: "folder", problem: .blank)) { $0.folder = "" },
        Spoiled("blank shortcut", .invalidInput(field: "shortcut", problem: .blank)) { $0.shortcut = "\t" },
        Spoiled("long shortcut", .invalidInput(field: "shortcut", problem: .tooLong(maximum: 32))) {
            $0.shortcut = String(repeating: "k", count: 33)
        },
        Spoiled("shortcut with a space", malformedShortcut) { $0.shortcut = "two words" },
        Spoiled("shortcut with an emoji", malformedShortcut) { $0.shortcut = "hi🙂" },
        Spoiled("blank text", .invalidInput(field: "body", problem: .blank)) { $0.body = try! Template(parsing: "  ") },
        Spoiled("taken shortcut", .duplicateName("GREET")) { $0.shortcut = "GREET" },
        Spoiled("unknown status", .unknownStatus("nowhere")) { $0.setStatus = "nowhere" },
        Spoiled(
            "unknown group", expected: { .groupNotFound($0.anna.id.retagged()) },
            change: { $0.audience = .group($1.anna.id.retagged()) }),
        Spoiled(
            "owner who left", expected: { .employeeInactive($0.former.id) },
            change: { $0.audience = .owner($1.former.id) }),
    ]

    @Test(arguments: spoiled)
    func aSpoiledDefinitionIsRefusedAndSavesNothing(_ s: Spoiled) async throws {
        let test = try await TestDesk.make()
        _ = try await test.desk.createCannedAnswer(
            try CannedAnswerDefinition(name: "Greeting", shortcut: "greet", text: "Hello"), by: .system)
        var definition = try CannedAnswerDefinition(
            name: "Bye", folder: "Replies", shortcut: "bye", text: "Bye, {{ requester.name }}")
        s.change(&definition, test)
        let before = try await test.snapshot()
        await #expect(throws: s.expected(test)) { try await test.desk.createCannedAnswer(definition, by: .system) }
        #expect(try await test.snapshot() == before)
    }

    @Test func malformedTextIsATypedTemplateError() {
        #expect(throws: HelpDeskError.self) {
            _ = try CannedAnswerDefinition(name: "Broken", shortcut: "broken", text: "Hi {{ requester.name")
        }
        do {
            _ = try CannedAnswerDefinition(name: "Broken", shortcut: "broken", text: "Hi {{ requester.name")
        } catch {
            guard case .invalidTemplate("body", let template) = error.reason else {
                Issue.record("\(error)")
                return
            }
            #expect(template.code == .unclosedPlaceholder)
        }
    }
}

extension Identifier {
    /// The same UUID as an identifier of another kind (an identifier nothing of that kind has).
    func retagged<Other>() -> Identifier<Other> { Identifier<Other>(rawValue) }
}
