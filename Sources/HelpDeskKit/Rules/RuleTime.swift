import Foundation
import WorkingTime

/// A moment in a ticket's life that ``RuleCondition/elapsed(since:minutes:basis:)`` counts from.
public enum RuleMoment: String, CaseIterable, Hashable, Sendable, Codable {
    /// Registration (``Ticket/createdAt``).
    case created
    /// The last recorded change (``Ticket/updatedAt``): any command, an SLA announcement or a rule's
    /// change renews it.
    case lastUpdate
    /// The last entry into a resolved status (``Ticket/resolvedAt``); none while unresolved.
    case resolved
}

/// How a time condition counts minutes.
public enum RuleTimeBasis: String, CaseIterable, Hashable, Sendable, Codable {
    /// Minutes of real time (exact across DST: instants, not wall clocks).
    case calendar
    /// Minutes of working time in the ticket's SLA calendar (its policy's, or the client's local
    /// one), or the desk's default policy's when the ticket has no SLA.
    case working
}

extension RuleMoment {
    /// When the moment happened for `ticket`, if it did.
    func instant(in ticket: Ticket) -> Date? {
        switch self {
        case .created: ticket.createdAt
        case .lastUpdate: ticket.updatedAt
        case .resolved: ticket.resolvedAt
        }
    }
}

extension RuleCondition {
    /// `true` when the condition (or one nested in it) counts working minutes: its evaluation needs
    /// the ticket's calendar.
    public var countsWorkingTime: Bool {
        switch self {
        case .elapsed(_, _, let basis), .unanswered(_, let basis), .slaBreachedFor(_, _, let basis): basis == .working
        case .was(let inner), .not(let inner): inner.countsWorkingTime
        default: false
        }
    }

    /// `true` when the condition's truth can change while the ticket does not (time passes).
    var dependsOnTime: Bool {
        switch self {
        case .elapsed, .unanswered, .slaWarned, .slaBreachedFor, .slaBreached, .within: true
        case .was(let inner), .not(let inner): inner.dependsOnTime
        default: false
        }
    }
}

extension RuleDefinition {
    /// `true` when a condition counts working minutes (the rule needs the ticket's calendar).
    public var countsWorkingTime: Bool { conditions.contains(where: \.countsWorkingTime) }
}

/// Working minutes of one calendar up to one instant: "have at least N working minutes passed
/// since m?". Direct, it measures the working time between the two instants; with `caching` (a
/// tick asking the same question of a million tickets) it finds once per N the latest second from
/// which N working minutes have passed by the instant, and compares each start with it.
final class RuleWorkingClock {
    /// The calendar minutes are counted in.
    let calendar: BusinessCalendar
    /// The instant they are counted up to.
    let instant: Date
    /// Whether to answer through per-N cut-offs.
    private let caching: Bool
    /// By working seconds: the latest whole second from which that much working time passed by
    /// ``instant`` (`nil`: none since 1900).
    private var cutoffs: [Int64: Int64?] = [:]

    /// A clock for `calendar` at `instant`.
    init(calendar: BusinessCalendar, instant: Date, caching: Bool = false) {
        self.calendar = calendar
        self.instant = instant
        self.caching = caching
    }

    /// `true` when at least `minutes` working minutes passed from `start` to the instant
    /// (`false` when `start` is after it). Instants count in whole seconds, as in WorkingTime.
    func reached(from start: Date, minutes: Int) -> Bool {
        guard start <= instant else { return false }
        let seconds = Int64(minutes) * 60
        guard caching else {
            guard let elapsed = try? calendar.workingTime(from: start, to: instant) else { return false }
            return elapsed.seconds >= seconds
        }
        let cutoff: Int64?
        if let known = cutoffs[seconds] {
            cutoff = known
        } else {
            cutoff = Self.cutoff(calendar, at: instant, working: seconds)
            cutoffs[seconds] = cutoff
        }
        guard let cutoff, start.timeIntervalSince1970.isFinite else { return false }
        return Int64(start.timeIntervalSince1970.rounded(.down)) <= cutoff
    }

