import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Mail
import SeededRandom
import Testing
import WorkingTime

/// The desk's mail cannot leak: staff plant secrets in every internal place (internal notes, a hidden
/// category, the group's and the assignee's names, labor comments, a rule's name and its staff
/// notice) while a rule mails clients a template naming every client path and employees reply
/// publicly. Every message rendered for a client address — subject, every header, text and HTML, as
/// parsed back from the bytes — is free of the secrets; the staff's own mail carries them, so they
/// were there to leak.
@Suite("Mail to clients carries only client-visible data")
struct EmailLeakMatrixTests {
    static let secret = "SECRET"

    @Test(arguments: 0..<4)
    func mailToClientsNeverCarriesASecret(seed: Int) async throws {
        var configuration = HelpDeskConfiguration()
        configuration.notifications.loopProtection = LoopProtection(perRecipient: [], perTicket: [])
        configuration.notifications.statusChange = .standardStatusChange
        let secrets = try await SecretDesk.make(
            secret: Self.secret, configuration: configuration, seed: seed, carlEmail: "carl@alpha.example")
        let (test, desk, staff) = (secrets.test, secrets.test.desk, Performer.employee(secrets.test.boris.id))
        let (group, agent, hidden, alice, carl) = (secrets.group, secrets.agent, secrets.hidden, secrets.alice, secrets.carl)
        // The notice matrix's templates: every client path for clients, every staff path for watchers.
        let (everyClientPath, everyStaffPath) = (NoticeLeakMatrixTests.everyClientPath, NoticeLeakMatrixTests.everyStaffPath)
        _ = try await desk.defineRule(
            RuleDefinition(
                name: "\(Self.secret) rule", priority: 1, triggers: [.ticketChanged, .clientCommented],
                actions: [
                    .notify(try NoticeTemplate(subject: "{{ticket.title}}", body: everyClientPath), to: .clients),
                    .notify(try NoticeTemplate(subject: "{{ticket.group | \"none\"}}", body: everyStaffPath), to: .watchers),
                ]), by: .system)
        let tickets = [
            try await desk.createTicket(
                NewTicket(title: "Printer <jams>", channel: .email, requester: .contact(alice.id), ccContactIDs: [carl.id]),
                by: .contact(alice.id)),
            try await desk.createTicket(
                NewTicket(title: "Phone & fax", channel: .phone, requester: .freeText("Ivan Petrov <ivan@petrov.example>")),
                by: staff),
        ]
        for ticket in tickets { _ = try await desk.addWatchers([test.anna.id], to: ticket.id, by: staff) }
        let clientAddresses: Set<String> = ["alice@alpha.example", "carl@alpha.example", "ivan@petrov.example"]
        var random = SplitMix64(seed: UInt64(seed) &* 77)
        var (clientMail, staffSawSecrets, internalNotesMailed) = (0, false, 0)
        for step in 0..<30 {
            test.clock.advance(by: 300)
            let ticket = tickets[Int(random.next() % 2)]
            switch random.next() % 6 {
            case 0:
                _ = try await desk.comment(
                    on: ticket.id, NewComment("\(Self.secret) note \(step)", visibility: .internal), by: staff)
            case 1: _ = try await desk.comment(on: ticket.id, NewComment("Public <answer> \(step)"), by: staff)
            case 2:
                // Some moves are not in the workflow from where the ticket is: those are refused and skipped.
                _ = try? await desk.changeStatus(
                    ticket.id, to: [.inProgress, .waitingForClient, .resolved][Int(random.next() % 3)], by: staff)
            case 3:
                _ = try await desk.updateTicket(
                    ticket.id, TicketUpdate(priority: .critical, categoryID: .some(hidden.id)), by: staff)
            case 4: _ = try await desk.assign(ticket.id, to: agent.id, group: group.id, by: staff)
            default:
                _ = try await desk.logTime(
                    on: ticket.id,
                    NewTimeEntry(
                        workDate: try LocalDate(parsing: "2026-03-02"), minutes: 15, comment: "\(Self.secret) labor"),
                    by: staff)
            }
            let events = try await desk.undeliveredEvents(limit: 1_000, as: .system)
            for event in events {
                let mails = try await desk.emails(for: event)
                if case .commentAdded(_, _, _, .internal) = event.event { internalNotesMailed += mails.count }
                for mail in mails {
                    let parsed = MailParser().parse(mail.bytes)
                    let everything = [parsed.subject, parsed.text, parsed.html ?? ""] + parsed.headers.fields.map(\.value)
                    guard clientAddresses.contains(mail.recipient.address) else {
                        staffSawSecrets = staffSawSecrets || everything.contains { $0.contains(Self.secret) }
                        continue
                    }
                    clientMail += 1
                    for text in everything { #expect(!text.contains(Self.secret), "to \(mail.recipient): \(text)") }
                    #expect(parsed.to.map(\.address) == [mail.recipient.address], "one recipient per message")
                }
            }
            _ = try await desk.acknowledgeEvents(events.map(\.sequence), by: .system)
        }
        #expect(internalNotesMailed == 0, "an internal note is never mailed")
        #expect(clientMail > 20, "clients were mailed: \(clientMail)")
        #expect(staffSawSecrets, "the secrets were reachable: the staff's mail carries them")
    }
}
