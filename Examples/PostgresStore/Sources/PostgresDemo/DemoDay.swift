import Foundation
import HelpDeskKit
import PostgresStore
import WorkingTime

/// A compact scripted day on PostgreSQL: the desk seeded at 08:00, tickets from several channels,
/// SLA clocks, comments, labor, ratings, a rejected command, a resent letter, the engine's ticks,
/// and the outbox delivered at the end. Narrated like `helpdesk-demo` (Moscow time on the left).
///
/// `helpdesk-demo`'s own script is an executable target and cannot be linked here; its billing
/// steps (prepaid balances, specifications, settlement) are skipped until PostgresStore stores billing.
struct DemoDay {
    /// The people the script refers to.
    struct Staff: Sendable {
        let olga: Employee
        let sam: Employee
        let ben: Employee
        let maria: Employee
    }

    /// The engine.
    let desk: HelpDesk
    /// The simulated clock the engine reads.
    let clock: ManualClock
    /// Moscow wall-clock times of the day.
    let time: DemoTime
    let staff: Staff
    let fieldEngineers: SupportGroup
    let accounts: ServiceCategory
    let printers: ServiceCategory
    /// Anna Smith (Acme Ltd) and Tom Baker (Northwind), the client contacts.
    let anna: Contact
    let tom: Contact
    /// Display names by identifier, for the log.
    var names: [UUID: String]

    /// Seeds the desk on `store` at 08:00 and prints what it holds.
    static func seeded(on store: PostgresStore) async throws -> DemoDay {
        let time = try DemoTime()
        let clock = ManualClock(start: try time.at(8, 0))
        let maria = NewEmployee(name: "Maria Lopez", email: "maria@example.com")
        // The rating escalation names Maria, so she is hired by a set-up engine first.
        let setUp = HelpDesk(
            store: store, configuration: try configuration(time: time, managers: []), clock: clock.clock,
            identifiers: SeededIdentifierSource(seed: 2026_03_06), random: SeededRandomSource(seed: 1))
        let serviceDesk = try await setUp.addGroup(named: "Service desk", by: .system)
        let head = try await setUp.addEmployee(
            NewEmployee(name: maria.name, email: maria.email, groupIDs: [serviceDesk.id]), by: .system)
        let desk = HelpDesk(
            store: store, configuration: try configuration(time: time, managers: [head.id]), clock: clock.clock,
            identifiers: SeededIdentifierSource(seed: 2026_03_07), random: SeededRandomSource(seed: 2))
        let field = try await desk.addGroup(named: "Field engineers", by: .system)
        func hire(_ name: String, _ email: String, _ group: SupportGroup) async throws(HelpDeskError) -> Employee {
            try await desk.addEmployee(NewEmployee(name: name, email: email, groupIDs: [group.id]), by: .system)
        }
        let staff = Staff(
            olga: try await hire("Olga Ivanova", "olga@example.com", serviceDesk),
            sam: try await hire("Sam Carter", "sam@example.com", serviceDesk),
            ben: try await hire("Ben Okafor", "ben@example.com", field), maria: head)
        let accounts = try await desk.addCategory(
            NewServiceCategory(name: "Accounts & access", defaultAssigneeID: staff.sam.id, defaultGroupID: serviceDesk.id),
            by: .system)
        let printers = try await desk.addCategory(
            NewServiceCategory(name: "Printers", defaultGroupID: field.id), by: .system)
        func contact(_ name: String, _ email: String, at company: String) async throws(HelpDeskError) -> Contact {
            let client = try await desk.addCompany(NewCompany(name: company), by: .system)
            return try await desk.addContact(NewContact(companyID: client.id, name: name, email: email), by: .system)
        }
        let anna = try await contact("Anna Smith", "anna@acme.example", at: "Acme Ltd")
        let tom = try await contact("Tom Baker", "tom@northwind.example", at: "Northwind")
        var names: [UUID: String] = [serviceDesk.id.rawValue: serviceDesk.name, field.id.rawValue: field.name]
        for employee in [staff.olga, staff.sam, staff.ben, staff.maria] { names[employee.id.rawValue] = employee.name }
        for person in [anna, tom] { names[person.id.rawValue] = person.name }
        let day = DemoDay(
            desk: desk, clock: clock, time: time, staff: staff, fieldEngineers: field, accounts: accounts,
            printers: printers, anna: anna, tom: tom, names: names)
        day.heading("The desk (PostgreSQL)")
        day.note("A fresh desk in the database: two groups, four employees, two categories, two clients.")
        day.note("Accounts & access goes to Sam Carter (Service desk); Printers to the Field engineers group.")
        day.note("SLA targets count office hours, 09:00-13:00 and 14:00-18:00 Moscow time, Monday to Friday.")
        return day
    }

