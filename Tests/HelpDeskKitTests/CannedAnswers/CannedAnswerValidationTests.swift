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
    static let meaningless: Set<String> = ["rule.name", "rating.score", "rating.comment", "recipient.name", "recipient.firstName"]
    /// Paths answers add for both visibilities.
    static let answerPaths: [String: TemplateSchema.Presence] = [
        "requester.name": .always, "requester.firstName": .optional, "agent.name": .always, "agent.firstName": .optional,
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
    }

    static let spoiled: [Spoiled] = [
        Spoiled(label: "blank name", expected: { _ in .invalidInput(field: "name", problem: .blank) }) { d, _ in d.name = " \n" },
        Spoiled(label: "long name", expected: { _ in .invalidInput(field: "name", problem: .tooLong(maximum: 200)) }) {
            d, _ in d.name = String(repeating: "я", count: 201)
        },
        Spoiled(label: "blank folder", expected: { _ in .invalidInput(field: "folder", problem: .blank) }) { d, _ in d.folder = "" },
        Spoiled(label: "blank shortcut", expected: { _ in .invalidInput(field: "shortcut", problem: .blank) }) {
            d, _ in d.shortcut = "\t"
        },
        Spoiled(label: "long shortcut", expected: { _ in .invalidInput(field: "shortcut", problem: .tooLong(maximum: 32)) }) {
            d, _ in d.shortcut = String(repeating: "k", count: 33)
        },
        Spoiled(
            label: "shortcut with a space",
            expected: { _ in
                .invalidInput(field: "shortcut", problem: .malformed(expected: "letters, digits, '_', '-' and '.'"))
            }
        ) { d, _ in d.shortcut = "two words" },
        Spoiled(label: "blank text", expected: { _ in .invalidInput(field: "body", problem: .blank) }) { d, _ in
            d.body = try! Template(parsing: "  ")
        },
        Spoiled(label: "taken shortcut", expected: { _ in .duplicateName("GREET") }) { d, _ in d.shortcut = "GREET" },
        Spoiled(label: "unknown group", expected: { t in .groupNotFound(t.anna.id.retagged()) }) { d, t in
            d.audience = .group(t.anna.id.retagged())
        },
        Spoiled(label: "owner who left", expected: { t in .employeeInactive(t.former.id) }) { d, t in
            d.audience = .owner(t.former.id)
        },
        Spoiled(label: "unknown status", expected: { _ in .unknownStatus("nowhere") }) { d, _ in d.setStatus = "nowhere" },
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
