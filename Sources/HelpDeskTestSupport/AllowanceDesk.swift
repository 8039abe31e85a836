import Foundation
import HelpDeskKit
import WorkingTime

/// A desk with one client whose contract includes labor minutes in its current service period:
/// the fixture of allowance tests and races.
///
/// The contract "S-1" (manager: Anna) has one period from 2026-02-23 to 2026-04-01 UTC that
/// includes ``included`` minutes and alerts at 80 %. The labor item "ENG-HOUR" lists at
/// 1 500.00 RUB per hour; the contract pays 1 200.00.
public struct AllowanceDesk: Sendable {
    /// The desk and its employees.
    public let test: TestDesk
    /// The client.
    public let company: Company
    /// The contract with the allowance.
    public let contract: Contract
    /// Its service period.
    public let period: ServicePeriod
    /// The labor item overage is billed with.
    public let hour: PriceListItem

    /// The desk.
    public var desk: HelpDesk { test.desk }
    /// Minutes included in the period.
    public var included: Int { period.includedLaborMinutes ?? 0 }
    /// The contract's price of an hour beyond the allowance.
    public static let contractHourPrice = Price(Money(minorUnits: 1_200_00, currency: .rub))

    /// Builds the fixture on `store` with `included` minutes in the period.
    ///
    /// With `visits`, the period also includes that many on-site visits: the activity `visit` is
    /// one, and a visit beyond them is billed with the fixed item "VISIT" (2 500.00 RUB).
    public static func make(
        store: any HelpDeskStore = InMemoryStore(), included: Int = 600, visits: Int? = nil, seed: UInt64 = 42,
        sla: SLAConfiguration? = nil
    ) async throws -> AllowanceDesk {
        var configuration = HelpDeskConfiguration()
        configuration.billing.laborItemCode = "ENG-HOUR"
        configuration.billing.visitItemCode = "VISIT"
        configuration.labor = try LaborConfiguration(
            activities: LaborActivity.standard + [LaborActivity(code: "visit", name: "On-site visit", isVisit: true)])
        if let sla { configuration.sla = sla }
        let test = try await TestDesk.make(store: store, configuration: configuration, seed: seed)
        let desk = test.desk
        let company = try await desk.addCompany(NewCompany(name: "Bakery chain"), by: .system)
        let periodStart = Date(timeIntervalSince1970: 1_771_804_800)  // 2026-02-23 00:00 UTC
        let contract = try await desk.addContract(
            NewContract(
                companyID: company.id, number: "S-1", startsAt: periodStart, managerID: test.anna.id), by: .system)
        let period = try await desk.addServicePeriod(
            to: contract.id,
            NewServicePeriod(
                startsAt: periodStart, endsAt: Date(timeIntervalSince1970: 1_775_001_600),  // 2026-04-01
                fee: Money(minorUnits: 30_000_00, currency: .rub), includedLaborMinutes: included,
                laborAlertPercent: 80, includedVisits: visits), by: .system)
        let hour = try await desk.addPriceListItem(
            NewPriceListItem(
                code: "ENG-HOUR", name: "Engineer hour", kind: .work, pricing: .perHour,
                price: Price(Money(minorUnits: 1_500_00, currency: .rub)), validFrom: periodStart), by: .system)
        try await desk.setContractPrice(contract.id, item: hour.id, price: contractHourPrice, by: .system)
        _ = try await desk.addPriceListItem(
            NewPriceListItem(
                code: "VISIT", name: "On-site visit", kind: .service, pricing: .fixed,
                price: Price(Money(minorUnits: 2_500_00, currency: .rub)), validFrom: periodStart), by: .system)
        return AllowanceDesk(
            test: test, company: company, contract: try await desk.contract(contract.id, as: .system), period: period,
            hour: hour)
    }

    /// A ticket of the client under the contract.
    public func ticket(_ title: String = "Oven controller") async throws -> Ticket {
        try await desk.createTicket(
            NewTicket(
                title: title, channel: .phone, requester: .freeText("Shift lead"), companyID: company.id,
                contractID: contract.id), by: .employee(test.anna.id))
    }

    /// Boris logs `minutes` of contract work on `ticket`, `daysAgo` days before the clock's date.
    @discardableResult
    public func log(
        _ minutes: Int, on ticket: TicketID, daysAgo: Int = 0, billable: Bool = false, activity: String = "work",
        on desk: HelpDesk? = nil
    ) async throws -> TimeEntry {
        try await (desk ?? self.desk).logTime(
            on: ticket,
            NewTimeEntry(
                workDate: try Self.date(daysBefore: daysAgo), minutes: minutes, activity: activity, billable: billable),
            by: .employee(test.boris.id))
    }

    /// The period's statement in `measure`.
    public func statement(_ measure: AllowanceMeasure = .laborMinutes) async throws -> AllowanceStatement {
        let statements = try await desk.allowanceStatements(of: contract.id, as: .system)
        guard let statement = statements.first(where: { $0.periodID == period.id && $0.measure == measure }) else {
            throw ContractViolation(message: "no statement for the period", location: #fileID)
        }
        return statement
    }

    /// Minutes (or visits) beyond the allowance billed on `ticket`'s specification.
    public func billedOverage(on ticket: TicketID, _ measure: AllowanceMeasure = .laborMinutes) async throws -> Int64 {
        let lines = try await desk.specification(of: ticket, as: .system)?.lines ?? []
        let reference = AllowanceReference(periodID: period.id, measure: measure)
        return lines.filter { $0.exceedsAllowance == reference }.reduce(0) { $0 + $1.quantity }
    }

    /// 2026-03-02 (the clock's start date) minus `days` (0 … 7: still in the period).
    public static func date(daysBefore days: Int) throws -> LocalDate {
        let days = min(max(days, 0), 7)
        return days < 2 ? try LocalDate(year: 2026, month: 3, day: 2 - days) : try LocalDate(year: 2026, month: 2, day: 30 - days)
    }
}
