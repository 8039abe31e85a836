import HelpDeskKit
import WorkingTime

/// The demo's SLA policies, counted in a UTC calendar of Monday–Friday 09:00–13:00 and 14:00–18:00.
enum DemoSLA {
    /// Office hours with a lunch break, in UTC like the rest of the demo.
    static func calendar() throws(WorkingTimeError) -> BusinessCalendar {
        let hours = [try LocalInterval(parsing: "09:00-13:00"), try LocalInterval(parsing: "14:00-18:00")]
        return try BusinessCalendar(timeZoneIdentifier: "UTC", schedule: WeeklySchedule(weekdays: Weekday.workweek, intervals: hours))
    }

    /// `standard` for every ticket, `premium` for network tickets (set on the category).
    static func configuration() throws -> SLAConfiguration {
        let hours = try calendar()
        let standard = SLAPolicy(
            id: "standard", name: "Standard", calendar: hours,
            targets: [
                .low: SLATargets(reaction: .hours(4), resolution: .hours(16)),
                .normal: SLATargets(reaction: .hours(1), resolution: .hours(8)),
                .high: SLATargets(reaction: .minutes(30), resolution: .hours(4)),
                .critical: SLATargets(reaction: .minutes(15), resolution: .hours(2)),
            ],
            reactionStop: .firstPublicResponse)
        let premium = SLAPolicy(
            id: "premium", name: "Premium network", calendar: hours,
            targets: [
                .high: SLATargets(reaction: .minutes(15), resolution: .hours(2)),
                .critical: SLATargets(reaction: .minutes(10), resolution: .hours(1)),
            ],
            reactionStop: .takenIntoWork)
        return try SLAConfiguration(policies: [standard, premium], defaultPolicyID: "standard")
    }
}
