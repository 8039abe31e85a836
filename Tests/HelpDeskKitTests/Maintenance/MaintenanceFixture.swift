import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Recurrence
import WorkingTime

/// A desk with one client for the maintenance tests: Northwind, its Moscow office (the Russian
/// production calendar, 2024–2027, unless a test gives another), a contract and a printer.
struct MaintenanceFixture: Sendable {
    static let moscow = TimeZone(identifier: "Europe/Moscow")!

    let test: TestDesk
    let company: Company
    let office: Location
    let contract: Contract
    let printer: Asset

    var desk: HelpDesk { test.desk }

    static func make(
        store: any HelpDeskStore = InMemoryStore(), calendar: BusinessCalendar? = nil, seed: UInt64 = 42
    ) async throws -> MaintenanceFixture {
        let test = try await TestDesk.make(store: store, seed: seed)
        let desk = test.desk
        let company = try await desk.addCompany(NewCompany(name: "Northwind"), by: .system)
        let officeCalendar = try calendar ?? BusinessCalendar.russianFiveDay()
        let office = try await desk.addLocation(
            NewLocation(
                companyID: company.id, name: "Office", timeZoneIdentifier: "Europe/Moscow", calendar: officeCalendar),
            by: .system)
        let contract = try await desk.addContract(
            NewContract(
                companyID: company.id, number: "NW-1", startsAt: TestDesk.start.addingTimeInterval(-800 * 86_400)),
            by: .system)
        let model = try await desk.addAssetModel(name: "LaserJet", kind: "printer", by: .system)
        let printer = try await desk.addAsset(
            NewAsset(
                modelID: model.id, serialNumber: "NW-PRN-1", locationID: office.id, contractID: contract.id,
                inServiceSince: TestDesk.start.addingTimeInterval(-800 * 86_400)),
            by: .system)
        return MaintenanceFixture(test: test, company: company, office: office, contract: contract, printer: printer)
    }

    static func date(_ text: String) -> LocalDate { try! LocalDate(parsing: text) }

    /// A plan request for the printer: `rule` from `start` at 10:00 Moscow time, assigned to Boris.
    func request(
        _ rule: RecurrenceRule, from start: String, policy: MaintenanceCalendarPolicy = .keep, leadDays: Int = 0,
        catchUp: MaintenanceCatchUp = .all, afterCompletion: Bool = false, assignee: Bool = true,
        flexibilityDays: Int = 2, exceptions: Set<LocalDate> = []
    ) throws -> MaintenancePlanRequest {
        MaintenancePlanRequest(
            name: "Printer maintenance", companyID: company.id, contractID: contract.id, locationID: office.id,
            assetIDs: [printer.id],
            template: MaintenanceTemplate(
                title: "Preventive maintenance", description: "Monthly service of the printer.",
                categoryID: test.onSite.id, priority: .high, groupID: test.fieldEngineers.id,
                assigneeID: assignee ? test.boris.id : nil, estimatedMinutes: 90,
                checklist: ["Clean the rollers", "Replace the toner"]),
            schedule: try RecurrenceSchedule(
                rule: rule, start: Self.date(start), time: TimeOfDay(hour: 10), timeZone: Self.moscow,
                exceptionDates: exceptions),
            calendarPolicy: policy, leadDays: leadDays, generatesAfterCompletion: afterCompletion, catchUp: catchUp,
            flexibilityDays: flexibilityDays)
    }

    /// Sets the clock to 08:00 Moscow time on `day` and ticks.
    @discardableResult
    func tick(_ day: String, on engine: HelpDesk? = nil) async throws -> TickReport {
        let now = Self.date(day).instant(at: try TimeOfDay(hour: 8), in: Self.moscow)
        test.clock.set(to: now)
        return try await (engine ?? desk).tick(now: now)
    }

    /// The occurrence records of `plan` as `date: outcome` lines, outcome without identifiers.
    func outcomes(_ plan: MaintenancePlan) async throws -> [String] {
        try await desk.maintenanceOccurrences(of: plan.id, as: .system).map { record in
            let outcome =
                switch record.outcome {
                case .generated: "generated"
                case .skippedByCalendar: "calendar"
                case .skippedByCatchUp: "catchUp"
                case .skippedWhilePaused: "paused"
                }
            return record.date == record.scheduledDate
                ? "\(record.date) \(outcome)" : "\(record.date)→\(record.scheduledDate) \(outcome)"
        }
    }

    static func monthly(interval: Int = 1, count: Int? = nil) throws -> RecurrenceRule {
        try RecurrenceRule(frequency: .monthly, interval: interval, end: count.map { .count($0) } ?? .never)
    }

    static func weekly(interval: Int = 1) throws -> RecurrenceRule {
        try RecurrenceRule(frequency: .weekly, interval: interval)
    }

    static func daily(interval: Int = 1) throws -> RecurrenceRule {
        try RecurrenceRule(frequency: .daily, interval: interval)
    }
}
