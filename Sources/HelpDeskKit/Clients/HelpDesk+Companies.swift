import DoubleEntry
import Foundation

extension HelpDesk {
    /// Registers a client company.
    public func addCompany(_ request: NewCompany, by performer: Performer, idempotencyKey: IdempotencyKey? = nil)
        async throws(HelpDeskError) -> Company
    {
        try await perform(
            by: performer, command: "addCompany", key: idempotencyKey, inputs: [request]
        ) { context throws(HelpDeskError) in
            try authorize(context.principal, AccessRequest(.manageClients))
            try Validate.notBlank(request.name, field: "name")
            try Validate.customFieldKeys(request.registration.keys, field: "registration")
            try validateSLAPolicy(request.slaPolicyID)
            let existing = try await storage { try await companyStore.companies() }
            if existing.contains(where: { $0.name.lowercased() == request.name.lowercased() }) {
                throw .duplicateName(request.name)
            }
            let company = Company(
                id: nextID(), name: request.name, registration: request.registration, notes: request.notes,
                slaPolicyID: request.slaPolicyID, ticketSharing: request.ticketSharing)
            context.work.clients.companies = [company]
            try await recordTrail(
                .created, of: .company(company.id), company: company.id, from: nil, to: company,
                by: context.performer, into: &context.work)
            return company
        }
    }

