import Foundation
import WorkingTime

/// Logged time of one group of time entries.
public struct LaborRow: ReportRow, Hashable {
    /// The group.
    public var key: ReportKey
    /// Time entries.
    public var entries: Int
    /// Minutes actually spent.
    public var spentMinutes: Int
    /// Minutes charged (rounded per entry).
    public var chargedMinutes: Int
    /// Spent minutes of billable entries.
    public var billableMinutes: Int
    /// Spent hours.
    public var hours: Double { Double(spentMinutes) / 60 }
    /// `billableMinutes / spentMinutes × 100`.
    public var billableSharePercent: Double? {
        spentMinutes == 0 ? nil : Double(billableMinutes) * 100 / Double(spentMinutes)
    }

    mutating func add(_ entry: TimeEntry) {
        entries += 1
        spentMinutes += entry.spentMinutes
        chargedMinutes += entry.chargedMinutes
        if entry.billable { billableMinutes += entry.spentMinutes }
    }

    /// CSV columns.
    public static let csvColumns =
        CSVText.keyColumns + [
            ReportColumn("entries", .count), ReportColumn("spent_minutes", .minutes),
            ReportColumn("charged_minutes", .minutes), ReportColumn("billable_minutes", .minutes),
            ReportColumn("spent_hours", .hours), ReportColumn("billable_share_percent", .percent),
        ]
    /// CSV fields.
    public var csvFields: [String] {
        CSVText.key(key) + [
            String(entries), String(spentMinutes), String(chargedMinutes), String(billableMinutes), CSVText.of(hours),
            CSVText.of(billableSharePercent),
        ]
    }
}

extension ReportEngine {
    /// The local dates whose midnight (in the request's zone) lies in the period, with those midnights.
    static func workDates(of request: ReportRequest) -> [LocalDate: Date] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = request.timeZone
        var result: [LocalDate: Date] = [:]
        var day = calendar.startOfDay(for: request.period.lowerBound)
        while day < request.period.upperBound {
            if day >= request.period.lowerBound {
                let parts = calendar.dateComponents([.year, .month, .day], from: day)
                if let date = try? LocalDate(year: parts.year!, month: parts.month!, day: parts.day!) {
                    result[date] = day
                }
            }
            guard let next = calendar.date(byAdding: .day, value: 1, to: day) else { break }
            day = calendar.startOfDay(for: next)
        }
        return result
    }

    /// Time entries worked on a date whose local midnight lies in the period, with their tickets and
    /// work-date instants, filtered: ticket filters on the entry's ticket, the employee filter on who logged it.
    func filteredEntries(_ request: ReportRequest) async throws -> [(TimeEntry, Ticket, Date)] {
        let dates = Self.workDates(of: request)
        guard let first = dates.keys.min(), let last = dates.keys.max() else { return [] }
        var tickets: [TicketID: Ticket] = [:]
        var result: [(TimeEntry, Ticket, Date)] = []
        // A store without the labor feature has no time to report.
        guard let labor = try store.feature((any LaborRepository).self) else { return [] }
        for entry in try await labor.timeEntries(workedIn: first...last) {
            guard let midnight = dates[entry.workDate], request.filter.employeeIDs?.contains(entry.employeeID) ?? true
            else { continue }
            if tickets[entry.ticketID] == nil { tickets[entry.ticketID] = try await store.ticket(entry.ticketID) }
            guard let ticket = tickets[entry.ticketID], request.filter.matchesTicketExceptEmployee(ticket) else {
                continue
            }
            result.append((entry, ticket, midnight))
        }
        return result
    }

    /// Labor hours grouped by `dimension`: the employee is who logged the time, `.activity` the
    /// activity code, a trend buckets by work date, other dimensions come from the entry's ticket.
    ///
    /// - Complexity: O(*t*) time entries in the dates, one ticket read per distinct ticket.
    public func labor(_ request: ReportRequest, by dimension: ReportDimension) async throws -> [LaborRow] {
        try request.validateWholeDays()
        let buckets = request.buckets
        let empty = LaborRow(
            key: ReportKey(dimension: dimension, value: nil), entries: 0, spentMinutes: 0, chargedMinutes: 0,
            billableMinutes: 0)
        var groups = Groups(empty: empty, buckets: buckets.starts.count)
        for (entry, ticket, midnight) in try await filteredEntries(request) {
            guard let bucket = buckets.index(of: midnight) else { continue }
            let key: ReportGroupKey =
                switch dimension {
                case .employee: .employee(entry.employeeID)
                case .activity: .activity(entry.activity)
                default: .of(ticket, along: dimension, bucket: bucket)
                }
            groups.update(key) { $0.add(entry) }
        }
        return try await rows(groups.all, dimension: dimension, request: request, buckets: buckets) { key, row in
            var row = row
            row.key = key
            return row
        }
    }
}
