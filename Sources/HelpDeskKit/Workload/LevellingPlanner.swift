import Foundation
import WorkingTime

/// The deterministic levelling planner: pure, over members' working time and visits.
///
/// The load of a cell is its planned minus its working minutes. The planner repeatedly takes the
/// most overloaded cell (then by employee and date) and looks for the best move of one of its
/// movable visits: to a free slot (working time, overlapping no other visit of the target, inside
/// the visit's window, or its own day on its employee's wall clock without one) on any date of the
/// same employee or of another member. A move is taken only when it strictly lowers the maximum
/// load of the cells it touches, so the calendar's maximum never rises; among such moves the
/// lowest resulting maximum wins, then the earliest date, the lowest employee and ticket
/// identifiers, and the earliest start in the slot. When the most overloaded cell has no such
/// move the next one is tried; the planner stops when no overloaded cell has one, or at `limit`.
///
/// Movable visits: not fixed, not cancelled, with exactly one employee who is a member, lying
/// wholly on the planner's dates and starting at or after `earliestStart`; they move only to
/// starts at or after it. Visits with several employees count in each of their cells and block
/// their slots, but never move.
struct LevellingPlanner {
    /// The group levelled.
    let group: GroupID
    /// The columns.
    let dates: [LocalDate]
    /// The members, by identifier.
    let members: [WorkloadMember]
    /// No visit starting before this instant moves, and none moves to start before it.
    let earliestStart: Date

    /// A planner for `group` on `dates` (consecutive) over `members`, in any order, moving visits
    /// ahead of `earliestStart` only.
    init(group: GroupID, dates: [LocalDate], members: [WorkloadMember], earliestStart: Date = .distantPast) {
        self.group = group
        self.dates = dates
        self.members = members.sorted { $0.id < $1.id }
        self.earliestStart = earliestStart
    }

    private struct Busy {
        var start: Date
        var end: Date
        var ticket: TicketID
    }

    private struct Candidate {
        var key: (after: Int, column: Int, row: Int, ticket: TicketID)
        var start: Date
        var touched: [(cell: Int, delta: Int)]

        func isBetter(than other: Candidate?) -> Bool {
            guard let other else { return true }
            return (key.after, key.column, key.row, key.ticket) < (
                other.key.after, other.key.column, other.key.row, other.key.ticket
            )
        }
    }

    /// The moves, in the order they are to be applied, at most `limit` of them.
    func suggestions(for input: [PlannedVisit], limit: Int) -> [LevellingSuggestion] {
        var state = State(planner: self, visits: input)
        var result: [LevellingSuggestion] = []
        while result.count < limit {
            var found: LevellingSuggestion?
            for cell in state.overloadedCells() {
                if let move = state.bestMove(from: cell) {
                    found = move
                    break
                }
            }
            guard let found else { break }
            result.append(found)
        }
        return result
    }

    /// The planner's working state: loads, busy intervals and the visits as moved so far.
    private struct State {
        let planner: LevellingPlanner
        let columns: Int
        /// Each member's midnights: `dayStarts[row][column]` opens the column's day, one more closes the last.
        let dayStarts: [[Date]]
        var planned: [Int]
        let capacity: [Int]
        var busy: [[Busy]]
        var visits: [TicketID: PlannedVisit]
        /// The movable visits covering each cell, by ticket.
        var movable: [[TicketID]]
        let rows: [EmployeeID: Int]

