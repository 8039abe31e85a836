import Foundation
import WorkingTime

/// One employee's working time on each date of a ``WorkloadSheet``.
struct WorkloadMember: Sendable {
    /// The employee.
    let id: EmployeeID
    /// The wall clock the employee's dates are read on.
    let zone: TimeZone
    /// The working intervals of each date (by index into the sheet's dates), clipped to the day, in order.
    let intervals: [[DateInterval]]
    /// The working minutes of each date.
    let capacity: [Int]

    /// Describes a member from explicit working intervals (the planner's tests build these).
    init(id: EmployeeID, zone: TimeZone, intervals: [[DateInterval]], capacity: [Int]) {
        self.id = id
        self.zone = zone
        self.intervals = intervals
        self.capacity = capacity
    }

    /// The member whose working time is `calendar`'s on `dates`.
    init(id: EmployeeID, calendar: BusinessCalendar, dates: [LocalDate]) throws(WorkingTimeError) {
        var intervals: [[DateInterval]] = []
        var capacity: [Int] = []
        intervals.reserveCapacity(dates.count)
        capacity.reserveCapacity(dates.count)
        for date in dates {
            intervals.append(try calendar.workingIntervals(on: date))
            capacity.append(Int(try calendar.workingSeconds(on: date) / 60))
        }
        self.init(id: id, zone: calendar.timeZone, intervals: intervals, capacity: capacity)
    }
}

/// The pure workload computation: cells and free slots from members' working time and visits.
///
/// A visit counts in full for each of its employees. Its minutes go to the dates it covers on that
/// employee's wall clock: a minute belongs to the date its middle falls on, so the shares of a visit
/// across midnight always add up to its duration.
struct WorkloadSheet: Sendable {
    /// The columns: consecutive dates.
    let dates: [LocalDate]
    /// The rows, by identifier.
    let members: [WorkloadMember]

    /// The minutes of a visit of `minutes` from `start` on each date of `zone`'s wall clock, as
    /// (index relative to `first`, minutes) pairs in order, without empty shares; empty for an
    /// instant outside years 1...9999.
    static func shares(start: Date, minutes: Int, zone: TimeZone, first: LocalDate) -> [(day: Int, minutes: Int)] {
        guard minutes > 0, let startDate = try? LocalDate(start, in: zone) else { return [] }
        let end = start.addingTimeInterval(Double(minutes) * 60)
        var result: [(day: Int, minutes: Int)] = []
        var day = first.days(to: startDate)
        var date = startDate
        var counted = 0
        while counted < minutes {
            guard let next = try? date.adding(days: 1) else { break }
            let boundary = next.instant(at: .midnight, in: zone)
            // Minutes whose middle lies before the boundary.
            let before =
                boundary >= end
                ? minutes : min(minutes, max(counted, Int((boundary.timeIntervalSince(start) / 60 - 0.5).rounded(.up))))
            if before > counted { result.append((day, before - counted)) }
            counted = before
            day += 1
            date = next
        }
        return result
    }

    /// The busy intervals of every member: their visits' `[start, end)`, by start.
    func busy(_ visits: [PlannedVisit]) -> [[DateInterval]] {
        let rows = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1.id, $0) })
        var busy = Array(repeating: [DateInterval](), count: members.count)
        for visit in visits where !visit.isCancelled {
            for employee in Set(visit.employeeIDs) {
                if let row = rows[employee] { busy[row].append(DateInterval(start: visit.start, end: visit.end)) }
            }
        }
        for row in busy.indices { busy[row].sort { ($0.start, $0.end) < ($1.start, $1.end) } }
        return busy
    }

    /// The calendar of `visits` (those of other employees are ignored).
    func calendar(_ visits: [PlannedVisit]) -> WorkloadCalendar {
        guard let first = dates.first else {
            return WorkloadCalendar(employeeIDs: members.map(\.id), dates: [], cells: [])
        }
        let rows = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1.id, $0) })
        var planned = Array(repeating: 0, count: members.count * dates.count)
        var tickets = Array(repeating: [TicketID](), count: members.count * dates.count)
        for visit in visits.sorted(by: { $0.ticketID < $1.ticketID }) where !visit.isCancelled {
            for employee in Set(visit.employeeIDs) {
                guard let row = rows[employee] else { continue }
                let shares = Self.shares(
                    start: visit.start, minutes: visit.durationMinutes, zone: members[row].zone, first: first)
                for share in shares where (0..<dates.count).contains(share.day) {
                    planned[row * dates.count + share.day] += share.minutes
                    tickets[row * dates.count + share.day].append(visit.ticketID)
                }
            }
        }
        var cells: [WorkloadCell] = []
        cells.reserveCapacity(planned.count)
        for (row, member) in members.enumerated() {
            for (column, date) in dates.enumerated() {
                let index = row * dates.count + column
                cells.append(
                    WorkloadCell(
                        employeeID: member.id, date: date, plannedMinutes: planned[index],
                        capacityMinutes: member.capacity[column], ticketIDs: tickets[index]))
            }
        }
        return WorkloadCalendar(employeeIDs: members.map(\.id), dates: dates, cells: cells)
    }

    /// Every member's working time minus their visits, the pieces at least `minutes` long, by
    /// employee, then start.
    func freeSlots(_ visits: [PlannedVisit], minutes: Int) -> [FreeSlot] {
        let busy = busy(visits)
        var slots: [FreeSlot] = []
        for (row, member) in members.enumerated() {
            for (column, date) in dates.enumerated() {
                for interval in member.intervals[column] {
                    for piece in Self.free(in: interval, busy: busy[row]) where piece.duration >= Double(minutes) * 60 {
                        slots.append(FreeSlot(employeeID: member.id, date: date, interval: piece))
                    }
                }
            }
        }
        return slots
    }

    /// The parts of `interval` that no interval of `busy` (sorted by start) overlaps, in order.
    static func free(in interval: DateInterval, busy: [DateInterval]) -> [DateInterval] {
        var pieces: [DateInterval] = []
        var cursor = interval.start
        // The first busy interval that may reach into `interval`: busy intervals last at most a day.
        var index = firstIndex(in: busy, startingAtOrAfter: interval.start.addingTimeInterval(-86_400))
        while index < busy.count, busy[index].start < interval.end {
            let taken = busy[index]
            if taken.end > cursor {
                if taken.start > cursor { pieces.append(DateInterval(start: cursor, end: taken.start)) }
                cursor = max(cursor, taken.end)
            }
            index += 1
        }
        if cursor < interval.end { pieces.append(DateInterval(start: cursor, end: interval.end)) }
        return pieces
    }

    /// The first index of `sorted` whose start is at or after `instant`.
    static func firstIndex(in sorted: [DateInterval], startingAtOrAfter instant: Date) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid].start < instant { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
