import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Templating

extension HostileCommandCatalog {
    /// Bodies that parse and fit, that name a staff-only or unknown path, that miss a fallback, and
    /// that are hostile text.
    static func cannedAnswerBody(_ d: inout HostileDraw) -> Template {
        let bodies = [
            "Plain", "{{ ticket.number }} {{ agent.name }}", "{{ ticket.priority }}", "{{ requester.firstName }}",
            "{{ recipient.name }}", "{{ ticket.secret | \"x\" }}", "{{ ticket.group | \"–\" }}",
            "{{ rule.name | \"r\" }}",
            d.text(["Hi {{ requester.firstName | \"there\" }}"]),
        ]
        return (try? Template(parsing: d.pick(bodies))) ?? (try? Template(parsing: "Plain"))!
    }

    /// A definition with real or hostile names, shortcuts, audiences and statuses.
    static func cannedAnswerDefinition(_ d: inout HostileDraw) -> CannedAnswerDefinition {
        let audience: CannedAnswerAudience =
            switch d.random.next() % 4 {
            case 0: .group(d.id(d.groups))
            case 1: .owner(d.employee())
            default: .everyone
            }
        return CannedAnswerDefinition(
            name: d.text(["Greeting"]), folder: d.optionalText(["Replies"]),
            shortcut: d.hostile() ? d.text(["greet", "GREET", "toner", "anna-sig"]) : "kw\(d.random.next() % 1_000)",
            body: cannedAnswerBody(&d), visibility: d.bool() ? .public : .internal, audience: audience,
            setStatus: d.oneIn(3) ? StatusCode(d.text(["in_progress", "resolved", "waiting_for_client"])) : nil)
    }

    static let cannedAnswerEntries: [HostileCommand] = [
        command("createCannedAnswer(_:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.createCannedAnswer(
                cannedAnswerDefinition(&d), by: d.performer(), idempotencyKey: d.key())
        },
        command("updateCannedAnswer(_:_:expectedRevision:by:idempotencyKey:)") { d in
            let existing = try await AccessFixture.cannedAnswerIDs(d.f)
            _ = try await d.f.desk.updateCannedAnswer(
                d.id(existing), cannedAnswerDefinition(&d), expectedRevision: d.optionalInt(), by: d.performer(),
                idempotencyKey: d.key())
        },
        command("retireCannedAnswer(_:by:idempotencyKey:)") { d in
            let existing = try await AccessFixture.cannedAnswerIDs(d.f)
            _ = try await d.f.desk.retireCannedAnswer(d.id(existing), by: d.performer(), idempotencyKey: d.key())
        },
        command("answerWithCannedAnswer(_:on:extraText:attachments:citing:expectedRevision:by:idempotencyKey:)") { d in
            let existing = try await AccessFixture.cannedAnswerIDs(d.f)
            _ = try await d.f.desk.answerWithCannedAnswer(
                d.id(existing), on: d.id(d.tickets), extraText: d.optionalText(), attachments: d.attachments(),
                citing: d.ids(knowledgeArticles), expectedRevision: d.optionalInt(), by: d.performer(),
                idempotencyKey: d.key())
        },
        read("cannedAnswers(matching:as:)") { d in
            _ = try await d.f.desk.cannedAnswers(matching: d.optionalText(["greet", "Replies"]), as: d.performer())
        },
        read("cannedAnswer(shortcut:as:)") { d in
            _ = try await d.f.desk.cannedAnswer(shortcut: d.text(["greet", "anna-sig"]), as: d.performer())
        },
        read("cannedAnswer(_:as:)") { d in
            let existing = try await AccessFixture.cannedAnswerIDs(d.f)
            _ = try await d.f.desk.cannedAnswer(d.id(existing), as: d.performer())
        },
        read("previewCannedAnswer(_:for:as:)") { d in
            let existing = try await AccessFixture.cannedAnswerIDs(d.f)
            _ = try await d.f.desk.previewCannedAnswer(d.id(existing), for: d.id(d.tickets), as: d.performer())
        },
    ]
}
