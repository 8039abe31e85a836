import Foundation

/// A ticket's links to the client directory, as requested or as resolved.
struct ClientLinks: Hashable, Sendable {
    var companyID: CompanyID?
    var locationID: LocationID?
    var contractID: ContractID?
    var assetIDs: [AssetID]
    var ccContactIDs: [ContactID] = []
}

extension HelpDesk {
    /// Completes and checks a new ticket's client links.
    ///
    /// A registered contact requester fills in the company and the contact's location; a given
    /// location, contract or asset fills in the company too. Without an explicit contract, the
    /// company's contract in force that covers the location and category is linked (an explicit
    /// location/category coverage beats a blanket one, then the lower number wins). Every linked
    /// record must belong to the same company.
    func resolveClientLinks(_ requested: ClientLinks, requester: Requester, category: CategoryID?, performer: Performer)
        async throws(HelpDeskError) -> ClientLinks
    {
        var links = requested
        var contact: Contact?
        if case .contact(let id) = requester {
            guard let found = try await storage({ try await companyStore.contact(id) }) else { throw .contactNotFound(id) }
            guard found.isActive else { throw .contactInactive(id) }
            if performer == .contact(id), !found.mayFileTickets { throw .contactMayNotFileTickets(id) }
            contact = found
            links.companyID = links.companyID ?? found.companyID
            if links.locationID == nil { links.locationID = found.locationID }
        }
        try await check(&links, contact: contact)
        if links.contractID == nil, let companyID = links.companyID {
            links.contractID = try await coveringContract(of: companyID, location: links.locationID, category: category)?.id
        }
        return links
    }

    /// Checks that every linked record exists and belongs to one company, filling the company in.
    /// A copied contact must be active unless it was already copied (`alreadyCopied`); an asset
    /// must be in service unless it was already linked (`alreadyLinked`).
    func check(
        _ links: inout ClientLinks, contact: Contact? = nil, alreadyCopied: [ContactID] = [],
        alreadyLinked: [AssetID] = []
    ) async throws(HelpDeskError) {
        var owners: [(LinkedRecord, CompanyID)] = []
        if let contact { owners.append((.contact(contact.id), contact.companyID)) }
        if let id = links.locationID { owners.append((.location(id), try await loadLocation(id).companyID)) }
        if let id = links.contractID { owners.append((.contract(id), try await loadContract(id).companyID)) }
        for id in links.assetIDs {
            guard let asset = try await storage({ try await assetStore.asset(id) }) else { throw .assetNotFound(id) }
            guard asset.isActive || alreadyLinked.contains(id) else { throw .assetRetired(id) }
            owners.append((.asset(id), asset.companyID))
        }
        for id in links.ccContactIDs {
            guard let copied = try await storage({ try await companyStore.contact(id) }) else { throw .contactNotFound(id) }
            guard copied.isActive || alreadyCopied.contains(id) else { throw .contactInactive(id) }
            owners.append((.contact(id), copied.companyID))
        }
        if let id = links.companyID { _ = try await loadCompany(id) }
        guard let company = links.companyID ?? owners.first?.1 else { return }
        if let (record, _) = owners.first(where: { $0.1 != company }) { throw .crossCompanyLink(record, expected: company) }
        links.companyID = company
        links.assetIDs = Array(Set(links.assetIDs)).sorted()
        links.ccContactIDs = Array(Set(links.ccContactIDs)).sorted()
    }

    /// The company's contract in force now that covers `location` and `category`, if any.
    func coveringContract(of company: CompanyID, location: LocationID?, category: CategoryID?)
        async throws(HelpDeskError) -> Contract?
    {
        let now = clock.now()
        let candidates = try await storage { try await contractStore.contracts(of: company) }
            .filter { $0.isInForce(at: now) && $0.covers(location: location, category: category) }
        func specificity(_ contract: Contract) -> Int {
            (contract.coveredLocationIDs.isEmpty ? 0 : 1) + (contract.coveredCategoryIDs.isEmpty ? 0 : 1)
        }
        return candidates.min { (-specificity($0), $0.number) < (-specificity($1), $1.number) }
    }
}
