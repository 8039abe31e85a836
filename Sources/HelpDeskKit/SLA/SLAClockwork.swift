import Foundation
import WorkingTime

/// Something an SLA clock has to announce: a warning threshold or a breach.
enum SLAAnnouncement: Hashable, Sendable {
    /// `threshold` percent of the clock's working time passed; it is due at `dueAt`.
    case warning(SLAClockKind, threshold: Int, dueAt: Date)
    /// The clock passed its due instant unstopped.
    case breach(SLAClockKind, dueAt: Date)
}

/// Pure SLA clock arithmetic for one policy: starting, pausing, stopping and checking clocks.
///
/// All working time is measured in one calendar (the policy's, or the client's local one) with
/// the ticket's paused intervals excluded, so a pause on a night or a holiday costs nothing
/// (unlike GLPI's 24×7 pause bug).
struct SLAClockwork {
    let policy: SLAPolicy
    /// The calendar the clocks run on.
    let calendar: BusinessCalendar

    /// Clockwork for `policy` on `calendar` (by default the policy's own).
    init(policy: SLAPolicy, calendar: BusinessCalendar? = nil) {
        self.policy = policy
        self.calendar = calendar ?? policy.calendar
    }

    /// Fresh clocks for a ticket registered at `start`, on the client's time when given.
    func start(priority: Priority, category: CategoryID?, at start: Date, clientTime: SLAClientTime? = nil)
        throws(WorkingTimeError) -> TicketSLA
    {
        var sla = TicketSLA(policyID: policy.id, startedAt: start, pauses: [], clientTime: clientTime)
        try retarget(&sla, priority: priority, category: category)
        return sla
    }

    /// Applies this policy's targets for `priority` and `category`: running clocks get the new
    /// target and due instant; elapsed time, pauses, stopped clocks, announced warnings and
    /// breaches are kept (each warning and breach is announced once per ticket).
    func retarget(_ sla: inout TicketSLA, priority: Priority, category: CategoryID?) throws(WorkingTimeError) {
        sla.policyID = policy.id
        let targets = policy.targets(priority: priority, category: category)
        for kind in SLAClockKind.allCases {
            let target = kind == .reaction ? targets.reaction : targets.resolution
            switch (sla[kind], target) {
            case (nil, let target?):
                sla[kind] = SLAClock(target: target, dueAt: try due(sla, after: target))
            case (var clock?, let target?) where clock.isRunning && clock.target != target:
                clock.target = target
                sla[kind] = clock
            case (let clock?, nil) where clock.isRunning:
                sla[kind] = nil
            default:
                break
            }
        }
        try refresh(&sla)
    }

    /// Starts a pause at `instant` (the ticket began to wait).
    func pause(_ sla: inout TicketSLA, at instant: Date) {
        guard sla.pausedSince == nil else { return }
        sla.pausedSince = instant
        sla.nextCheckAt = nil
    }

    /// Ends the pause in progress at `instant` and moves the due instants accordingly.
    func resume(_ sla: inout TicketSLA, at instant: Date) throws(WorkingTimeError) {
        guard let since = sla.pausedSince else { return }
        sla.pausedSince = nil
        if instant > since { sla.pauses.append(DateInterval(start: since, end: instant)) }
        try refresh(&sla)
    }

    /// Stops the clock of `kind` at `instant`; a late stop is a breach, announced once.
    func stop(_ sla: inout TicketSLA, _ kind: SLAClockKind, at instant: Date) throws(WorkingTimeError)
        -> [SLAAnnouncement]
    {
        guard var clock = sla[kind], clock.isRunning else { return [] }
        clock.stoppedAt = instant
        var announcements: [SLAAnnouncement] = []
        if instant > clock.dueAt, clock.breachedAt == nil {
            clock.breachedAt = clock.dueAt
            announcements.append(.breach(kind, dueAt: clock.dueAt))
        }
        sla[kind] = clock
        try refresh(&sla)
        return announcements
    }

    /// Restarts a stopped clock at `instant` (a resolved ticket was reopened): the time it stood
    /// stopped counts as a pause.
    func restart(_ sla: inout TicketSLA, _ kind: SLAClockKind, at instant: Date) throws(WorkingTimeError) {
        guard var clock = sla[kind], let stopped = clock.stoppedAt else { return }
        if instant > stopped { sla.pauses.append(DateInterval(start: stopped, end: instant)) }
        clock.stoppedAt = nil
        sla[kind] = clock
        try refresh(&sla)
    }

    /// Announces every warning and breach whose instant is at or before `now`, each once.
    /// A breach swallows the warnings it overtook: nobody needs "75 % used" after "breached".
    func advance(_ sla: inout TicketSLA, to now: Date) throws(WorkingTimeError) -> [SLAAnnouncement] {
        guard sla.pausedSince == nil else { return [] }
        var announcements: [SLAAnnouncement] = []
        for kind in SLAClockKind.allCases {
            guard var clock = sla[kind], clock.isRunning, clock.breachedAt == nil else { continue }
            if clock.dueAt <= now {
                clock.breachedAt = clock.dueAt
                clock.warnedThresholds = policy.warningThresholds
                announcements.append(.breach(kind, dueAt: clock.dueAt))
            } else {
                for threshold in policy.warningThresholds where !clock.warnedThresholds.contains(threshold) {
                    guard try warningInstant(sla, clock, threshold) <= now else { break }
                    clock.warnedThresholds.append(threshold)
                    announcements.append(.warning(kind, threshold: threshold, dueAt: clock.dueAt))
                }
            }
            sla[kind] = clock
        }
        try refresh(&sla)
        return announcements
    }

    /// Recomputes due instants of running clocks and the next instant `tick` must check.
    private func refresh(_ sla: inout TicketSLA) throws(WorkingTimeError) {
        var next: Date?
        for kind in SLAClockKind.allCases {
            guard var clock = sla[kind], clock.isRunning else { continue }
            if sla.pausedSince == nil { clock.dueAt = try due(sla, after: clock.target) }
            sla[kind] = clock
            guard sla.pausedSince == nil, clock.breachedAt == nil else { continue }
            var check = clock.dueAt
            if let threshold = policy.warningThresholds.first(where: { !clock.warnedThresholds.contains($0) }) {
                check = try warningInstant(sla, clock, threshold)
            }
            next = min(next ?? check, check)
        }
        sla.nextCheckAt = next
    }

    /// When `threshold` percent (1…99, validated) of the clock's target has passed; the product is
    /// taken in 128 bits, so even a target near `Int64.max` seconds cannot overflow.
    private func warningInstant(_ sla: TicketSLA, _ clock: SLAClock, _ threshold: Int) throws(WorkingTimeError) -> Date
    {
        let part = Int128(clock.target.seconds) * Int128(threshold) / 100
        return try due(sla, after: WorkingDuration(seconds: Int64(clamping: part)))
    }

    /// The instant `working` working time after the start, skipping the closed pauses.
    private func due(_ sla: TicketSLA, after working: WorkingDuration) throws(WorkingTimeError) -> Date {
        try calendar.deadline(from: sla.startedAt, adding: working, excluding: PauseSet(sla.pauses))
    }
}
