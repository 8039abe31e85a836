/// A transfer as the caller submits it: an idempotency key, what to do, and caller metadata.
///
/// The ledger stores it unchanged inside a ``TransferRecord``; re-submitting an equal value is a
/// no-op reported as ``TransferOutcome/alreadyExists(_:)``.
public struct Transfer: Hashable, Codable, Sendable {
    /// The idempotency key, unique among all transfers of the ledger.
    public var id: TransferID
    /// What the transfer does: move value now, reserve it, or resolve a reservation.
    public var kind: TransferKind
    /// A caller-defined reason code (e.g. 1 = top-up, 2 = ticket charge).
    public var code: UInt32
    /// A caller-defined reference (e.g. a ticket or invoice number).
    public var reference: UInt64

    /// Creates a transfer from its parts.
    @inlinable public init(id: TransferID, kind: TransferKind, code: UInt32 = 0, reference: UInt64 = 0) {
        self.id = id
        self.kind = kind
        self.code = code
        self.reference = reference
    }

    /// A transfer that posts `amount` from `debit` to `credit` at once.
    @inlinable public static func single(
        id: TransferID, debit: AccountID, credit: AccountID, amount: Amount, code: UInt32 = 0, reference: UInt64 = 0
    ) -> Transfer {
        Transfer(id: id, kind: .single(debit: debit, credit: credit, amount: amount), code: code, reference: reference)
    }

    /// A transfer that reserves `amount` (counted against limits at once) until posted, voided or expired.
    @inlinable public static func pending(
        id: TransferID, debit: AccountID, credit: AccountID, amount: Amount,
        expiresAt: LedgerTimestamp? = nil, code: UInt32 = 0, reference: UInt64 = 0
    ) -> Transfer {
        Transfer(
            id: id, kind: .pending(debit: debit, credit: credit, amount: amount, expiresAt: expiresAt),
            code: code, reference: reference
        )
    }

    /// A transfer that posts `amount` (`nil`: the full reservation) of pending transfer `pending`.
    @inlinable public static func post(
        id: TransferID, pending: TransferID, amount: Amount? = nil, code: UInt32 = 0, reference: UInt64 = 0
    ) -> Transfer {
        Transfer(id: id, kind: .postPending(pending, amount: amount), code: code, reference: reference)
    }

    /// A transfer that releases the whole reservation of pending transfer `pending`.
    @inlinable public static func void(
        id: TransferID, pending: TransferID, code: UInt32 = 0, reference: UInt64 = 0
    ) -> Transfer {
        Transfer(id: id, kind: .voidPending(pending), code: code, reference: reference)
    }
}

/// What a ``Transfer`` does.
public enum TransferKind: Hashable, Codable, Sendable {
    /// Debit `debit` and credit `credit` by `amount`, posted at once.
    case single(debit: AccountID, credit: AccountID, amount: Amount)
    /// Reserve `amount` as pending on both accounts; it expires when the ledger is ticked at or
    /// after `expiresAt` (never, when `nil`).
    case pending(debit: AccountID, credit: AccountID, amount: Amount, expiresAt: LedgerTimestamp?)
    /// Post `amount` (≤ the reservation; `nil` for all of it) of a pending transfer and release the rest.
    case postPending(TransferID, amount: Amount?)
    /// Release the whole reservation of a pending transfer.
    case voidPending(TransferID)
}