        init(planner: LevellingPlanner, visits input: [PlannedVisit]) {
            self.planner = planner
            columns = planner.dates.count
            let members = planner.members
            rows = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1.id, $0) })
            dayStarts = members.map { member in
                planner.dates.map { $0.instant(at: .midnight, in: member.zone) }
                    + [
                        ((try? planner.dates.last?.adding(days: 1)) ?? nil).map {
                            $0.instant(at: .midnight, in: member.zone)
                        } ?? .distantFuture
                    ]
            }
            planned = Array(repeating: 0, count: members.count * columns)
            capacity = members.flatMap(\.capacity)
            busy = Array(repeating: [], count: members.count)
            movable = Array(repeating: [], count: members.count * columns)
            visits = [:]
            for visit in input.sorted(by: { $0.ticketID < $1.ticketID })
            where !visit.isCancelled && visits[visit.ticketID] == nil {
                visits[visit.ticketID] = visit
                let inside = Set(visit.employeeIDs).compactMap { rows[$0] }.sorted()
                for row in inside {
                    busy[row].append(Busy(start: visit.start, end: visit.end, ticket: visit.ticketID))
                    let shares = shares(of: visit, row: row)
                    for share in shares where (0..<columns).contains(share.day) {
                        planned[row * columns + share.day] += share.minutes
                    }
                    let whole = shares.allSatisfy { (0..<columns).contains($0.day) }
                    if whole, !visit.isFixed, visit.employeeIDs.count == 1, visit.start >= planner.earliestStart {
                        for share in shares { movable[row * columns + share.day].append(visit.ticketID) }
                    }
                }
            }
            for row in busy.indices { busy[row].sort { ($0.start, $0.end, $0.ticket) < ($1.start, $1.end, $1.ticket) } }
        }

        func shares(of visit: PlannedVisit, row: Int) -> [(day: Int, minutes: Int)] {
            guard let first = planner.dates.first else { return [] }
            return WorkloadSheet.shares(
                start: visit.start, minutes: visit.durationMinutes, zone: planner.members[row].zone, first: first)
        }

        func excess(_ cell: Int) -> Int { planned[cell] - capacity[cell] }

        /// The overloaded cells, most overloaded first, then by employee and date.
        func overloadedCells() -> [Int] {
            planned.indices.filter { excess($0) > 0 }.sorted { (-excess($0), $0) < (-excess($1), $1) }
        }

        /// The best move of a visit of `cell`, applied to the state, or `nil`.
        mutating func bestMove(from cell: Int) -> LevellingSuggestion? {
            let row = cell / columns
            var best: Candidate?
            var bestVisit: PlannedVisit?
            for ticket in movable[cell] {
                guard let visit = visits[ticket] else { continue }
                let sources = shares(of: visit, row: row).map { (cell: row * columns + $0.day, delta: -$0.minutes) }
                let own = visit.window ?? sourceDay(of: visit, row: row)
                guard own.end > planner.earliestStart else { continue }
                let window = DateInterval(start: max(own.start, planner.earliestStart), end: own.end)
                let sourceMaximum = sources.map { excess($0.cell) }.max() ?? 0
                for target in planner.members.indices {
                    for column in self.columns(of: target, meeting: window) {
                        let targetCell = target * columns + column
                        // A target that ends at or above the sources' highest load cannot lower the maximum.
                        if excess(targetCell) + visit.durationMinutes >= sourceMaximum,
                            !sources.contains(where: { $0.cell == targetCell })
                        {
                            continue
                        }
                        var touched = sources
                        if let at = touched.firstIndex(where: { $0.cell == targetCell }) {
                            touched[at].delta += visit.durationMinutes
                        } else {
                            touched.append((targetCell, visit.durationMinutes))
                        }
                        let before = touched.map { excess($0.cell) }.max() ?? 0
                        let after = touched.map { excess($0.cell) + $0.delta }.max() ?? 0
                        guard after < before else { continue }
                        var candidate = Candidate(
                            key: (after, column, target, ticket), start: .distantPast, touched: touched)
                        guard candidate.isBetter(than: best) else { continue }
                        guard
                            let start = slot(
                                of: target, column: column, within: window, minutes: visit.durationMinutes,
                                moving: ticket)
                        else { continue }
                        candidate.start = start
                        best = candidate
                        bestVisit = visit
                    }
                }
            }
            guard let best, let visit = bestVisit else { return nil }
            return apply(best, to: visit, from: row)
        }

        /// The visit's own day on its employee's wall clock: where it may move without a window.
        func sourceDay(of visit: PlannedVisit, row: Int) -> DateInterval {
            let zone = planner.members[row].zone
            guard let date = try? LocalDate(visit.start, in: zone), let next = try? date.adding(days: 1) else {
                return DateInterval(start: visit.start, end: visit.end)
            }
            return DateInterval(
                start: date.instant(at: .midnight, in: zone), end: next.instant(at: .midnight, in: zone))
        }

        /// The columns of `row` whose day meets `window`.
        func columns(of row: Int, meeting window: DateInterval) -> Range<Int> {
            let starts = dayStarts[row]
            // Column c's day is [starts[c], starts[c + 1]): the first ending after the window's start,
            // up to the first starting at or after its end.
            let low = Self.partition(columns) { starts[$0 + 1] > window.start }
            let high = Self.partition(columns) { starts[$0] >= window.end }
            return low..<max(low, high)
        }

        /// The first index in `0..<count` where `isAbove` holds, for a predicate false then true.
        static func partition(_ count: Int, _ isAbove: (Int) -> Bool) -> Int {
            var low = 0
            var high = count
            while low < high {
                let mid = (low + high) / 2
                if isAbove(mid) { high = mid } else { low = mid + 1 }
            }
            return low
        }

        /// The earliest start of `minutes` in `row`'s working time on `column`, inside `window`, clear
        /// of the row's visits other than `moving`'s.
        func slot(of row: Int, column: Int, within window: DateInterval, minutes: Int, moving: TicketID) -> Date? {
            let length = Double(minutes) * 60
            let taken = busy[row]
            for interval in planner.members[row].intervals[column] {
                let low = max(interval.start, window.start)
                let high = min(interval.end, window.end)
                guard high.timeIntervalSince(low) >= length else { continue }
                var cursor = low
                var index = Self.firstBusy(in: taken, startingAtOrAfter: low.addingTimeInterval(-86_400))
                while index < taken.count, taken[index].start < high {
                    let other = taken[index]
                    index += 1
                    guard other.ticket != moving, other.end > cursor else { continue }
                    if other.start.timeIntervalSince(cursor) >= length { return cursor }
                    cursor = max(cursor, other.end)
                }
                if high.timeIntervalSince(cursor) >= length { return cursor }
            }
            return nil
        }

        static func firstBusy(in sorted: [Busy], startingAtOrAfter instant: Date) -> Int {
            partition(sorted.count) { sorted[$0].start >= instant }
        }

        /// Moves the visit as `move` says and describes the move.
        mutating func apply(_ move: Candidate, to visit: PlannedVisit, from row: Int) -> LevellingSuggestion {
            let target = move.key.row
            let touched = move.touched.sorted { $0.cell < $1.cell }
            let before = touched.map { load($0.cell) }
            for share in shares(of: visit, row: row) {
                movable[row * columns + share.day].removeAll { $0 == visit.ticketID }
            }
            for change in touched { planned[change.cell] += change.delta }
            let after = touched.map { load($0.cell) }
            var moved = visit
            moved.start = move.start
            moved.employeeIDs = [planner.members[target].id]
            moved.revision += 1
            visits[visit.ticketID] = moved
            busy[row].removeAll { $0.ticket == visit.ticketID }
            let entry = Busy(start: moved.start, end: moved.end, ticket: visit.ticketID)
            let at =
                busy[target].firstIndex { ($0.start, $0.end, $0.ticket) > (entry.start, entry.end, entry.ticket) }
                ?? busy[target].count
            busy[target].insert(entry, at: at)
            let cell = target * columns + move.key.column
            let place = movable[cell].firstIndex { $0 > visit.ticketID } ?? movable[cell].count
            movable[cell].insert(visit.ticketID, at: place)
            return LevellingSuggestion(
                groupID: planner.group, ticketID: visit.ticketID, baseRevision: visit.revision,
                durationMinutes: visit.durationMinutes,
                from: VisitPlacement(employeeID: planner.members[row].id, start: visit.start),
                to: VisitPlacement(employeeID: planner.members[target].id, start: moved.start), before: before,
                after: after)
        }

        func load(_ cell: Int) -> CellLoad {
            CellLoad(
                employeeID: planner.members[cell / columns].id, date: planner.dates[cell % columns],
                plannedMinutes: planned[cell], capacityMinutes: capacity[cell])
        }
    }
}
