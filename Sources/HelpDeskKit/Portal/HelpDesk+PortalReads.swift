import Foundation

extension HelpDesk {
    /// The contact behind a portal session, with its authority (it must exist and be active).
    func portalSession(_ contactID: ContactID) async throws(HelpDeskError) -> (Contact, ContactAuthority) {
        guard case .contact(let contact, let authority) = try await principal(for: .contact(contactID)) else {
            throw .contactNotFound(contactID)
        }
        return (contact, authority)
    }

    /// One page of the tickets the contact may read, as list rows.
    func portalTickets(_ query: PortalTicketQuery, for contactID: ContactID) async throws(HelpDeskError)
        -> PortalTicketPage
    {
        var tickets = TicketQuery()
        tickets.offset = query.offset
        tickets.limit = query.limit
        tickets.statusCategories = query.statusCategories
        tickets.titleContains = query.text
        tickets.locationIDs = query.locationIDs.map { Set($0.map(Optional.some)) }
        if query.requestedByMe { tickets.requesters = [.contact(contactID)] }
        tickets.sort =
            switch query.sort {
            case .newest: [TicketSort(.createdAt, .descending), TicketSort(.number, .descending)]
            case .oldest: [TicketSort(.createdAt, .ascending), TicketSort(.number, .ascending)]
            case .number: [TicketSort(.number, .ascending)]
            }
        let page = try await self.tickets(matching: tickets, as: .contact(contactID))
        var names = PortalNames()
        var rows: [PortalTicketSummary] = []
        for ticket in page.tickets {
            rows.append(
                PortalTicketSummary(
                    id: ticket.id, number: ticket.number, title: ticket.title, status: clientStatus(of: ticket),
                    priority: ticket.priority, locationName: try await names.location(ticket.locationID, in: self),
                    requesterName: try await names.requester(ticket.requester, in: self), createdAt: ticket.createdAt))
        }
        return PortalTicketPage(tickets: rows, totalCount: page.totalCount, offset: page.offset)
    }

    /// The ticket as the contact sees it; a ticket it may not read is not found.
    func portalTicket(_ id: TicketID, for contactID: ContactID) async throws(HelpDeskError) -> PortalTicket {
        let (ticket, principal) = try await visibleTicket(id, as: .contact(contactID))
        guard case .contact(_, let authority) = principal else { throw .contactNotFound(contactID) }
        var names = PortalNames()
        var conversation: [PortalComment] = []
        for comment in try await storage({ try await store.comments(on: id) }) where comment.visibility == .public {
            conversation.append(
                PortalComment(
                    id: comment.id, authorName: try await names.author(comment.author, in: self),
                    isFromClient: comment.author.isClient, body: comment.body, attachments: comment.attachments,
                    createdAt: comment.createdAt))
        }
        var paidWork: PortalPaidWork?
        if let billing = try optionalFeature((any BillingRepository).self),
            let specification = try await storage({ try await billing.specification(of: id) })
        {
            paidWork = try Self.paidWork(specification)
        }
        var copied: [String] = []
        for contact in ticket.ccContactIDs { copied.append(try await names.requester(.contact(contact), in: self)) }
        var categoryName: String?
        if let categoryID = ticket.categoryID,
            let category = try await storage({ try await store.category(categoryID) }),
            category.isVisibleToClients
        {
            categoryName = category.name
        }
        let isResolved = workflow.category(of: ticket.status) == .resolved
        var mayRate = false
        if ticket.requester == .contact(contactID) { mayRate = try await openRatingRequest(of: ticket.id) != nil }
        return PortalTicket(
            id: ticket.id, number: ticket.number, title: ticket.title, description: ticket.description,
            status: clientStatus(of: ticket), priority: ticket.priority,
            categoryName: categoryName,
            locationName: try await names.location(ticket.locationID, in: self),
            equipment: try await portalAssets(ticket.assetIDs),
            requesterName: try await names.requester(ticket.requester, in: self),
            copiedContactNames: copied, attachments: ticket.attachments, conversation: conversation, paidWork: paidWork,
            promise: ticket.sla.map(Self.promise), createdAt: ticket.createdAt, resolvedAt: ticket.resolvedAt,
            closedAt: ticket.closedAt,
            mayReopen: isResolved && workflow.clientReplyTransitions[ticket.status] != nil,
            mayRate: mayRate,
            awaitsMyApproval: authority.mayApprovePaidWork && paidWork?.approval == .requested
                && paidWork?.isSettled == false)
    }

