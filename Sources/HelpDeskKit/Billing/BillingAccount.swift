import DoubleEntry
import Foundation

/// What a ledger account is for; the account's `code`.
public enum AccountRole: UInt32, Hashable, Sendable, Codable, CaseIterable {
    /// A client's personal account (prepaid balance): credited by top-ups, debited by settlements.
    case wallet = 1
    /// What a client owes: debited by invoices and receivable settlements, credited by payments.
    case receivable = 2
    /// The desk's incoming payments (the funding side of top-ups and period payments).
    case cash = 10
    /// The desk's revenue from settlements and invoiced periods.
    case revenue = 11
    /// The desk's counter-account for manual adjustments.
    case adjustments = 12
}

/// Why a transfer was posted; the transfer's `code`.
public enum BillingTransferCode: UInt32, Hashable, Sendable, Codable, CaseIterable {
    /// A payment received onto a personal account.
    case topUp = 1
    /// Out-of-contract items debited from a personal account on settlement.
    case settlement = 2
    /// Out-of-contract items posted as a receivable on settlement.
    case settlementReceivable = 3
    /// A service period invoiced.
    case periodInvoice = 4
    /// A service period's payment received.
    case periodPayment = 5
    /// A manual adjustment crediting a personal account.
    case adjustmentCredit = 6
    /// A manual adjustment debiting a personal account.
    case adjustmentDebit = 7
}

/// A ledger account the desk opened: its ledger record plus whose it is and what for.
public struct BillingAccount: Hashable, Sendable, Codable {
    /// The ledger account.
    public var account: Account
    /// The client, or `nil` for the desk's own accounts.
    public var companyID: CompanyID?
    /// What the account is for.
    public var role: AccountRole
    /// The unit it is kept in.
    public var unit: BillingUnit

    /// Describes an account.
    public init(account: Account, companyID: CompanyID?, role: AccountRole, unit: BillingUnit) {
        self.account = account
        self.companyID = companyID
        self.role = role
        self.unit = unit
    }

    /// The account's ledger identifier.
    public var id: AccountID { account.id }

    /// The deterministic ledger identifier of `company`'s (or the desk's) account for `role` and `unit`.
    public static func id(company: CompanyID?, role: AccountRole, unit: BillingUnit) -> AccountID {
        AccountID(BillingHash.of("account", company.map { "\($0)" } ?? "desk", "\(role.rawValue)", unit.description))
    }

    /// The account record for `company` (or the desk), `role` and `unit`; wallets get `walletLimit`.
    public static func make(company: CompanyID?, role: AccountRole, unit: BillingUnit, walletLimit: AccountLimit)
        -> BillingAccount
    {
        let limit: AccountLimit = role == .wallet ? walletLimit : .unlimited
        let account = Account(
            id: id(company: company, role: role, unit: unit), unit: unit.ledgerUnit, code: role.rawValue, limit: limit)
        return BillingAccount(account: account, companyID: company, role: role, unit: unit)
    }
}

/// Deterministic 64-bit identifiers from text (FNV-1a, then a SplitMix64 finaliser).
///
/// Account and transfer ids are derived from what they stand for, so the same settlement or
/// payment always gets the same transfer id and the ledger's idempotency makes it happen once.
enum BillingHash {
    /// The id of the parts joined with `/`; never 0.
    static func of(_ parts: String...) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in parts.joined(separator: "/").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        var z = hash
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return z == 0 ? 1 : z
    }
}

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

/// Why a transfer was posted, in words: a payment reference or an adjustment's reason.
public struct TransferNote: Hashable, Sendable, Codable {
    /// The transfer explained.
    public var transferID: TransferID
    /// The text.
    public var text: String
    /// Who posted it.
    public var performer: Performer
    /// When.
    public var at: Date

    /// Describes a note.
    public init(transferID: TransferID, text: String, performer: Performer, at: Date) {
        self.transferID = transferID
        self.text = text
        self.performer = performer
        self.at = at
    }
}
