/// Decides what a principal may do and see: the one access seam every command and read asks.
///
/// The engine resolves the performer (``Principal``), then calls ``authorize(_:_:)`` with the
/// record concerned; lists are narrowed with ``ticketScope(of:)``. A policy throws
/// ``HelpDeskError/forbidden(_:action:)`` to refuse.
public protocol AccessPolicy: Sendable {
    /// Throws unless `principal` may do what `request` describes.
    func authorize(_ principal: Principal, _ request: AccessRequest) throws(HelpDeskError)
    /// Which tickets `principal` may list; queries are narrowed to them.
    func ticketScope(of principal: Principal) -> TicketScope
}

/// The tickets a principal may list.
public enum TicketScope: Hashable, Sendable {
    /// Every ticket.
    case all
    /// Tickets of these companies (a contact's tickets always belong to its company).
    case companies(Set<CompanyID>)
    /// Only tickets the principal requested.
    case requestedBy(Requester)
    /// None.
    case none
}

/// The default policy: staff may do everything, clients act only on their own tickets and never
/// see what is internal.
///
/// - Employees (active) and ``Principal/system``: everything.
/// - A contact: files tickets for its own company (when `mayFileTickets`), reads, replies publicly
///   to and attaches files to its company's tickets and the tickets it requested; nothing else
///   (no internal notes, audit, labor, billing, directory, or other companies' records).
/// - A free-text client (``Performer/client(name:)``): only when ``freeTextClients`` allows it,
///   files tickets and replies to tickets whose requester is the same free-text name.
public struct StandardAccessPolicy: AccessPolicy {
    /// Whether clients known only by name may file and reply (the host vouches for the name,
    /// e.g. an email sender it matched); `true` by default.
    public var freeTextClients: Bool

    /// The default policy.
    public init(freeTextClients: Bool = true) {
        self.freeTextClients = freeTextClients
    }

    public func authorize(_ principal: Principal, _ request: AccessRequest) throws(HelpDeskError) {
        let allowed: Bool
        switch principal {
        case .employee, .system:
            allowed = true
        case .contact(let contact):
            allowed = Self.clientActions.contains(request.action) && contactOwns(contact, request)
        case .client(let name):
            allowed = freeTextClients && Self.clientActions.contains(request.action) && request.companyID == nil
                && (request.ticket.map { $0.requester == .freeText(name) }
                    ?? (request.action == .createTicket || request.action == .readCatalog))
        }
        if !allowed { throw .forbidden(principal.performer, action: request.description) }
    }

    public func ticketScope(of principal: Principal) -> TicketScope {
        switch principal {
        case .employee, .system: .all
        case .contact(let contact): .companies([contact.companyID])
        case .client(let name): freeTextClients ? .requestedBy(.freeText(name)) : .none
        }
    }

    /// What a client may ask for at all.
    static let clientActions: Set<AccessAction> = [.createTicket, .readTicket, .replyPublicly, .attachFiles, .readCatalog]

    /// `true` when the record concerned is the contact's company's, or a ticket it requested.
    private func contactOwns(_ contact: Contact, _ request: AccessRequest) -> Bool {
        if let ticket = request.ticket, ticket.requester == .contact(contact.id) { return true }
        if request.action == .createTicket || request.action == .readCatalog, request.companyID == nil { return true }
        return request.companyID == contact.companyID
    }
}
