import Foundation
import HelpDeskKit
import PostgresNIO

extension PostgresStore {
    // MARK: Companies, locations, contacts

    /// The company with `id`, or `nil`.
    public func company(_ id: CompanyID) async throws -> Company? {
        try await record(Company.self, "SELECT body FROM companies WHERE id = \(id.uuid)")
    }

    /// All companies, by name then identifier.
    public func companies() async throws -> [Company] {
        try await records(Company.self, "SELECT body FROM companies").sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    /// The location with `id`, or `nil`.
    public func location(_ id: LocationID) async throws -> Location? {
        try await record(Location.self, "SELECT body FROM locations WHERE id = \(id.uuid)")
    }

    /// The locations of `company`, by name then identifier.
    public func locations(of company: CompanyID) async throws -> [Location] {
        try await records(Location.self, "SELECT body FROM locations WHERE company_id = \(company.uuid)")
            .sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    /// The contact with `id`, or `nil`.
    public func contact(_ id: ContactID) async throws -> Contact? {
        try await record(Contact.self, "SELECT body FROM contacts WHERE id = \(id.uuid)")
    }

    /// The contact whose email equals `email` ignoring case (the lowest identifier if several), or `nil`.
    public func contact(email: String) async throws -> Contact? {
        let folded = Self.foldedKey(email)
        return try await records(Contact.self, "SELECT body FROM contacts WHERE email_folded = \(folded)")
            .min { $0.id < $1.id }
    }

    /// The contacts of `company`, by name then identifier.
    public func contacts(of company: CompanyID) async throws -> [Contact] {
        try await records(Contact.self, "SELECT body FROM contacts WHERE company_id = \(company.uuid)")
            .sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    // MARK: Contracts

    /// The contract with `id`, or `nil`.
    public func contract(_ id: ContractID) async throws -> Contract? {
        try await record(Contract.self, "SELECT body FROM contracts WHERE id = \(id.uuid)")
    }

    /// The contract whose number equals `number` ignoring case, or `nil`.
    public func contract(number: String) async throws -> Contract? {
        let folded = Self.foldedKey(number)
        return try await records(Contract.self, "SELECT body FROM contracts WHERE number_folded = \(folded)")
            .min { $0.id < $1.id }
    }

    /// The contracts of `company`, by number then identifier.
    public func contracts(of company: CompanyID) async throws -> [Contract] {
        try await records(Contract.self, "SELECT body FROM contracts WHERE company_id = \(company.uuid)")
            .sorted { ($0.number, $0.id) < ($1.number, $1.id) }
    }

    /// All contracts, by number then identifier.
    public func contracts() async throws -> [Contract] {
        try await records(Contract.self, "SELECT body FROM contracts").sorted {
            ($0.number, $0.id) < ($1.number, $1.id)
        }
    }

    // MARK: Assets

    /// The equipment model with `id`, or `nil`.
    public func assetModel(_ id: AssetModelID) async throws -> AssetModel? {
        try await record(AssetModel.self, "SELECT body FROM asset_models WHERE id = \(id.uuid)")
    }

    /// All equipment models, by name then identifier.
    public func assetModels() async throws -> [AssetModel] {
        try await records(AssetModel.self, "SELECT body FROM asset_models")
            .sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    /// The asset with `id`, or `nil`.
    public func asset(_ id: AssetID) async throws -> Asset? {
        try await record(Asset.self, "SELECT body FROM assets WHERE id = \(id.uuid)")
    }

    /// Filters in SQL (a `NULL` parameter matches all), sorts by serial number in Swift.
    public func assets(company: CompanyID?, location: LocationID?, model: AssetModelID?) async throws -> [Asset] {
        let companyID = company?.uuid
        let locationID = location?.uuid
        let modelID = model?.uuid
        return try await records(
            Asset.self,
            """
            SELECT body FROM assets
            WHERE (\(companyID)::uuid IS NULL OR company_id = \(companyID))
              AND (\(locationID)::uuid IS NULL OR location_id = \(locationID))
              AND (\(modelID)::uuid IS NULL OR model_id = \(modelID))
            """
        ).sorted { ($0.serialNumber, $0.id) < ($1.serialNumber, $1.id) }
    }

    /// The lookup key of an email or contract number: its lower-cased UTF-8, as the in-memory
    /// store compares them.
    static func foldedKey(_ text: String) -> Data {
        TicketColumns.orderKey(text.lowercased())
    }

    // MARK: Writing

    /// Applies the unit's client changes: upserts, then deletions (as the in-memory store does).
    func writeClients(_ changes: ClientChanges, on connection: PostgresConnection) async throws {
        guard !changes.isEmpty else { return }
        for company in changes.companies {
            try await upsert("companies", id: company.id.uuid, body: RecordCoding.encode(company), on: connection)
        }
        for location in changes.locations {
            let body = try RecordCoding.encode(location)
            try await execute(
                """
                INSERT INTO locations (id, company_id, body) VALUES (\(location.id.uuid), \(location.companyID.uuid), \(body))
                ON CONFLICT (id) DO UPDATE SET company_id = EXCLUDED.company_id, body = EXCLUDED.body
                """, on: connection)
        }
        for contact in changes.contacts {
            let body = try RecordCoding.encode(contact)
            let email = contact.email.map(Self.foldedKey)
            try await execute(
                """
                INSERT INTO contacts (id, company_id, email_folded, is_active, body)
                VALUES (\(contact.id.uuid), \(contact.companyID.uuid), \(email), \(contact.isActive), \(body))
                ON CONFLICT (id) DO UPDATE SET company_id = EXCLUDED.company_id,
                    email_folded = EXCLUDED.email_folded, is_active = EXCLUDED.is_active, body = EXCLUDED.body
                """, on: connection)
        }
        for contract in changes.contracts {
            let body = try RecordCoding.encode(contract)
            let number = Self.foldedKey(contract.number)
            try await execute(
                """
                INSERT INTO contracts (id, company_id, number_folded, body)
                VALUES (\(contract.id.uuid), \(contract.companyID.uuid), \(number), \(body))
                ON CONFLICT (id) DO UPDATE SET company_id = EXCLUDED.company_id,
                    number_folded = EXCLUDED.number_folded, body = EXCLUDED.body
                """, on: connection)
        }
        for model in changes.assetModels {
            try await upsert("asset_models", id: model.id.uuid, body: RecordCoding.encode(model), on: connection)
        }
        for asset in changes.assets {
            let body = try RecordCoding.encode(asset)
            try await execute(
                """
                INSERT INTO assets (id, company_id, location_id, model_id, body)
                VALUES (\(asset.id.uuid), \(asset.companyID.uuid), \(asset.locationID.uuid), \(asset.modelID.uuid), \(body))
                ON CONFLICT (id) DO UPDATE SET company_id = EXCLUDED.company_id, location_id = EXCLUDED.location_id,
                    model_id = EXCLUDED.model_id, body = EXCLUDED.body
                """, on: connection)
        }
        try await delete(from: "companies", changes.deletedCompanies.map(\.uuid), on: connection)
        try await delete(from: "locations", changes.deletedLocations.map(\.uuid), on: connection)
        try await delete(from: "contacts", changes.deletedContacts.map(\.uuid), on: connection)
        try await delete(from: "contracts", changes.deletedContracts.map(\.uuid), on: connection)
        try await delete(from: "assets", changes.deletedAssets.map(\.uuid), on: connection)
    }

    /// Inserts or replaces a record of a table holding only `id` and `body`.
    private func upsert(_ table: StaticString, id: UUID, body: Data, on connection: PostgresConnection) async throws {
        try await execute(
            "INSERT INTO \(unescaped: "\(table)") (id, body) VALUES (\(id), \(body)) ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body",
            on: connection)
    }

    /// Deletes the rows of `table` with the given identifiers (unknown ones are ignored).
    private func delete(from table: StaticString, _ ids: [UUID], on connection: PostgresConnection) async throws {
        guard !ids.isEmpty else { return }
        try await execute("DELETE FROM \(unescaped: "\(table)") WHERE id = ANY(\(ids))", on: connection)
    }
}
