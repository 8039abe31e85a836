import Foundation
import WorkingTime

/// One employee's load on one date: planned visit minutes against working minutes.
public struct WorkloadCell: Hashable, Sendable, Codable {
    /// The employee (the row).
    public let employeeID: EmployeeID
    /// The date on the employee's wall clock (the column).
    public let date: LocalDate
    /// Minutes of visits on this date: each visit's minutes are split at the employee's midnights.
    public var plannedMinutes: Int
    /// Working minutes of the employee's calendar on this date.
    public var capacityMinutes: Int
    /// The tickets whose visits cover this date, in order.
    public var ticketIDs: [TicketID]

    /// Describes a cell.
    public init(
        employeeID: EmployeeID, date: LocalDate, plannedMinutes: Int, capacityMinutes: Int, ticketIDs: [TicketID]
    ) {
        self.employeeID = employeeID
        self.date = date
        self.plannedMinutes = plannedMinutes
        self.capacityMinutes = capacityMinutes
        self.ticketIDs = ticketIDs
    }

    /// `true` when more minutes are planned than the employee works that date.
    public var isOverloaded: Bool { plannedMinutes > capacityMinutes }
    /// Planned minus working minutes: positive when overloaded, negative when there is room.
    public var overloadMinutes: Int { plannedMinutes - capacityMinutes }
}

/// Planned and working minutes summed over several cells.
public struct WorkloadTotal: Hashable, Sendable, Codable {
    /// The planned minutes.
    public var plannedMinutes: Int
    /// The working minutes.
    public var capacityMinutes: Int

    /// Describes a total.
    public init(plannedMinutes: Int = 0, capacityMinutes: Int = 0) {
        self.plannedMinutes = plannedMinutes
        self.capacityMinutes = capacityMinutes
    }

    /// `true` when more minutes are planned than worked.
    public var isOverloaded: Bool { plannedMinutes > capacityMinutes }
}

/// The workload calendar: rows are employees (by identifier), columns are consecutive dates.
public struct WorkloadCalendar: Hashable, Sendable, Codable {
    /// The rows, by identifier.
    public let employeeIDs: [EmployeeID]
    /// The columns: consecutive dates.
    public let dates: [LocalDate]
    /// Every cell, row by row (employee, then date).
    public let cells: [WorkloadCell]

    /// Describes a calendar; `cells` must hold one cell per employee and date, row by row.
    public init(employeeIDs: [EmployeeID], dates: [LocalDate], cells: [WorkloadCell]) {
        self.employeeIDs = employeeIDs
        self.dates = dates
        self.cells = cells
    }

    /// The cell of `employee` on `date`, or `nil` outside the calendar.
    public func cell(_ employee: EmployeeID, on date: LocalDate) -> WorkloadCell? {
        guard let row = employeeIDs.firstIndex(of: employee), let first = dates.first else { return nil }
        let column = first.days(to: date)
        guard (0..<dates.count).contains(column) else { return nil }
        return cells[row * dates.count + column]
    }

    /// The cells of `employee`, by date (empty when not a row).
    public func row(of employee: EmployeeID) -> [WorkloadCell] {
        guard let row = employeeIDs.firstIndex(of: employee) else { return [] }
        return Array(cells[row * dates.count..<(row + 1) * dates.count])
    }

    /// The cells of `date`, by employee (empty when not a column).
    public func column(on date: LocalDate) -> [WorkloadCell] {
        guard let first = dates.first, (0..<dates.count).contains(first.days(to: date)) else { return [] }
        let column = first.days(to: date)
        return employeeIDs.indices.map { cells[$0 * dates.count + column] }
    }

    /// Everybody's minutes on `date`.
    public func total(on date: LocalDate) -> WorkloadTotal { Self.sum(column(on: date)) }

    /// `employee`'s minutes over every date.
    public func total(of employee: EmployeeID) -> WorkloadTotal { Self.sum(row(of: employee)) }

    /// Everybody's minutes over every date.
    public var total: WorkloadTotal { Self.sum(cells) }

    /// The overloaded cells, most overloaded first, then by employee and date.
    public var overloadedCells: [WorkloadCell] {
        cells.filter(\.isOverloaded).sorted {
            ($1.overloadMinutes, $0.employeeID, $0.date) < ($0.overloadMinutes, $1.employeeID, $1.date)
        }
    }

    /// The part of the calendar on the dates `first ... last` (clipped to its own dates).
    public func dates(_ first: LocalDate, through last: LocalDate) -> WorkloadCalendar {
        let kept = dates.filter { $0 >= first && $0 <= last }
        guard let start = dates.first, let low = kept.first else {
            return WorkloadCalendar(employeeIDs: employeeIDs, dates: [], cells: [])
        }
        let from = start.days(to: low)
        var picked: [WorkloadCell] = []
        picked.reserveCapacity(kept.count * employeeIDs.count)
        for row in employeeIDs.indices {
            picked.append(contentsOf: cells[row * dates.count + from..<row * dates.count + from + kept.count])
        }
        return WorkloadCalendar(employeeIDs: employeeIDs, dates: kept, cells: picked)
    }

    /// The calendar of one day.
    public func day(_ date: LocalDate) -> WorkloadCalendar { dates(date, through: date) }

    /// The calendar of the ISO week (Monday to Sunday) holding `date`, clipped to the calendar's dates.
    public func isoWeek(containing date: LocalDate) -> WorkloadCalendar {
        let monday = (try? date.adding(days: -(date.weekday.rawValue - 1))) ?? LocalDate.first
        let sunday = (try? monday.adding(days: 6)) ?? LocalDate.last
        return dates(monday, through: sunday)
    }

    /// The calendar of the month holding `date`, clipped to the calendar's dates.
    public func month(containing date: LocalDate) -> WorkloadCalendar {
        let kept = dates.filter { $0.year == date.year && $0.month == date.month }
        guard let first = kept.first, let last = kept.last else {
            return dates(LocalDate.last, through: LocalDate.first)
        }
        return dates(first, through: last)
    }

    private static func sum(_ cells: some Sequence<WorkloadCell>) -> WorkloadTotal {
        cells.reduce(into: WorkloadTotal()) {
            $0.plannedMinutes += $1.plannedMinutes
            $0.capacityMinutes += $1.capacityMinutes
        }
    }
}

/// A free stretch of an employee's working time, long enough for the slot asked for.
public struct FreeSlot: Hashable, Sendable, Codable {
    /// The employee who is free.
    public let employeeID: EmployeeID
    /// The date on the employee's wall clock.
    public let date: LocalDate
    /// The free stretch: working time with no visit of the employee.
    public let interval: DateInterval

    /// Describes a free slot.
    public init(employeeID: EmployeeID, date: LocalDate, interval: DateInterval) {
        self.employeeID = employeeID
        self.date = date
        self.interval = interval
    }
}