    /// The latest whole second `c` with at least `seconds` of working time in `[c, instant)`, or
    /// `nil`. Working time from a start is monotone (it can only shrink as the start moves later), so
    /// a doubling search back from the instant and a bisection find it exactly.
    static func cutoff(_ calendar: BusinessCalendar, at instant: Date, working seconds: Int64) -> Int64? {
        guard SupportedInstants.contains(instant) else { return nil }
        let end = Int64(instant.timeIntervalSince1970.rounded(.down))
        let lowest = SupportedInstants.seconds.lowerBound
        func enough(_ start: Int64) -> Bool {
            let from = Date(timeIntervalSince1970: Double(start))
            let to = Date(timeIntervalSince1970: Double(end))
            return ((try? calendar.workingTime(from: from, to: to))?.seconds ?? -1) >= seconds
        }
        // Working time never exceeds real time: the cut-off is at most `end - seconds`.
        var high = end - seconds
        guard high >= lowest else { return nil }
        if enough(high) { return high }
        var span = max(seconds, 3_600)
        var low = high
        repeat {
            guard low > lowest else { return nil }
            high = low
            let (doubled, overflow) = span.multipliedReportingOverflow(by: 2)
            span = overflow ? .max / 2 : doubled
            low = end - span < lowest ? lowest : end - span
        } while !enough(low)
        // enough(low), not enough(high): bisect.
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if enough(middle) { low = middle } else { high = middle }
        }
        return low
    }
}

extension RuleSubject {
    /// The time conditions: elapsed minutes, unanswered tickets and SLA states at ``at``.
    func holdsOnTime(_ condition: RuleCondition) -> Bool {
        switch condition {
        case .elapsed(let moment, let minutes, let basis):
            guard let start = moment.instant(in: ticket) else { return false }
            return passed(minutes, since: start, basis: basis)
        case .unanswered(let minutes, let basis):
            return ticket.firstResponseAt == nil && passed(minutes, since: ticket.createdAt, basis: basis)
        case .slaWarned(let kind, let threshold):
            guard let sla = ticket.sla else { return false }
            return Self.kinds(kind).contains { kind in
                guard let clock = sla[kind], clock.isRunning else { return false }
                return clock.breachedAt != nil || clock.warnedThresholds.contains { $0 >= (threshold ?? 0) }
            }
        case .slaBreachedFor(let kind, let minutes, let basis):
            guard let sla = ticket.sla else { return false }
            return Self.kinds(kind).contains { kind in
                guard let clock = sla[kind], let breached = clock.breachedAt else { return false }
                return passed(minutes, from: breached, to: clock.stoppedAt, basis: basis)
            }
        default:
            return holds(condition)
        }
    }

    /// `false` when the time condition cannot hold whatever the calendar: the moment has not come,
    /// the ticket was answered, no clock was breached, or fewer real minutes have passed than it
    /// asks for (working minutes never outnumber them). Lets a tick skip the calendar lookup.
    func mayHoldOnTime(_ condition: RuleCondition) -> Bool {
        switch condition {
        case .elapsed(let moment, let minutes, _):
            guard let start = moment.instant(in: ticket) else { return false }
            return at.timeIntervalSince(start) >= Double(minutes) * 60
        case .unanswered(let minutes, _):
            return ticket.firstResponseAt == nil && at.timeIntervalSince(ticket.createdAt) >= Double(minutes) * 60
        case .slaBreachedFor(let kind, let minutes, _):
            guard let sla = ticket.sla else { return false }
            return Self.kinds(kind).contains { kind in
                guard let clock = sla[kind], let breached = clock.breachedAt else { return false }
                return min(clock.stoppedAt ?? at, at).timeIntervalSince(breached) >= Double(minutes) * 60
            }
        default:
            return true
        }
    }

