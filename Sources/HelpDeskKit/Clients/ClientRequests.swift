import Foundation
import WorkingTime

/// The input of ``HelpDesk/addCompany(_:)``.
public struct NewCompany: Hashable, Sendable, Encodable {
    /// Name; not blank, unused by other companies (case-insensitive).
    public var name: String
    /// Registration data (tax and registration numbers) by host-defined key.
    public var registration: [String: String]
    /// Free notes.
    public var notes: String
    /// A configured SLA policy agreed with the client.
    public var slaPolicyID: SLAPolicyID?
    /// How far the company's contacts see each other's tickets in the portal.
    public var ticketSharing: TicketSharing

    /// Describes a company.
    public init(
        name: String, registration: [String: String] = [:], notes: String = "", slaPolicyID: SLAPolicyID? = nil,
        ticketSharing: TicketSharing = .perMember
    ) {
        self.name = name
        self.registration = registration
        self.notes = notes
        self.slaPolicyID = slaPolicyID
        self.ticketSharing = ticketSharing
    }
}

/// The input of ``HelpDesk/updateCompany(_:_:by:idempotencyKey:)``: only the fields that are set change.
public struct CompanyUpdate: Hashable, Sendable, Encodable {
    /// New name; not blank, unused by other companies.
    public var name: String?
    /// New registration data (replaces the old).
    public var registration: [String: String]?
    /// New notes.
    public var notes: String?
    /// New SLA policy (`.some(nil)` clears it).
    public var slaPolicyID: SLAPolicyID??
    /// New ticket sharing mode.
    public var ticketSharing: TicketSharing?

    /// Describes an update.
    public init(
        name: String? = nil, registration: [String: String]? = nil, notes: String? = nil,
        slaPolicyID: SLAPolicyID?? = nil, ticketSharing: TicketSharing? = nil
    ) {
        self.name = name
        self.registration = registration
        self.notes = notes
        self.slaPolicyID = slaPolicyID
        self.ticketSharing = ticketSharing
    }
}

/// The input of ``HelpDesk/addLocation(_:)``.
public struct NewLocation: Hashable, Sendable, Encodable {
    /// The company.
    public var companyID: CompanyID
    /// Name; not blank, unused within the company.
    public var name: String
    /// Postal address.
    public var address: String
    /// IANA time-zone identifier, e.g. `Europe/Moscow`.
    public var timeZoneIdentifier: String
    /// The site's own calendar, in the same time zone and with working time; `nil` for none.
    public var calendar: BusinessCalendar?

    /// Describes a location.
    public init(
        companyID: CompanyID, name: String, address: String = "", timeZoneIdentifier: String = "UTC",
        calendar: BusinessCalendar? = nil
    ) {
        self.calendar = calendar
        self.companyID = companyID
        self.name = name
        self.address = address
        self.timeZoneIdentifier = timeZoneIdentifier
    }
}

/// The input of ``HelpDesk/updateLocation(_:_:by:idempotencyKey:)``: the fields to change.
public struct LocationUpdate: Hashable, Sendable, Encodable {
    /// New name; not blank, unused by the company's other locations.
    public var name: String?
    /// New postal address.
    public var address: String?

    /// Describes an update.
    public init(name: String? = nil, address: String? = nil) {
        self.name = name
        self.address = address
    }
}

/// The input of ``HelpDesk/addContact(_:)``.
public struct NewContact: Hashable, Sendable, Encodable {
    /// The company the contact works for.
    public var companyID: CompanyID
    /// A location of the same company.
    public var locationID: LocationID?
    /// Full name; not blank.
    public var name: String
    /// Job title.
    public var position: String
    /// Email; well-formed and unused by other contacts.
    public var email: String?
    /// Phone number.
    public var phone: String?
    /// May file tickets.
    public var mayFileTickets: Bool
    /// May approve paid work.
    public var mayApprovePaidWork: Bool
    /// Which tickets the contact sees in the portal.
    public var portalScope: PortalScope
    /// Further locations of the company the contact looks after.
    public var additionalLocationIDs: [LocationID]
    /// May see the company's balance, statement and invoices.
    public var mayViewBilling: Bool

    /// Describes a contact.
    public init(
        companyID: CompanyID, locationID: LocationID? = nil, name: String, position: String = "", email: String? = nil,
        phone: String? = nil, mayFileTickets: Bool = true, mayApprovePaidWork: Bool = false,
        portalScope: PortalScope = .ownTickets, additionalLocationIDs: [LocationID] = [], mayViewBilling: Bool = false
    ) {
        self.additionalLocationIDs = additionalLocationIDs
        self.mayViewBilling = mayViewBilling
        self.companyID = companyID
        self.locationID = locationID
        self.name = name
        self.position = position
        self.email = email
        self.phone = phone
        self.mayFileTickets = mayFileTickets
        self.mayApprovePaidWork = mayApprovePaidWork
        self.portalScope = portalScope
    }
}

/// The input of ``HelpDesk/updateContact(_:_:)``: only the fields that are set change.
public struct ContactUpdate: Hashable, Sendable, Encodable {
    /// New location (`.some(nil)` clears it).
    public var locationID: LocationID??
    /// New position.
    public var position: String?
    /// New email (`.some(nil)` clears it).
    public var email: String??
    /// New phone (`.some(nil)` clears it).
    public var phone: String??
    /// New ticket-filing authority.
    public var mayFileTickets: Bool?
    /// New paid-work authority.
    public var mayApprovePaidWork: Bool?
    /// New portal scope.
    public var portalScope: PortalScope?
    /// New list of further locations.
    public var additionalLocationIDs: [LocationID]?
    /// New billing-view authority.
    public var mayViewBilling: Bool?
    /// `false` when the contact has left.
    public var isActive: Bool?

    /// Describes an update.
    public init(
        locationID: LocationID?? = nil, position: String? = nil, email: String?? = nil, phone: String?? = nil,
        mayFileTickets: Bool? = nil, mayApprovePaidWork: Bool? = nil, portalScope: PortalScope? = nil,
        additionalLocationIDs: [LocationID]? = nil, mayViewBilling: Bool? = nil, isActive: Bool? = nil
    ) {
        self.additionalLocationIDs = additionalLocationIDs
        self.mayViewBilling = mayViewBilling
        self.locationID = locationID
        self.position = position
        self.email = email
        self.phone = phone
        self.mayFileTickets = mayFileTickets
        self.mayApprovePaidWork = mayApprovePaidWork
        self.portalScope = portalScope
        self.isActive = isActive
    }
}
