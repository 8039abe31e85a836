import Foundation
import HelpDeskKit
import HelpDeskTestSupport

extension HostileCommandCatalog {
    /// A letter from a contact, an employee or a stranger naming a real or made-up ticket, with
    /// hostile headers and text; or bytes that are no letter at all.
    static func letter(_ d: inout HostileDraw) -> [UInt8] {
        if d.oneIn(5) { return (0..<Int(d.random.next() % 2_000)).map { _ in UInt8(truncatingIfNeeded: d.random.next()) } }
        let senders = [d.f.alice.email, d.f.bob.email, d.f.test.anna.email, "stranger@elsewhere.example"].compactMap { $0 }
        let from = d.hostile() ? d.text(senders) : d.pick(senders)
        let ticket = d.pick(d.f.allTickets)
        let subject = d.hostile() ? d.text(["[\(ticket.number)]"]) : "Re: printer [\(ticket.number)]"
        let reference =
            d.bool()
            ? "ticket-\(ticket.id.description.lowercased())-\(d.uuid().uuidString.lowercased())-0@desk.example"
            : d.text(["held@elsewhere.example"])
        let text = """
            From: \(from)\r
            To: support@desk.example\r
            Subject: \(subject)\r
            Message-ID: <\(d.text(["stranger-1@elsewhere.example"]))>\r
            In-Reply-To: <\(reference)>\r
            \r
            \(d.text())\r
            [HD-\(d.pick(d.tickets).description)]\r

            """
        return Array(text.utf8)
    }

    static let emailEntries: [HostileCommand] = [
        command("receiveEmail(_:by:)") { d in
            _ = try await d.f.desk.receiveEmail(letter(&d), by: d.performer())
        },
        command("decideQuarantinedEmail(_:_:by:)") { d in
            let held = try await AccessFixture.heldLetter(d.f)
            _ = try await d.f.desk.decideQuarantinedEmail(
                d.id([held]), d.pick(QuarantineDecision.allCases), by: d.performer())
        },
        read("emails(for:as:)") { d in
            let events = try await d.f.desk.store.undeliveredEvents(limit: 50)
            guard !events.isEmpty else { return }
            _ = try await d.f.desk.emails(for: d.pick(events), as: d.performer())
        },
        read("emailRecords(of:as:)") { d in
            _ = try await d.f.desk.emailRecords(of: d.id(d.tickets), as: d.performer())
        },
        read("quarantinedEmails(as:)") { d in _ = try await d.f.desk.quarantinedEmails(as: d.performer()) },
        read("bouncedAddresses(as:)") { d in _ = try await d.f.desk.bouncedAddresses(as: d.performer()) },
        read("receivedEmail(_:as:)") { d in
            let held = try await AccessFixture.heldLetter(d.f)
            _ = try await d.f.desk.receivedEmail(d.id([held]), as: d.performer())
        },
    ]
}
