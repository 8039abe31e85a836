import DoubleEntry
import Foundation

extension HelpDesk {
    /// The limit new personal accounts get under the configured insufficient-funds policy.
    var walletLimit: AccountLimit {
        if case .overdraft(let limit) = configuration.billing.insufficientFunds {
            return .debitsMustNotExceedCredits(overdraft: Amount(limit))
        }
        return .debitsMustNotExceedCredits
    }

    /// The deterministic transfer id of the top-up with `paymentReference` (its idempotency key).
    public static func topUpTransferID(_ paymentReference: String) -> TransferID {
        TransferID(BillingHash.of("top-up", paymentReference))
    }

    /// The account record of `company` (or the desk) for `role` and `unit`.
    func billingAccount(_ company: CompanyID?, _ role: AccountRole, _ unit: BillingUnit) -> BillingAccount {
        BillingAccount.make(company: company, role: role, unit: unit, walletLimit: walletLimit)
    }

    /// A positive ledger amount, or ``HelpDeskError/ledger(_:)`` with `invalidAmount`.
    func ledgerAmount(_ minorUnits: Int64) throws(HelpDeskError) -> Amount {
        do {
            return try Amount(validating: minorUnits)
        } catch {
            throw .ledger(error)
        }
    }

    /// Adds `transfers` (and the accounts they need that are not open yet) to `work`'s ledger
    /// batch at `instant` and checks the whole batch here, in the engine: against an excerpt of
    /// the ledger holding the accounts it touches at their current balances and the transfers it
    /// names that are already recorded. A rejection is the ledger's precise typed error and
    /// nothing is committed. Transfers already recorded with the same fields are replays and
    /// leave the batch; each touched account's balance becomes a commit precondition, so the store
    /// refuses the unit if a concurrent command moved that balance first (and the retry decides
    /// again on the new balance).
    func post(
        _ transfers: [Transfer], opening accounts: [BillingAccount], at instant: Date, into work: inout UnitOfWork
    ) async throws(HelpDeskError) {
        work.billing.transfers += transfers
        work.billing.postedAt = instant
        let billing = try billingStore
        let transferIDs = Array(Set(work.billing.transfers.map(\.id))).sorted()
        let recorded = try await storage { try await billing.transferRecords(transferIDs) }
        var touched = Set(accounts.map(\.id)).union(work.billing.accounts.map(\.id))
        for transfer in work.billing.transfers { touched.formUnion(transfer.namedAccounts) }
        for record in recorded { touched.formUnion([record.debitAccount, record.creditAccount]) }
        let ids = touched.sorted()
        let states = try await storage { try await billing.ledgerAccounts(ids) }
        let balances = Dictionary(states.map { ($0.account.id, $0.balance) }, uniquingKeysWith: { first, _ in first })
        for account in accounts where balances[account.id] == nil {
            if !work.billing.accounts.contains(where: { $0.id == account.id }) { work.billing.accounts.append(account) }
        }
        let last = try await storage { try await billing.lastLedgerTimestamp() }
        guard var excerpt = Ledger(excerpt: states, transfers: recorded, lastTimestamp: last) else {
            throw .storage(StorageError(.corrupted, "the store's ledger accounts and transfers do not fit together"))
        }
        let batch = work.billing
        if let error = excerpt.check(
            opening: batch.accounts.map(\.account), then: batch.transfers, now: LedgerTimestamp(instant))
        {
            throw .ledger(error)
        }
        let replayed = Set(recorded.map(\.id))
        work.billing.transfers.removeAll { replayed.contains($0.id) }
        for id in ids { work.require(.ledgerBalance(id, balances[id] ?? .zero)) }
    }

    /// Records a payment received from `company` onto its personal account in `amount`'s unit.
    ///
    /// `paymentReference` (the bank or cash document) is the idempotency key: recording the same
    /// payment again changes nothing (nothing is committed, and the first recording's note, with
    /// its performer and time, stays as it was); the same reference with another amount or unit is
    /// rejected with the ledger's `existsWithDifferentFields`. Returns the transfer's identifier.
    @discardableResult
    public func topUp(
        _ company: CompanyID, amount: Price, paymentReference: String, by performer: Performer,
        idempotencyKey: IdempotencyKey? = nil
    )
        async throws(HelpDeskError) -> TransferID
    {
        try await perform(
            by: performer,
            command: "topUp", key: idempotencyKey, inputs: [company, amount, paymentReference]
        ) { context throws(HelpDeskError) in
            _ = try await loadCompany(company)
            try authorize(context.principal, AccessRequest(.topUpBalance, companyID: company))
            try Validate.notBlank(paymentReference, field: "paymentReference")
            let value = try ledgerAmount(amount.minorUnits)
            let id = Self.topUpTransferID(paymentReference)
            let wallet = billingAccount(company, .wallet, amount.unit)
            let cash = billingAccount(nil, .cash, amount.unit)
            let now = clock.now()
            try await post(
                [
                    .single(
                        id: id, debit: cash.id, credit: wallet.id, amount: value,
                        code: BillingTransferCode.topUp.rawValue)
                ],
                opening: [cash, wallet], at: now, into: &context.work)
            // The ledger accepted the batch; if it already holds this top-up, this is a replay:
            // commit nothing, so the first note (performer, time) stays.
            if try await !storage({ try await billingStore.transferRecords([id]) }).isEmpty {
                context.work.billing = BillingChanges()
                return id
            }
            context.work.billing.notes = [
                TransferNote(transferID: id, text: paymentReference, performer: performer, at: now)
            ]
            try await recordWalletTrail(
                .toppedUp, of: company, by: amount, note: ("paymentReference", paymentReference),
                performer: context.performer, into: &context.work)
            return id
        }
    }