    /// The clocks a condition names.
    private static func kinds(_ kind: SLAClockKind?) -> [SLAClockKind] { kind.map { [$0] } ?? SLAClockKind.allCases }

    /// `true` when `minutes` passed from `start` to ``at``, counted by `basis`.
    func passed(_ minutes: Int, since start: Date, basis: RuleTimeBasis) -> Bool {
        passed(minutes, from: start, to: nil, basis: basis)
    }

    /// `true` when `minutes` passed from `start` to `end` (``at`` when `nil` or later).
    private func passed(_ minutes: Int, from start: Date, to end: Date?, basis: RuleTimeBasis) -> Bool {
        let until = min(end ?? at, at)
        guard start <= until else { return false }
        switch basis {
        case .calendar:
            return until.timeIntervalSince(start) >= Double(minutes) * 60
        case .working:
            guard let working else { return false }
            if until == at { return working.reached(from: start, minutes: minutes) }
            // A stopped breach: its own span, measured directly.
            guard let elapsed = try? working.calendar.workingTime(from: start, to: until) else { return false }
            return elapsed.seconds >= Int64(minutes) * 60
        }
    }
}

/// Which calendar a ticket's working minutes are counted in: an SLA policy, read in the client's
/// local time when the ticket's clocks are.
struct RuleCalendarKey: Hashable, Sendable {
    /// The policy.
    var policyID: SLAPolicyID
    /// The client's local time, when the ticket's clocks run on it.
    var clientTime: SLAClientTime?

    /// The key for `ticket`: its SLA's policy and client time; without an SLA (or with a policy
    /// the configuration no longer has) the desk default policy's; `nil` when there is none.
    init?(_ ticket: Ticket, _ configuration: SLAConfiguration) {
        // `index(forKey:)`: a lookup that does not copy the policy out.
        if let sla = ticket.sla, configuration.policies.index(forKey: sla.policyID) != nil {
            self.init(policyID: sla.policyID, clientTime: sla.clientTime)
        } else if let fallback = configuration.defaultPolicyID {
            self.init(policyID: fallback, clientTime: nil)
        } else {
            return nil
        }
    }

    init(policyID: SLAPolicyID, clientTime: SLAClientTime?) {
        self.policyID = policyID
        self.clientTime = clientTime
    }

    /// The location whose own calendar the key needs, if any.
    var locationNeeded: LocationID? {
        guard let clientTime, clientTime.usesLocationCalendar else { return nil }
        return clientTime.locationID
    }

    /// The calendar, given the location calendars loaded (``locationNeeded`` must be among them);
    /// as ``HelpDesk/slaCalendar(_:_:)`` chooses it. `nil` for an unknown policy or time zone.
    func calendar(
        _ configuration: SLAConfiguration, locations: [LocationID: BusinessCalendar?], zoned: ZonedCalendars
    ) -> BusinessCalendar? {
        guard let policy = configuration.policy(policyID) else { return nil }
        guard let clientTime else { return policy.calendar }
        if clientTime.usesLocationCalendar, let own = locations[clientTime.locationID] ?? nil { return own }
        guard let zone = TimeZone(identifier: clientTime.timeZoneIdentifier) else { return nil }
        return zoned.calendar(policy, in: zone)
    }
}

extension HelpDesk {
    /// The working clock of `ticket` at `instant` (its SLA calendar, see ``RuleCalendarKey``), or
    /// `nil` when it has none.
    func ruleWorkingClock(for ticket: Ticket, at instant: Date) async throws(HelpDeskError) -> RuleWorkingClock? {
        guard let key = RuleCalendarKey(ticket, configuration.sla) else { return nil }
        var locations: [LocationID: BusinessCalendar?] = [:]
        if let location = key.locationNeeded {
            locations[location] = try await storage { try await companyStore.location(location) }?.calendar
        }
        return key.calendar(configuration.sla, locations: locations, zoned: zonedCalendars).map {
            RuleWorkingClock(calendar: $0, instant: instant)
        }
    }
}
