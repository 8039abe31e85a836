import DoubleEntry
import Foundation
import HelpDeskKit

extension StoreContract {
    /// The store's billing feature (a contract violation when it offers none).
    static func billing(_ store: any HelpDeskStore) throws -> any BillingRepository {
        try requireFeature((any BillingRepository).self, of: store)
    }

    static func item(_ code: String, _ pricing: PricingUnit, _ price: Price, ids: inout SeededIdentifierSource) -> PriceListItem {
        PriceListItem(
            id: ids.next(), code: code, name: "Item «\(code)»", kind: pricing == .perHour ? .work : .service,
            pricing: pricing, price: price, validFrom: start, validUntil: pricing == .fixed ? start.addingTimeInterval(86_400) : nil)
    }

    static func specification(of ticket: Ticket, version: Int, lines: Int, ids: inout SeededIdentifierSource) -> TicketSpecification {
        var list: [SpecificationLine] = []
        for n in 0..<lines {
            let itemID: PriceListItemID? = n == 0 ? nil : ids.next()
            let price = Price(Money(minorUnits: 100_000, currency: .rub))
            let coverage: LineCoverage = n % 2 == 0 ? .billable : .inContract
            list.append(
                SpecificationLine(
                    id: ids.next(), itemID: itemID, description: "Line \(n) 🖨️", pricing: .perHour,
                    quantity: Int64(7 + n), unitPrice: price, coverage: coverage, rounding: .halfEven))
        }
        let company: CompanyID = ids.next()
        return TicketSpecification(
            ticketID: ticket.id, ticketNumber: ticket.number, companyID: company, contractID: nil, version: version,
            lines: list, updatedAt: start)
    }

    /// A wallet (limit-checked) and the desk's cash account in RUB for a fresh company.
    static func walletAndCash(ids: inout SeededIdentifierSource) -> (wallet: BillingAccount, cash: BillingAccount) {
        let company: CompanyID = ids.next()
        return (
            BillingAccount.make(company: company, role: .wallet, unit: .money(.rub), walletLimit: .debitsMustNotExceedCredits),
            BillingAccount.make(company: nil, role: .cash, unit: .money(.rub), walletLimit: .debitsMustNotExceedCredits)
        )
    }

