import DoubleEntry
import Foundation

extension HelpDesk {
    /// The transfer that invoices `period` (a receivable of its fee).
    static func invoiceTransferID(_ period: ServicePeriodID) -> TransferID {
        TransferID(BillingHash.of("period-invoice", "\(period)"))
    }

    /// The transfer that records `period`'s payment.
    static func paymentTransferID(_ period: ServicePeriodID) -> TransferID {
        TransferID(BillingHash.of("period-payment", "\(period)"))
    }

    /// Adds a period's new invoiced/paid flags to `work` together with their ledger transfers: invoicing
    /// debits the client's receivable and credits revenue by the fee; payment debits cash and
    /// credits the receivable. A zero fee posts nothing.
    func savePeriodChange(
        _ contract: Contract, before: ServicePeriod, after: ServicePeriod, into work: inout UnitOfWork
    ) async throws(HelpDeskError) {
        work.clients.contracts = [contract]
        let now = clock.now()
        if after.fee.minorUnits > 0 {
            let unit = BillingUnit.money(after.fee.currency)
            let owed = billingAccount(contract.companyID, .receivable, unit)
            let amount = try ledgerAmount(after.fee.minorUnits)
            var transfers: [Transfer] = []
            var accounts: [BillingAccount] = []
            if before.invoicedAt == nil, after.invoicedAt != nil {
                let revenue = billingAccount(nil, .revenue, unit)
                accounts += [owed, revenue]
                transfers.append(
                    .single(
                        id: Self.invoiceTransferID(after.id), debit: owed.id, credit: revenue.id, amount: amount,
                        code: BillingTransferCode.periodInvoice.rawValue))
            }
            if before.paidAt == nil, after.paidAt != nil {
                let cash = billingAccount(nil, .cash, unit)
                accounts += [owed, cash]
                transfers.append(
                    .single(
                        id: Self.paymentTransferID(after.id), debit: cash.id, credit: owed.id, amount: amount,
                        code: BillingTransferCode.periodPayment.rawValue))
            }
            if !transfers.isEmpty { try await post(transfers, opening: accounts, at: now, into: &work) }
        }
    }

    /// Overdue debts per company (or of `company` only) at `instant`, read from the ledger: periods
    /// whose invoice was posted at or before `instant`, whose payment was not, and whose payment
    /// was due by then.
    ///
    /// `instant` is the clock's reading for the debtor SLA rule, so it is not range-checked here:
    /// days overdue saturate (see ``ServicePeriod/daysOverdue(at:)``) rather than trap.
    func ledgerDebts(at instant: Date, of company: CompanyID? = nil) async throws(HelpDeskError)
        -> [CompanyID: [Debtor.Debt]]
    {
        let contracts = try await storage {
            if let company { try await contractStore.contracts(of: company) } else { try await contractStore.contracts() }
        }
        var transferIDs: [TransferID] = []
        for contract in contracts {
            for period in contract.periods where period.invoicedAt != nil {
                transferIDs += [Self.invoiceTransferID(period.id), Self.paymentTransferID(period.id)]
            }
        }
        let recorded = try await storage { try await billingStore.transferRecords(transferIDs) }
        let records = Dictionary(recorded.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var debts: [CompanyID: [Debtor.Debt]] = [:]
        for contract in contracts {
            for period in contract.periods where instant >= (period.paymentDueAt ?? period.startsAt) {
                // The ledger proves the debt and its amount; the period's invoice and payment
                // instants place it in time (ledger timestamps may run nanoseconds ahead of the
                // clock when several transfers commit at one instant).
                guard let invoicedAt = period.invoicedAt, invoicedAt <= instant,
                    let invoice = records[Self.invoiceTransferID(period.id)]
                else { continue }
                if let paidAt = period.paidAt, paidAt <= instant,
                    records[Self.paymentTransferID(period.id)] != nil
                {
                    continue
                }
                // Invoices are posted from an `Int64` fee, so the amount always fits; a ledger that
                // says otherwise is reported, not trapped on.
                guard let owed = Int64(exactly: invoice.amount.minorUnits) else { throw .money(.overflow) }
                debts[contract.companyID, default: []].append(
                    Debtor.Debt(
                        contractID: contract.id, contractNumber: contract.number, period: period,
                        amount: Money(minorUnits: owed, currency: period.fee.currency),
                        daysOverdue: period.daysOverdue(at: instant)))
            }
        }
        return debts
    }
}
