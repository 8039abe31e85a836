import Foundation

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

    /// Describes a company.
    public init(name: String, registration: [String: String] = [:], notes: String = "", slaPolicyID: SLAPolicyID? = nil)
    {
        self.name = name
        self.registration = registration
        self.notes = notes
        self.slaPolicyID = slaPolicyID
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

    /// Describes a location.
    public init(companyID: CompanyID, name: String, address: String = "", timeZoneIdentifier: String = "UTC") {
        self.companyID = companyID
        self.name = name
        self.address = address
        self.timeZoneIdentifier = timeZoneIdentifier
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

    /// Describes a contact.
    public init(
        companyID: CompanyID, locationID: LocationID? = nil, name: String, position: String = "", email: String? = nil,
        phone: String? = nil, mayFileTickets: Bool = true, mayApprovePaidWork: Bool = false,
        portalScope: PortalScope = .ownTickets
    ) {
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
    /// `false` when the contact has left.
    public var isActive: Bool?

    /// Describes an update.
    public init(
        locationID: LocationID?? = nil, position: String? = nil, email: String?? = nil, phone: String?? = nil,
        mayFileTickets: Bool? = nil, mayApprovePaidWork: Bool? = nil, portalScope: PortalScope? = nil,
        isActive: Bool? = nil
    ) {
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
