import Foundation

extension HelpDesk {
    /// All client companies, sorted by name.
    public func companies(as viewer: Performer) async throws(HelpDeskError) -> [Company] {
        _ = try await authorize(viewer, .readClients)
        return try await storage { try await companyStore.companies() }
    }

    /// The company with `id`.
    public func company(_ id: CompanyID, as viewer: Performer) async throws(HelpDeskError) -> Company {
        _ = try await authorize(viewer, .readClients, companyID: id)
        return try await loadCompany(id)
    }

    /// The locations of a company, sorted by name.
    public func locations(of company: CompanyID, as viewer: Performer) async throws(HelpDeskError) -> [Location] {
        _ = try await authorize(viewer, .readClients, companyID: company)
        _ = try await loadCompany(company)
        return try await storage { try await companyStore.locations(of: company) }
    }

    /// The contacts of a company, sorted by name.
    public func contacts(of company: CompanyID, as viewer: Performer) async throws(HelpDeskError) -> [Contact] {
        _ = try await authorize(viewer, .readClients, companyID: company)
        _ = try await loadCompany(company)
        return try await storage { try await companyStore.contacts(of: company) }
    }

    /// The contract with `id`.
    public func contract(_ id: ContractID, as viewer: Performer) async throws(HelpDeskError) -> Contract {
        let principal = try await principal(for: viewer)
        let contract = try await loadContract(id)
        try authorize(principal, AccessRequest(.readClients, companyID: contract.companyID))
        return contract
    }

    /// Contracts of one company, or of all when `company` is `nil`, sorted by number.
    public func contracts(of company: CompanyID? = nil, as viewer: Performer) async throws(HelpDeskError) -> [Contract]
    {
        _ = try await authorize(viewer, .readClients, companyID: company)
        guard let company else { return try await storage { try await contractStore.contracts() } }
        _ = try await loadCompany(company)
        return try await storage { try await contractStore.contracts(of: company) }
    }

    /// Contracts in force at `instant` (active, within their dates), sorted by number.
    public func contracts(inForceAt instant: Date, as viewer: Performer) async throws(HelpDeskError) -> [Contract] {
        _ = try await authorize(viewer, .readClients)
        try Validate.instant(instant, field: "instant")
        return try await contracts(as: .system).filter { $0.isInForce(at: instant) }
    }

    /// Contracts in force whose end falls within `days` days after `instant`, soonest first.
    public func contracts(endingWithin days: Int, after instant: Date, as viewer: Performer) async throws(HelpDeskError)
        -> [Contract]
    {
        _ = try await authorize(viewer, .readClients)
        guard days >= 0 else { throw .invalidInput(field: "days", problem: .negative) }
        try Validate.instant(instant, field: "instant")
        let horizon = instant.addingTimeInterval(Double(days) * 86_400)
        return try await contracts(inForceAt: instant, as: .system)
            .filter { $0.endsAt.map { $0 <= horizon } ?? false }
            .sorted { ($0.endsAt!, $0.number) < ($1.endsAt!, $1.number) }
    }

    /// Companies with overdue service periods at `instant`, most days overdue first, read from the
    /// ledger: a period is a debt once its invoice is posted, its payment is not, and it is due.
    ///
    /// `instant` must lie in ``InstantRange``; a total that does not fit in 64-bit minor units is
    /// ``HelpDeskError/money(_:)`` with `.overflow`.
    ///
    /// - Complexity: O(*c* + *p*) over contracts and their periods.
    public func debtors(at instant: Date, as viewer: Performer) async throws(HelpDeskError) -> [Debtor] {
        _ = try await authorize(viewer, .readBilling)
        try Validate.instant(instant, field: "instant")
        let debts = try await ledgerDebts(at: instant)
        var debtors: [Debtor] = []
        for (companyID, list) in debts {
            let company = try await loadCompany(companyID)
            var totals: [CurrencyCode: Money] = [:]
            do {
                for debt in list {
                    totals[debt.amount.currency] = try (totals[debt.amount.currency] ?? .zero(debt.amount.currency))
                        .adding(debt.amount)
                }
            } catch {
                throw .money(error)
            }
            debtors.append(
                Debtor(
                    company: company, debts: list.sorted { $0.daysOverdue > $1.daysOverdue },
                    totals: totals.keys.sorted().map { totals[$0]! }))
        }
        return debtors.sorted { ($1.maximumDaysOverdue, $0.company.name) < ($0.maximumDaysOverdue, $1.company.name) }
    }

