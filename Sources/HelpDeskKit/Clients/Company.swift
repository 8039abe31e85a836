import WorkingTime

/// A client company (legal entity) the service company works for.
public struct Company: Identifiable, Hashable, Sendable, Codable {
    /// The company's identifier.
    public let id: CompanyID
    /// Name, unique among companies (case-insensitive).
    public var name: String
    /// Registration data such as tax and registration numbers, by host-defined key (`INN`, `KPP`, …).
    public var registration: [String: String]
    /// Free notes for the service team.
    public var notes: String
    /// SLA policy agreed with the client, unless a contract sets one.
    public var slaPolicyID: SLAPolicyID?
    /// How far the company's contacts see each other's tickets in the portal.
    public var ticketSharing: TicketSharing

    /// Creates a company record.
    public init(
        id: CompanyID, name: String, registration: [String: String] = [:], notes: String = "",
        slaPolicyID: SLAPolicyID? = nil, ticketSharing: TicketSharing = .perMember
    ) {
        self.id = id
        self.name = name
        self.registration = registration
        self.notes = notes
        self.slaPolicyID = slaPolicyID
        self.ticketSharing = ticketSharing
    }

    enum CodingKeys: String, CodingKey {
        case id, name, registration, notes, slaPolicyID, ticketSharing
    }

    /// Decodes a company; a record written before ticket sharing existed shares per member.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(CompanyID.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
            registration: try c.decodeIfPresent([String: String].self, forKey: .registration) ?? [:],
            notes: try c.decodeIfPresent(String.self, forKey: .notes) ?? "",
            slaPolicyID: try c.decodeIfPresent(SLAPolicyID.self, forKey: .slaPolicyID),
            ticketSharing: try c.decodeIfPresent(TicketSharing.self, forKey: .ticketSharing) ?? .perMember)
    }
}

/// A place where a client company is served: an office, a shop, a restaurant, a site.
public struct Location: Identifiable, Hashable, Sendable, Codable {
    /// The location's identifier.
    public let id: LocationID
    /// The company the location belongs to.
    public let companyID: CompanyID
    /// Name, unique within the company (case-insensitive).
    public var name: String
    /// Postal address.
    public var address: String
    /// IANA time-zone identifier of the site, e.g. `Europe/Moscow`.
    public var timeZoneIdentifier: String
    /// The site's own working calendar (in its time zone), used for the SLA of contracts measured
    /// in client-local time; `nil` to read the SLA policy's calendar on the site's wall clock.
    public var calendar: BusinessCalendar?

    /// Creates a location record.
    public init(
        id: LocationID, companyID: CompanyID, name: String, address: String, timeZoneIdentifier: String,
        calendar: BusinessCalendar? = nil
    ) {
        self.calendar = calendar
        self.id = id
        self.companyID = companyID
        self.name = name
        self.address = address
        self.timeZoneIdentifier = timeZoneIdentifier
    }
}