    /// Corrects `company`'s personal account by `amount` (positive credits the client, negative
    /// debits it) for a stated `reason`; a debit obeys the account's limit like any other.
    @discardableResult
    public func adjustBalance(
        _ company: CompanyID, by amount: Price, reason: String, by performer: Performer,
        idempotencyKey: IdempotencyKey? = nil
    )
        async throws(HelpDeskError) -> TransferID
    {
        try await perform(
            by: performer,
            command: "adjustBalance", key: idempotencyKey, inputs: [company, amount, reason]
        ) { context throws(HelpDeskError) in
            _ = try await loadCompany(company)
            try authorize(context.principal, AccessRequest(.adjustBalance, companyID: company))
            try Validate.notBlank(reason, field: "reason")
            try Validate.length(reason, atMost: configuration.maximumTextLength, field: "reason")
            let credit = amount.minorUnits > 0
            let value = try ledgerAmount(amount.minorUnits == .min ? 0 : abs(amount.minorUnits))
            let wallet = billingAccount(company, .wallet, amount.unit)
            let other = billingAccount(nil, .adjustments, amount.unit)
            let id = TransferID(BillingHash.of("adjustment", "\(nextID(TransferNote.self))"))
            let code = credit ? BillingTransferCode.adjustmentCredit : .adjustmentDebit
            let transfer = Transfer.single(
                id: id, debit: credit ? other.id : wallet.id, credit: credit ? wallet.id : other.id, amount: value,
                code: code.rawValue)
            let now = clock.now()
            try await post([transfer], opening: credit ? [other, wallet] : [other], at: now, into: &context.work)
            context.work.billing.notes = [TransferNote(transferID: id, text: reason, performer: performer, at: now)]
            try await recordWalletTrail(
                .adjusted, of: company, by: amount, note: ("reason", reason), performer: context.performer,
                into: &context.work)
            return id
        }
    }

    /// Records a payment of `amount` of money from `company` (see the `Price` overload, which also
    /// takes prepaid units).
    @discardableResult
    public func topUp(
        _ company: CompanyID, amount: Money, paymentReference: String, by performer: Performer,
        idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> TransferID {
        try await topUp(
            company, amount: Price(amount), paymentReference: paymentReference, by: performer,
            idempotencyKey: idempotencyKey)
    }

    /// Corrects `company`'s personal account by `amount` of money (see the `Price` overload).
    @discardableResult
    public func adjustBalance(
        _ company: CompanyID, by amount: Money, reason: String, by performer: Performer,
        idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> TransferID {
        try await adjustBalance(
            company, by: Price(amount), reason: reason, by: performer, idempotencyKey: idempotencyKey)
    }

    /// What `company` holds on its account for `role` in `unit` as an amount (``ClientBalance/price``),
    /// or `nil` when the account was never opened. ``balance(of:in:role:as:)`` is the ledger's view.
    public func clientBalance(
        of company: CompanyID, in unit: BillingUnit, role: AccountRole = .wallet, as viewer: Performer
    ) async throws(HelpDeskError) -> ClientBalance? {
        _ = try await authorize(viewer, .readBilling, companyID: company)
        let id = BillingAccount.id(company: company, role: role, unit: unit)
        guard let account = try await storage({ try await billingStore.billingAccounts() }).first(where: { $0.id == id })
        else { return nil }
        let balance = try await storage { try await billingStore.ledgerBalance(of: id) } ?? .zero
        return ClientBalance(account: account, balance: balance)
    }

    /// The balance of `company`'s account for `role` in `unit`, or `nil` when it was never opened.
    public func balance(of company: CompanyID, in unit: BillingUnit, role: AccountRole = .wallet, as viewer: Performer)
        async throws(HelpDeskError) -> Balance?
    {
        _ = try await authorize(viewer, .readBilling, companyID: company)
        return try await storage {
            try await billingStore.ledgerBalance(of: BillingAccount.id(company: company, role: role, unit: unit))
        }
    }

    /// Every personal account and receivable of `company` with its balance, by unit then role.
    public func clientBalances(of company: CompanyID, as viewer: Performer) async throws(HelpDeskError)
        -> [ClientBalance]
    {
        _ = try await authorize(viewer, .readBilling, companyID: company)
        let accounts = try await storage { try await billingStore.billingAccounts() }.filter { $0.companyID == company }
        var result: [ClientBalance] = []
        for account in accounts.sorted(by: { ($0.unit, $0.role.rawValue) < ($1.unit, $1.role.rawValue) }) {
            let balance = try await storage { try await billingStore.ledgerBalance(of: account.id) } ?? .zero
            result.append(ClientBalance(account: account, balance: balance))
        }
        return result
    }
}

/// One client account with its current balance.
public struct ClientBalance: Hashable, Sendable {
    /// The account.
    public var account: BillingAccount
    /// Its ledger balance.
    public var balance: Balance

    /// What the client holds (wallet: credits − debits) or owes (receivable: debits − credits), in minor units.
    public var amount: Int128 {
        account.role == .receivable ? balance.postedDebitsMinusCredits : balance.postedCreditsMinusDebits
    }

    /// ``amount`` in the account's unit (a negative wallet amount is an overdraft); `nil` only
    /// when it lies beyond the 64-bit range a ``Price`` holds.
    public var price: Price? {
        Int64(exactly: amount).map { Price(minorUnits: $0, unit: account.unit) }
    }
}

extension Transfer {
    /// The accounts the transfer names itself (a post or void names only its pending transfer;
    /// the desk posts single-phase transfers).
    fileprivate var namedAccounts: [AccountID] {
        switch kind {
        case .single(let debit, let credit, _), .pending(let debit, let credit, _, _): [debit, credit]
        case .postPending, .voidPending: []
        }
    }
}