    /// The ticket's status as clients see it.
    func clientStatus(of ticket: Ticket) -> PortalStatus {
        let status = workflow.status(ticket.status)
        return PortalStatus(label: status?.customerLabel ?? "", category: status?.category ?? .open)
    }

    /// The ticket's rating request its requester may still answer, if any.
    func openRatingRequest(of id: TicketID) async throws(HelpDeskError) -> RatingRequest? {
        guard configuration.ratings != nil, let ratings = try optionalFeature((any RatingRepository).self) else {
            return nil
        }
        let now = clock.now()
        guard let latest = try await storage({ try await ratings.ratingRequests(of: id) }).last,
            latest.withdrawnAt == nil, now < latest.expiresAt
        else { return nil }
        return try await storage({ try await ratings.rating(forRequest: latest.id) }) == nil ? latest : nil
    }

    /// The client's view of a specification: its lines with client prices and the approval.
    static func paidWork(_ specification: TicketSpecification) throws(HelpDeskError) -> PortalPaidWork {
        do {
            let lines = try specification.lines.map { line throws(MoneyError) in
                PortalWorkLine(
                    description: line.description, pricing: line.pricing, quantity: line.quantity,
                    unitPrice: line.unitPrice, total: try line.total(),
                    isIncludedInContract: line.coverage == .inContract)
            }
            return PortalPaidWork(
                lines: lines, chargedTotals: try specification.totals(.billable),
                approval: specification.approval?.decision, isSettled: specification.isSettled)
        } catch {
            throw .money(error)
        }
    }

    /// The SLA promise: due instants and whether they were kept.
    static func promise(_ sla: TicketSLA) -> PortalPromise {
        func deadline(_ clock: SLAClock?) -> PortalDeadline? {
            clock.map { PortalDeadline(dueAt: $0.dueAt, endedAt: $0.stoppedAt, isMissed: $0.breachedAt != nil) }
        }
        return PortalPromise(response: deadline(sla.reaction), resolution: deadline(sla.resolution))
    }

    /// The assets `ids` as the portal lists them, in the order given.
    func portalAssets(_ ids: [AssetID]) async throws(HelpDeskError) -> [PortalAsset] {
        guard !ids.isEmpty, let assets = try optionalFeature((any AssetRepository).self) else { return [] }
        var result: [PortalAsset] = []
        for id in ids {
            guard let asset = try await storage({ try await assets.asset(id) }) else { continue }
            result.append(try await portalAsset(asset, models: assets))
        }
        return result
    }

    /// One asset as the portal lists it.
    func portalAsset(_ asset: Asset, models: any AssetRepository) async throws(HelpDeskError) -> PortalAsset {
        let model = try await storage { try await models.assetModel(asset.modelID) }
        return PortalAsset(
            id: asset.id, modelName: model?.name ?? "", serialNumber: asset.serialNumber,
            inventoryNumber: asset.inventoryNumber, locationID: asset.locationID)
    }
}

/// Names of the records a portal page shows, each looked up once.
struct PortalNames {
    private var locations: [LocationID: String] = [:]
    private var people: [Performer: String] = [:]

    /// The name of location `id` (`nil` for none).
    mutating func location(_ id: LocationID?, in desk: isolated HelpDesk) async throws(HelpDeskError) -> String? {
        guard let id else { return nil }
        if let name = locations[id] { return name }
        let name = try await desk.storage { try await desk.companyStore.location(id) }?.name ?? ""
        locations[id] = name
        return name
    }

    /// The requester's name: the contact's, or the name a client gave.
    mutating func requester(_ requester: Requester, in desk: isolated HelpDesk) async throws(HelpDeskError) -> String {
        switch requester {
        case .freeText(let name): return name
        case .contact(let id): return try await author(.contact(id), in: desk)
        }
    }

    /// The name a comment's author shows to clients: an employee's or contact's name; the desk for the engine.
    mutating func author(_ performer: Performer, in desk: isolated HelpDesk) async throws(HelpDeskError) -> String {
        if let name = people[performer] { return name }
        let name: String
        switch performer {
        case .employee(let id): name = try await desk.storage { try await desk.store.employee(id) }?.name ?? ""
        case .contact(let id): name = try await desk.storage { try await desk.companyStore.contact(id) }?.name ?? ""
        case .client(let given): name = given
        case .system: name = "Service desk"
        }
        people[performer] = name
        return name
    }
}
