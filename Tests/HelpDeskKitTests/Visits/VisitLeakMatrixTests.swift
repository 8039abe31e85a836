import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Mail
import SeededRandom
import Testing

/// Visit news cannot leak: staff plant secrets in every internal place a visit touches — internal
/// notes, the assignee's and group's names, a hidden category, an engineer's email, the company's
/// notes and registration, the site's address, the contact's phone and position — while visits are
/// planned, moved and cancelled at random with templates naming every visit path. No visit event,
/// client notice, client message, email to a client or portal read carries any of them; staff
/// reads do, so they were there to leak.
@Suite("Visit news carries only client-visible data")
struct VisitLeakMatrixTests {
    static let secret = "SECRET"
    static let everyVisitPath = NoticeTemplate.visitSchema.paths.keys.sorted()
        .map { "\($0)=[{{\($0) | \"∅\"}}]" }.joined(separator: "\n")

    @Test(arguments: 0..<4)
    func clientsNeverReadASecretAboutAVisit(seed: Int) async throws {
        var configuration = HelpDeskConfiguration()
        let every = try NoticeTemplate(subject: "{{visit.when}} {{visit.site | \"∅\"}}", body: Self.everyVisitPath)
        configuration.notifications.visits = VisitNoticeTemplates(planned: every, rescheduled: every, cancelled: every)
        let secrets = try await SecretDesk.make(
            secret: Self.secret, configuration: configuration, seed: seed, carlEmail: "carl@alpha.example")
        let (test, desk, staff) = (secrets.test, secrets.test.desk, Performer.employee(secrets.test.anna.id))
        let (alpha, alice, carl) = (secrets.alpha, secrets.alice, secrets.carl)
        _ = try await desk.updateCompany(
            alpha.id, CompanyUpdate(registration: ["INN": "\(Self.secret)-7701"], notes: "\(Self.secret) pays late"),
            by: .system)
        _ = try await desk.updateContact(
            alice.id, ContactUpdate(position: "\(Self.secret) buyer", phone: "+7 \(Self.secret)"), by: .system)
        let office = try await desk.addLocation(
            NewLocation(
                companyID: alpha.id, name: "Main office", address: "\(Self.secret) door code",
                timeZoneIdentifier: "Europe/Moscow"),
            by: .system)
        let engineer = try await desk.addEmployee(
            NewEmployee(name: "Pavel Fixer", email: "fixer.\(Self.secret)@service.example"), by: .system)
        let crews = [[test.boris.id], [engineer.id], [engineer.id, test.boris.id]]
        let tickets = [
            try await desk.createTicket(
                NewTicket(
                    title: "Printer <jams>", channel: .portal, requester: .contact(alice.id), locationID: office.id,
                    ccContactIDs: [carl.id]), by: .contact(alice.id)),
            try await desk.createTicket(
                NewTicket(
                    title: "Phone & fax", channel: .phone, requester: .freeText("Ivan Petrov <ivan@petrov.example>")),
                by: staff),
        ]
        let clientAddresses: Set<String> = ["alice@alpha.example", "carl@alpha.example", "ivan@petrov.example"]
        var random = SplitMix64(seed: UInt64(seed) &* 31 &+ 7)
        var (visitNews, clientNotices, staffSawSecrets) = (0, 0, false)
        for step in 0..<40 {
            test.clock.advance(by: 600)
            let index = Int(random.next() % 2)
            let ticket = tickets[index]
            let request = VisitRequest(
                start: TestDesk.start.addingTimeInterval(Double(random.next() % 500) * 1_800),
                durationMinutes: Int(random.next() % 300) + 30, employeeIDs: crews[Int(random.next() % 3)],
                locationID: index == 0 && random.next() % 2 == 0 ? office.id : nil,
                window: nil, isFixed: random.next() % 2 == 0)
            switch random.next() % 6 {
            case 0, 1:
                _ = try? await desk.planVisit(on: ticket.id, request, by: staff)
            case 2, 3:
                _ = try? await desk.rescheduleVisit(on: ticket.id, to: request, by: staff)
            case 4:
                _ = try? await desk.cancelVisit(on: ticket.id, by: staff)
            default:
                _ = try await desk.comment(
                    on: ticket.id, NewComment("\(Self.secret) note \(step)", visibility: .internal), by: staff)
                _ = try await desk.assign(ticket.id, to: secrets.agent.id, group: secrets.group.id, by: staff)
                _ = try await desk.updateTicket(
                    ticket.id, TicketUpdate(categoryID: .some(secrets.hidden.id)), by: staff)
            }
            let events = try await desk.undeliveredEvents(limit: 1_000, as: .system)
            for event in events {
                let isVisit = ["visitPlanned", "visitRescheduled", "visitCancelled"].contains(event.event.name)
                if isVisit {
                    visitNews += 1
                    #expect(!String(describing: event.event).contains(Self.secret))
                }
                if case .noticeSent(_, _, let notice) = event.event, notice.reader == .client {
                    clientNotices += notice.purpose == .visit ? 1 : 0
                    for text in [notice.subject, notice.text, notice.html] {
                        #expect(!text.contains(Self.secret), "\(notice.purpose) notice: \(text)")
                    }
                }
                for message in try await desk.clientNotices(for: event, as: .system) {
                    #expect(!message.subject.contains(Self.secret) && !message.body.contains(Self.secret))
                }
                for mail in try await desk.emails(for: event) {
                    let parsed = MailParser().parse(mail.bytes)
                    let everything =
                        [parsed.subject, parsed.text, parsed.html ?? ""] + parsed.headers.fields.map(\.value)
                    guard clientAddresses.contains(mail.recipient.address) else { continue }
                    for text in everything { #expect(!text.contains(Self.secret), "to \(mail.recipient): \(text)") }
                }
            }
            _ = try await desk.acknowledgeEvents(events.map(\.sequence), by: .system)
            for contact in [alice.id, carl.id] {
                let portal = desk.portal(for: contact)
                if let seen = try? await portal.visit(of: tickets[0].id) {
                    #expect(!String(describing: seen).contains(Self.secret))
                }
            }
            if let visit = try await desk.visit(of: ticket.id, as: staff) {
                let audit = try await desk.auditTrail(of: ticket.id, as: staff)
                let employees = try await desk.employees(as: staff)
                if employees.contains(where: { visit.employeeIDs.contains($0.id) && $0.email.contains(Self.secret) }) {
                    staffSawSecrets = true
                }
                #expect(audit.filter { $0.field == .visit }.allSatisfy { !($0.newValue ?? "").contains(Self.secret) })
            }
        }
        #expect(visitNews > 10, "visits were announced: \(visitNews)")
        #expect(clientNotices > 10, "clients were told: \(clientNotices)")
        #expect(staffSawSecrets, "the secrets were reachable: staff read the engineer's email")
    }
}
