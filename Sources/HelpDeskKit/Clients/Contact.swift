/// Which tickets a contact sees in the client portal, within its company's ``Company/ticketSharing``
/// (see ``ContactAuthority``). Whatever the scope, a contact sees the tickets it requested or is copied on.
public enum PortalScope: String, CaseIterable, Hashable, Sendable, Codable {
    /// Only the tickets the contact requested or is copied on.
    case ownTickets
    /// Also the tickets at the contact's locations (``Contact/locationIDs``).
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
    /// Further locations of the company the contact looks after (a regional manager), sorted: a
    /// location-scoped contact sees and files tickets at these as well as at ``locationID``.
    public var additionalLocationIDs: [LocationID]
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
    /// Which tickets the contact sees in the portal (within the company's ``Company/ticketSharing``).
    public var portalScope: PortalScope
    /// May see the company's balance, statement and invoices in the portal.
    public var mayViewBilling: Bool
    /// `false` once the contact has left the company.
    public var isActive: Bool

    /// Creates a contact record.
    public init(
        id: ContactID, companyID: CompanyID, locationID: LocationID? = nil, name: String, position: String = "",
        email: String? = nil, phone: String? = nil, mayFileTickets: Bool = true, mayApprovePaidWork: Bool = false,
        portalScope: PortalScope = .ownTickets, additionalLocationIDs: [LocationID] = [], mayViewBilling: Bool = false,
        isActive: Bool = true
    ) {
        self.id = id
        self.companyID = companyID
        self.locationID = locationID
        self.additionalLocationIDs = additionalLocationIDs
        self.mayViewBilling = mayViewBilling
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

extension Contact {
    /// Every location the contact works at or looks after.
    public var locationIDs: Set<LocationID> {
        var all = Set(additionalLocationIDs)
        if let locationID { all.insert(locationID) }
        return all
    }

    enum CodingKeys: String, CodingKey {
        case id, companyID, locationID, additionalLocationIDs, name, position, email, phone, mayFileTickets
        case mayApprovePaidWork, portalScope, mayViewBilling, isActive
    }

    /// Decodes a contact; fields added after the first release default (no further locations, no
    /// billing view), so records written before them still decode.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(ContactID.self, forKey: .id), companyID: try c.decode(CompanyID.self, forKey: .companyID),
            locationID: try c.decodeIfPresent(LocationID.self, forKey: .locationID),
            name: try c.decode(String.self, forKey: .name),
            position: try c.decodeIfPresent(String.self, forKey: .position) ?? "",
            email: try c.decodeIfPresent(String.self, forKey: .email),
            phone: try c.decodeIfPresent(String.self, forKey: .phone),
            mayFileTickets: try c.decode(Bool.self, forKey: .mayFileTickets),
            mayApprovePaidWork: try c.decode(Bool.self, forKey: .mayApprovePaidWork),
            portalScope: try c.decode(PortalScope.self, forKey: .portalScope),
            additionalLocationIDs: try c.decodeIfPresent([LocationID].self, forKey: .additionalLocationIDs) ?? [],
            mayViewBilling: try c.decodeIfPresent(Bool.self, forKey: .mayViewBilling) ?? false,
            isActive: try c.decode(Bool.self, forKey: .isActive))
    }
}
