/// The in-memory adapter's client directory: companies, locations, contacts, contracts, equipment.
struct ClientTables: Sendable {
    var companies: [CompanyID: Company] = [:]
    var locations: [LocationID: Location] = [:]
    var contacts: [ContactID: Contact] = [:]
    var contracts: [ContractID: Contract] = [:]
    var assetModels: [AssetModelID: AssetModel] = [:]
    var assets: [AssetID: Asset] = [:]

    /// Applies upserts, then deletions.
    mutating func apply(_ changes: ClientChanges) {
        for company in changes.companies { companies[company.id] = company }
        for location in changes.locations { locations[location.id] = location }
        for contact in changes.contacts { contacts[contact.id] = contact }
        for contract in changes.contracts { contracts[contract.id] = contract }
        for model in changes.assetModels { assetModels[model.id] = model }
        for asset in changes.assets { assets[asset.id] = asset }
        for id in changes.deletedCompanies { companies.removeValue(forKey: id) }
        for id in changes.deletedLocations { locations.removeValue(forKey: id) }
        for id in changes.deletedContacts { contacts.removeValue(forKey: id) }
        for id in changes.deletedContracts { contracts.removeValue(forKey: id) }
        for id in changes.deletedAssets { assets.removeValue(forKey: id) }
    }

    /// Everything as sorted arrays, for a ``StoreImage``.
    var image: ClientImage {
        ClientImage(
            companies: companies.values.sorted { $0.id < $1.id }, locations: locations.values.sorted { $0.id < $1.id },
            contacts: contacts.values.sorted { $0.id < $1.id }, contracts: contracts.values.sorted { $0.id < $1.id },
            assetModels: assetModels.values.sorted { $0.id < $1.id }, assets: assets.values.sorted { $0.id < $1.id })
    }

    /// Tables holding what `image` lists.
    init(image: ClientImage = ClientImage()) {
        var changes = ClientChanges()
        changes.companies = image.companies
        changes.locations = image.locations
        changes.contacts = image.contacts
        changes.contracts = image.contracts
        changes.assetModels = image.assetModels
        changes.assets = image.assets
        apply(changes)
    }
}

/// The client directory of a ``StoreImage``: every record, sorted by identifier.
public struct ClientImage: Hashable, Sendable, Codable {
    /// All companies.
    public var companies: [Company] = []
    /// All locations.
    public var locations: [Location] = []
    /// All contacts.
    public var contacts: [Contact] = []
    /// All contracts with their periods.
    public var contracts: [Contract] = []
    /// The equipment nomenclature.
    public var assetModels: [AssetModel] = []
    /// All installed equipment.
    public var assets: [Asset] = []

    /// An image from its parts (all empty by default).
    public init(
        companies: [Company] = [], locations: [Location] = [], contacts: [Contact] = [], contracts: [Contract] = [],
        assetModels: [AssetModel] = [], assets: [Asset] = []
    ) {
        self.companies = companies
        self.locations = locations
        self.contacts = contacts
        self.contracts = contracts
        self.assetModels = assetModels
        self.assets = assets
    }
}
