import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing
import WorkingTime

/// Issue #19 point 3: specification changes and settlements (by hand and on resolve) are audited
/// on the ticket and announced, in the unit of work of the change.
@Suite("Ticket money commands: audit entries and events")
struct TicketMoneyAuditTests {
    /// A ticket of Alpha assigned to Boris, with a cartridge on the price list.
    static func ticket(_ f: TrailFixture) async throws -> (Ticket, PriceListItem) {
        let cartridge = try await f.desk.addPriceListItem(
            NewPriceListItem(
                code: "CART", name: "Cartridge", pricing: .perItem,
                price: Price(Money(minorUnits: 4_900_00, currency: .rub)), validFrom: TestDesk.start),
            by: .system)
        return (try await another(f), cartridge)
    }

    /// A further ticket of Alpha assigned to Boris.
    static func another(_ f: TrailFixture) async throws -> Ticket {
        try await f.desk.createTicket(
            NewTicket(
                title: "Printer jams", channel: .phone, requester: .freeText("Ivan"), companyID: f.alpha.id,
                assigneeID: f.test.boris.id),
            by: f.anna)
    }

    /// The audit entries of `field` and the events the last committed unit holds.
    static func lastUnit(_ f: TrailFixture, _ field: AuditField) throws -> ([AuditEntry], [DomainEvent]) {
        let unit = try #require(f.store.last)
        return (unit.auditEntries.filter { $0.field == field }, unit.events.map(\.event))
    }

    @Test func specificationLinesAreAuditedWithTheirChange() async throws {
        let f = try await TrailFixture.make()
        let (ticket, cartridge) = try await Self.ticket(f)
        let added = try await f.desk.addSpecificationLine(
            to: ticket.id, NewSpecificationLine(itemID: cartridge.id, quantity: 2), by: f.anna)
        var (audit, events) = try Self.lastUnit(f, .specification)
        #expect(audit.count == 1 && audit.first?.oldValue == nil)
        #expect(audit.first?.newValue == "v1: 9800.00 RUB billable; +Cartridge ×2 at 4900.00 RUB")
        #expect(events.contains(.specificationChanged(ticket: ticket.id, number: ticket.number, version: 1)))
        let pending = try #require(f.store.last?.events.first { $0.event.name == "specificationChanged" })
        #expect(pending.audience.employeeIDs == [f.test.boris.id] && pending.audience.requester == nil)

        _ = try await f.desk.removeSpecificationLine(added.lines[0].id, from: ticket.id, by: f.anna)
        (audit, events) = try Self.lastUnit(f, .specification)
        #expect(audit.first?.oldValue == "v1: 9800.00 RUB billable")
        #expect(audit.first?.newValue == "v2: nothing billable; −Cartridge ×2 at 4900.00 RUB")
        #expect(events.contains(.specificationChanged(ticket: ticket.id, number: ticket.number, version: 2)))
        #expect(try await f.desk.auditTrail(of: ticket.id, as: .system).filter { $0.field == .specification }.count == 2)
    }

    @Test func billableTimeIsAuditedWhenSpecified() async throws {
        let f = try await TrailFixture.make()
        let (ticket, _) = try await Self.ticket(f)
        _ = try await f.desk.addPriceListItem(
            NewPriceListItem(
                code: "ENG-HOUR", name: "Engineer", kind: .work, pricing: .perHour,
                price: Price(Money(minorUnits: 2_500_00, currency: .rub)), validFrom: TestDesk.start),
            by: .system)
        _ = try await f.desk.logTime(
            on: ticket.id, NewTimeEntry(workDate: try LocalDate(year: 2026, month: 3, day: 2), minutes: 60), by: f.boris)
        _ = try await f.desk.specifyBillableTime(of: ticket.id, by: f.anna)
        let (audit, events) = try Self.lastUnit(f, .specification)
        #expect(audit.first?.newValue?.hasPrefix("v1: 2500.00 RUB billable; +Engineer 2026-03-02 60 min") == true)
        #expect(events.contains(.specificationChanged(ticket: ticket.id, number: ticket.number, version: 1)))
    }

    @Test func settlingByHandAndOnResolveAreAuditedWithTheStatusChange() async throws {
        let f = try await TrailFixture.make()
        let (ticket, cartridge) = try await Self.ticket(f)
        _ = try await f.desk.addSpecificationLine(
            to: ticket.id, NewSpecificationLine(itemID: cartridge.id, quantity: 1), by: f.anna)
        _ = try await f.desk.changeStatus(ticket.id, to: .resolved, by: f.anna)
        let (audit, events) = try Self.lastUnit(f, .settlement)
        #expect(audit.map(\.newValue) == ["v1 charged nothing; owed 4900.00 RUB"])
        #expect(events.contains(.workSettled(ticket: ticket.id, number: ticket.number, version: 1)))
        #expect(f.store.last?.auditEntries.contains { $0.field == .status } == true, "with the status change")
        #expect(!(f.store.last?.billing.transfers.isEmpty ?? true), "and the ledger")

        let other = try await Self.another(f)
        _ = try await f.desk.addSpecificationLine(
            to: other.id, NewSpecificationLine(itemID: cartridge.id, quantity: 1), by: f.anna)
        let settled = try await f.desk.settle(other.id, by: f.anna)
        let manual = try Self.lastUnit(f, .settlement)
        #expect(manual.0.count == 1 && manual.0.first?.performer == f.anna)
        #expect(manual.1.contains(.workSettled(ticket: other.id, number: other.number, version: 1)))
        await #expect(throws: HelpDeskError.alreadySettled(other.number, version: 1)) {
            _ = try await f.desk.settle(other.id, by: f.anna)
        }
        #expect(settled.isSettled)
    }
}
