import Foundation

extension HelpDesk {
    /// Resolves `performer` against the directory: an employee or contact must exist and be
    /// active, a free-text client's name must not be blank.
    @inline(__always)
    func principal(for performer: Performer) async throws(HelpDeskError) -> Principal {
        switch performer {
        case .employee(let id):
            let employee = try await loadEmployee(id)
            return .employee(employee, try await authority(of: employee))
        case .contact(let id):
            guard let contact = try await storage({ try await companyStore.contact(id) }) else { throw .contactNotFound(id) }
            guard contact.isActive else { throw .contactInactive(id) }
            let sharing = try await loadCompany(contact.companyID).ticketSharing
            return .contact(contact, ContactAuthority(contact: contact, sharing: sharing))
        case .client(let name):
            try Validate.notBlank(name, field: "performer")
            return .client(name: name)
        case .system:
            return .system
        }
    }

    /// Asks the access policy whether `principal` may do what `request` describes.
    ///
    /// The request is built only when the policy is asked: staff and the engine itself pass every
    /// request of the standard policy, and a create should not copy its ticket for nothing.
    @inline(__always)
    func authorize(_ principal: Principal, _ request: @autoclosure () -> AccessRequest) throws(HelpDeskError) {
        if accessIsStandard {
            switch principal {
            case .system: return
            case .employee(_, let authority) where authority.isAdministrator: return
            case .employee, .contact, .client: break
            }
        }
        try access.authorize(principal, request())
    }

    /// Resolves `viewer` and checks it may do `action` (for reads and commands without a ticket).
    func authorize(_ viewer: Performer, _ action: AccessAction, companyID: CompanyID? = nil)
        async throws(HelpDeskError) -> Principal
    {
        let principal = try await principal(for: viewer)
        try authorize(principal, AccessRequest(action, companyID: companyID))
        return principal
    }

    /// The ticket `id` as `viewer` may see it: a ticket the viewer may not read is reported as not
    /// found, so a client cannot probe which tickets exist.
    func visibleTicket(_ id: TicketID, as viewer: Performer) async throws(HelpDeskError) -> (Ticket, Principal) {
        let principal = try await principal(for: viewer)
        let ticket = try await loadTicket(id)
        do {
            try authorize(principal, AccessRequest(.readTicket, ticket: ticket))
        } catch {
            throw .ticketNotFound(id)
        }
        return (ticket, principal)
    }

    /// Asks the policy for `action` on `ticket`; a refusal of a ticket the principal may not even
    /// read is reported as not found, so commands do not reveal tickets that reads hide.
    func authorize(_ principal: Principal, _ action: AccessAction, on ticket: Ticket) throws(HelpDeskError) {
        do {
            try authorize(principal, AccessRequest(action, ticket: ticket))
        } catch {
            if action != .readTicket, (try? authorize(principal, AccessRequest(.readTicket, ticket: ticket))) != nil {
                throw error
            }
            throw .ticketNotFound(ticket.id)
        }
    }

    /// The ticket `id` for a viewer who may see its internal records (labor, ratings, billing).
    @discardableResult
    func internalTicket(_ id: TicketID, as viewer: Performer) async throws(HelpDeskError) -> Ticket {
        try await internalTicketAndPrincipal(id, as: viewer).0
    }

    /// The ticket `id` for a viewer who may read it and its internal records, with the viewer.
    func internalTicketAndPrincipal(_ id: TicketID, as viewer: Performer) async throws(HelpDeskError)
        -> (Ticket, Principal)
    {
        let (ticket, principal) = try await visibleTicket(id, as: viewer)
        try authorize(principal, .readInternal, on: ticket)
        return (ticket, principal)
    }

    /// `true` when `principal` may see internal notes, the audit trail, labor and billing of `ticket`.
    func seesInternal(_ principal: Principal, on ticket: Ticket) -> Bool {
        (try? authorize(principal, AccessRequest(.readTicket, ticket: ticket))) != nil
            && (try? authorize(principal, AccessRequest(.readInternal, ticket: ticket))) != nil
    }

    /// The records of `records` on tickets whose internal records `principal` may read (it may read
    /// the ticket and ``AccessAction/readInternal`` on it): desk-wide reads of time and ratings
    /// filtered to the viewer's reach. The engine and administrators skip the ticket lookups.
    func internalRecords<Record>(_ records: [Record], on ticket: (Record) -> TicketID, for principal: Principal)
        async throws(HelpDeskError) -> [Record]
    {
        switch principal {
        case .system: return records
        case .employee(_, let authority) where accessIsStandard && authority.isAdministrator: return records
        case .employee, .contact, .client: break
        }
        var visible: [TicketID: Bool] = [:]
        var kept: [Record] = []
        for record in records {
            let id = ticket(record)
            if visible[id] == nil {
                let found = try await storage { try await store.ticket(id) }
                visible[id] = found.map { seesInternal(principal, on: $0) } ?? false
            }
            if visible[id] == true { kept.append(record) }
        }
        return kept
    }

    /// `query` narrowed to the tickets `principal` may list; `nil` when it may list none.
    func narrowed(_ query: TicketQuery, for principal: Principal) -> TicketQuery? {
        var query = query
        switch access.ticketScope(of: principal) {
        case .all:
            break
        case .companies(let companies):
            let allowed = Set(companies.map { Optional($0) })
            query.companyIDs = query.companyIDs.map { $0.intersection(allowed) } ?? allowed
        case .locations(let locations, let company):
            let allowed = Set(locations.map { Optional($0) })
            query.locationIDs = query.locationIDs.map { $0.intersection(allowed) } ?? allowed
            query.companyIDs = query.companyIDs.map { $0.intersection([company]) } ?? [company]
        case .requestedBy(let requester, let company):
            query.requesters = query.requesters.map { $0.intersection([requester]) } ?? [requester]
            query.companyIDs = query.companyIDs.map { $0.intersection([company]) } ?? [company]
        case .reach(let clauses):
            query.reach = query.reach.intersection(clauses)
        case .none:
            return nil
        }
        return query
    }
}
