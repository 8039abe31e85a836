import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import SeededRandom
import Testing
import WorkingTime

/// Templates cannot leak: a client template naming every client path, sent by a rule on every
/// change, to every kind of client (the contact who asked, a copied colleague, a free-text
/// requester), in text and HTML, while staff plant secrets in every internal place — an internal
/// note, a hidden category, the group's and the assignee's names, the agent-only status label, the
/// priority, labor comments. Each client notice is compared with what an independent model says the
/// client may see; the same template's staff twin shows the secrets were there to leak.
@Suite("Notice templates carry only client-visible data")
struct NoticeLeakMatrixTests {
    static let secret = "SECRET"
    static let clientPaths = NoticeTemplate.clientSchema.paths.keys.sorted()

    /// `path=[value]` for every client path, `∅` when missing.
    static let everyClientPath = clientPaths.map { "\($0)=[{{\($0) | \"∅\"}}]" }.joined(separator: "\n")
    static let everyStaffPath = NoticeTemplate.staffSchema.paths.keys.sorted()
        .map { "\($0)=[{{\($0) | \"∅\"}}]" }.joined(separator: "\n")

    /// What the model says a client reads for `path` of `ticket` (`nil`: not checked exactly).
    static func expected(_ path: String, recipientName: String, lastPublicReply: String?, status: String) -> String? {
        switch path {
        case "ticket.category": "∅"  // the category is hidden from clients
        case "ticket.status": status
        case "recipient.name": recipientName
        case "recipient.firstName": String(recipientName.split(separator: " ")[0])
        case "ticket.lastReply": lastPublicReply ?? "∅"
        case "desk.name": "Service desk"
        default: nil
        }
    }

    @Test(arguments: 0..<6)
    func clientNoticesSayOnlyWhatTheModelAllows(seed: Int) async throws {
        var configuration = HelpDeskConfiguration()
        configuration.notifications.loopProtection = LoopProtection(perRecipient: [], perTicket: [])
        let secrets = try await SecretDesk.make(secret: Self.secret, configuration: configuration, seed: seed)
        let (test, desk, staff) = (secrets.test, secrets.test.desk, Performer.employee(secrets.test.boris.id))
        let (group, agent, hidden, alice, carl) = (secrets.group, secrets.agent, secrets.hidden, secrets.alice, secrets.carl)
        _ = try await desk.defineRule(
            RuleDefinition(
                name: "\(Self.secret) rule", priority: 1, triggers: [.ticketChanged, .clientCommented],
                actions: [
                    .notify(try NoticeTemplate(subject: "{{ticket.number}}", body: Self.everyClientPath), to: .clients),
                    .notify(try NoticeTemplate(subject: "{{ticket.number}}", body: Self.everyStaffPath), to: .watchers),
                ]), by: .system)
        let tickets = [
            try await desk.createTicket(
                NewTicket(title: "Printer <jams>", channel: .portal, requester: .contact(alice.id), ccContactIDs: [carl.id]),
                by: .contact(alice.id)),
            try await desk.createTicket(
                NewTicket(title: "Phone & fax", channel: .phone, requester: .freeText("Ivan Petrov")), by: staff),
        ]
        for ticket in tickets {
            _ = try await desk.addWatchers([test.anna.id], to: ticket.id, by: staff)
        }
        _ = try await desk.acknowledgeEvents(try await desk.undeliveredEvents(limit: 1_000, as: .system).map(\.sequence), by: .system)
        var random = SplitMix64(seed: UInt64(seed) &* 31)
        var lastReply: [TicketID: String] = [:]
        var staffSawSecrets = false
        var checkedValues = 0
        var clientsTold: Set<Requester> = []
        for step in 0..<30 {
            test.clock.advance(by: 300)
            let ticket = tickets[Int(random.next() % 2)]
            switch random.next() % 6 {
            case 0: _ = try await desk.comment(on: ticket.id, NewComment("\(Self.secret) note \(step)", visibility: .internal), by: staff)
            case 1:
                _ = try await desk.comment(on: ticket.id, NewComment("Public <answer> \(step)"), by: staff)
                lastReply[ticket.id] = "Public <answer> \(step)"
            case 2: _ = try await desk.changeStatus(ticket.id, to: [.inProgress, .waitingForClient][Int(random.next() % 2)], by: staff)
            case 3: _ = try await desk.updateTicket(ticket.id, TicketUpdate(priority: .critical, categoryID: .some(hidden.id)), by: staff)
            case 4: _ = try await desk.assign(ticket.id, to: agent.id, group: group.id, by: staff)
            default:
                _ = try await desk.logTime(
                    on: ticket.id, NewTimeEntry(workDate: try LocalDate(parsing: "2026-03-02"), minutes: 15, comment: "\(Self.secret) labor"),
                    by: staff)
            }
            for event in try await desk.undeliveredEvents(limit: 1_000, as: .system) {
                guard case .noticeSent(let id, _, let notice) = event.event else { continue }
                let current = try await desk.ticket(id, as: .system)
                if notice.reader == .staff {
                    staffSawSecrets = staffSawSecrets || notice.text.contains(Self.secret)
                    #expect(event.audience.clients.isEmpty)
                    continue
                }
                #expect(event.audience.employeeIDs.isEmpty && event.audience.groupIDs.isEmpty)
                for text in [notice.subject, notice.text, notice.html] {
                    #expect(!text.contains(Self.secret), "\(text)")
                    #expect(!text.contains("critical") && !text.contains("Waiting for client"), "\(text)")
                }
                let recipient = try #require(event.audience.clients.first)
                clientsTold.insert(recipient)
                let name = switch recipient {
                case .contact(let contact): contact == alice.id ? "Alice Client" : "Carl Colleague"
                case .freeText(let text): text
                }
                let status = desk.workflow.status(current.status)?.customerLabel ?? ""
                for line in notice.text.split(separator: "\n") {
                    let parts = line.split(separator: "=", maxSplits: 1)
                    let path = String(parts[0])
                    let value = String(parts[1].dropFirst().dropLast())
                    if let expected = Self.expected(path, recipientName: name, lastPublicReply: lastReply[id], status: status) {
                        #expect(value == expected, "\(path) for \(name)")
                        checkedValues += 1
                    }
                }
                #expect(!notice.html.contains("<answer>") && !notice.html.contains("<jams>"), "values are escaped in HTML")
            }
            _ = try await desk.acknowledgeEvents(try await desk.undeliveredEvents(limit: 1_000, as: .system).map(\.sequence), by: .system)
        }
        #expect(staffSawSecrets, "the secrets were reachable: staff templates render them")
        #expect(checkedValues > 50, "client notices were checked value by value")
        #expect(clientsTold.count >= 2, "more than one kind of client was told: \(clientsTold)")
    }
}
