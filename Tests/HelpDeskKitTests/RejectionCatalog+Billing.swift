import DoubleEntry
import Foundation
import HelpDeskKit
import HelpDeskTestSupport

/// Rejected billing commands: bad amounts, unit mismatches, overdraft, settled specifications.
extension RejectionCatalog {
    static let billingClient = "Billing Client"
    static let rub = BillingUnit.money(.rub)
    static func rub(_ minorUnits: Int64) -> Price { Price(Money(minorUnits: minorUnits, currency: .rub)) }
    static var unknownItem: PriceListItemID { Identifier(UUID(uuidString: "00000000-0000-4000-8000-000000000006")!) }
    static var unknownLine: SpecificationLineID {
        Identifier(UUID(uuidString: "00000000-0000-4000-8000-000000000007")!)
    }

    /// A client with 100.00 RUB on its account (payment `PAY-R`), a cartridge item at 2 000.00 RUB,
    /// an unsettled ticket whose specification exceeds the balance, and a settled ticket.
    static func prepareBilling(test: TestDesk) async throws {
        let desk = test.desk
        let anna = Performer.employee(test.anna.id)
        let company = try await desk.addCompany(NewCompany(name: billingClient), by: .system)
        let contract = try await desk.addContract(
            NewContract(companyID: company.id, number: "B-1", startsAt: TestDesk.start), by: .system)
        let item = try await desk.addPriceListItem(
            NewPriceListItem(
                code: "CART", name: "Cartridge", pricing: .perItem, price: rub(2_000_00), validFrom: TestDesk.start),
            by: .system)
        try await desk.topUp(company.id, amount: rub(100_00), paymentReference: "PAY-R", by: anna)
        let request = NewTicket(
            title: "Billed", channel: .email, requester: .freeText("Ivan"), companyID: company.id,
            contractID: contract.id)
        let pending = try await desk.createTicket(request, by: anna)
        _ = try await desk.addSpecificationLine(
            to: pending.id, NewSpecificationLine(itemID: item.id, quantity: 1), by: anna)
        let settled = try await desk.createTicket(request, by: anna)
        _ = try await desk.addSpecificationLine(
            to: settled.id, NewSpecificationLine(description: "Cable", pricing: .fixed, quantity: 1, price: rub(40_00)),
            by: anna)
        _ = try await desk.changeStatus(settled.id, to: .resolved, by: anna)
    }

    /// The store's image, read synchronously (the expected errors need ids and stored transfers).
    static func image(_ f: RejectionFixture) -> StoreImage { (f.test.store as! InMemoryStore).image() }
    static func company(_ f: RejectionFixture) -> CompanyID {
        image(f).clients.companies.first { $0.name == billingClient }!.id
    }
    static func item(_ f: RejectionFixture) -> PriceListItem { image(f).billing.priceListItems[0] }
    static func billed(_ f: RejectionFixture) -> [TicketSpecification] {
        image(f).billing.specifications.sorted { $0.ticketNumber < $1.ticketNumber }
    }
    static func pending(_ f: RejectionFixture) -> TicketSpecification { billed(f)[0] }
    static func settled(_ f: RejectionFixture) -> TicketSpecification { billed(f)[1] }

