import Foundation
import WorkingTime

/// Whose clock a contract's SLA targets are measured on.
public enum SLATimeBasis: String, CaseIterable, Hashable, Sendable, Codable {
    /// The SLA policy's calendar (the desk's working time); the default.
    case desk
    /// The client's local time: the ticket location's own calendar, or the policy's calendar read
    /// on the location's wall clock.
    case clientLocal
}

/// The client's local time a ticket's SLA is measured in, pinned when the clocks start so that
/// every later recalculation (pauses, retargeting, ticks) uses the same calendar.
public struct SLAClientTime: Hashable, Sendable, Codable {
    /// The ticket's location when the basis was chosen.
    public var locationID: LocationID
    /// The location's IANA time zone at that moment.
    public var timeZoneIdentifier: String
    /// `true` when the location's own calendar is used; `false` for the policy's calendar re-zoned.
    public var usesLocationCalendar: Bool

    /// Describes a client-local basis.
    public init(locationID: LocationID, timeZoneIdentifier: String, usesLocationCalendar: Bool) {
        self.locationID = locationID
        self.timeZoneIdentifier = timeZoneIdentifier
        self.usesLocationCalendar = usesLocationCalendar
    }
}

extension Validate {
    /// A location's own calendar must read the location's wall clock and have working time.
    static func locationCalendar(_ calendar: BusinessCalendar, zone identifier: String) throws(HelpDeskError) {
        guard calendar.timeZone.identifier == identifier else {
            throw .invalidInput(field: "calendar", problem: .malformed(expected: "a calendar in the location's time zone \(identifier)"))
        }
        do {
            _ = try calendar.nextWorkingInstant(atOrAfter: Date(timeIntervalSince1970: 1_767_225_600))
        } catch {
            throw .invalidInput(field: "calendar", problem: .malformed(expected: "a calendar with working time"))
        }
    }
}

extension HelpDesk {
    /// The client-local basis for a ticket's SLA: set when its contract is measured in
    /// ``SLATimeBasis/clientLocal`` and it has a location; `nil` means the policy's calendar.
    func slaClientTime(for ticket: Ticket) async throws(HelpDeskError) -> SLAClientTime? {
        guard let contractID = ticket.contractID, let locationID = ticket.locationID,
            try await storage({ try await contractStore.contract(contractID) })?.slaTime == .clientLocal,
            let location = try await storage({ try await companyStore.location(locationID) })
        else { return nil }
        return SLAClientTime(
            locationID: location.id, timeZoneIdentifier: location.timeZoneIdentifier,
            usesLocationCalendar: location.calendar != nil)
    }

    /// The calendar a ticket's clocks run on under `policy`: the policy's, the location's own, or
    /// the policy's read on the location's wall clock (same weekly schedule and exceptions).
    func slaCalendar(_ policy: SLAPolicy, _ clientTime: SLAClientTime?) async throws(HelpDeskError) -> BusinessCalendar {
        guard let clientTime else { return policy.calendar }
        if clientTime.usesLocationCalendar,
            let own = try await storage({ try await companyStore.location(clientTime.locationID) })?.calendar
        {
            return own
        }
        guard let zone = TimeZone(identifier: clientTime.timeZoneIdentifier) else {
            throw .slaCalendar(.unknownTimeZone(clientTime.timeZoneIdentifier))
        }
        return zonedCalendars.calendar(policy, in: zone)
    }
}
