import Foundation
import WorkingTime

/// The two SLA clocks of a ticket.
public enum SLAClockKind: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// Time to the first reaction.
    case reaction
    /// Time to the resolution.
    case resolution

    public var description: String { rawValue }
}

/// One SLA clock: its target, when it is due, and how it ended.
public struct SLAClock: Hashable, Sendable, Codable {
    /// Working time allowed.
    public var target: WorkingDuration
    /// When the target runs out, counting the calendar and excluding pauses. While the ticket is
    /// paused this is the due instant as of the pause; it moves later when work resumes.
    public var dueAt: Date
    /// When the clock stopped (reaction given, ticket resolved); `nil` while it runs.
    public var stoppedAt: Date?
    /// When the clock was breached (its due instant), once that instant passed unstopped.
    public var breachedAt: Date?
    /// Warning thresholds (percent) already announced.
    public var warnedThresholds: [Int]

    /// Creates a running clock.
    public init(target: WorkingDuration, dueAt: Date) {
        self.target = target
        self.dueAt = dueAt
        self.warnedThresholds = []
    }

    /// `true` until the clock stops.
    public var isRunning: Bool { stoppedAt == nil }

    /// `true` when the clock stopped in time.
    public var isMet: Bool { stoppedAt != nil && breachedAt == nil }
}

/// Where a ticket stands against its SLA.
public enum SLACondition: String, CaseIterable, Hashable, Sendable, Codable {
    /// The ticket has no SLA clock.
    case none
    /// A clock runs and no warning was announced.
    case onTrack
    /// A warning threshold passed on a running clock.
    case atRisk
    /// A clock was breached.
    case breached
    /// Every clock stopped in time.
    case met
}

/// A ticket's SLA state: the policy, the clocks, and the paused intervals.
public struct TicketSLA: Hashable, Sendable, Codable {
    /// The policy in force.
    public var policyID: SLAPolicyID
    /// When the clocks started (the ticket's registration).
    public var startedAt: Date
    /// Closed paused intervals, in order; excluded from working time.
    public var pauses: [DateInterval]
    /// Start of the pause in progress, while the ticket waits.
    public var pausedSince: Date?
    /// The reaction clock, when the policy measures reaction.
    public var reaction: SLAClock?
    /// The resolution clock, when the policy measures resolution.
    public var resolution: SLAClock?
    /// The next instant `tick` must look at this ticket (a warning or a due instant); `nil`
    /// while paused or when every clock stopped or was announced.
    public var nextCheckAt: Date?
    /// The client's local time the clocks run on (a contract in ``SLATimeBasis/clientLocal``);
    /// `nil` for the policy's calendar.
    public var clientTime: SLAClientTime?

    /// Creates an SLA state; the engine builds these, adapters and tests may too.
    public init(
        policyID: SLAPolicyID, startedAt: Date, pauses: [DateInterval] = [], pausedSince: Date? = nil,
        reaction: SLAClock? = nil, resolution: SLAClock? = nil, nextCheckAt: Date? = nil,
        clientTime: SLAClientTime? = nil
    ) {
        self.clientTime = clientTime
        self.policyID = policyID
        self.startedAt = startedAt
        self.pauses = pauses
        self.pausedSince = pausedSince
        self.reaction = reaction
        self.resolution = resolution
        self.nextCheckAt = nextCheckAt
    }

    /// The clock of `kind`.
    public subscript(kind: SLAClockKind) -> SLAClock? {
        get { kind == .reaction ? reaction : resolution }
        set { if kind == .reaction { reaction = newValue } else { resolution = newValue } }
    }

    /// Where the ticket stands.
    public var condition: SLACondition {
        switch (reaction, resolution) {
        case (nil, nil): return .none
        case (let clock?, nil), (nil, let clock?): return Self.condition(clock, clock)
        case (let first?, let second?): return Self.condition(first, second)
        }
    }

    private static func condition(_ a: SLAClock, _ b: SLAClock) -> SLACondition {
        if a.breachedAt != nil || b.breachedAt != nil { return .breached }
        if (a.isRunning && !a.warnedThresholds.isEmpty) || (b.isRunning && !b.warnedThresholds.isEmpty) { return .atRisk }
        if a.isMet && b.isMet { return .met }
        return .onTrack
    }

    /// The earliest due instant of a running clock, if any.
    public var nextDueAt: Date? {
        let first = reaction.flatMap { $0.isRunning ? $0.dueAt : nil }
        let second = resolution.flatMap { $0.isRunning ? $0.dueAt : nil }
        switch (first, second) {
        case (let a?, let b?): return min(a, b)
        default: return first ?? second
        }
    }

    /// A one-line text for audit entries.
    var auditSummary: String {
        var parts = ["policy \(policyID)"]
        for kind in SLAClockKind.allCases {
            guard let clock = self[kind] else { continue }
            var text = "\(kind) due \(Ticket.auditText(clock.dueAt))"
            if let stopped = clock.stoppedAt { text += " stopped \(Ticket.auditText(stopped))" }
            if clock.breachedAt != nil { text += " breached" }
            if !clock.warnedThresholds.isEmpty { text += " warned \(clock.warnedThresholds.map(String.init).joined(separator: "/"))%" }
            parts.append(text)
        }
        if let pausedSince { parts.append("paused since \(Ticket.auditText(pausedSince))") }
        if let clientTime { parts.append("client time \(clientTime.timeZoneIdentifier)") }
        return parts.joined(separator: "; ")
    }
}
