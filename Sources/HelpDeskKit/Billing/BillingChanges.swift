import DoubleEntry
import Foundation

/// The billing part of a ``UnitOfWork``: price list, specifications, accounts and ledger transfers.
public struct BillingChanges: Hashable, Sendable, Codable {
    /// Price-list items to insert or replace.
    public var priceListItems: [PriceListItem] = []
    /// Contract price overrides to insert or replace (keyed by contract and item).
    public var contractPrices: [ContractPrice] = []
    /// Specifications to insert or replace, each guarded by its version.
    public var specifications: [SpecificationWrite] = []
    /// Ledger accounts to open (idempotent) before the transfers.
    public var accounts: [BillingAccount] = []
    /// One linked ledger batch: applied in full or not at all.
    public var transfers: [Transfer] = []
    /// Notes explaining transfers of the batch (payment references, adjustment reasons).
    public var notes: [TransferNote] = []
    /// The instant passed to the ledger for the batch (the ledger assigns timestamps at or after it).
    public var postedAt: Date?

    /// No changes.
    public init() {}

    /// `true` when nothing changes.
    public var isEmpty: Bool {
        priceListItems.isEmpty && contractPrices.isEmpty && specifications.isEmpty && accounts.isEmpty
            && transfers.isEmpty && notes.isEmpty
    }

    /// `true` when the unit reads or writes the ledger.
    public var touchesLedger: Bool { !accounts.isEmpty || !transfers.isEmpty }

    /// The ledger instant of the batch.
    var ledgerNow: LedgerTimestamp { LedgerTimestamp(postedAt ?? Date(timeIntervalSince1970: 0)) }
}
