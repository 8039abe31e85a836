import Foundation
import HelpDeskKit
import WorkingTime

/// Simulates working days on a `MonthDesk`: every half hour from 08:30 to 18:00 Moscow time the
/// host ticks the engine, the account manager follows the billing calendar, clients file tickets
/// and the staff work on the open ones, all drawn from one seeded `SplitMix64`, so every run
/// produces the same desk.
struct MonthSimulation {
    /// What the simulation did, for the summary line.
    struct Tally: Sendable, Equatable {
        var created = 0, resolutions = 0, closed = 0, reopened = 0, postponed = 0
        var timeEntries = 0, ratings = 0, paidTickets = 0, slaWarnings = 0, slaBreaches = 0, billingSteps = 0
        var approved = 0, declined = 0
    }

    /// A ticket the simulation follows until it is closed.
    struct Tracked {
        let id: TicketID
        /// Work outside the contract: its time is billable until the ticket is first billed.
        var billable = false
        /// A spare part to put on the bill when it is resolved.
        var part: PriceListItem?
        /// Short requests (accounts) that may be solved at first contact.
        var quick = false
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

    /// The working days of March 2026 by the production calendar (21: Monday 9 March is a holiday),
    /// as their midnights in Moscow time.
    static var workingDays: [Date] {
        DemoCalendar.workingDays(from: MonthDesk.month.lowerBound, to: MonthDesk.month.upperBound)
    }

    /// Plays `days` (midnights of working days), following the billing calendar between them.
    mutating func run(days: [Date]) async throws {
        var billedUpTo = now
        for day in days {
            for slot in 0..<20 {
                let instant = DemoTime.at(8, 30, on: day).addingTimeInterval(Double(slot) * 1_800)
                tally.billingSteps += try await DemoBilling.run(
                    from: billedUpTo, to: instant, on: desk, clock: demo.clock, clients: demo.clients,
                    by: demo.staff.maria)
                billedUpTo = instant
                demo.clock.set(to: instant)
                let report = try await desk.tick(now: now)
                tally.slaWarnings += report.slaWarnings.count
                tally.slaBreaches += report.slaBreaches.count
                if slot == 1 { try await reviewPaidWork() }
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

    /// The Moscow date of the current instant, for time entries.
    func today() -> LocalDate { DemoTime.localDate(now) }
}
