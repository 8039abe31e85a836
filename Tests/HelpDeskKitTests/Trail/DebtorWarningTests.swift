import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Issue #19 point 3: an engineer assigned a debtor's ticket, or taking it into work, is told.
@Suite("Debtors: the assignee of a debtor's ticket is told")
struct DebtorWarningTests {
    /// Makes Alpha a debtor: a period invoiced and due, unpaid, ten days on.
    static func makeDebtor(_ f: TrailFixture) async throws {
        let period = try await f.desk.addServicePeriod(
            to: f.contract.id,
            NewServicePeriod(
                startsAt: TestDesk.start, endsAt: TestDesk.start.addingTimeInterval(30 * 86_400),
                fee: Money(minorUnits: 1_000_00, currency: .rub), paymentDueAt: TestDesk.start.addingTimeInterval(86_400)),
            by: .system)
        _ = try await f.desk.markServicePeriodInvoiced(period.id, of: f.contract.id, by: .system)
        f.test.clock.advance(by: 10 * 86_400)
    }

    static func warnings(_ f: TrailFixture) throws -> [PendingEvent] {
        try #require(f.store.last).events.filter { $0.event.name == "debtorTicketAssigned" }
    }

    @Test func assigningOrTakingADebtorsTicketTellsTheAssignee() async throws {
        let f = try await TrailFixture.make()
        try await Self.makeDebtor(f)
        let ticket = try await f.desk.createTicket(
            NewTicket(title: "No printing", channel: .phone, requester: .freeText("Ivan"), companyID: f.alpha.id), by: f.anna)
        #expect(try Self.warnings(f).isEmpty, "nobody is assigned yet")
        _ = try await f.desk.assign(ticket.id, to: f.test.boris.id, group: nil, by: f.anna)
        var warned = try Self.warnings(f)
        #expect(
            warned.map(\.event) == [
                .debtorTicketAssigned(ticket: ticket.id, number: ticket.number, company: f.alpha.id, assignee: f.test.boris.id)
            ])
        #expect(warned.first?.audience == Audience(employeeIDs: [f.test.boris.id]))
        _ = try await f.desk.updateTicket(ticket.id, TicketUpdate(priority: .high), by: f.anna)
        #expect(try Self.warnings(f).isEmpty, "other changes tell nobody again")

        // Registered straight to Anna, who takes it into work herself: told both times.
        let own = try await f.desk.createTicket(
            NewTicket(
                title: "Scanner", channel: .phone, requester: .freeText("Ivan"), companyID: f.alpha.id,
                assigneeID: f.test.anna.id),
            by: f.anna)
        #expect(try Self.warnings(f).map(\.audience.employeeIDs) == [[f.test.anna.id]])
        _ = try await f.desk.changeStatus(own.id, to: .inProgress, by: f.anna)
        warned = try Self.warnings(f)
        #expect(warned.count == 1 && warned.first?.audience.employeeIDs == [f.test.anna.id])
    }

    @Test func aClientThatOwesNothingWarnsNobody() async throws {
        let f = try await TrailFixture.make()
        let ticket = try await f.desk.createTicket(
            NewTicket(
                title: "No printing", channel: .phone, requester: .freeText("Ivan"), companyID: f.alpha.id,
                assigneeID: f.test.boris.id),
            by: f.anna)
        #expect(try Self.warnings(f).isEmpty)
        _ = try await f.desk.changeStatus(ticket.id, to: .inProgress, by: f.boris)
        #expect(try Self.warnings(f).isEmpty)
    }
}
