import Foundation

/// A visit in words, as the audit trail and the client read it: built only from client-visible
/// data — times in the client's zone, the engineers' display names, the site's name.
struct VisitWords: Hashable, Sendable {
    /// `Tue 12 May 10:00–12:00 (Europe/Moscow)`.
    var when: String
    /// `A. Petrov`, `B. Ivanova`.
    var engineerNames: [String]
    /// The site's name, when the visit names one.
    var site: String?
    /// The zone the times are in.
    var zone: TimeZone

    /// `A. Petrov, B. Ivanova`.
    var engineers: String { engineerNames.joined(separator: ", ") }

    /// `Tue 12 May 10:00–12:00 (Europe/Moscow) · A. Petrov · Main office`.
    var summary: String {
        ([when, engineers] + (site.map { [$0] } ?? [])).filter { !$0.isEmpty }.joined(separator: " · ")
    }

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `start`–`end` on the wall clock of `zone`: one day and two times, or two days when the visit
    /// runs past midnight.
    static func when(from start: Date, to end: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let units: Set<Calendar.Component> = [.year, .month, .day, .weekday, .hour, .minute]
        let (first, last) = (calendar.dateComponents(units, from: start), calendar.dateComponents(units, from: end))
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        func day(_ parts: DateComponents) -> String {
            let weekday = parts.weekday.flatMap { weekdays.indices.contains($0 - 1) ? weekdays[$0 - 1] : nil } ?? ""
            let month = parts.month.flatMap { months.indices.contains($0 - 1) ? months[$0 - 1] : nil } ?? ""
            return "\(weekday) \(parts.day ?? 0) \(month)"
        }
        func time(_ parts: DateComponents) -> String { "\(two(parts.hour)):\(two(parts.minute))" }
        let sameDay = first.year == last.year && first.month == last.month && first.day == last.day
        let span =
            sameDay
            ? "\(day(first)) \(time(first))–\(time(last))" : "\(day(first)) \(time(first)) – \(day(last)) \(time(last))"
        return "\(span) (\(zone.identifier))"
    }

    /// The name an employee shows clients on a visit: `Alexey Petrov` → `A. Petrov`; one word as it is.
    static func displayName(_ name: String) -> String {
        let words = name.split(whereSeparator: \.isWhitespace)
        guard words.count > 1, let initial = words[0].first else { return words.joined(separator: " ") }
        return "\(initial). " + words.dropFirst().joined(separator: " ")
    }
}

extension HelpDesk {
    /// The zone a visit is read in: its site's, else the ticket's location's, else the ticket's SLA
    /// calendar's, else UTC.
    func visitZone(_ visit: PlannedVisit, of ticket: Ticket) async throws(HelpDeskError) -> TimeZone {
        for id in [visit.locationID, ticket.locationID].compactMap({ $0 }) {
            if let location = try await storage({ try await companyStore.location(id) }) {
                return TimeZone(identifier: location.timeZoneIdentifier) ?? .gmt
            }
        }
        return ticket.sla.flatMap { configuration.sla.policies[$0.policyID]?.calendar.timeZone } ?? .gmt
    }

    /// `visit` of `ticket` in words.
    func visitWords(_ visit: PlannedVisit, of ticket: Ticket) async throws(HelpDeskError) -> VisitWords {
        let zone = try await visitZone(visit, of: ticket)
        var engineers: [String] = []
        for id in visit.employeeIDs {
            guard let employee = try await storage({ try await store.employee(id) }) else { continue }
            let name = VisitWords.displayName(employee.name)
            if !name.isEmpty { engineers.append(name) }
        }
        var site: String?
        if let id = visit.locationID, let location = try await storage({ try await companyStore.location(id) }) {
            site = location.name.isEmpty ? nil : location.name
        }
        return VisitWords(
            when: VisitWords.when(from: visit.start, to: visit.end, in: zone), engineerNames: engineers, site: site,
            zone: zone)
    }
}
