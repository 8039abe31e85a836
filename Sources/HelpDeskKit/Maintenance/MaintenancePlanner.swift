import Foundation
import Recurrence
import Synchronization
import WorkingTime

/// One upcoming occurrence of a plan as its policies place it (``HelpDesk/previewMaintenancePlan(_:count:as:)``).
public struct MaintenancePreview: Hashable, Sendable, Codable {
    /// The occurrence's date by the rule.
    public let date: LocalDate
    /// The date after the calendar policy; `nil` when the policy skips the occurrence.
    public let scheduledDate: LocalDate?
    /// The day the ticket is opened (scheduled date minus the lead days); `nil` when skipped.
    public let createOn: LocalDate?
    /// When the planned visit starts (the scheduled date at DTSTART's time in the plan's zone); `nil` when skipped.
    public let start: Date?

    /// Describes a preview line.
    public init(date: LocalDate, scheduledDate: LocalDate?, createOn: LocalDate?, start: Date?) {
        self.date = date
        self.scheduledDate = scheduledDate
        self.createOn = createOn
        self.start = start
    }

    /// `true` when the calendar policy skips the occurrence.
    public var isSkippedByCalendar: Bool { scheduledDate == nil }
}

/// A plan's schedule on its working calendar: pure, so the tick, the previews and the tests agree.
struct MaintenancePlanner {
    /// How far a day off is moved at most; with no working day that near the occurrence is skipped.
    static let shiftSearchDays = 31
    /// How many rule dates one look at a plan expands at most (bounds the work of a tick per plan).
    static let expansionLimit = 2_000

    /// One occurrence after the calendar policy.
    struct Step: Hashable {
        /// The rule date.
        var date: LocalDate
        /// After the policy; `nil`: skipped by the calendar.
        var scheduled: LocalDate?
        /// The day it becomes due: the scheduled (or, when skipped, the rule) date minus the lead days.
        var createOn: LocalDate
    }

    /// What a tick does with a due step.
    enum Decision: Hashable {
        case generate
        case skip(MaintenanceOutcome)
    }

    let plan: MaintenancePlan
    /// The working calendar on the plan zone's wall clock.
    let calendar: BusinessCalendar

    /// `date` after the calendar policy; `nil` when it is skipped.
    func scheduled(_ date: LocalDate) -> LocalDate? {
        func working(_ day: LocalDate) -> Bool { (try? calendar.isWorkingDay(day)) ?? false }
        switch plan.calendarPolicy {
        case .keep: return date
        case .skip: return working(date) ? date : nil
        case .nextWorkingDay, .previousWorkingDay:
            let step = plan.calendarPolicy == .nextWorkingDay ? 1 : -1
            for offset in 0...Self.shiftSearchDays {
                guard let day = try? date.adding(days: offset * step) else { return nil }
                if working(day) { return day }
            }
            return nil
        }
    }

    /// The steps of the rule dates after `cursor` (from DTSTART when `nil`) through `through`, before
    /// the plan's end, at most ``expansionLimit``.
    func steps(after cursor: LocalDate?, through: LocalDate) -> [Step] {
        let from = cursor.flatMap { try? $0.adding(days: 1) } ?? plan.schedule.start
        if cursor != nil, from == cursor { return [] }
        var last = through
        if let end = plan.endsOn, let dayBefore = try? end.adding(days: -1) { last = min(last, dayBefore) }
        guard from <= last else { return [] }
        return plan.schedule.occurrences(from: from, through: last, limit: Self.expansionLimit).map { step($0.date) }
    }

    /// The step of rule date `date`.
    func step(_ date: LocalDate) -> Step {
        let scheduled = scheduled(date)
        let base = scheduled ?? date
        return Step(date: date, scheduled: scheduled, createOn: (try? base.adding(days: -plan.leadDays)) ?? .first)
    }

    /// The steps due by `today` (their ticket is opened on or before it), in rule order, and whether
    /// more rule dates may follow beyond the expansion limit.
    func due(after cursor: LocalDate?, today: LocalDate) -> (steps: [Step], truncated: Bool) {
        let horizon = (try? today.adding(days: plan.leadDays + Self.shiftSearchDays)) ?? .last
        let all = steps(after: cursor, through: horizon)
        let due = Array(all.prefix { $0.createOn <= today })
        return (due, all.count == Self.expansionLimit && due.count == all.count)
    }

    /// What the tick does with each due step: missed occurrences (scheduled before `today`) follow
    /// the catch-up policy; with `truncated`, the latest missed one lies beyond these steps.
    static func decisions(_ due: [Step], today: LocalDate, catchUp: MaintenanceCatchUp, truncated: Bool)
        -> [Decision]
    {
        let latestMissed = truncated ? nil : due.lastIndex { ($0.scheduled.map { $0 < today }) == true }
        return due.enumerated().map { index, step in
            guard let scheduled = step.scheduled else { return .skip(.skippedByCalendar) }
            guard scheduled < today else { return .generate }
            switch catchUp {
            case .all: return .generate
            case .latest: return index == latestMissed ? .generate : .skip(.skippedByCatchUp)
            case .none: return .skip(.skippedByCatchUp)
            }
        }
    }

    /// The next `count` occurrences on or after `from` that are not recorded (after `cursor`).
    func preview(from: LocalDate, after cursor: LocalDate?, count: Int) -> [MaintenancePreview] {
        var start = from
        if let cursor, let next = try? cursor.adding(days: 1), next > start { start = next }
        var last = LocalDate.last
        if let end = plan.endsOn, let dayBefore = try? end.adding(days: -1) { last = dayBefore }
        guard start <= last else { return [] }
        return plan.schedule.occurrences(from: start, through: last, limit: count).map { occurrence in
            let step = step(occurrence.date)
            guard let scheduled = step.scheduled else {
                return MaintenancePreview(date: step.date, scheduledDate: nil, createOn: nil, start: nil)
            }
            return MaintenancePreview(
                date: step.date, scheduledDate: scheduled, createOn: step.createOn,
                start: scheduled.instant(at: plan.schedule.time, in: plan.schedule.timeZone))
        }
    }

    /// Monday–Friday 09:00–18:00 on `zone`'s wall clock: the calendar of a plan nothing else gives one.
    static func weekdays(in zone: TimeZone) -> BusinessCalendar {
        if let built = weekdayCalendars.withLock({ $0[zone.identifier] }) { return built }
        let day = try? LocalInterval(start: TimeOfDay(hour: 9), end: TimeOfDay(hour: 18))
        let schedule = WeeklySchedule(
            weekdays: [.monday, .tuesday, .wednesday, .thursday, .friday], intervals: day.map { [$0] } ?? [])
        let calendar = (try? BusinessCalendar(timeZone: zone, schedule: schedule)) ?? .twentyFourSeven(timeZone: zone)
        weekdayCalendars.withLock { $0[zone.identifier] = calendar }
        return calendar
    }

    private static let weekdayCalendars = Mutex<[String: BusinessCalendar]>([:])
}
