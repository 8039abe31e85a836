import DoubleEntry
import Foundation

/// One movement of a client statement.
public struct StatementLine: Hashable, Sendable {
    /// When the ledger recorded it.
    public var at: Date
    /// The transfer.
    public var transferID: TransferID
    /// Why it was posted, when the code is one of billing's.
    public var code: BillingTransferCode?
    /// The signed change from the client's point of view (wallet: + credit; receivable: + debt).
    public var change: Int64
    /// The balance after it, same sign convention.
    public var balanceAfter: Int64
}

/// A client account's statement for a period: opening balance, every transfer, closing balance.
public struct ClientStatement: Hashable, Sendable {
    /// The account.
    public var account: BillingAccount
    /// The half-open period.
    public var period: Range<Date>
    /// Balance before the period (wallet: what the client holds; receivable: what it owes).
    public var opening: Int64
    /// Movements in ledger order.
    public var lines: [StatementLine]
    /// Balance at the end of the period; always `opening` plus the sum of the changes.
    public var closing: Int64
}

/// How long a client's receivable has been overdue, in whole days since its payment was due: a
/// service-period invoice from its period's due date (``ServicePeriod/paymentDueAt``, else its
/// start, as for ``Debtor/Debt/daysOverdue``), anything else (paid work owed) from its posting.
public struct DebtorAgeing: Hashable, Sendable {
    /// The client.
    public var companyID: CompanyID
    /// The unit owed.
    public var unit: BillingUnit
    /// Invoiced but not yet due.
    public var notYetDue: Int64 = 0
    /// Overdue 0–30 days.
    public var upTo30: Int64
    /// Overdue 31–60 days.
    public var upTo60: Int64
    /// Overdue 61–90 days.
    public var upTo90: Int64
    /// Overdue more than 90 days.
    public var over90: Int64
    /// The total owed (``BillingReports/debtorAgeing(at:accounts:in:dueDates:)`` only builds ageings
    /// whose total fits in an `Int64`).
    public var total: Int64 { notYetDue + upTo30 + upTo60 + upTo90 + over90 }
}

/// Out-of-contract revenue of one client in one unit over a period.
public struct ClientRevenue: Hashable, Sendable {
    /// The client.
    public var companyID: CompanyID
    /// The unit.
    public var unit: BillingUnit
    /// Settled out-of-contract items, whether debited from the account or posted as receivable.
    public var amount: Int64
    /// The number of settlement transfers.
    public var transfers: Int
}

/// Pure reports over ledger reads (statements, transfer records) and the desk's ``BillingAccount`` registry.
///
/// Ledger totals are unsigned 64-bit, report figures signed 64-bit minor units: a figure that does
/// not fit (a balance or a sum beyond `Int64.max`) throws ``MoneyError/overflow`` instead of
/// being clamped or wrapped. Instants outside the ledger's range clamp to it (``LedgerTimestamp``).
public enum BillingReports {
    /// The ledger range of a period of instants (clamped to the ledger's range).
    public static func ledgerRange(_ period: Range<Date>) -> Range<LedgerTimestamp> {
        let lower = LedgerTimestamp(period.lowerBound)
        return lower..<max(lower, LedgerTimestamp(period.upperBound))
    }

    /// The statement of `account` for `period` in the client's terms, from the ledger's statement
    /// `raw` of that account for ``ledgerRange(_:)`` of the period.
    public static func statement(of account: BillingAccount, period: Range<Date>, from raw: AccountStatement)
        throws(MoneyError) -> ClientStatement
    {
        func value(_ balance: Balance) throws(MoneyError) -> Int64 {
            let signed =
                account.role == .receivable ? balance.postedDebitsMinusCredits : balance.postedCreditsMinusDebits
            guard let value = Int64(exactly: signed) else { throw .overflow }
            return value
        }
        var previous = try value(raw.opening)
        var lines: [StatementLine] = []
        for entry in raw.entries {
            let after = try value(entry.balance)
            let (change, overflow) = after.subtractingReportingOverflow(previous)
            if overflow { throw .overflow }
            lines.append(
                StatementLine(
                    at: entry.timestamp.date, transferID: entry.transfer.id,
                    code: BillingTransferCode(rawValue: entry.transfer.transfer.code), change: change,
                    balanceAfter: after))
            previous = after
        }
        return ClientStatement(
            account: account, period: period, opening: try value(raw.opening), lines: lines,
            closing: try value(raw.closing))
    }

