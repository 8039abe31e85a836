import DoubleEntry
import Foundation

/// Trail entries of the commands whose change is more than one record's fields: a company's
/// deletion, a contract price, a payment or correction on a client's account.
extension HelpDesk {
    /// The `.deleted` entry of `company`: its fields, and how many of its records go with it.
    func recordDeletion(
        of company: Company, with deleted: ClientChanges, by performer: Performer, into work: inout UnitOfWork
    ) async throws(HelpDeskError) {
        var changes = Company.trailChanges(from: company, to: nil)
        let counts = [
            ("locations", deleted.deletedLocations.count), ("contacts", deleted.deletedContacts.count),
            ("contracts", deleted.deletedContracts.count), ("assets", deleted.deletedAssets.count),
        ]
        for (name, count) in counts where count > 0 { changes.append(TrailChange(name, from: "\(count)", to: nil)) }
        try await recordTrail(
            .deleted, of: .company(company.id), company: company.id, changes: changes, by: performer, into: &work)
    }

    /// The `.priceSet` entry of a contract's own price for `item`: the price before (the contract's
    /// earlier price, or none) and after; setting the same price again records nothing.
    func recordContractPrice(
        _ price: ContractPrice, of contract: Contract, item: PriceListItem, by performer: Performer,
        into work: inout UnitOfWork
    ) async throws(HelpDeskError) {
        let earlier = try await storage { try await billingStore.contractPrices(of: contract.id) }
            .first { $0.itemID == item.id }
        let changes =
            earlier?.price == price.price
            ? [] : [TrailChange("price \(item.code)", from: earlier?.price.description, to: price.price.description)]
        try await recordTrail(
            .priceSet, of: .contractPrice(contract.id, item: item.id), company: contract.companyID, changes: changes,
            by: performer, into: &work)
    }

    /// The entry of a top-up or adjustment of `company`'s personal account by the signed `amount`:
    /// its balance before and after, and the payment reference or reason.
    func recordWalletTrail(
        _ action: TrailAction, of company: CompanyID, by amount: Price, note: (field: String, text: String),
        performer: Performer, into work: inout UnitOfWork
    ) async throws(HelpDeskError) {
        let wallet = BillingAccount.id(company: company, role: .wallet, unit: amount.unit)
        let before = try await storage { try await billingStore.ledgerBalance(of: wallet) }?.postedCreditsMinusDebits ?? 0
        let after = before + Int128(amount.minorUnits)
        let changes = [
            TrailChange("balance", from: Self.trailText(before, amount.unit), to: Self.trailText(after, amount.unit)),
            TrailChange(note.field, from: nil, to: note.text),
        ]
        try await recordTrail(
            action, of: .account(company, unit: amount.unit), company: company, changes: changes, by: performer,
            into: &work)
    }

    /// A balance as a price, or as minor units with the unit when it exceeds 64 bits.
    private static func trailText(_ minorUnits: Int128, _ unit: BillingUnit) -> String {
        Int64(exactly: minorUnits).map { Price(minorUnits: $0, unit: unit).description } ?? "\(minorUnits) \(unit)"
    }
}