    /// Renames a company or changes its registration data, notes, SLA policy or ticket sharing.
    public func updateCompany(
        _ id: CompanyID, _ update: CompanyUpdate, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> Company {
        try await perform(
            by: performer, command: "updateCompany", key: idempotencyKey, inputs: [id, update]
        ) { context throws(HelpDeskError) in
            try authorize(context.principal, AccessRequest(.manageClients, companyID: id))
            var company = try await loadCompany(id)
            let original = company
            if let name = update.name {
                try Validate.notBlank(name, field: "name")
                let existing = try await storage { try await companyStore.companies() }
                if existing.contains(where: { $0.id != id && $0.name.lowercased() == name.lowercased() }) {
                    throw .duplicateName(name)
                }
                company.name = name
            }
            if let registration = update.registration {
                try Validate.customFieldKeys(registration.keys, field: "registration")
                company.registration = registration
            }
            if let notes = update.notes { company.notes = notes }
            if let policy = update.slaPolicyID {
                try validateSLAPolicy(policy)
                company.slaPolicyID = policy
            }
            if let sharing = update.ticketSharing { company.ticketSharing = sharing }
            guard company != original else { return company }
            context.work.clients.companies = [company]
            try await recordTrail(
                .updated, of: .company(id), company: id, from: original, to: company, by: context.performer,
                into: &context.work)
            return company
        }
    }

    /// Deletes a company with its locations, contacts, contracts and equipment; refused while any
    /// ticket refers to the company, because tickets are history, and while money is open
    /// (``HelpDeskError/companyHasOpenBalance(_:accounts:unpaidPeriods:)``): a ledger account of the
    /// company with a non-zero balance or a pending reservation, or an invoiced service period with
    /// a fee that is not paid (an uninvoiced period owes nothing in the ledger and goes with its
    /// contract). Its zero-balance accounts stay in the ledger as closed history (see
    /// Documentation/Billing.md); its maintenance plans end and stay as history.
    public func deleteCompany(_ id: CompanyID, by performer: Performer, idempotencyKey: IdempotencyKey? = nil)
        async throws(HelpDeskError)
    {
        let _: Done = try await perform(
            by: performer, command: "deleteCompany", key: idempotencyKey, inputs: [id]
        ) { context throws(HelpDeskError) in
            try authorize(context.principal, AccessRequest(.manageClients, companyID: id))
            let company = try await loadCompany(id)
            let query = TicketQuery(companyIDs: [id], limit: 1)
            let tickets = try await storage { try await store.tickets(matching: query, workflow: workflow) }
            guard tickets.totalCount == 0 else { throw .companyHasTickets(id, count: tickets.totalCount) }
            let contracts = try await storage { try await contractStore.contracts(of: id) }
            let accounts = try await openAccounts(of: id)
            let unpaid = contracts.flatMap(\.periods).filter { period in
                period.fee.minorUnits > 0 && period.invoicedAt != nil && period.paidAt == nil
            }
            guard accounts.isEmpty, unpaid.isEmpty else {
                throw .companyHasOpenBalance(id, accounts: accounts, unpaidPeriods: unpaid.map(\.id))
            }
            try await endMaintenancePlans(of: id, by: context.performer, into: &context.work)
            context.work.clients.deletedCompanies = [id]
            context.work.clients.deletedLocations = try await storage { try await companyStore.locations(of: id) }.map(\.id)
            context.work.clients.deletedContacts = try await storage { try await companyStore.contacts(of: id) }.map(\.id)
            context.work.clients.deletedContracts = contracts.map(\.id)
            context.work.clients.deletedAssets = try await storage {
                try await assetStore.assets(company: id, location: nil, model: nil)
            }
            .map(\.id)
            try await recordDeletion(of: company, with: context.work.clients, by: context.performer, into: &context.work)
            return Done()
        }
    }

    /// The company's ledger accounts, by identifier, whose posted debits and credits differ or
    /// that have a pending transfer unresolved.
    private func openAccounts(of id: CompanyID) async throws(HelpDeskError) -> [AccountID] {
        var open: [AccountID] = []
        for account in try await storage({ try await billingStore.billingAccounts() }) where account.companyID == id {
            guard let balance = try await storage({ try await billingStore.ledgerBalance(of: account.id) }) else { continue }
            if balance.debitsPosted != balance.creditsPosted || balance.debitsPending != 0
                || balance.creditsPending != 0
            {
                open.append(account.id)
            }
        }
        return open.sorted()
    }

    /// Adds a contact person to a company.
    public func addContact(_ request: NewContact, by performer: Performer, idempotencyKey: IdempotencyKey? = nil)
        async throws(HelpDeskError) -> Contact
    {
        try await perform(
            by: performer, command: "addContact", key: idempotencyKey, inputs: [request]
        ) { context throws(HelpDeskError) in
            try authorize(context.principal, AccessRequest(.manageClients, companyID: request.companyID))
            _ = try await loadCompany(request.companyID)
            try Validate.notBlank(request.name, field: "name")
            let contact = Contact(
                id: nextID(), companyID: request.companyID, locationID: request.locationID, name: request.name,
                position: request.position, email: request.email, phone: request.phone,
                mayFileTickets: request.mayFileTickets, mayApprovePaidWork: request.mayApprovePaidWork,
                portalScope: request.portalScope, additionalLocationIDs: Array(Set(request.additionalLocationIDs)).sorted(),
                mayViewBilling: request.mayViewBilling)
            try await validate(contact)
            context.work.clients.contacts = [contact]
            try await recordTrail(
                .created, of: .contact(contact.id), company: contact.companyID, from: nil, to: contact,
                by: context.performer, into: &context.work)
            return contact
        }
    }

    /// Changes a contact's location, details, authority, portal scope or activity.
    public func updateContact(
        _ id: ContactID, _ update: ContactUpdate, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> Contact {
        try await perform(
            by: performer,
            command: "updateContact", key: idempotencyKey, inputs: [id, update]
        ) { context throws(HelpDeskError) in
            guard var contact = try await storage({ try await companyStore.contact(id) }) else { throw .contactNotFound(id) }
            try authorize(context.principal, AccessRequest(.manageClients, companyID: contact.companyID))
            let original = contact
            if let locationID = update.locationID { contact.locationID = locationID }
            if let position = update.position { contact.position = position }
            if let email = update.email { contact.email = email }
            if let phone = update.phone { contact.phone = phone }
            if let value = update.mayFileTickets { contact.mayFileTickets = value }
            if let value = update.mayApprovePaidWork { contact.mayApprovePaidWork = value }
            if let scope = update.portalScope { contact.portalScope = scope }
            if let locations = update.additionalLocationIDs { contact.additionalLocationIDs = Array(Set(locations)).sorted() }
            if let value = update.mayViewBilling { contact.mayViewBilling = value }
            if let active = update.isActive { contact.isActive = active }
            guard contact != original else { return contact }
            try await validate(contact)
            context.work.clients.contacts = [contact]
            try await recordTrail(
                .updated, of: .contact(id), company: contact.companyID, from: original, to: contact,
                by: context.performer, into: &context.work)
            return contact
        }
    }

    /// Checks a contact's locations and email.
    private func validate(_ contact: Contact) async throws(HelpDeskError) {
        for locationID in contact.locationIDs.sorted() {
            let location = try await loadLocation(locationID)
            guard location.companyID == contact.companyID else {
                throw .crossCompanyLink(.location(locationID), expected: contact.companyID)
            }
        }
        if let email = contact.email {
            try Validate.email(email)
            if let holder = try await storage({ try await companyStore.contact(email: email) }), holder.id != contact.id {
                throw .duplicateEmail(email)
            }
        }
    }

    /// Throws ``HelpDeskError/unknownSLAPolicy(_:)`` for a policy the configuration lacks.
    func validateSLAPolicy(_ id: SLAPolicyID?) throws(HelpDeskError) {
        if let id, configuration.sla.policy(id) == nil { throw .unknownSLAPolicy(id) }
    }

    /// The company with `id`.
    func loadCompany(_ id: CompanyID) async throws(HelpDeskError) -> Company {
        guard let company = try await storage({ try await companyStore.company(id) }) else { throw .companyNotFound(id) }
        return company
    }

    /// The location with `id`.
    func loadLocation(_ id: LocationID) async throws(HelpDeskError) -> Location {
        guard let location = try await storage({ try await companyStore.location(id) }) else { throw .locationNotFound(id) }
        return location
    }

    /// The contract with `id`.
    func loadContract(_ id: ContractID) async throws(HelpDeskError) -> Contract {
        guard let contract = try await storage({ try await contractStore.contract(id) }) else { throw .contractNotFound(id) }
        return contract
    }
}