    static let billingCases: [RejectionCase] = [
        RejectionCase("top up: zero", { _ in .ledger(.invalidAmount(0)) }) { f in
            try await f.desk.topUp(company(f), amount: rub(0), paymentReference: "P-0", by: f.anna)
        },
        RejectionCase("top up: negative", { _ in .ledger(.invalidAmount(-5)) }) { f in
            try await f.desk.topUp(company(f), amount: rub(-5), paymentReference: "P-0", by: f.anna)
        },
        RejectionCase("top up: blank reference", { _ in .invalidInput(field: "paymentReference", problem: .blank) }) {
            f in
            try await f.desk.topUp(company(f), amount: rub(1), paymentReference: " ", by: f.anna)
        },
        RejectionCase(
            "top up: unknown company",
            { _ in .companyNotFound(Identifier(UUID(uuidString: "00000000-0000-4000-8000-000000000008")!)) }
        ) { f in
            try await f.desk.topUp(
                Identifier(UUID(uuidString: "00000000-0000-4000-8000-000000000008")!), amount: rub(1),
                paymentReference: "P", by: f.anna)
        },
        RejectionCase(
            "top up: payment reference reused with another amount",
            { f in
                let id = HelpDesk.topUpTransferID("PAY-R")
                return .ledger(
                    .transferFailed(
                        index: 0, id: id,
                        reason: .existsWithDifferentFields(existing: image(f).billing.ledger.transfer(id)!.transfer)))
            }
        ) { f in
            try await f.desk.topUp(company(f), amount: rub(100_01), paymentReference: "PAY-R", by: f.anna)
        },
        RejectionCase("adjust: zero", { _ in .ledger(.invalidAmount(0)) }) { f in
            try await f.desk.adjustBalance(company(f), by: rub(0), reason: "Typo", by: f.anna)
        },
        RejectionCase("adjust: blank reason", { _ in .invalidInput(field: "reason", problem: .blank) }) { f in
            try await f.desk.adjustBalance(company(f), by: rub(5), reason: "", by: f.anna)
        },
        RejectionCase(
            "resolve: the balance cannot cover the specification",
            { f in
                let spec = pending(f)
                let wallet = BillingAccount.id(company: company(f), role: .wallet, unit: rub)
                return .ledger(
                    .transferFailed(
                        index: 0, id: Settlement.transferID(ticket: spec.ticketID, version: spec.version, unit: rub),
                        reason: .exceedsCredits(wallet)))
            }
        ) { f in
            _ = try await f.desk.changeStatus(pending(f).ticketID, to: .resolved, by: f.anna)
        },
        RejectionCase("settle: twice", { f in .alreadySettled(settled(f).ticketNumber, version: 1) }) { f in
            try await f.desk.settle(settled(f).ticketID, by: f.anna)
        },
        RejectionCase("settle: no specification", { f in .specificationNotFound(f.open.number) }) { f in
            try await f.desk.settle(f.open.id, by: f.anna)
        },
        RejectionCase(
            "specify: edit a settled specification", { f in .specificationSettled(settled(f).ticketNumber, version: 1) }
        ) { f in
            _ = try await f.desk.addSpecificationLine(
                to: settled(f).ticketID, NewSpecificationLine(itemID: item(f).id, quantity: 1), by: f.anna)
        },
        RejectionCase(
            "specify: remove from a settled specification",
            { f in .specificationSettled(settled(f).ticketNumber, version: 1) }
        ) { f in
            _ = try await f.desk.removeSpecificationLine(settled(f).lines[0].id, from: settled(f).ticketID, by: f.anna)
        },
        RejectionCase("specify: unknown line", { _ in .specificationLineNotFound(unknownLine) }) { f in
            _ = try await f.desk.removeSpecificationLine(unknownLine, from: pending(f).ticketID, by: f.anna)
        },
        RejectionCase(
            "specify: price in another unit", { _ in .unitMismatch(expected: rub, actual: .prepaid("points")) }
        ) { f in
            _ = try await f.desk.addSpecificationLine(
                to: pending(f).ticketID,
                NewSpecificationLine(itemID: item(f).id, quantity: 1, price: .prepaid(1, "points")), by: f.anna)
        },
        RejectionCase(
            "specify: zero quantity", { _ in .invalidInput(field: "quantity", problem: .outOfRange(1...10_000_000)) }
        ) { f in
            _ = try await f.desk.addSpecificationLine(
                to: pending(f).ticketID, NewSpecificationLine(itemID: item(f).id, quantity: 0), by: f.anna)
        },
        RejectionCase("specify: negative price", { _ in .invalidInput(field: "price", problem: .negative) }) { f in
            _ = try await f.desk.addSpecificationLine(
                to: pending(f).ticketID, NewSpecificationLine(itemID: item(f).id, quantity: 1, price: rub(-1)),
                by: f.anna)
        },
        RejectionCase("specify: unknown item", { _ in .priceListItemNotFound(unknownItem) }) { f in
            _ = try await f.desk.addSpecificationLine(
                to: pending(f).ticketID, NewSpecificationLine(itemID: unknownItem, quantity: 1), by: f.anna)
        },
        RejectionCase(
            "specify: free-form line without a price", { _ in .invalidInput(field: "price", problem: .blank) }
        ) { f in
            _ = try await f.desk.addSpecificationLine(
                to: pending(f).ticketID, NewSpecificationLine(description: "Cable", pricing: .fixed, quantity: 1),
                by: f.anna)
        },
        RejectionCase(
            "specify: billable time without a labor item",
            { _ in .invalidInput(field: "laborItemCode", problem: .blank) }
        ) { f in
            _ = try await f.desk.specifyBillableTime(of: f.open.id, by: f.anna)
        },
        RejectionCase("price list: blank code", { _ in .invalidInput(field: "code", problem: .blank) }) { f in
            _ = try await f.desk.addPriceListItem(
                NewPriceListItem(code: "", name: "X", pricing: .fixed, price: rub(1), validFrom: TestDesk.start),
                by: .system)
        },
        RejectionCase(
            "price list: validity ends before it starts",
            { _ in .invalidInput(field: "validUntil", problem: .notAfterStart) }
        ) { f in
            _ = try await f.desk.addPriceListItem(
                NewPriceListItem(
                    code: "X", name: "X", pricing: .fixed, price: rub(1), validFrom: TestDesk.start,
                    validUntil: TestDesk.start), by: .system)
        },
        RejectionCase("contract price: another unit", { _ in .unitMismatch(expected: rub, actual: .prepaid("hours")) })
        { f in
            let contract = image(f).clients.contracts.first { $0.number == "B-1" }!
            try await f.desk.setContractPrice(contract.id, item: item(f).id, price: .prepaid(1, "hours"), by: .system)
        },
    ]
}
