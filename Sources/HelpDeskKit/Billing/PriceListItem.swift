import Foundation

/// How an item's price applies to a quantity.
public enum PricingUnit: String, Hashable, Sendable, Codable, CaseIterable {
    /// Per hour; quantities are minutes and totals are `price × minutes ÷ 60`, rounded once.
    case perHour
    /// Per item; totals are `price × quantity`.
    case perItem
    /// A fixed price; the quantity is 1.
    case fixed
}

/// Whether an item is labor or a service.
public enum PriceListItemKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Work done by an employee.
    case work
    /// A service or a part.
    case service
}

/// A work or service on the price list, with its price and the dates it is valid.
public struct PriceListItem: Identifiable, Hashable, Sendable, Codable {
    /// The item's identifier.
    public let id: PriceListItemID
    /// A short code, e.g. `ENG-HOUR`.
    public var code: String
    /// The name printed on specifications.
    public var name: String
    /// Work or service.
    public var kind: PriceListItemKind
    /// How the price applies to a quantity.
    public var pricing: PricingUnit
    /// The price per hour, per item or in total, in a currency or in prepaid units.
    public var price: Price
    /// First instant the price is valid.
    public var validFrom: Date
    /// End of validity (exclusive); `nil` when open-ended.
    public var validUntil: Date?

    /// Creates an item record.
    public init(
        id: PriceListItemID, code: String, name: String, kind: PriceListItemKind, pricing: PricingUnit, price: Price,
        validFrom: Date, validUntil: Date? = nil
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.kind = kind
        self.pricing = pricing
        self.price = price
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    /// `true` when the price is valid at `instant`.
    public func isValid(at instant: Date) -> Bool {
        validFrom <= instant && validUntil.map { instant < $0 } ?? true
    }
}

/// A contract's own price for a price-list item, overriding the list price.
public struct ContractPrice: Hashable, Sendable, Codable {
    /// The contract.
    public var contractID: ContractID
    /// The item.
    public var itemID: PriceListItemID
    /// The price under the contract (same pricing unit as the item).
    public var price: Price

    /// Creates an override.
    public init(contractID: ContractID, itemID: PriceListItemID, price: Price) {
        self.contractID = contractID
        self.itemID = itemID
        self.price = price
    }
}

/// Input of ``HelpDesk/addPriceListItem(_:)``.
public struct NewPriceListItem: Hashable, Sendable, Encodable {
    /// See ``PriceListItem/code``.
    public var code: String
    /// See ``PriceListItem/name``.
    public var name: String
    /// See ``PriceListItem/kind``.
    public var kind: PriceListItemKind
    /// See ``PriceListItem/pricing``.
    public var pricing: PricingUnit
    /// See ``PriceListItem/price``.
    public var price: Price
    /// See ``PriceListItem/validFrom``.
    public var validFrom: Date
    /// See ``PriceListItem/validUntil``.
    public var validUntil: Date?

    /// Describes a new item.
    public init(
        code: String, name: String, kind: PriceListItemKind = .service, pricing: PricingUnit, price: Price,
        validFrom: Date, validUntil: Date? = nil
    ) {
        self.code = code
        self.name = name
        self.kind = kind
        self.pricing = pricing
        self.price = price
        self.validFrom = validFrom
        self.validUntil = validUntil
    }
}
