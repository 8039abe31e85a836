import DoubleEntry
import Foundation
import HelpDeskKit
import PostgresStore
import Testing

/// The ledger's storage at the edges: 64-bit values beyond `Int64`, and units racing to open the
/// same account.
@Suite("PostgreSQL ledger storage at the edges", .enabled(if: ScratchDatabase.server != nil))
struct LedgerStorageTests {
    static func account(_ id: UInt64, limit: AccountLimit = .unlimited) -> BillingAccount {
        BillingAccount(
            account: Account(id: AccountID(id), unit: LedgerUnit("RUB"), code: 7, limit: limit, reference: .max),
            companyID: nil, role: .cash, unit: .money(.rub))
    }

    @Test func unsignedValuesBeyondInt64RoundTrip() async throws {
        try await ScratchDatabase.withStore { store async throws in
            let small = Self.account(5)
            let middle = Self.account(1 << 63)
            let top = Self.account(.max)
            var work = UnitOfWork()
            work.billing.accounts = [top, small, middle]
            // After 2262: nanoseconds beyond Int64.max.
            work.billing.postedAt = Date(timeIntervalSince1970: 10_000_000_000)
            work.billing.transfers = [
                .single(
                    id: TransferID(.max), debit: top.id, credit: middle.id, amount: Amount(.max - 1), code: .max,
                    reference: .max),
                .single(id: TransferID(1 << 63), debit: small.id, credit: top.id, amount: 3),
            ]
            try await store.commit(work)
            #expect(try await store.billingAccounts() == [small, middle, top], "by UInt64 identifier")
            let states = try await store.ledgerAccounts([middle.id, top.id])
            #expect(
                states.map(\.balance) == [
                    Balance(creditsPosted: .max - 1), Balance(debitsPosted: .max - 1, creditsPosted: 3),
                ])
            let first = LedgerTimestamp(Date(timeIntervalSince1970: 10_000_000_000))
            let records = try await store.transferRecords([TransferID(1 << 63), TransferID(.max)])
            #expect(records.map(\.timestamp) == [first.adding(nanoseconds: 1), first])
            #expect(records.last?.transfer.reference == .max && records.last?.transfer.code == .max)
            #expect(records.last?.amount == Amount(.max - 1))
            let later = try await store.transferRecords(postedIn: first.adding(nanoseconds: 1)..<LedgerTimestamp.max)
            #expect(later.map(\.id) == [TransferID(1 << 63)])
            #expect(try await store.lastLedgerTimestamp() == first.adding(nanoseconds: 1))
            let statement = try #require(
                try await store.accountStatement(of: top.id, period: first.adding(nanoseconds: 1)..<LedgerTimestamp.max)
            )
            #expect(statement.opening == Balance(debitsPosted: .max - 1))
            #expect(statement.closing == Balance(debitsPosted: .max - 1, creditsPosted: 3))
            // A later batch posted "earlier" still gets later timestamps.
            var again = UnitOfWork()
            again.billing.postedAt = Date(timeIntervalSince1970: 0)
            again.billing.transfers = [.single(id: 9, debit: small.id, credit: middle.id, amount: 1)]
            try await store.commit(again)
            #expect(try await store.transferRecords([9]).map(\.timestamp) == [first.adding(nanoseconds: 2)])
        }
    }

    @Test func unitsRacingToOpenOneAccountHaveOneWinnerPerRound() async throws {
        try await ScratchDatabase.withStore { store async throws in
            let cash = Self.account(1)
            var setup = UnitOfWork()
            setup.billing.accounts = [cash]
            try await store.commit(setup)
            for round in 0..<8 {
                let wallet = Self.account(UInt64(100 + round), limit: .debitsMustNotExceedCredits)
                let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for racer in 0..<2 {
                        group.addTask {
                            var work = UnitOfWork()
                            work.billing.accounts = [wallet]
                            work.billing.transfers = [
                                .single(
                                    id: TransferID(UInt64(1_000 * round + racer)), debit: cash.id, credit: wallet.id,
                                    amount: 5)
                            ]
                            // Both decided on a wallet not opened yet (the unlimited cash account
                            // needs no precondition): only the opening's wait can tell them apart.
                            work.require(.ledgerBalance(wallet.id, .zero))
                            return try await Units.wins { try await store.commit(work) }
                        }
                    }
                    return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
                }
                #expect(wins == 1, "round \(round)")
                #expect(try await store.ledgerBalance(of: wallet.id) == Balance(creditsPosted: 5))
            }
        }
    }

    @Test func aTransferToAnAccountNotOpenIsAConflict() async throws {
        try await ScratchDatabase.withStore { store async throws in
            var work = UnitOfWork()
            work.billing.accounts = [Self.account(1)]
            work.billing.transfers = [.single(id: 1, debit: 1, credit: 2, amount: 5)]
            let kind = await storageErrorKind { try await store.commit(work) }
            #expect(kind == .conflict)
            #expect(try await store.billingAccounts().isEmpty, "nothing commits")
            #expect(try await store.lastLedgerTimestamp() == nil)
        }
    }
}
