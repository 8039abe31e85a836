import Foundation

/// A ticket's visit as the client sees it in the portal: when (in the site's zone), who, where.
public struct PortalVisit: Hashable, Sendable, Codable {
    /// When the visit starts.
    public var start: Date
    /// When it ends.
    public var end: Date
    /// The zone the client reads the times in (the site's).
    public var timeZoneIdentifier: String
    /// `Tue 12 May 10:00–12:00 (Europe/Moscow)`.
    public var when: String
    /// The engineers' display names (`A. Petrov`).
    public var engineerNames: [String]
    /// The site's name, when the visit names one.
    public var siteName: String?

    /// Describes a visit for the portal.
    public init(
        start: Date, end: Date, timeZoneIdentifier: String, when: String, engineerNames: [String], siteName: String?
    ) {
        self.start = start
        self.end = end
        self.timeZoneIdentifier = timeZoneIdentifier
        self.when = when
        self.engineerNames = engineerNames
        self.siteName = siteName
    }
}

extension HelpDesk {
    /// The visit of `ticket` (cancelled ones too), or `nil`: for staff who may read the ticket and
    /// its internal records.
    public func visit(of ticket: TicketID, as viewer: Performer) async throws(HelpDeskError) -> PlannedVisit? {
        try await internalTicket(ticket, as: viewer)
        let visits = try feature((any VisitRepository).self)
        return try await storage { try await visits.visit(ofTicket: ticket) }
    }

    /// The dispatcher's list: visits not cancelled that start in `[from, to)`, by start then ticket;
    /// with `employee`, only those that employee goes on. Needs ``AccessAction/planWork``.
    public func visits(from: Date, to: Date, employee: EmployeeID? = nil, as viewer: Performer)
        async throws(HelpDeskError) -> [PlannedVisit]
    {
        _ = try await authorize(viewer, .planWork)
        try Validate.instant(from, field: "from")
        try Validate.instant(to, field: "to")
        guard from < to else { throw .invalidInput(field: "to", problem: .notAfterStart) }
        let visits = try feature((any VisitRepository).self)
        let found = try await storage { try await visits.visits(startingFrom: from, before: to) }
        guard let employee else { return found }
        return found.filter { $0.employeeIDs.contains(employee) }
    }

    /// The visit of `id` as the contact sees it; `nil` when none is planned. A ticket the contact
    /// may not read is not found.
    func portalVisit(_ id: TicketID, for contactID: ContactID) async throws(HelpDeskError) -> PortalVisit? {
        let (ticket, _) = try await visibleTicket(id, as: .contact(contactID))
        let visits = try feature((any VisitRepository).self)
        guard let visit = try await storage({ try await visits.visit(ofTicket: id) }), !visit.isCancelled else {
            return nil
        }
        let words = try await visitWords(visit, of: ticket)
        return PortalVisit(
            start: visit.start, end: visit.end, timeZoneIdentifier: words.zone.identifier, when: words.when,
            engineerNames: words.engineerNames,
            siteName: words.site)
    }
}

extension ClientPortal {
    /// The planned visit of a ticket the contact may see: when, who, where; `nil` when none is planned.
    public func visit(of id: TicketID) async throws(HelpDeskError) -> PortalVisit? {
        try await desk.portalVisit(id, for: contactID)
    }
}
