import HelpDeskKit
import WorkingTime

/// The demo's SLA policies, counted in office hours in Moscow time with the Russian production
/// calendar (`DemoCalendar`).
enum DemoSLA {
    /// The policy a debtor's new tickets fall under (`ClientConfiguration.debtorSLAPolicyID`).
    static let debtorPolicyID: SLAPolicyID = "debtor"

    /// `standard` for every ticket, `premium` for network tickets (set on the category), and
    /// `debtor`, with longer targets, for the tickets of a client whose invoice is overdue.
    static func configuration() throws -> SLAConfiguration {
        let hours = DemoCalendar.hours
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
        let debtor = SLAPolicy(
            id: debtorPolicyID, name: "Debtor", calendar: hours,
            targets: [
                .low: SLATargets(reaction: .hours(8), resolution: .hours(40)),
                .normal: SLATargets(reaction: .hours(4), resolution: .hours(24)),
                .high: SLATargets(reaction: .hours(2), resolution: .hours(16)),
                .critical: SLATargets(reaction: .hours(1), resolution: .hours(8)),
            ],
            reactionStop: .firstPublicResponse)
        return try SLAConfiguration(policies: [standard, premium, debtor], defaultPolicyID: "standard")
    }

    /// `4 h` or `30 min`: a target in words.
    static func words(_ duration: WorkingDuration) -> String {
        let minutes = Int(duration.seconds / 60)
        return minutes % 60 == 0
            ? "\(minutes / 60) h" : minutes > 60 ? "\(minutes / 60) h \(minutes % 60) min" : "\(minutes) min"
    }
}
