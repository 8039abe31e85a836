import DoubleEntry
import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Synchronization
import Testing

/// Regression tests for integrity bugs (issue #14, point 7): a replayed top-up rewrote the
/// original transfer note.
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
        let id = try await f.desk.topUp(f.company.id, amount: BillingFixture.rub(1_000_00), paymentReference: "PP-1", by: f.anna)
        let original = try await store.transferNotes([id])
        #expect(original.map(\.performer) == [f.anna])
        #expect(original.map(\.at) == [TestDesk.start])
        let before = try Self.bytes(of: store)
        let snapshot = try await f.test.snapshot()

        f.test.clock.advance(by: 86_400)
        let replay = try await f.desk.topUp(
            f.company.id, amount: BillingFixture.rub(1_000_00), paymentReference: "PP-1", by: .employee(f.test.boris.id))
        #expect(replay == id)
        #expect(try await store.transferNotes([id]) == original)
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
        let id = try await f.desk.topUp(f.company.id, amount: BillingFixture.rub(5_00), paymentReference: "PP-2", by: f.anna)
        let original = try await store.transferNotes([id])
        // An adapter-level replay (a unit carrying the same note again) does not rewrite it either.
        var work = UnitOfWork()
        work.billing.notes = [TransferNote(transferID: id, text: "PP-2", performer: .system, at: TestDesk.start.addingTimeInterval(60))]
        try await store.commit(work)
        #expect(try await store.transferNotes([id]) == original)
    }

    @Test func aReplayWithAnotherAmountIsRefusedAndChangesNothing() async throws {
        let store = InMemoryStore()
        let f = try await BillingFixture.make(store: store)
        try await f.desk.topUp(f.company.id, amount: BillingFixture.rub(1_000_00), paymentReference: "PP-1", by: f.anna)
        let before = try Self.bytes(of: store)
        f.test.clock.advance(by: 60)
        do {
            try await f.desk.topUp(f.company.id, amount: BillingFixture.rub(999_00), paymentReference: "PP-1", by: f.anna)
            Issue.record("a replay with another amount was accepted")
        } catch {
            guard case .ledger(.transferFailed(_, _, .existsWithDifferentFields)) = error else {
                Issue.record("unexpected \(error)")
                return
            }
        }
        #expect(try Self.bytes(of: store) == before)
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
