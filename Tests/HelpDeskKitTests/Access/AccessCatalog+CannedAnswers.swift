import Foundation
import HelpDeskKit
import HelpDeskTestSupport

extension AccessFixture {
    /// The fixture's canned answers: a public greeting and an internal note for everyone, and
    /// Anna's personal signature.
    static func addCannedAnswers(_ test: TestDesk) async throws {
        let desk = test.desk
        _ = try await desk.createCannedAnswer(
            try CannedAnswerDefinition(
                name: "Greeting", folder: "Replies", shortcut: "greet",
                text:
                    "Здравствуйте, {{ requester.firstName | \"коллеги\" }}! Заявка {{ ticket.number }}: {{ ticket.status }}. {{ agent.name }}"
            ),
            by: .system)
        _ = try await desk.createCannedAnswer(
            try CannedAnswerDefinition(
                name: "Toner note", shortcut: "toner",
                text: "Priority {{ ticket.priority }}, group {{ ticket.group | \"none\" }}",
                visibility: .internal),
            by: .system)
        _ = try await desk.createCannedAnswer(
            try CannedAnswerDefinition(
                name: "Anna's signature", shortcut: "anna-sig", text: "— Anna", audience: .owner(test.anna.id)),
            by: .system)
    }

    /// The fixture's answer with `shortcut`, read from the store (no access question asked).
    static func cannedAnswer(_ f: AccessFixture, _ shortcut: String) async throws -> CannedAnswer {
        guard let store = f.desk.store as? any CannedAnswerRepository,
            let answer = try await store.cannedAnswer(shortcut: shortcut)
        else { throw AccessFixtureError.noRule }
        return answer
    }

    /// Every canned answer's identifier, read from the store.
    static func cannedAnswerIDs(_ f: AccessFixture) async throws -> [CannedAnswerID] {
        guard let store = f.desk.store as? any CannedAnswerRepository else { throw AccessFixtureError.noRule }
        return try await store.cannedAnswers().map(\.id)
    }
}

extension AccessCatalog {
    /// Shared answers are knowledge an editor maintains; personal answers and every read need
    /// internal knowledge; using one is a reply (or note) on the ticket.
    static let cannedAnswerEntries: [AccessEntry] = [
        E("createCannedAnswer(_:by:idempotencyKey:)", "createCannedAnswer: a shared reply") { f, p in
            try await E.call {
                try await f.desk.createCannedAnswer(
                    try CannedAnswerDefinition(name: "Bye", shortcut: "bye", text: "До свидания, {{ requester.name }}"),
                    by: p)
            }
        },
        E("createCannedAnswer(_:by:idempotencyKey:)", "createCannedAnswer: a personal note") { f, p in
            try await E.call {
                let owner = p.employeeID ?? f.test.anna.id
                return try await f.desk.createCannedAnswer(
                    try CannedAnswerDefinition(
                        name: "Mine", shortcut: "mine", text: "{{ ticket.agentStatus }}", visibility: .internal,
                        audience: .owner(owner)),
                    by: p)
            }
        },
        E("updateCannedAnswer(_:_:expectedRevision:by:idempotencyKey:)", "updateCannedAnswer: the greeting's folder") {
            f, p in
            try await E.call {
                let answer = try await AccessFixture.cannedAnswer(f, "greet")
                var definition = answer.definition
                definition.folder = "Greetings"
                return try await f.desk.updateCannedAnswer(answer.id, definition, expectedRevision: 1, by: p)
            }
        },
        E("retireCannedAnswer(_:by:idempotencyKey:)", "retireCannedAnswer: the greeting") { f, p in
            try await E.call {
                try await f.desk.retireCannedAnswer(try await AccessFixture.cannedAnswer(f, "greet").id, by: p)
            }
        },
        E("cannedAnswers(matching:as:)", "cannedAnswers: matching greet") { f, p in
            try await E.call { try await f.desk.cannedAnswers(matching: "greet", as: p) }
        },
        E("cannedAnswer(shortcut:as:)", "cannedAnswer: by the shortcut greet") { f, p in
            try await E.call { try await f.desk.cannedAnswer(shortcut: "greet", as: p) }
        },
        E("cannedAnswer(_:as:)", "cannedAnswer: the greeting") { f, p in
            try await E.call {
                try await f.desk.cannedAnswer(try await AccessFixture.cannedAnswer(f, "greet").id, as: p)
            }
        },
        E(
            "previewCannedAnswer(_:for:as:)", "previewCannedAnswer: the greeting for a1", foreign: hidesA1,
            concernsAlpha: true
        ) { f, p in
            try await E.call {
                try await f.desk.previewCannedAnswer(
                    try await AccessFixture.cannedAnswer(f, "greet").id, for: f.a1.id, as: p)
            }
        },
        E(
            "answerWithCannedAnswer(_:on:extraText:attachments:citing:expectedRevision:by:idempotencyKey:)",
            "answerWithCannedAnswer: the greeting on a1", foreign: hidesA1, concernsAlpha: true
        ) { f, p in
            try await E.call {
                try await f.desk.answerWithCannedAnswer(
                    try await AccessFixture.cannedAnswer(f, "greet").id, on: f.a1.id, extraText: "P.S.", by: p)
            }
        },
        E(
            "answerWithCannedAnswer(_:on:extraText:attachments:citing:expectedRevision:by:idempotencyKey:)",
            "answerWithCannedAnswer: the toner note on a1", foreign: hidesA1, concernsAlpha: true
        ) { f, p in
            try await E.call {
                try await f.desk.answerWithCannedAnswer(
                    try await AccessFixture.cannedAnswer(f, "toner").id, on: f.a1.id, by: p)
            }
        },
    ]
}
