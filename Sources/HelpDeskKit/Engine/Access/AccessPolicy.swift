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
    /// Tickets of these companies.
    case companies(Set<CompanyID>)
    /// Tickets of one company at these locations.
    case locations(Set<LocationID>, company: CompanyID)
    /// Only tickets the principal requested; `companyID` is the company they belong to (`nil`: none).
    case requestedBy(Requester, companyID: CompanyID?)
    /// Tickets passing one of these clauses: an employee's roles (``StaffAuthority/readableTickets(by:)``).
    case reach([TicketReachClause])
    /// None.
    case none
}

/// The default policy: employees may do what their roles permit, clients act only on their own tickets and never
/// see what is internal.
///
/// - ``Principal/system``: everything.
/// - An employee (active): what their roles permit (``StaffAuthority``); employees stored
///   before roles existed hold the built-in ``Role/administrator``.
/// - A contact: reads, replies publicly to and attaches files to the tickets its
///   ``ContactAuthority`` reaches — the tickets it requested or is copied on, plus its company's
///   tickets at its locations (location scope) or all of them (company scope), as the company's
///   ``Company/ticketSharing`` allows — exactly the tickets its lists show; reads the service
///   catalog; files tickets as their requester when ``Contact/mayFileTickets`` allows (at its own
///   locations unless company-scoped or without a location of its own); rates the tickets it requested; approves or declines paid
///   work of tickets it reads when ``Contact/mayApprovePaidWork`` allows; reads its company's
///   balances and statements when ``Contact/mayViewBilling`` allows; uploads files for its own company
///   (``AccessAction/attachFiles`` without a ticket); nothing else (no internal
///   notes, audit, labor, directory, or other companies' records).
/// - Everyone active may read the knowledge base (``AccessAction/readKnowledge``); what they read
///   in it is ``KnowledgeAccess``'s decision.
/// - A free-text client (``Performer/client(name:)``): only when ``freeTextClients`` allows it,
///   files tickets as their requester, uploads files, and replies to tickets requested under the
///   same name that belong to no company.
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
        case .system:
            allowed = true
        case .employee(let employee, let authority):
            allowed =
                request.action == .readKnowledge
                || (request.ticket.map { authority.permits(request.action, on: $0, by: employee) }
                    ?? authority.permits(request.action))
        case .contact(_, let authority):
            allowed = Self.clientActions.contains(request.action) && covers(authority, request)
        case .client(let name):
            allowed =
                freeTextClients && Self.clientActions.contains(request.action) && request.companyID == nil
                && (request.ticket.map { $0.requester == .freeText(name) }
                    ?? (request.action == .readCatalog || request.action == .readKnowledge
                        || request.action == .attachFiles))
        }
        if !allowed { throw .forbidden(principal.performer, action: request.description) }
    }

    public func ticketScope(of principal: Principal) -> TicketScope {
        switch principal {
        case .system:
            return .all
        case .employee(let employee, let authority):
            return authority.readableTickets(by: employee).map(TicketScope.reach) ?? .all
        case .contact(_, let authority):
            return .reach(authority.readableTickets)
        case .client(let name):
            return freeTextClients ? .requestedBy(.freeText(name), companyID: nil) : .none
        }
    }

    /// What a client may ask for at all.
    static let clientActions: Set<AccessAction> = [
        .createTicket, .readTicket, .replyPublicly, .attachFiles, .readCatalog, .rateTicket, .approvePaidWork,
        .readBilling, .readKnowledge,
    ]

    /// `true` when the contact's authority covers the record concerned. A new ticket must name
    /// the contact as its requester, and the contact must be allowed to file there.
    private func covers(_ authority: ContactAuthority, _ request: AccessRequest) -> Bool {
        switch request.action {
        case .readCatalog, .readKnowledge: return request.companyID == nil || request.companyID == authority.companyID
        case .readBilling:
            return request.ticket == nil && authority.mayViewBilling && request.companyID == authority.companyID
        case .attachFiles where request.ticket == nil:
            // An upload: the file reaches a ticket only through a command that checks the ticket.
            return request.companyID == authority.companyID
        default: break
        }
        guard let ticket = request.ticket, ticket.companyID == authority.companyID else { return false }
        switch request.action {
        case .createTicket:
            return ticket.requester == .contact(authority.contactID) && authority.files(at: ticket.locationID)
        case .rateTicket:
            return ticket.requester == .contact(authority.contactID)
        case .approvePaidWork:
            return authority.mayApprovePaidWork && authority.reads(ticket)
        default:
            return authority.reads(ticket)
        }
    }
}
