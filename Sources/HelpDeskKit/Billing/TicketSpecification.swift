import DoubleEntry
import Foundation

/// Whether a specification line is covered by the contract or billed to the client.
public enum LineCoverage: String, Hashable, Sendable, Codable, CaseIterable {
    /// Covered by the contract's subscription: listed, never charged.
    case inContract
    /// Out of contract: charged to the client's account when the ticket is settled.
    case billable
}

/// One line of a ticket specification: a price-list item or free text, a quantity and a price.
public struct SpecificationLine: Identifiable, Hashable, Sendable, Codable {
    /// The line's identifier.
    public let id: SpecificationLineID
    /// The price-list item, or `nil` for a free-form line.
    public var itemID: PriceListItemID?
    /// What was done or supplied.
    public var description: String
    /// How the price applies to the quantity.
    public var pricing: PricingUnit
    /// Minutes for hourly lines, a count for per-item lines, 1 for fixed lines.
    public var quantity: Int64
    /// The price per hour, per item or in total.
    public var unitPrice: Price
    /// In contract or billable.
    public var coverage: LineCoverage
    /// How an hourly total is rounded to whole minor units.
    public var rounding: RoundingRule
    /// The billable time entry the line was made from, if any.
    public var timeEntryID: TimeEntryID?
    /// The service-period allowance the entry went beyond: the engine keeps such a line in step
    /// with the allowance's usage (``AllowanceUsage``).
    public var exceedsAllowance: AllowanceReference?

    /// Creates a line record.
    public init(
        id: SpecificationLineID, itemID: PriceListItemID?, description: String, pricing: PricingUnit, quantity: Int64,
        unitPrice: Price, coverage: LineCoverage, rounding: RoundingRule = .halfUp, timeEntryID: TimeEntryID? = nil,
        exceedsAllowance: AllowanceReference? = nil
    ) {
        self.exceedsAllowance = exceedsAllowance
        self.id = id
        self.itemID = itemID
        self.description = description
        self.pricing = pricing
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.coverage = coverage
        self.rounding = rounding
        self.timeEntryID = timeEntryID
    }

    /// The line's total: `price × minutes ÷ 60` rounded once by ``rounding`` for hourly lines,
    /// `price × quantity` otherwise; exact in integers, throws on overflow.
    public func total() throws(MoneyError) -> Price {
        switch pricing {
        case .perHour: try unitPrice.multiplied(by: quantity, dividedBy: 60, rounding: rounding)
        case .perItem, .fixed: try unitPrice.multiplied(by: quantity, dividedBy: 1, rounding: .down)
        }
    }
}

/// What settling a specification charged, kept on the specification.
public struct Settlement: Hashable, Sendable, Codable {
    /// The specification version settled.
    public var version: Int
    /// When it was settled.
    public var settledAt: Date
    /// Debited from the client's personal accounts, per unit.
    public var charged: [Price]
    /// Posted as a receivable (the client owes it), per unit.
    public var receivable: [Price]
    /// The ledger transfers posted.
    public var transferIDs: [TransferID]

    /// The deterministic id of the transfer settling `ticket`'s specification `version` in `unit`
    /// (the wallet debit, or with `receivable` the part posted as owed): settling twice is a no-op.
    public static func transferID(ticket: TicketID, version: Int, unit: BillingUnit, receivable: Bool = false)
        -> TransferID
    {
        TransferID(BillingHash.of(receivable ? "settle-receivable" : "settle", "\(ticket)/\(version)/\(unit)"))
    }

    /// Describes a settlement.
    public init(version: Int, settledAt: Date, charged: [Price], receivable: [Price], transferIDs: [TransferID]) {
        self.version = version
        self.settledAt = settledAt
        self.charged = charged
        self.receivable = receivable
        self.transferIDs = transferIDs
    }
}

/// The works and services of one ticket: versioned, and frozen once settled.
public struct TicketSpecification: Hashable, Sendable, Codable {
    /// The ticket.
    public let ticketID: TicketID
    /// The ticket's number.
    public var ticketNumber: TicketNumber
    /// The client charged, when the ticket has one.
    public var companyID: CompanyID?
    /// The contract whose prices apply, if any.
    public var contractID: ContractID?
    /// Incremented by every change (1 for the first).
    public var version: Int
    /// The lines, in the order added.
    public var lines: [SpecificationLine]
    /// Set when settled; a settled specification can no longer be edited.
    public var settlement: Settlement?
    /// The client's approval of the paid lines, once asked for.
    public var approval: SpecificationApproval?
    /// When the specification last changed.
    public var updatedAt: Date

    /// Creates a specification record.
    public init(
        ticketID: TicketID, ticketNumber: TicketNumber, companyID: CompanyID?, contractID: ContractID?, version: Int,
        lines: [SpecificationLine], settlement: Settlement? = nil, approval: SpecificationApproval? = nil,
        updatedAt: Date
    ) {
        self.approval = approval
        self.ticketID = ticketID
        self.ticketNumber = ticketNumber
        self.companyID = companyID
        self.contractID = contractID
        self.version = version
        self.lines = lines
        self.settlement = settlement
        self.updatedAt = updatedAt
    }

    /// `true` once settled.
    public var isSettled: Bool { settlement != nil }

    /// Totals of the lines with `coverage`, one per unit, sorted by unit.
    public func totals(_ coverage: LineCoverage) throws(MoneyError) -> [Price] {
        var sums: [BillingUnit: Price] = [:]
        for line in lines where line.coverage == coverage {
            let total = try line.total()
            sums[total.unit] = try sums[total.unit].map { sum throws(MoneyError) in try sum.adding(total) } ?? total
        }
        return sums.keys.sorted().map { sums[$0]! }
    }
}

/// A new or changed specification in a unit of work, with the version it was based on.
public struct SpecificationWrite: Hashable, Sendable, Codable {
    /// The specification as it must be stored.
    public var specification: TicketSpecification
    /// The stored version the change was computed from; `nil` for a new specification.
    public var expectedVersion: Int?

    /// Describes a write.
    public init(specification: TicketSpecification, expectedVersion: Int?) {
        self.specification = specification
        self.expectedVersion = expectedVersion
    }
}

/// Input of ``HelpDesk/addSpecificationLine(to:_:at:)``.
public struct NewSpecificationLine: Hashable, Sendable, Encodable {
    /// A price-list item, or `nil` for a free-form line (then `description`, `pricing` and `price` are required).
    public var itemID: PriceListItemID?
    /// The text; defaults to the item's name.
    public var description: String?
    /// Pricing of a free-form line (ignored for items).
    public var pricing: PricingUnit?
    /// Minutes for hourly items, a count otherwise (fixed: 1).
    public var quantity: Int64
    /// A price overriding the list and contract price (must be in the item's unit).
    public var price: Price?
    /// In contract or billable.
    public var coverage: LineCoverage

    /// Describes a line.
    public init(
        itemID: PriceListItemID? = nil, description: String? = nil, pricing: PricingUnit? = nil, quantity: Int64,
        price: Price? = nil, coverage: LineCoverage = .billable
    ) {
        self.itemID = itemID
        self.description = description
        self.pricing = pricing
        self.quantity = quantity
        self.price = price
        self.coverage = coverage
    }
}
