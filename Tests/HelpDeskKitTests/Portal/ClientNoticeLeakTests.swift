import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing
import WorkingTime

/// Every text that reaches a client from the outbox is built from client-visible data: seeded
/// random days of staff and client work, with internal notes, labor comments and agent-only labels
/// planted as markers; every outbox event is checked at two levels — its audience (a client is
/// named only on client-visible events, never on an internal note) and its rendered
/// ``ClientNotice`` (present exactly for those, free of every marker, and saying what the client
/// would read in the portal).
@Suite("Client notices carry only client-visible data")
struct ClientNoticeLeakTests {
    /// Text that must never reach a client.
    static let secret = "SECRET"
    /// Agent labels of the standard workflow that differ from the client's.
    static let agentOnlyLabels = ["Waiting for client", "Postponed"]

    /// The desk of one run: Alpha with Alice (requester, may approve paid work), her colleague Carl
    /// (copied on the ticket now and then) and the ticket.
    struct Day {
        let test: TestDesk
        let alice: Contact
        let carl: Contact
        let ticket: Ticket

        static func make(seed: UInt64) async throws -> Day {
            var configuration = HelpDeskConfiguration()
            configuration.ratings = .standard
            configuration.billing = BillingConfiguration(laborItemCode: "HOUR")
            let test = try await TestDesk.make(configuration: configuration, seed: seed)
            let desk = test.desk
            let alpha = try await desk.addCompany(NewCompany(name: "Alpha \(secret)-company-notes"), by: .system)
            let office = try await desk.addLocation(
                NewLocation(companyID: alpha.id, name: "Office", timeZoneIdentifier: "Europe/Moscow"), by: .system)
            let alice = try await desk.addContact(
                NewContact(
                    companyID: alpha.id, locationID: office.id, name: "Alice", email: "alice@alpha.example",
                    mayApprovePaidWork: true), by: .system)
            let carl = try await desk.addContact(NewContact(companyID: alpha.id, name: "Carl"), by: .system)
            let ticket = try await desk.createTicket(
                NewTicket(
                    title: "Printer jams", channel: .portal, requester: .contact(alice.id), ccContactIDs: [carl.id]),
                by: .contact(alice.id))
            return Day(test: test, alice: alice, carl: carl, ticket: ticket)
        }
    }

    @Test(arguments: 0..<12)
    func everyNoticeIsBuiltFromWhatTheClientMaySee(seed: Int) async throws {
        let day = try await Day.make(seed: UInt64(seed))
        let desk = day.test.desk
        let staff = Performer.employee(day.test.anna.id)
        let alice = Performer.contact(day.alice.id)
        var random = SplitMix64(seed: UInt64(seed) &* 0x9E37)
        var notices = 0
        for step in 0..<40 {
            day.test.clock.advance(by: 600)
            // Any command may be refused by the workflow (e.g. a transition); only what commits counts.
            _ = try? await Self.randomStep(step, desk: desk, ticket: day.ticket.id, staff: staff, alice: alice, &random)
            notices += try await Self.checkOutbox(desk, day)
        }
        #expect(notices > 5, "a run that notifies the client of almost nothing proves little")
    }