    /// Receivables outstanding at `instant`, aged by the due date of the debits still unpaid
    /// (payments settle the oldest debits first), most owed first. `dueDates` gives the due date of
    /// a debit by its transfer (the engine passes its service-period invoices); a debit without one
    /// is due when it was posted.
    ///
    /// `history` holds, per receivable, its statement from the ledger's start through `instant`
    /// (``historyRange(through:)``); an account without one is skipped.
    ///
    /// An amount outstanding beyond `Int64.max` throws ``MoneyError/overflow``; the parts of one
    /// ageing add up to its outstanding amount, so the buckets and ``DebtorAgeing/total`` then fit.
    public static func debtorAgeing(
        at instant: Date, accounts: [BillingAccount], history: [AccountID: AccountStatement],
        dueDates: [TransferID: Date] = [:]
    ) throws(MoneyError) -> [DebtorAgeing] {
        var result: [DebtorAgeing] = []
        for account in accounts where account.role == .receivable {
            guard let company = account.companyID, let statement = history[account.id] else { continue }
            let balance = statement.closing
            guard var outstanding = Int64(exactly: balance.postedDebitsMinusCredits) else { throw .overflow }
            guard outstanding > 0 else { continue }
            var ageing = DebtorAgeing(
                companyID: company, unit: account.unit, upTo30: 0, upTo60: 0, upTo90: 0, over90: 0)
            let debits = statement.entries
                .filter { $0.event == .transfer && $0.transfer.debitAccount == account.id }
            for entry in debits.reversed() where outstanding > 0 {
                let part = min(outstanding, Int64(clamping: entry.transfer.amount.minorUnits))
                outstanding -= part
                let due = dueDates[entry.transfer.id] ?? entry.timestamp.date
                guard instant >= due else {
                    ageing.notYetDue += part
                    continue
                }
                // Saturates for an instant far past the ledger's range: such a debt is over 90 days old.
                let days = InstantRange.wholeDays(from: due, to: instant)
                switch days {
                case ...30: ageing.upTo30 += part
                case 31...60: ageing.upTo60 += part
                case 61...90: ageing.upTo90 += part
                default: ageing.over90 += part
                }
            }
            result.append(ageing)
        }
        return result.sorted { ($1.total, $0.unit) < ($0.total, $1.unit) }
    }

    /// The ledger range from its start through `instant` inclusive.
    public static func historyRange(through instant: Date) -> Range<LedgerTimestamp> {
        let asOf = LedgerTimestamp(instant)
        return .zero..<(asOf == .max ? asOf : asOf.adding(nanoseconds: 1))
    }

    /// Out-of-contract revenue (settlements) per client and unit among `transfers` (the records of
    /// a period), by client then unit; a sum beyond `Int64.max` throws ``MoneyError/overflow``.
    public static func outOfContractRevenue(accounts: [BillingAccount], transfers: [TransferRecord])
        throws(MoneyError) -> [ClientRevenue]
    {
        let owners = Dictionary(accounts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var sums: [String: ClientRevenue] = [:]
        for record in transfers {
            let code = BillingTransferCode(rawValue: record.transfer.code)
            guard code == .settlement || code == .settlementReceivable, let owner = owners[record.debitAccount],
                let company = owner.companyID
            else { continue }
            let key = "\(company)/\(owner.unit)"
            var line = sums[key] ?? ClientRevenue(companyID: company, unit: owner.unit, amount: 0, transfers: 0)
            guard let amount = Int64(exactly: record.amount.minorUnits) else { throw .overflow }
            let (sum, overflow) = line.amount.addingReportingOverflow(amount)
            if overflow { throw .overflow }
            line.amount = sum
            line.transfers += 1
            sums[key] = line
        }
        return sums.values.sorted { ($0.companyID, $0.unit) < ($1.companyID, $1.unit) }
    }
}

extension HelpDesk {
    /// The statement of `company`'s account (`role`, `unit`) for `period`; `nil` when never opened.
    public func statement(
        of company: CompanyID, in unit: BillingUnit, role: AccountRole = .wallet, period: Range<Date>,
        as viewer: Performer
    ) async throws(HelpDeskError) -> ClientStatement? {
        _ = try await authorize(viewer, .readBilling, companyID: company)
        try Validate.period(period, field: "period")
        _ = try await loadCompany(company)
        let account = billingAccount(company, role, unit)
        let range = BillingReports.ledgerRange(period)
        guard let raw = try await storage({ try await billingStore.accountStatement(of: account.id, period: range) }) else {
            return nil
        }
        do {
            return try BillingReports.statement(of: account, period: period, from: raw)
        } catch {
            throw .money(error)
        }
    }

    /// Receivables outstanding at `instant`: not yet due, then overdue 0–30, 31–60, 61–90 and 90+
    /// days, counted like ``Debtor/Debt/daysOverdue``: a period invoice from its payment due date
    /// (`paymentDueAt ?? startsAt`), paid work owed from its settlement.
    public func debtorAgeing(at instant: Date, as viewer: Performer) async throws(HelpDeskError) -> [DebtorAgeing] {
        _ = try await authorize(viewer, .readReports)
        try Validate.instant(instant, field: "instant")
        let accounts = try await storage { try await billingStore.billingAccounts() }
        var history: [AccountID: AccountStatement] = [:]
        let range = BillingReports.historyRange(through: instant)
        for account in accounts where account.role == .receivable {
            history[account.id] = try await storage { try await billingStore.accountStatement(of: account.id, period: range) }
        }
        var dueDates: [TransferID: Date] = [:]
        for contract in try await storage({ try await contractStore.contracts() }) {
            for period in contract.periods where period.invoicedAt != nil {
                dueDates[Self.invoiceTransferID(period.id)] = period.paymentDueAt ?? period.startsAt
            }
        }
        do {
            return try BillingReports.debtorAgeing(at: instant, accounts: accounts, history: history, dueDates: dueDates)
        } catch {
            throw .money(error)
        }
    }

    /// Out-of-contract revenue per client and unit settled within `period`.
    public func outOfContractRevenue(in period: Range<Date>, as viewer: Performer) async throws(HelpDeskError)
        -> [ClientRevenue]
    {
        _ = try await authorize(viewer, .readReports)
        try Validate.period(period, field: "period")
        let accounts = try await storage { try await billingStore.billingAccounts() }
        let range = BillingReports.ledgerRange(period)
        let transfers = try await storage { try await billingStore.transferRecords(postedIn: range) }
        do {
            return try BillingReports.outOfContractRevenue(accounts: accounts, transfers: transfers)
        } catch {
            throw .money(error)
        }
    }
}
