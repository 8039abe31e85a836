import DoubleEntry
import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Synchronization
import Testing

/// Regression tests for two integrity bugs (issue #14, point 7): a replayed top-up rewrote the
/// original transfer note, and deleting a company orphaned its ledger accounts and their balances.
@Suite("Billing integrity")
struct IntegrityTests {
    /// The store's whole image as canonical JSON, to compare stores byte for byte.
    static func bytes(of store: InMemoryStore) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(store.image())
    }

    // MARK: Replayed top-ups

    @Test func aReplayedTopUpLeavesTheOriginalNoteAndEverythingElseUntouched() async throws {
        let store = InMemoryStore()
        let f = try await BillingFixture.make(store: store)
        let id = try await f.desk.topUp(
            f.company.id, amount: BillingFixture.rub(1_000_00), paymentReference: "PP-1", by: f.anna)
        let original = try await store.billing.transferNotes([id])
        #expect(original.map(\.performer) == [f.anna])
        #expect(original.map(\.at) == [TestDesk.start])
        let before = try Self.bytes(of: store)
        let snapshot = try await f.test.snapshot()

        f.test.clock.advance(by: 86_400)
        let replay = try await f.desk.topUp(
            f.company.id, amount: BillingFixture.rub(1_000_00), paymentReference: "PP-1", by: .employee(f.test.boris.id)
        )
        #expect(replay == id)
        #expect(try await store.billing.transferNotes([id]) == original)
        #expect(try await f.test.snapshot() == snapshot)
        #expect(try Self.bytes(of: store) == before)
        #expect(try await f.wallet() == 1_000_00)
    }

    @Test func aReplayedTopUpCommitsNothing() async throws {
        let store = CountingStore()
        let f = try await BillingFixture.make(store: store)
        try await f.desk.topUp(f.company.id, amount: BillingFixture.rub(10_00), paymentReference: "PP-3", by: f.anna)
        let commits = store.commits
        f.test.clock.advance(by: 60)
        try await f.desk.topUp(f.company.id, amount: BillingFixture.rub(10_00), paymentReference: "PP-3", by: .system)
        #expect(store.commits == commits, "a durable adapter would journal a replay that changes nothing")
    }

    @Test func theStoreKeepsTheFirstNoteOfATransfer() async throws {
        let store = InMemoryStore()
        let f = try await BillingFixture.make(store: store)
        let id = try await f.desk.topUp(
            f.company.id, amount: BillingFixture.rub(5_00), paymentReference: "PP-2", by: f.anna)
        let original = try await store.billing.transferNotes([id])
        // An adapter-level replay (a unit carrying the same note again) does not rewrite it either.
        var work = UnitOfWork()
        work.billing.notes = [
            TransferNote(transferID: id, text: "PP-2", performer: .system, at: TestDesk.start.addingTimeInterval(60))
        ]
        try await store.commit(work)
        #expect(try await store.billing.transferNotes([id]) == original)
    }

    @Test func aReplayWithAnotherAmountIsRefusedAndChangesNothing() async throws {
        let store = InMemoryStore()
        let f = try await BillingFixture.make(store: store)
        try await f.desk.topUp(f.company.id, amount: BillingFixture.rub(1_000_00), paymentReference: "PP-1", by: f.anna)
        let before = try Self.bytes(of: store)
        f.test.clock.advance(by: 60)
        do {
            try await f.desk.topUp(
                f.company.id, amount: BillingFixture.rub(999_00), paymentReference: "PP-1", by: f.anna)
            Issue.record("a replay with another amount was accepted")
        } catch {
            guard case .ledger(.transferFailed(_, _, .existsWithDifferentFields)) = error.reason else {
                Issue.record("unexpected \(error)")
                return
            }
        }
        #expect(try Self.bytes(of: store) == before)
    }

    // MARK: Deleting companies with money open

    @Test func aCompanyWithAWalletBalanceCannotBeDeleted() async throws {
        let f = try await BillingFixture.make()
        try await f.desk.topUp(f.company.id, amount: BillingFixture.rub(100_00), paymentReference: "PP-1", by: f.anna)
        let before = try await f.test.snapshot()
        await #expect(
            throws: HelpDeskError.companyHasOpenBalance(f.company.id, accounts: [f.walletID()], unpaidPeriods: [])
        ) {
            try await f.desk.deleteCompany(f.company.id, by: .system)
        }
        #expect(try await f.test.snapshot() == before)
    }

    @Test func aCompanyThatOwesForAPeriodCannotBeDeleted() async throws {
        let f = try await ClientFixture.make()
        let contract = try await f.contract("A-1")
        let invoiced = try await f.period(contract, -10, 20, fee: 1_000_00, due: 5)
        let before = try await f.test.snapshot()
        let alphaReceivable = BillingAccount.id(company: f.alpha.id, role: .receivable, unit: .money(.rub))
        await #expect(
            throws: HelpDeskError.companyHasOpenBalance(
                f.alpha.id, accounts: [alphaReceivable], unpaidPeriods: [invoiced.id])
        ) {
            try await f.desk.deleteCompany(f.alpha.id, by: .system)
        }
        #expect(try await f.test.snapshot() == before)

        // Paid in full: the receivable is back to zero and nothing is owed, so Alpha may go.
        _ = try await f.desk.markServicePeriodPaid(invoiced.id, of: contract.id, by: .system)
        try await f.desk.deleteCompany(f.alpha.id, by: .system)
        await #expect(throws: HelpDeskError.companyNotFound(f.alpha.id)) {
            _ = try await f.desk.company(f.alpha.id, as: .system)
        }
        // Its zero-balance account stays in the ledger as closed history.
        let kept = try await f.desk.balance(of: f.alpha.id, in: .money(.rub), role: .receivable, as: .system)
        #expect(kept?.postedDebitsMinusCredits == 0)
        #expect(kept?.debitsPosted == 1_000_00)
        #expect(
            try await f.test.store.billing.billingAccounts().contains { $0.id == alphaReceivable && $0.companyID == f.alpha.id }
        )
    }

    @Test func uninvoicedPeriodsOweNothingAndGoWithTheirContract() async throws {
        let f = try await ClientFixture.make()
        let contract = try await f.contract("B-1", of: f.beta.id)
        // Past due but never invoiced (the ledger holds no receivable), and one not yet due.
        try await f.period(contract, -10, 20, fee: 500_00, due: -1, invoiced: false)
        try await f.period(contract, 20, 50, fee: 500_00, due: 25, invoiced: false)
        try await f.desk.deleteCompany(f.beta.id, by: .system)
        await #expect(throws: HelpDeskError.contractNotFound(contract.id)) {
            _ = try await f.desk.contract(contract.id, as: .system)
        }
        #expect(try await f.desk.balance(of: f.beta.id, in: .money(.rub), role: .receivable, as: .system) == nil)
    }

    @Test func anOpenReservationBlocksDeletionUntilResolved() async throws {
        let store = InMemoryStore()
        let f = try await BillingFixture.make(store: store)
        let wallet = BillingAccount.make(
            company: f.company.id, role: .wallet, unit: BillingFixture.rub, walletLimit: .debitsMustNotExceedCredits)
        let cash = BillingAccount.make(
            company: nil, role: .cash, unit: BillingFixture.rub, walletLimit: .debitsMustNotExceedCredits)
        var reserve = UnitOfWork()
        reserve.billing.accounts = [wallet, cash]
        reserve.billing.transfers = [.pending(id: 77, debit: cash.id, credit: wallet.id, amount: 50_00)]
        reserve.billing.postedAt = TestDesk.start
        try await store.commit(reserve)
        #expect(try await store.billing.ledgerBalance(of: wallet.id)?.creditsPending == 50_00)
        await #expect(
            throws: HelpDeskError.companyHasOpenBalance(f.company.id, accounts: [wallet.id], unpaidPeriods: [])
        ) {
            try await f.desk.deleteCompany(f.company.id, by: .system)
        }
        var release = UnitOfWork()
        release.billing.transfers = [.void(id: 78, pending: 77)]
        release.billing.postedAt = TestDesk.start.addingTimeInterval(1)
        try await store.commit(release)
        try await f.desk.deleteCompany(f.company.id, by: .system)
    }

    @Test func aCompanyWhoseBalanceReturnedToZeroMayBeDeleted() async throws {
        let f = try await BillingFixture.make()
        try await f.desk.topUp(f.company.id, amount: BillingFixture.rub(100_00), paymentReference: "PP-1", by: f.anna)
        try await f.desk.adjustBalance(f.company.id, by: BillingFixture.rub(-100_00), reason: "Refunded", by: f.anna)
        try await f.desk.deleteCompany(f.company.id, by: .system)
        let ledger = try f.test.store.ledger()
        #expect(ledger.balance(of: f.walletID())?.postedCreditsMinusDebits == 0)
        #expect(ledger.entryCount(of: f.walletID()) == 2, "the wallet's history stays")
        await #expect(throws: HelpDeskError.companyNotFound(f.company.id)) {
            _ = try await f.desk.statement(
                of: f.company.id, in: BillingFixture.rub, period: SafetyFixture.firstDay, as: .system)
        }
    }
}

/// An in-memory store that counts the units committed to it.
final class CountingStore: MemoryBackedStore {
    let backingStore = InMemoryStore()
    private let count = Mutex(0)

    /// Units committed so far.
    var commits: Int { count.withLock { $0 } }

    func ensureAvailable() throws(StorageError) {}

    func commit(_ work: UnitOfWork) async throws {
        try await backingStore.commit(work)
        count.withLock { $0 += 1 }
    }
}