    /// The engine settings: the standard SLA policy, labor dated in Moscow, ratings escalated to `managers`.
    static func configuration(time: DemoTime, managers: [EmployeeID]) throws -> HelpDeskConfiguration {
        let hours = try BusinessCalendar(
            timeZoneIdentifier: time.calendar.timeZone.identifier,
            schedule: WeeklySchedule(
                weekdays: Weekday.workweek,
                intervals: [try LocalInterval(parsing: "09:00-13:00"), try LocalInterval(parsing: "14:00-18:00")]))
        let standard = SLAPolicy(
            id: "standard", name: "Standard", calendar: hours,
            targets: [
                .low: SLATargets(reaction: .hours(4), resolution: .hours(16)),
                .normal: SLATargets(reaction: .hours(1), resolution: .hours(8)),
                .high: SLATargets(reaction: .minutes(30), resolution: .hours(4)),
                .critical: SLATargets(reaction: .minutes(15), resolution: .hours(2)),
            ],
            reactionStop: .firstPublicResponse)
        return HelpDeskConfiguration(
            sla: try SLAConfiguration(policies: [standard], defaultPolicyID: "standard"),
            labor: try LaborConfiguration(timeZone: time.calendar.timeZone),
            ratings: try RatingConfiguration(escalationRecipientIDs: managers), firstTicketNumber: 1001)
    }

    // MARK: Narration

    /// Moves the simulated clock forward to `hour:minute` Moscow time.
    func at(_ hour: Int, _ minute: Int) throws {
        let instant = try time.at(hour, minute)
        guard instant >= clock.now else { throw DemoFailure("the script moved back in time to \(hour):\(minute)") }
        clock.set(to: instant)
    }

    /// Prints one step, stamped with the simulated time.
    func say(_ text: String) { print("  \(time.clock(clock.now))  \(text)") }

    /// Prints a consequence of the previous step, aligned under its text.
    func then(_ text: String) { print("         -> \(text)") }

    /// Prints a section heading underlined with `=`.
    func heading(_ title: String) {
        print("\n\(title)\n" + String(repeating: "=", count: title.count))
    }

    /// Prints an explanatory line.
    func note(_ text: String) { print("  \(text)") }

    /// The name of `id` (an employee, group or contact), or `-`.
    func name(_ id: UUID?) -> String { id.flatMap { names[$0] } ?? "-" }

    /// Throws a ``DemoFailure`` saying `what` unless `condition` holds.
    func expect(_ condition: Bool, _ what: String) throws {
        guard condition else { throw DemoFailure("expected: \(what)") }
    }
}

/// Moscow wall-clock times on the scripted day, Friday 6 March 2026.
struct DemoTime: Sendable {
    /// The Gregorian calendar in Moscow time.
    let calendar: Calendar

    /// The calendar; throws where the time-zone database lacks Europe/Moscow.
    init() throws {
        guard let zone = TimeZone(identifier: "Europe/Moscow") else { throw DemoFailure("no Europe/Moscow time zone") }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        self.calendar = calendar
    }

    /// `hour:minute` on the scripted day.
    func at(_ hour: Int, _ minute: Int) throws -> Date {
        guard let instant = calendar.date(from: DateComponents(year: 2026, month: 3, day: 6, hour: hour, minute: minute))
        else { throw DemoFailure("no instant \(hour):\(minute)") }
        return instant
    }

    /// `HH:mm`, or `Mon 9 Mar HH:mm` for another day than the scripted one.
    func clock(_ instant: Date) -> String {
        let parts = calendar.dateComponents([.month, .day, .hour, .minute], from: instant)
        let hhmm = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        guard parts.month != 3 || parts.day != 6 else { return hhmm }
        return instant.formatted(Date.FormatStyle(timeZone: calendar.timeZone).weekday(.abbreviated).day().month(.abbreviated))
            + " " + hhmm
    }

    /// The scripted day as a local date, for time entries.
    func localDate() throws -> LocalDate { try LocalDate(year: 2026, month: 3, day: 6) }
}
