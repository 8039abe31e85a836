/// An account: an identity, a unit, a caller-defined code and an optional balance limit.
///
/// Accounts are immutable once created; their balances live in the ``Ledger``.
public struct Account: Hashable, Codable, Sendable {
    /// The account's identity, unique within the ledger.
    public var id: AccountID
    /// The unit every transfer touching this account must be kept in.
    public var unit: LedgerUnit
    /// A caller-defined classification (e.g. 1 = customer wallet, 2 = revenue).
    public var code: UInt32
    /// The balance constraint the ledger enforces on every transfer.
    public var limit: AccountLimit
    /// A caller-defined reference (e.g. a customer or contract number).
    public var reference: UInt64

    /// Creates an account description; nothing is stored until ``Ledger/createAccounts(_:)``.
    public init(
        id: AccountID,
        unit: LedgerUnit,
        code: UInt32 = 0,
        limit: AccountLimit = .unlimited,
        reference: UInt64 = 0
    ) {
        self.id = id
        self.unit = unit
        self.code = code
        self.limit = limit
        self.reference = reference
    }
}

/// The balance constraint of an account, checked against every transfer before it applies.
///
/// Pending amounts count against the limit at once (a reservation); pending amounts on the
/// opposite side do not count in the account's favour until they are posted.
public enum AccountLimit: Hashable, Codable, Sendable {
    /// No constraint: the account may go arbitrarily far in either direction.
    case unlimited
    /// `debitsPending + debitsPosted ≤ creditsPosted + overdraft` (a wallet that cannot go negative
    /// beyond `overdraft`).
    case debitsMustNotExceedCredits(overdraft: Amount)
    /// `creditsPending + creditsPosted ≤ debitsPosted + overdraft` (a liability that cannot be
    /// over-credited beyond `overdraft`).
    case creditsMustNotExceedDebits(overdraft: Amount)

    /// Debits may not exceed credits, with no overdraft.
    public static var debitsMustNotExceedCredits: AccountLimit { .debitsMustNotExceedCredits(overdraft: .zero) }

    /// Credits may not exceed debits, with no overdraft.
    public static var creditsMustNotExceedDebits: AccountLimit { .creditsMustNotExceedDebits(overdraft: .zero) }
}
