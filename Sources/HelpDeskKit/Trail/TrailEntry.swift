import Foundation

/// Identifies one entry of the record trail.
public typealias TrailEntryID = Identifier<TrailEntry>

/// The record a trail entry is about: a client-directory record, a price, a client's account, or a
/// section or article of the knowledge base.
public enum TrailSubject: Hashable, Sendable, Codable, CustomStringConvertible {
    /// A client company.
    case company(CompanyID)
    /// A location of a company.
    case location(LocationID)
    /// A contact person.
    case contact(ContactID)
    /// A contract, with its service periods (invoicing and payments included).
    case contract(ContractID)
    /// An installed asset: its history of updates, moves and retirement.
    case asset(AssetID)
    /// A model of the equipment nomenclature.
    case assetModel(AssetModelID)
    /// An item of the price list.
    case priceListItem(PriceListItemID)
    /// A contract's own price for a price-list item.
    case contractPrice(ContractID, item: PriceListItemID)
    /// A client's personal account (wallet) in one unit: top-ups and adjustments.
    case account(CompanyID, unit: BillingUnit)
    /// A section of the knowledge base.
    case knowledgeSection(KnowledgeSectionID)
    /// An article of the knowledge base: its settings, schedule, versions and verification.
    case knowledgeArticle(KnowledgeArticleID)
    /// A maintenance plan: its fields, pauses, resumptions and end.
    case maintenancePlan(MaintenancePlanID)

    /// The kind of record, e.g. `contract`.
    public var kind: String {
        switch self {
        case .company: "company"
        case .location: "location"
        case .contact: "contact"
        case .contract: "contract"
        case .asset: "asset"
        case .assetModel: "assetModel"
        case .priceListItem: "priceListItem"
        case .contractPrice: "contractPrice"
        case .account: "account"
        case .knowledgeSection: "knowledgeSection"
        case .knowledgeArticle: "knowledgeArticle"
        case .maintenancePlan: "maintenancePlan"
        }
    }

    /// A stable text key, unique per subject (`kind:identifier`), for stores that index entries by subject.
    public var key: String {
        switch self {
        case .company(let id): "company:\(id)"
        case .location(let id): "location:\(id)"
        case .contact(let id): "contact:\(id)"
        case .contract(let id): "contract:\(id)"
        case .asset(let id): "asset:\(id)"
        case .assetModel(let id): "assetModel:\(id)"
        case .priceListItem(let id): "priceListItem:\(id)"
        case .contractPrice(let contract, let item): "contractPrice:\(contract)/\(item)"
        case .account(let company, let unit): "account:\(company)/\(unit)"
        case .knowledgeSection(let id): "knowledgeSection:\(id)"
        case .knowledgeArticle(let id): "knowledgeArticle:\(id)"
        case .maintenancePlan(let id): "maintenancePlan:\(id)"
        }
    }

    public var description: String { key }

    /// `true` for subjects about money (prices and accounts), read with the billing permission.
    public var isBilling: Bool {
        switch self {
        case .priceListItem, .contractPrice, .account: true
        default: false
        }
    }

    /// `true` for planned work (maintenance plans), read with ``AccessAction/planWork``.
    public var isPlanning: Bool {
        if case .maintenancePlan = self { true } else { false }
    }

    /// `true` for the knowledge base's sections and articles, read with the editors' permission.
    public var isKnowledge: Bool {
        switch self {
        case .knowledgeSection, .knowledgeArticle: true
        default: false
        }
    }
}

/// What happened to a trail subject.
public enum TrailAction: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The record was added.
    case created
    /// Some of its fields changed.
    case updated
    /// The record was deleted (with its company).
    case deleted
    /// A contract moved to another status.
    case statusChanged
    /// A service period was added to a contract (a renewal).
    case periodAdded
    /// A service period was invoiced: its fee became a receivable.
    case invoiced
    /// A service period was paid.
    case paid
    /// An asset moved to another location.
    case moved
    /// An asset was taken out of service.
    case retired
    /// A contract's own price for an item was set.
    case priceSet
    /// A payment was put on a client's account.
    case toppedUp
    /// A client's account was corrected by hand.
    case adjusted

    public var description: String { rawValue }

    /// The action in words, e.g. "Moved".
    public var label: String {
        switch self {
        case .created: "Added"
        case .updated: "Changed"
        case .deleted: "Deleted"
        case .statusChanged: "Status changed"
        case .periodAdded: "Period added"
        case .invoiced: "Invoiced"
        case .paid: "Paid"
        case .moved: "Moved"
        case .retired: "Retired"
        case .priceSet: "Price set"
        case .toppedUp: "Topped up"
        case .adjusted: "Adjusted"
        }
    }
}

/// One changed field of a trail entry, as text before and after (never a secret).
public struct TrailChange: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The field, by its property name (`serialNumber`, `location`, `balance`, …).
    public var field: String
    /// The value before; `nil` when there was none.
    public var oldValue: String?
    /// The value after; `nil` when it was cleared or the record deleted.
    public var newValue: String?

    /// Describes a changed field.
    public init(_ field: String, from oldValue: String?, to newValue: String?) {
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
    }

    /// `field: old → new`.
    public var description: String { "\(field): \(oldValue ?? "—") → \(newValue ?? "—")" }
}

/// One recorded change of a client-directory record, a price or a client's account: subject,
/// action, changed fields, who and when. Entries are written in the unit of work of the change.
public struct TrailEntry: Identifiable, Hashable, Sendable, Codable {
    /// The entry's identifier.
    public let id: TrailEntryID
    /// The record the entry is about.
    public let subject: TrailSubject
    /// The client company the record belongs to; `nil` for desk-wide records (models, price list).
    public let companyID: CompanyID?
    /// What happened.
    public let action: TrailAction
    /// The changed fields, old → new.
    public let changes: [TrailChange]
    /// Who made the change.
    public let performer: Performer
    /// When it happened.
    public let at: Date

    /// Creates a trail entry.
    public init(
        id: TrailEntryID, subject: TrailSubject, companyID: CompanyID?, action: TrailAction, changes: [TrailChange],
        performer: Performer, at: Date
    ) {
        self.id = id
        self.subject = subject
        self.companyID = companyID
        self.action = action
        self.changes = changes
        self.performer = performer
        self.at = at
    }
}