    /// `true` when the company has an invoiced period overdue at `instant` (read from the ledger).
    func isDebtor(_ company: CompanyID, at instant: Date) async throws(HelpDeskError) -> Bool {
        try await ledgerDebts(at: instant, of: company)[company] != nil
    }

    /// The equipment nomenclature, sorted by name.
    public func assetModels(as viewer: Performer) async throws(HelpDeskError) -> [AssetModel] {
        _ = try await authorize(viewer, .readClients)
        return try await storage { try await assetStore.assetModels() }
    }

    /// Assets in service matching every given filter (retired ones too when `includingRetired`),
    /// sorted by serial number.
    public func assets(
        company: CompanyID? = nil, location: LocationID? = nil, model: AssetModelID? = nil,
        includingRetired: Bool = false, as viewer: Performer
    )
        async throws(HelpDeskError) -> [Asset]
    {
        var owner = company
        if owner == nil, let location { owner = try await loadLocation(location).companyID }
        _ = try await authorize(viewer, .readClients, companyID: owner)
        let found = try await storage { try await assetStore.assets(company: company, location: location, model: model) }
        return includingRetired ? found : found.filter(\.isActive)
    }

    /// The tickets about an asset, newest first: its service history.
    public func history(of asset: AssetID, as viewer: Performer) async throws(HelpDeskError) -> [Ticket] {
        let principal = try await principal(for: viewer)
        guard let found = try await storage({ try await assetStore.asset(asset) }) else { throw .assetNotFound(asset) }
        try authorize(principal, AccessRequest(.readClients, companyID: found.companyID))
        return try await tickets(matching: TicketQuery(assetIDs: [asset], limit: TicketQuery.maximumLimit), as: .system)
            .tickets
    }

    /// What a dispatcher should see before saving a ticket for `contact` or `location`: contracts
    /// in force and their current period, whether the client is a debtor, installed equipment,
    /// and the company's open tickets.
    public func registrationHints(
        contact contactID: ContactID? = nil, location locationID: LocationID? = nil, as viewer: Performer
    )
        async throws(HelpDeskError) -> RegistrationHints
    {
        let principal = try await principal(for: viewer)
        var contact: Contact?
        if let contactID {
            contact = try await storage { try await companyStore.contact(contactID) }
            if contact == nil { throw .contactNotFound(contactID) }
        }
        var location = try await locationOrNil(locationID ?? contact?.locationID)
        guard let companyID = contact?.companyID ?? location?.companyID else {
            throw .invalidInput(field: "contact", problem: .blank)
        }
        try authorize(principal, AccessRequest(.readClients, companyID: companyID))
        if let found = location, found.companyID != companyID {
            if locationID != nil { throw .crossCompanyLink(.location(found.id), expected: companyID) }
            location = nil
        }
        let now = clock.now()
        let contracts = try await storage { try await contractStore.contracts(of: companyID) }
            .filter { $0.isInForce(at: now) && $0.covers(location: location?.id, category: nil) }
            .map { contract in
                let period = contract.period(at: now)
                return RegistrationHints.ContractHint(
                    contract: contract, currentPeriod: period, paymentStatus: period?.paymentStatus(at: now))
            }
        let open = try await tickets(
            matching: TicketQuery(statusCategories: [.new, .open, .waiting], companyIDs: [companyID], limit: 20),
            as: .system
        ).tickets
        var hints = RegistrationHints(
            company: try await loadCompany(companyID), contact: contact, location: location, contracts: contracts,
            debtor: try await debtors(at: now, as: .system).first { $0.company.id == companyID },
            installedAssets: try await assets(company: companyID, location: location?.id, as: .system),
            openTickets: open)
        hints.balances = try await clientBalances(of: companyID, as: .system)
        return hints
    }

    private func locationOrNil(_ id: LocationID?) async throws(HelpDeskError) -> Location? {
        guard let id else { return nil }
        return try await loadLocation(id)
    }
}
