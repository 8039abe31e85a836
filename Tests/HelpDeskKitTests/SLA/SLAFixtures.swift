import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import WorkingTime

/// SLA policies for the tests: a UTC calendar of Monday–Friday 09:00–13:00 and 14:00–18:00.
enum SLAFixtures {
    static let calendar: BusinessCalendar = {
        let intervals = [try! LocalInterval(parsing: "09:00-13:00"), try! LocalInterval(parsing: "14:00-18:00")]
        return try! BusinessCalendar(
            timeZoneIdentifier: "UTC", schedule: WeeklySchedule(weekdays: Weekday.workweek, intervals: intervals))
    }()

    /// `standard` (the default): normal 1 h / 8 h, high 30 min / 4 h, critical 15 min / 2 h.
    static let standard = SLAPolicy(
        id: "standard", name: "Standard", calendar: calendar,
        targets: [
            .low: SLATargets(reaction: .hours(4), resolution: .hours(40)),
            .normal: SLATargets(reaction: .hours(1), resolution: .hours(8)),
            .high: SLATargets(reaction: .minutes(30), resolution: .hours(4)),
            .critical: SLATargets(reaction: .minutes(15), resolution: .hours(2)),
        ],
        reactionStop: .firstPublicResponse)

    /// `gold`: half the standard times, taken into work stops the reaction clock.
    static let gold = SLAPolicy(
        id: "gold", name: "Gold", calendar: calendar,
        targets: [
            .normal: SLATargets(reaction: .minutes(30), resolution: .hours(4)),
            .high: SLATargets(reaction: .minutes(15), resolution: .hours(2)),
        ],
        reactionStop: .takenIntoWork, warningThresholds: [50])

    static func configuration() throws -> HelpDeskConfiguration {
        HelpDeskConfiguration(sla: try SLAConfiguration(policies: [standard, gold], defaultPolicyID: "standard"))
    }

    /// A test desk with the SLA configuration; the clock starts on Monday 2026-03-02 09:00 UTC.
    static func desk(seed: UInt64 = 42) async throws -> TestDesk {
        try await TestDesk.make(configuration: configuration(), seed: seed)
    }

    /// `hour:minute` UTC on the `day`-th day after Monday 2026-03-02.
    static func at(_ hour: Int, _ minute: Int = 0, day: Int = 0) -> Date {
        TestDesk.start.addingTimeInterval(Double(day * 86_400 + (hour - 9) * 3_600 + minute * 60))
    }
}
