import Foundation

/// An equipment model of the nomenclature: what kind of thing it is and its configuration.
public struct AssetModel: Identifiable, Hashable, Sendable, Codable {
    /// The model's identifier.
    public let id: AssetModelID
    /// Model name, e.g. `HP LaserJet M428`; unique (case-insensitive).
    public var name: String
    /// Kind of equipment, e.g. `printer`, `camera`, `boiler`.
    public var kind: String
    /// Configuration attributes by host-defined key.
    public var attributes: [String: String]

    /// Creates a model record.
    public init(id: AssetModelID, name: String, kind: String, attributes: [String: String] = [:]) {
        self.id = id
        self.name = name
        self.kind = kind
        self.attributes = attributes
    }
}

/// One installed piece of equipment at a client's location.
public struct Asset: Identifiable, Hashable, Sendable, Codable {
    /// The asset's identifier.
    public let id: AssetID
    /// Its model.
    public let modelID: AssetModelID
    /// Serial number, unique per model (case-insensitive).
    public var serialNumber: String
    /// The client's inventory number.
    public var inventoryNumber: String?
    /// The owning client.
    public var companyID: CompanyID
    /// Where it is installed, a location of the same company.
    public var locationID: LocationID
    /// The contract it is serviced under, of the same company.
    public var contractID: ContractID?
    /// When it went into service.
    public var inServiceSince: Date
    /// When it was taken out of service; `nil` while it is in service. A retired asset stays
    /// readable and linked to its tickets, but new tickets cannot name it.
    public var retiredAt: Date?

    /// `true` while the asset is in service (not retired).
    public var isActive: Bool { retiredAt == nil }

    /// Creates an asset record.
    public init(
        id: AssetID, modelID: AssetModelID, serialNumber: String, inventoryNumber: String? = nil,
        companyID: CompanyID, locationID: LocationID, contractID: ContractID? = nil, inServiceSince: Date,
        retiredAt: Date? = nil
    ) {
        self.id = id
        self.modelID = modelID
        self.serialNumber = serialNumber
        self.inventoryNumber = inventoryNumber
        self.companyID = companyID
        self.locationID = locationID
        self.contractID = contractID
        self.inServiceSince = inServiceSince
        self.retiredAt = retiredAt
    }
}
