import DoubleEntry
import Foundation

/// Paid-work revenue read from the billing ledger: the settlement transfers posted in the period.
///
/// Billing recognises out-of-contract revenue when a specification is settled
/// (``BillingReports/outOfContractRevenue(accounts:transfers:)``): one transfer per unit, debited
/// from the client's wallet (``BillingTransferCode/settlement``) or posted as owed
/// (``BillingTransferCode/settlementReceivable``). This source sums those transfers by their ledger
/// instant, per client, contract and currency; the contract is the settled specification's
/// (found through the transfer's ticket-number reference), `nil` when it had none. Prepaid units
/// (points, hours) are not money and are left out. A store without the billing feature has no
/// paid work.
public struct BillingPaidWork: PaidWorkRevenueSource {
    /// Where the ledger, the account registry, tickets and specifications come from.
    public let store: any HelpDeskStore

    /// Creates a source over `store`.
    public init(store: any HelpDeskStore) {
        self.store = store
    }

    /// Settled out-of-contract money per client, contract and currency, in that order.
    ///
    /// The period must lie in ``InstantRange`` (else ``HelpDeskError/invalidInput(field:problem:)``);
    /// a sum beyond `Int64` throws ``HelpDeskError/money(_:)`` with `.overflow`.
    ///
    /// - Complexity: O(*T*) over the transfers of the period, plus one ticket and one specification read
    ///   per settled ticket in the period.
    public func paidWork(in period: Range<Date>) async throws -> [PaidWorkRevenue] {
        try Validate.period(period, field: "period")
        guard let billing = try store.feature((any BillingRepository).self) else { return [] }
        let owners = Dictionary(
            try await billing.billingAccounts().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let records = try await billing.transferRecords(postedIn: BillingReports.ledgerRange(period))
        struct Slot: Hashable {
            var company: CompanyID
            var contract: ContractID?
            var currency: CurrencyCode
        }
        var sums: [Slot: Int64] = [:]
        var contracts: [UInt64: (ContractID?, Set<TransferID>)] = [:]
        for record in records {
            let code = BillingTransferCode(rawValue: record.transfer.code)
            guard code == .settlement || code == .settlementReceivable, let owner = owners[record.debitAccount],
                let company = owner.companyID, case .money(let currency) = owner.unit
            else { continue }
            let reference = record.transfer.reference
            if contracts[reference] == nil { contracts[reference] = try await settledContract(reference: reference) }
            let (contract, transfers) = contracts[reference]!
            let slot = Slot(
                company: company, contract: transfers.contains(record.transfer.id) ? contract : nil, currency: currency)
            guard let amount = Int64(exactly: record.amount.minorUnits) else { throw HelpDeskError.money(.overflow) }
            let (sum, overflow) = sums[slot, default: 0].addingReportingOverflow(amount)
            if overflow { throw HelpDeskError.money(.overflow) }
            sums[slot] = sum
        }
        return sums.sorted {
            ($0.key.company, $0.key.contract?.description ?? "", $0.key.currency.description)
                < ($1.key.company, $1.key.contract?.description ?? "", $1.key.currency.description)
        }.map {
            PaidWorkRevenue(
                companyID: $0.key.company, contractID: $0.key.contract,
                amount: Money(minorUnits: $0.value, currency: $0.key.currency))
        }
    }

    /// The contract of the specification settled for ticket number `reference`, with its settlement's transfers.
    private func settledContract(reference: UInt64) async throws -> (ContractID?, Set<TransferID>) {
        guard reference <= UInt64(Int.max), let ticket = try await store.ticket(number: TicketNumber(Int(reference))),
            let specification = try await store.feature((any BillingRepository).self)?.specification(of: ticket.id),
            let settlement = specification.settlement
        else { return (nil, []) }
        return (specification.contractID, Set(settlement.transferIDs))
    }
}

extension ReportEngine {
    /// Paid work from this engine's store: settled out-of-contract work in the billing ledger.
    public var billingPaidWork: BillingPaidWork { BillingPaidWork(store: store) }
}
