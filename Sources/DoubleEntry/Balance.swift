/// An account's four running totals, in minor units of the account's unit.
///
/// Posted totals only ever grow; pending totals grow when a pending transfer reserves and
/// shrink when it is posted, voided or expires.
public struct Balance: Hashable, Codable, Sendable {
    /// Debits reserved by pending transfers not yet resolved.
    public var debitsPending: UInt64
    /// Debits of single and posted transfers.
    public var debitsPosted: UInt64
    /// Credits reserved by pending transfers not yet resolved.
    public var creditsPending: UInt64
    /// Credits of single and posted transfers.
    public var creditsPosted: UInt64

    /// Creates a balance from its four totals.
    @inlinable public init(debitsPending: UInt64 = 0, debitsPosted: UInt64 = 0, creditsPending: UInt64 = 0, creditsPosted: UInt64 = 0) {
        self.debitsPending = debitsPending
        self.debitsPosted = debitsPosted
        self.creditsPending = creditsPending
        self.creditsPosted = creditsPosted
    }

    /// The balance of an account no transfer has touched.
    public static let zero = Balance()

    /// `creditsPosted − debitsPosted` as a signed 128-bit value (never overflows).
    public var postedCreditsMinusDebits: Int128 { Int128(creditsPosted) - Int128(debitsPosted) }

    /// `debitsPosted − creditsPosted` as a signed 128-bit value (never overflows).
    public var postedDebitsMinusCredits: Int128 { Int128(debitsPosted) - Int128(creditsPosted) }

    /// `creditsPosted − debitsPosted − debitsPending`: what a `debitsMustNotExceedCredits` account
    /// (a wallet, prepaid hours) can still be debited before touching its overdraft.
    public var availableToDebit: Int128 { Int128(creditsPosted) - Int128(debitsPosted) - Int128(debitsPending) }

    /// `debitsPosted − creditsPosted − creditsPending`: what a `creditsMustNotExceedDebits` account
    /// can still be credited before touching its overdraft.
    public var availableToCredit: Int128 { Int128(debitsPosted) - Int128(creditsPosted) - Int128(creditsPending) }
}
