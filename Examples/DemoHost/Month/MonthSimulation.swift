import Foundation
import HelpDeskKit
import WorkingTime

/// Simulates working days on a `MonthDesk`: every half hour from 08:30 to 18:00 UTC the host ticks
/// the engine, clients file tickets and the staff work on the open ones, all drawn from one
/// seeded `SplitMix64`, so every run produces the same desk.
struct MonthSimulation {
    /// What the simulation did, for the summary line.
    struct Tally: Sendable, Equatable {
        var created = 0, resolutions = 0, closed = 0, reopened = 0, postponed = 0
        var timeEntries = 0, ratings = 0, slaWarnings = 0, slaBreaches = 0
    }

    /// A ticket the simulation follows until it is closed.
    struct Tracked {
        let id: TicketID
        var resolvedAt: Date?
        /// Closed and rated (or never to be rated): no more work.
        var done = false
        var rating: (token: RatingToken, due: Date, score: Int)?
    }

    let demo: DemoDesk
    var random: SplitMix64
    var tally = Tally()
    var tracked: [Tracked] = []
    /// The seed of the simulation's choices.
    static let seed: UInt64 = 30

    init(demo: DemoDesk, seed: UInt64 = seed) {
        self.demo = demo
        random = SplitMix64(seed: seed)
    }

    var desk: HelpDesk { demo.desk }
    var now: Date { demo.clock.now }

    /// The first `count` working days (Monday–Friday) from the demo day, as their midnights (UTC).
    static func workingDays(_ count: Int) -> [Date] {
        var days: [Date] = []
        var day = DemoTime.on(0, 0)
        while days.count < count {
            let weekday = DemoTime.calendar.component(.weekday, from: day)
            if weekday != 1, weekday != 7 { days.append(day) }
            day = day.addingTimeInterval(86_400)
        }
        return days
    }

    /// Plays `days` working days.
    mutating func run(days: Int) async throws {
        for day in Self.workingDays(days) {
            for slot in 0..<20 {
                demo.clock.set(to: day.addingTimeInterval(8.5 * 3_600 + Double(slot) * 1_800))
                let report = try await desk.tick(now: now)
                tally.slaWarnings += report.slaWarnings.count
                tally.slaBreaches += report.slaBreaches.count
                for index in tracked.indices { try await work(on: index) }
                tracked.removeAll(where: \.done)
                if slot < 18, chance(0.32) {
                    demo.clock.advance(by: Double(number(1...25)) * 60)
                    try await fileTicket()
                }
            }
        }
    }

    // MARK: Random choices

    /// `true` with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }

    /// A uniformly chosen element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }

    /// An integer in `range`.
    mutating func number(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    // MARK: Employees

    /// The employee with `id` (the staff are fixed).
    func employee(_ id: EmployeeID?) -> Employee? {
        let staff = demo.staff
        return [staff.olga, staff.sam, staff.ben, staff.lena, staff.maria].first { $0.id == id }
    }

    /// How quickly an employee picks up and finishes work (chance per half hour).
    func pace(of employee: Employee) -> (respond: Double, resolve: Double) {
        switch employee.id {
        case demo.staff.sam.id: (0.65, 0.30)
        case demo.staff.ben.id: (0.30, 0.14)
        case demo.staff.lena.id: (0.65, 0.20)
        case demo.staff.maria.id: (0.45, 0.25)
        default: (0.55, 0.22)
        }
    }

    /// The typical score clients give an employee's work.
    func typicalScore(of employee: Employee?) -> Int {
        switch employee?.id {
        case demo.staff.sam.id, demo.staff.maria.id: 5
        default: 4
        }
    }

    /// The local date (UTC) of the current instant, for time entries.
    func today() throws -> LocalDate {
        let parts = DemoTime.calendar.dateComponents([.year, .month, .day], from: now)
        return try LocalDate(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0)
    }
}
