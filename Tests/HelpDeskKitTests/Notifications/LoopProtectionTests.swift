import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import SeededRandom
import Testing

/// Loop protection against a reference model: seeded random client comments, each answered by an
/// auto-reply rule, on tickets of two clients; the model counts sends per recipient and per ticket
/// in sliding windows and says which replies go out.
@Suite("Loop protection")
struct LoopProtectionTests {
    static let perRecipient = [NoticeRateWindow(limit: 3, minutes: 10), NoticeRateWindow(limit: 5, minutes: 60)]
    static let perTicket = [NoticeRateWindow(limit: 2, minutes: 15)]

    /// The model: one list of send instants per key.
    struct Model {
        var sent: [String: [Date]] = [:]

        func allows(_ key: String, _ windows: [NoticeRateWindow], at now: Date) -> Bool {
            windows.allSatisfy { window in
                (sent[key] ?? []).filter { now.timeIntervalSince($0) < Double(window.minutes * 60) }.count < window.limit
            }
        }

        /// Records the reply if the limits allow it; returns whether it goes out.
        mutating func reply(to recipient: String, on ticket: String, at now: Date) -> Bool {
            guard allows(recipient, perRecipient, at: now), allows(ticket, perTicket, at: now) else { return false }
            sent[recipient, default: []].append(now)
            sent[ticket, default: []].append(now)
            return true
        }
    }

    static func desk(seed: UInt64, retries: Int = 4) async throws -> (TestDesk, [Contact], AutomationRule) {
        var configuration = HelpDeskConfiguration(conflictRetries: retries)
        configuration.notifications.receipt = nil
        configuration.notifications.loopProtection = LoopProtection(perRecipient: perRecipient, perTicket: perTicket)
        let test = try await TestDesk.make(configuration: configuration, seed: seed)
        let company = try await test.desk.addCompany(NewCompany(name: "Acme"), by: .system)
        var contacts: [Contact] = []
        for (name, email) in [("Ann Client", "Ann@Acme.example"), ("Bob Client", "bob@acme.example")] {
            contacts.append(
                try await test.desk.addContact(NewContact(companyID: company.id, name: name, email: email), by: .system))
        }
        let rule = try await test.desk.defineRule(
            RuleDefinition(
                name: "Auto-reply", priority: 1, triggers: [.clientCommented],
                actions: [.autoReply(try NoticeTemplate(subject: "Re: {{ticket.title}}", body: "Noted."))]),
            by: .system)
        return (test, contacts, rule)
    }

    @Test(arguments: 0..<8)
    func repliesGoOutExactlyWhenTheModelAllowsThem(seed: Int) async throws {
        let (test, contacts, _) = try await Self.desk(seed: UInt64(seed))
        let desk = test.desk
        var random = SplitMix64(seed: UInt64(seed) &* 7919)
        var tickets: [(Ticket, Contact)] = []
        for index in 0..<4 {
            let contact = contacts[index % 2]
            tickets.append(
                (try await desk.createTicket(
                    NewTicket(title: "Issue \(index)", channel: .email, requester: .contact(contact.id)),
                    by: .contact(contact.id)), contact))
        }
        var model = Model()
        var expected = 0
        var suppressed = 0
        for _ in 0..<60 {
            test.clock.advance(by: TimeInterval(random.next() % 8) * 60)
            let (ticket, contact) = tickets[Int(random.next() % 4)]
            _ = try await desk.comment(on: ticket.id, NewComment("Any news?"), by: .contact(contact.id))
            let key = "recipient:" + (contact.email ?? "").lowercased()
            if model.reply(to: key, on: "ticket:\(ticket.id)", at: test.clock.now) { expected += 1 } else { suppressed += 1 }
            let notices = try await NoticeTests.notices(desk)
            #expect(notices.count == expected)
        }
        #expect(expected > 0 && suppressed > 0, "the run exercised both outcomes")
        var audited = 0
        for (ticket, _) in tickets {
            audited += try await desk.auditTrail(of: ticket.id, as: .system).count {
                $0.field == .automation && ($0.newValue ?? "").contains("loop protection")
            }
        }
        #expect(audited == suppressed)
    }

    @Test func twoEnginesAnsweringOneClientAtOnceNeverExceedTheLimit() async throws {
        let (test, contacts, _) = try await Self.desk(seed: 3, retries: 12)
        let ann = contacts[0]
        var tickets: [Ticket] = []
        for index in 0..<6 {
            tickets.append(
                try await test.desk.createTicket(
                    NewTicket(title: "Issue \(index)", channel: .email, requester: .contact(ann.id)), by: .contact(ann.id)))
        }
        let engines = [test.desk, test.secondEngine(seed: 99)]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, ticket) in tickets.enumerated() {
                let engine = engines[index % 2]
                group.addTask { _ = try await engine.comment(on: ticket.id, NewComment("Hello?"), by: .contact(ann.id)) }
            }
            try await group.waitForAll()
        }
        // Six tickets, one instant: the recipient's first window (3 in 10 minutes) lets three through.
        #expect(try await NoticeTests.notices(test.desk).count == 3)
    }
}
