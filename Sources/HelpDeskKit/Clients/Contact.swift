/// Which tickets a contact sees in the client portal.
public enum PortalScope: String, CaseIterable, Hashable, Sendable, Codable {
    /// Only the tickets the contact requested.
    case ownTickets
    /// Tickets of the contact's location.
    case location
    /// Every ticket of the company.
    case company
}

/// A person at a client company who files tickets, follows them or approves paid work.
public struct Contact: Identifiable, Hashable, Sendable, Codable {
    /// The contact's identifier.
    public let id: ContactID
    /// The company the contact works for; a contact belongs to exactly one company.
    public let companyID: CompanyID
    /// The location the contact works at, in the same company.
    public var locationID: LocationID?
    /// Full name.
    public var name: String
    /// Job title.
    public var position: String
    /// Email; identifies at most one contact (case-insensitive).
    public var email: String?
    /// Phone number, free text.
    public var phone: String?
    /// May file tickets on behalf of the company.
    public var mayFileTickets: Bool
    /// May approve work billed outside the contract.
    public var mayApprovePaidWork: Bool
    /// Which tickets the contact sees in the portal.
    public var portalScope: PortalScope
    /// `false` once the contact has left the company.
    public var isActive: Bool

    /// Creates a contact record.
    public init(
        id: ContactID, companyID: CompanyID, locationID: LocationID? = nil, name: String, position: String = "",
        email: String? = nil, phone: String? = nil, mayFileTickets: Bool = true, mayApprovePaidWork: Bool = false,
        portalScope: PortalScope = .ownTickets, isActive: Bool = true
    ) {
        self.id = id
        self.companyID = companyID
        self.locationID = locationID
        self.name = name
        self.position = position
        self.email = email
        self.phone = phone
        self.mayFileTickets = mayFileTickets
        self.mayApprovePaidWork = mayApprovePaidWork
        self.portalScope = portalScope
        self.isActive = isActive
    }
}
