/// The client-directory part of a ``UnitOfWork``: records to insert or replace, and to delete.
public struct ClientChanges: Hashable, Sendable, Codable {
    /// Companies to insert or replace.
    public var companies: [Company] = []
    /// Locations to insert or replace.
    public var locations: [Location] = []
    /// Contacts to insert or replace.
    public var contacts: [Contact] = []
    /// Contracts (with their periods) to insert or replace.
    public var contracts: [Contract] = []
    /// Equipment models to insert or replace.
    public var assetModels: [AssetModel] = []
    /// Assets to insert or replace.
    public var assets: [Asset] = []
    /// Companies to delete; the engine lists their dependent records explicitly too.
    public var deletedCompanies: [CompanyID] = []
    /// Locations to delete.
    public var deletedLocations: [LocationID] = []
    /// Contacts to delete.
    public var deletedContacts: [ContactID] = []
    /// Contracts to delete.
    public var deletedContracts: [ContractID] = []
    /// Assets to delete.
    public var deletedAssets: [AssetID] = []

    /// No changes.
    public init() {}

    /// `true` when nothing changes.
    public var isEmpty: Bool {
        companies.isEmpty && locations.isEmpty && contacts.isEmpty && contracts.isEmpty && assetModels.isEmpty
            && assets.isEmpty && deletedCompanies.isEmpty && deletedLocations.isEmpty && deletedContacts.isEmpty
            && deletedContracts.isEmpty && deletedAssets.isEmpty
    }

    private enum CodingKeys: String, CodingKey {
        case companies, locations, contacts, contracts, assetModels, assets
        case deletedCompanies, deletedLocations, deletedContacts, deletedContracts, deletedAssets
    }

    /// Decodes leniently: a missing list is empty, so journals written before a list existed still open.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        companies = try c.decodeIfPresent([Company].self, forKey: .companies) ?? []
        locations = try c.decodeIfPresent([Location].self, forKey: .locations) ?? []
        contacts = try c.decodeIfPresent([Contact].self, forKey: .contacts) ?? []
        contracts = try c.decodeIfPresent([Contract].self, forKey: .contracts) ?? []
        assetModels = try c.decodeIfPresent([AssetModel].self, forKey: .assetModels) ?? []
        assets = try c.decodeIfPresent([Asset].self, forKey: .assets) ?? []
        deletedCompanies = try c.decodeIfPresent([CompanyID].self, forKey: .deletedCompanies) ?? []
        deletedLocations = try c.decodeIfPresent([LocationID].self, forKey: .deletedLocations) ?? []
        deletedContacts = try c.decodeIfPresent([ContactID].self, forKey: .deletedContacts) ?? []
        deletedContracts = try c.decodeIfPresent([ContractID].self, forKey: .deletedContracts) ?? []
        deletedAssets = try c.decodeIfPresent([AssetID].self, forKey: .deletedAssets) ?? []
    }
}