    static let billingChecks: [ContractCheck] = [
        ContractCheck("price-list items and contract prices round-trip, sorted") { store in
            var ids = SeededIdentifierSource(seed: 80)
            let hour = item("B-HOUR", .perHour, Price(Money(minorUnits: 250_000, currency: .rub)), ids: &ids)
            let visit = item("A-VISIT", .fixed, .prepaid(3, "points"), ids: &ids)
            let part = item("A-VISIT", .perItem, Price(Money(minorUnits: 99, currency: .usd)), ids: &ids)
            let contract: ContractID = ids.next()
            var work = UnitOfWork()
            work.billing.priceListItems = [hour, visit, part]
            work.billing.contractPrices = [ContractPrice(contractID: contract, itemID: hour.id, price: .prepaid(1, "hours"))]
            try await store.commit(work)
            try requireEqual(try await billing(store).priceListItem(visit.id), visit, "item by id")
            try requireEqual(try await billing(store).priceListItem(ids.next()), nil, "unknown item")
            let expected = [visit, part].sorted { ($0.validFrom, $0.id) < ($1.validFrom, $1.id) } + [hour]
            try requireEqual(try await billing(store).priceListItems(), expected, "by code, validFrom, id")
            try requireEqual(try await billing(store).contractPrices(of: contract).map(\.price), [.prepaid(1, "hours")], "override")
            try requireEqual(try await billing(store).contractPrices(of: ids.next()), [], "no overrides")
            var replace = UnitOfWork()
            replace.billing.contractPrices = [ContractPrice(contractID: contract, itemID: hour.id, price: .prepaid(2, "hours"))]
            try await store.commit(replace)
            try requireEqual(try await billing(store).contractPrices(of: contract).map(\.price), [.prepaid(2, "hours")], "replaced")
        },
        ContractCheck("specifications round-trip and need the stored version") { store in
            var ids = SeededIdentifierSource(seed: 81)
            let ticket = fullTicket(number: 1, ids: &ids)
            try await store.commit(creation(of: ticket, ids: &ids))
            let first = specification(of: ticket, version: 1, lines: 3, ids: &ids)
            var work = UnitOfWork()
            work.billing.specifications = [SpecificationWrite(specification: first, expectedVersion: nil)]
            try await store.commit(work)
            try requireEqual(try await billing(store).specification(of: ticket.id), first, "stored")
            try requireEqual(try await billing(store).specification(of: ids.next()), nil, "unknown ticket")
            try await requireStorageError(.conflict) { try await store.commit(work) }
            var second = first
            second.version = 2
            second.lines.removeFirst()
            var stale = UnitOfWork()
            stale.billing.specifications = [SpecificationWrite(specification: second, expectedVersion: 3)]
            try await requireStorageError(.conflict) { try await store.commit(stale) }
            stale.billing.specifications = [SpecificationWrite(specification: second, expectedVersion: 1)]
            try await store.commit(stale)
            try requireEqual(try await billing(store).specification(of: ticket.id), second, "updated")
        },
        ContractCheck("ledger accounts and transfers commit with the unit; balances, notes and accounts read back") { store in
            var ids = SeededIdentifierSource(seed: 82)
            let (wallet, cash) = walletAndCash(ids: &ids)
            let ticket = fullTicket(number: 1, ids: &ids)
            var work = creation(of: ticket, ids: &ids)
            work.billing.accounts = [cash, wallet]
            work.billing.transfers = [
                .single(id: 1, debit: cash.id, credit: wallet.id, amount: 50_00, code: 1),
                .single(id: 2, debit: wallet.id, credit: cash.id, amount: 20_00, code: 2),
            ]
            work.billing.postedAt = start
            work.billing.notes = [TransferNote(transferID: 1, text: "PAY-1 «ok»", performer: .system, at: start)]
            try await store.commit(work)
            try requireEqual(try await billing(store).ledgerBalance(of: wallet.id), Balance(debitsPosted: 20_00, creditsPosted: 50_00), "wallet")
            try requireEqual(try await billing(store).ledgerBalance(of: 999), nil, "unknown account")
            try requireEqual(try await billing(store).billingAccounts(), [cash, wallet].sorted { $0.id < $1.id }, "accounts by id")
            try requireEqual(try await billing(store).transferNotes([2, 1]).map(\.text), ["PAY-1 «ok»"], "notes")
            let records = try await billing(store).transferRecords([2, 7, 1])
            try requireEqual(records.map(\.id), [2, 1], "records in the order asked, unknown left out")
            try requireEqual(records.last?.timestamp, LedgerTimestamp(start), "ledger assigns timestamps from postedAt")
            try requireEqual(records.first?.timestamp, LedgerTimestamp(start).adding(nanoseconds: 1), "strictly increasing")
            try requireEqual(try await billing(store).lastLedgerTimestamp(), records.first?.timestamp, "last timestamp")
            let states = try await billing(store).ledgerAccounts([wallet.id, 999, cash.id])
            try requireEqual(states.map(\.account), [wallet.account, cash.account], "states in the order asked")
            try requireEqual(states.last?.balance, Balance(debitsPosted: 50_00, creditsPosted: 20_00), "cash")
            let all = LedgerTimestamp.zero..<LedgerTimestamp.max
            try requireEqual(try await billing(store).transferRecords(postedIn: all).map(\.id), [1, 2], "timestamp order")
            let second = LedgerTimestamp(start).adding(nanoseconds: 1)
            try requireEqual(
                try await billing(store).transferRecords(postedIn: second..<second.adding(nanoseconds: 1)).map(\.id), [2],
                "a half-open period")
            let statement = try await billing(store).accountStatement(of: wallet.id, period: second..<LedgerTimestamp.max)
            try requireEqual(statement?.opening, Balance(creditsPosted: 50_00), "opening balance")
            try requireEqual(statement?.entries.map(\.transfer.id), [2], "entries in the period")
            try requireEqual(statement?.entries.first?.balance, Balance(debitsPosted: 20_00, creditsPosted: 50_00), "balance after")
            try requireEqual(statement?.closing, Balance(debitsPosted: 20_00, creditsPosted: 50_00), "closing balance")
            try requireEqual(try await billing(store).accountStatement(of: 999, period: all), nil, "unknown account")
        },
        ContractCheck("a stale ledger balance or a recorded transfer identifier is a conflict, and nothing commits") { store in
            var ids = SeededIdentifierSource(seed: 83)
            let (wallet, cash) = walletAndCash(ids: &ids)
            var funding = UnitOfWork()
            funding.billing.accounts = [cash, wallet]
            funding.billing.transfers = [.single(id: 1, debit: cash.id, credit: wallet.id, amount: 10_00)]
            funding.billing.postedAt = start
            try await store.commit(funding)
            let before = try await billing(store).transferRecords(postedIn: LedgerTimestamp.zero..<LedgerTimestamp.max)
            let ticket = fullTicket(number: 1, ids: &ids)
            let other = BillingAccount.make(company: ids.next(), role: .wallet, unit: .money(.rub), walletLimit: .unlimited)
            var work = creation(of: ticket, ids: &ids)
            work.billing.accounts = [other]
            work.billing.transfers = [.single(id: 2, debit: wallet.id, credit: other.id, amount: 1_00)]
            work.billing.postedAt = start.addingTimeInterval(60)
            // Decided when the wallet held nothing: the funding moved it since.
            work.require(.ledgerBalance(wallet.id, .zero))
            try await requireStorageError(.conflict) { try await store.commit(work) }
            var replay = work
            replay.preconditions = [.ledgerBalance(wallet.id, Balance(creditsPosted: 10_00))]
            replay.billing.transfers = [.single(id: 1, debit: wallet.id, credit: other.id, amount: 1_00)]
            try await requireStorageError(.conflict) { try await store.commit(replay) }
            try requireEqual(try await store.ticket(ticket.id), nil, "no ticket")
            try requireEqual(try await billing(store).transferRecords(postedIn: LedgerTimestamp.zero..<LedgerTimestamp.max), before, "ledger untouched")
            try requireEqual(try await billing(store).billingAccounts().count, 2, "no account opened")
            work.preconditions = [.ledgerBalance(wallet.id, Balance(creditsPosted: 10_00)), .ledgerBalance(other.id, .zero)]
            try await store.commit(work)
            try requireEqual(try await billing(store).ledgerBalance(of: other.id), Balance(creditsPosted: 1_00), "the fresh decision commits")
        },
    ]
}
