import DoubleEntry
import Foundation

/// The in-memory store's price list, contract prices, specifications, accounts and the ledger.
struct BillingTables: Sendable {
    /// Price-list items by identifier.
    var items: [PriceListItemID: PriceListItem] = [:]
    /// Contract price overrides by contract, then item.
    var contractPrices: [ContractID: [PriceListItemID: ContractPrice]] = [:]
    /// Specifications by ticket.
    var specifications: [TicketID: TicketSpecification] = [:]
    /// Opened accounts by ledger identifier.
    var accounts: [AccountID: BillingAccount] = [:]
    /// The one ledger of the desk.
    var ledger = Ledger()
    /// Transfer notes by transfer.
    var notes: [TransferID: TransferNote] = [:]

    /// Checks the billing part of `work` as a database would: specification versions, accounts
    /// (an identifier opened again must carry the same fields) and transfer identifiers (unique).
    /// The ledger's limits are the engine's business (it checks a batch and guards the balances it
    /// read with ``CommitPrecondition/ledgerBalance(_:_:)``); the batch is still run through this
    /// store's own ledger and rolled back, which only fails if a caller bypassed the engine.
    mutating func validate(_ work: UnitOfWork) throws(StorageError) {
        let billing = work.billing
        for write in billing.specifications {
            let id = write.specification.ticketID
            let stored = specifications[id]?.version
            guard stored == write.expectedVersion else {
                throw StorageError(
                    .conflict,
                    "specification of ticket \(id) is at version \(stored.map(String.init) ?? "none"), not \(write.expectedVersion.map(String.init) ?? "none")"
                )
            }
        }
        guard billing.touchesLedger else { return }
        for account in billing.accounts {
            if let stored = ledger.account(account.id), stored != account.account {
                throw StorageError(.conflict, "ledger account \(account.id) is open with other fields")
            }
        }
        for transfer in billing.transfers where ledger.transfer(transfer.id) != nil {
            throw StorageError(.conflict, "transfer \(transfer.id) is already recorded")
        }
        if let error = ledger.check(
            opening: billing.accounts.map(\.account), then: billing.transfers, now: billing.ledgerNow)
        {
            throw StorageError(.conflict, "the ledger rejected the unit: \(error)")
        }
    }

    /// Applies the billing part of a validated unit.
    mutating func apply(_ work: UnitOfWork) {
        let billing = work.billing
        for item in billing.priceListItems { items[item.id] = item }
        for price in billing.contractPrices { contractPrices[price.contractID, default: [:]][price.itemID] = price }
        for write in billing.specifications { specifications[write.specification.ticketID] = write.specification }
        // A transfer is immutable and so is its note: the first one recorded stays (a replayed
        // command must not rewrite who posted the transfer, or when).
        for note in billing.notes where notes[note.transferID] == nil { notes[note.transferID] = note }
        guard billing.touchesLedger else { return }
        for account in billing.accounts where accounts[account.id] == nil { accounts[account.id] = account }
        do {
            try ledger.apply(opening: billing.accounts.map(\.account), then: billing.transfers, now: billing.ledgerNow)
        } catch {
            preconditionFailure("a validated ledger batch was rejected: \(error)")
        }
    }

    /// The image part.
    var image: BillingImage {
        BillingImage(
            priceListItems: items.values.sorted { $0.id < $1.id },
            contractPrices: contractPrices.keys.sorted().flatMap { contract in
                contractPrices[contract]!.values.sorted { $0.itemID < $1.itemID }
            },
            specifications: specifications.values.sorted { $0.ticketID < $1.ticketID },
            accounts: accounts.values.sorted { $0.id < $1.id }, ledger: ledger,
            notes: notes.values.sorted { $0.transferID < $1.transferID })
    }

    /// Tables holding exactly `image`.
    init(image: BillingImage) {
        for item in image.priceListItems { items[item.id] = item }
        for price in image.contractPrices { contractPrices[price.contractID, default: [:]][price.itemID] = price }
        for specification in image.specifications { specifications[specification.ticketID] = specification }
        for account in image.accounts { accounts[account.id] = account }
        ledger = image.ledger
        for note in image.notes { notes[note.transferID] = note }
    }

    /// Empty tables.
    init() {}
}

/// The billing records and the ledger of a ``StoreImage``.
public struct BillingImage: Hashable, Sendable, Codable {
    /// All price-list items, sorted by identifier.
    public var priceListItems: [PriceListItem]
    /// All contract price overrides, by contract then item.
    public var contractPrices: [ContractPrice]
    /// All specifications, sorted by ticket identifier.
    public var specifications: [TicketSpecification]
    /// All opened accounts, sorted by ledger identifier.
    public var accounts: [BillingAccount]
    /// The ledger (encoded as its journal).
    public var ledger: Ledger
    /// Transfer notes, sorted by transfer identifier.
    public var notes: [TransferNote]

    /// Describes the billing data of an image.
    public init(
        priceListItems: [PriceListItem] = [], contractPrices: [ContractPrice] = [],
        specifications: [TicketSpecification] = [], accounts: [BillingAccount] = [], ledger: Ledger = Ledger(),
        notes: [TransferNote] = []
    ) {
        self.notes = notes
        self.priceListItems = priceListItems
        self.contractPrices = contractPrices
        self.specifications = specifications
        self.accounts = accounts
        self.ledger = ledger
    }
}