    /// Asking for approval tells the requester, the copied colleague and every other contact who may
    /// approve; only those who may approve are asked for it, the others learn it awaits their company.
    @Test func anApprovalRequestAsksTheApproversAndTellsTheOthers() async throws {
        let day = try await Day.make(seed: 7)
        let desk = day.test.desk
        let alpha = try #require(day.ticket.companyID)
        let dora = try await desk.addContact(
            NewContact(companyID: alpha, name: "Dora", mayApprovePaidWork: true, portalScope: .company), by: .system)
        let ed = try await desk.addContact(
            NewContact(companyID: alpha, name: "Ed", mayApprovePaidWork: true), by: .system)
        let staff = Performer.employee(day.test.anna.id)
        let price = Price(Money(minorUnits: 900_00, currency: .rub))
        _ = try await desk.addSpecificationLine(
            to: day.ticket.id, NewSpecificationLine(description: "Fuser", pricing: .fixed, quantity: 1, price: price),
            by: staff)
        _ = try await desk.requestApproval(of: day.ticket.id, by: staff)
        let event = try #require(try await desk.undeliveredEvents(limit: 1_000, as: .system).last)
        let notices = try await desk.clientNotices(for: event, as: .system)
        let told = Dictionary(uniqueKeysWithValues: notices.map { ($0.recipient, $0.body) })
        // Ed may approve but cannot read Alice's ticket (own tickets only): he is not told.
        #expect(Set(told.keys) == [.contact(day.alice.id), .contact(day.carl.id), .contact(dora.id)])
        #expect(told[.contact(ed.id)] == nil)
        #expect(
            told[.contact(day.alice.id)]?.contains(
                "on your request #1 \u{201C}Printer jams\u{201D} needs your approval") == true)
        #expect(
            told[.contact(dora.id)]?.contains("on request #1 \u{201C}Printer jams\u{201D} needs your approval") == true)
        #expect(told[.contact(day.carl.id)]?.contains("awaits your company's approval (total 900.00 RUB)") == true)
    }

    /// One random command of staff or the client; every internal text carries ``secret``.
    static func randomStep(
        _ step: Int, desk: HelpDesk, ticket: TicketID, staff: Performer, alice: Performer, _ random: inout SplitMix64
    ) async throws {
        let statuses: [StatusCode] = [.inProgress, .waitingForClient, .resolved, .closed, .postponed, .cancelled]
        switch random.next() % 10 {
        case 9:
            let copied = try await desk.ticket(ticket, as: .system).ccContactIDs
            let carl = try await desk.contacts(of: try await desk.ticket(ticket, as: .system).companyID!, as: .system)
                .first { $0.name == "Carl" }!
            _ = try await desk.updateTicket(
                ticket, TicketUpdate(ccContactIDs: copied.isEmpty ? [carl.id] : []), by: staff)
        case 0:
            _ = try await desk.comment(
                on: ticket, NewComment("Internal \(secret) \(step)", visibility: .internal), by: staff)
        case 1: _ = try await desk.comment(on: ticket, NewComment("Public answer \(step)"), by: staff)
        case 2: _ = try await desk.comment(on: ticket, NewComment("Client says \(step)"), by: alice)
        case 3:
            let status = statuses[Int(random.next() % UInt64(statuses.count))]
            if status == .postponed {
                _ = try await desk.postpone(ticket, until: TestDesk.start.addingTimeInterval(30 * 86_400), by: staff)
            } else {
                _ = try await desk.changeStatus(ticket, to: status, by: staff)
            }
        case 4:
            _ = try await desk.logTime(
                on: ticket,
                NewTimeEntry(workDate: try LocalDate(parsing: "2026-03-02"), minutes: 30, comment: "\(secret) labor"),
                by: staff)
        case 5:
            let price = Price(Money(minorUnits: 1_500_00, currency: .rub))
            _ = try await desk.addSpecificationLine(
                to: ticket, NewSpecificationLine(description: "Fuser unit", pricing: .fixed, quantity: 1, price: price),
                by: staff)
            _ = try await desk.requestApproval(of: ticket, by: staff)
        case 6:
            _ =
                random.next() % 2 == 0
                ? try await desk.approvePaidWork(of: ticket, by: alice)
                : try await desk.declinePaidWork(of: ticket, reason: "Too expensive", by: alice)
        case 7: _ = try await desk.addWatchers([try await desk.employees(as: .system)[0].id], to: ticket, by: staff)
        default: _ = try await desk.assign(ticket, to: nil, group: nil, by: staff)
        }
    }

    /// Renders and acknowledges the waiting events; returns how many client notices there were.
    static func checkOutbox(_ desk: HelpDesk, _ day: Day) async throws -> Int {
        let (alice, carl) = (day.alice, day.carl)
        let events = try await desk.undeliveredEvents(limit: 1_000, as: .system)
        var count = 0
        for event in events {
            let notices = try await desk.clientNotices(for: event, as: .system)
            if !event.audience.clients.isEmpty {
                #expect(Self.isClientVisible(event.event), "\(event.event.name) names a client in its audience")
            }
            // Told: the clients of the audience who may read the ticket now (Carl only while copied).
            let copiedNow = try await desk.ticket(day.ticket.id, as: .system).ccContactIDs.contains(carl.id)
            let expected = event.audience.clients.filter {
                $0 == .contact(alice.id) || ($0 == .contact(carl.id) && copiedNow)
            }
            #expect(notices.map(\.recipient) == expected, "\(event.event.name) to \(event.audience)")
            for notice in notices {
                count += 1
                let text = notice.subject + "\n" + notice.body
                #expect(!text.contains(secret), "\(event.event.name): \(text)")
                for label in agentOnlyLabels { #expect(!text.contains(label), "\(event.event.name): \(text)") }
                #expect(!text.contains("@service.example"), "an employee's email reached the client: \(text)")
                if case .statusChanged = event.event {
                    let ticket = try await desk.portal(for: alice.id).ticket(event.event.ticketID!)
                    #expect(text.contains(ticket.status.label), "the notice names the status as the portal does")
                }
            }
        }
        if !events.isEmpty { try await desk.acknowledgeEvents(events.map(\.sequence), by: .system) }
        return count
    }

    /// The events a client may be told about (an independent list, not the engine's).
    static func isClientVisible(_ event: DomainEvent) -> Bool {
        switch event {
        case .ticketCreated, .statusChanged, .ticketPostponed, .returnedToWork, .ticketReopened, .ratingRequested,
            .paidWorkApproval, .ticketsMerged:
            true
        case .commentAdded(_, _, _, let visibility): visibility == .public
        case .noticeSent(_, _, let notice): notice.reader == .client
        default: false
        }
    }
}
