import Foundation

extension HelpDesk {
    /// The locations the contact files at: its own, or every location of its company when it is
    /// company-scoped or has none; by name.
    func portalLocations(for contactID: ContactID) async throws(HelpDeskError) -> [Location] {
        let (contact, authority) = try await portalSession(contactID)
        let all = try await storage { try await companyStore.locations(of: contact.companyID) }
        let mine =
            authority.scope == .company || contact.locationIDs.isEmpty
            ? all : all.filter { contact.locationIDs.contains($0.id) }
        return mine.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    /// The equipment in service at the locations the contact files at, by location then serial number.
    func portalEquipment(for contactID: ContactID) async throws(HelpDeskError) -> [PortalAsset] {
        let locations = Set(try await portalLocations(for: contactID).map(\.id))
        let (contact, _) = try await portalSession(contactID)
        guard let assets = try optionalFeature((any AssetRepository).self) else { return [] }
        var result: [PortalAsset] = []
        for asset in try await storage({
            try await assets.assets(company: contact.companyID, location: nil, model: nil)
        })
        where asset.isActive && locations.contains(asset.locationID) {
            result.append(try await portalAsset(asset, models: assets))
        }
        return result.sorted { ($0.locationID, $0.serialNumber, $0.id) < ($1.locationID, $1.serialNumber, $1.id) }
    }

    /// The service categories clients may file under, by name.
    func portalCategories(for contactID: ContactID) async throws(HelpDeskError) -> [PortalCategory] {
        try await categories(as: .contact(contactID)).map {
            PortalCategory(id: $0.id, name: $0.name, parentID: $0.parentID)
        }
    }

    /// Files `request` as the contact, after checking the category is visible to clients and the
    /// location and equipment are among the contact's (refused as ``HelpDeskError/Code/forbidden``).
    func portalFile(_ request: PortalTicketRequest, for contactID: ContactID, key: IdempotencyKey?)
        async throws(HelpDeskError) -> Ticket
    {
        let performer = Performer.contact(contactID)
        if let location = request.locationID,
            !(try await portalLocations(for: contactID)).contains(where: { $0.id == location })
        {
            throw .forbidden(performer, action: "\(AccessAction.createTicket) at location \(location)")
        }
        if !request.assetIDs.isEmpty {
            let mine = Set(try await portalEquipment(for: contactID).map(\.id))
            if let other = request.assetIDs.first(where: { !mine.contains($0) }) {
                throw .forbidden(performer, action: "\(AccessAction.createTicket) about equipment \(other)")
            }
        }
        let (contact, _) = try await portalSession(contactID)
        for copied in request.ccContactIDs {
            // Another company's contact is reported like an unknown one: the portal is no directory.
            guard let colleague = try await storage({ try await companyStore.contact(copied) }),
                colleague.companyID == contact.companyID
            else { throw .contactNotFound(copied) }
        }
        let ticket = NewTicket(
            title: request.title, description: request.description, channel: .portal, categoryID: request.categoryID,
            priority: request.priority, requester: .contact(contactID), locationID: request.locationID,
            assetIDs: request.assetIDs, attachments: request.attachments, ccContactIDs: request.ccContactIDs)
        return try await createTicket(ticket, by: performer, idempotencyKey: key)
    }

    /// Reopens a resolved ticket with the client's reason, where the workflow lets a client reply reopen it.
    func portalReopen(_ id: TicketID, reason: String, for contactID: ContactID, key: IdempotencyKey?)
        async throws(HelpDeskError) -> Comment
    {
        let (ticket, _) = try await visibleTicket(id, as: .contact(contactID))
        guard workflow.category(of: ticket.status) == .resolved, workflow.clientReplyTransitions[ticket.status] != nil
        else { throw .reopenNotAllowed(ticket.number, status: ticket.status) }
        return try await comment(on: id, NewComment(reason), by: .contact(contactID), idempotencyKey: key)
    }

    /// The company's invoiced service periods, newest first, for a contact who may see billing.
    func portalInvoices(for contactID: ContactID) async throws(HelpDeskError) -> [PortalInvoice] {
        let (contact, _) = try await portalSession(contactID)
        _ = try await authorize(.contact(contactID), .readBilling, companyID: contact.companyID)
        var invoices: [PortalInvoice] = []
        for contract in try await storage({ try await contractStore.contracts(of: contact.companyID) }) {
            for period in contract.periods {
                guard let invoicedAt = period.invoicedAt else { continue }
                invoices.append(
                    PortalInvoice(
                        contractNumber: contract.number, period: period.startsAt..<period.endsAt, fee: period.fee,
                        invoicedAt: invoicedAt, paymentDueAt: period.paymentDueAt, paidAt: period.paidAt))
            }
        }
        return invoices.sorted {
            ($1.invoicedAt, $1.contractNumber, $1.period.lowerBound) < (
                $0.invoicedAt, $0.contractNumber, $0.period.lowerBound
            )
        }
    }
}
