/// Reads client companies with their locations and contacts: a feature store of the clients
/// capability (`store.feature((any CompanyRepository).self)`).
public protocol CompanyRepository: Sendable {
    /// The company with `id`, or `nil`.
    func company(_ id: CompanyID) async throws -> Company?
    /// All companies, sorted by name then identifier.
    func companies() async throws -> [Company]
    /// The location with `id`, or `nil`.
    func location(_ id: LocationID) async throws -> Location?
    /// The locations of `company`, sorted by name then identifier.
    func locations(of company: CompanyID) async throws -> [Location]
    /// The contact with `id`, or `nil`.
    func contact(_ id: ContactID) async throws -> Contact?
    /// The contact whose email equals `email` ignoring case, or `nil`.
    func contact(email: String) async throws -> Contact?
    /// The contacts of `company`, sorted by name then identifier.
    func contacts(of company: CompanyID) async throws -> [Contact]
}

/// Reads service contracts with their periods (a feature store, like ``CompanyRepository``).
public protocol ContractRepository: Sendable {
    /// The contract with `id`, or `nil`.
    func contract(_ id: ContractID) async throws -> Contract?
    /// The contract whose number equals `number` ignoring case, or `nil`.
    func contract(number: String) async throws -> Contract?
    /// The contracts of `company`, sorted by number then identifier.
    func contracts(of company: CompanyID) async throws -> [Contract]
    /// All contracts, sorted by number then identifier.
    func contracts() async throws -> [Contract]
}

/// Reads the equipment nomenclature and installed equipment (a feature store, like ``CompanyRepository``).
public protocol AssetRepository: Sendable {
    /// The model with `id`, or `nil`.
    func assetModel(_ id: AssetModelID) async throws -> AssetModel?
    /// All models, sorted by name then identifier.
    func assetModels() async throws -> [AssetModel]
    /// The asset with `id`, or `nil`.
    func asset(_ id: AssetID) async throws -> Asset?
    /// Assets matching every given filter, sorted by serial number then identifier.
    func assets(company: CompanyID?, location: LocationID?, model: AssetModelID?) async throws -> [Asset]
}
