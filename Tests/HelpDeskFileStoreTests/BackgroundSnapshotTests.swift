import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Synchronization
import Testing

@testable import HelpDeskFileStore

@Suite("Snapshots written beside the writer")
struct BackgroundSnapshotTests {
    /// Commits go on while a snapshot is written, and a crash before the snapshot is durable
    /// loses nothing: the old and the new segment are replayed.
    @Test(.timeLimit(.minutes(1)))
    func commitsGoOnWhileASnapshotIsWritten() async throws {
        let directory = freshDirectory("background")
        let crashParent = freshDirectory("background-crash")
        defer {
            removeDirectory(directory)
            removeDirectory(crashParent)
        }
        let store = try await openStore(at: directory, committing: 10)
        let gate = SnapshotGate(holding: store)
        let snapshot = Task { try await store.snapshot() }
        #expect(await gate.nextStart() == 10)
        // The snapshot is held before its file is written: these commits would wait forever if
        // commits still waited for snapshots.
        for index in 10..<25 { try await store.commit(smallUnit(index)) }
        let expected = try store.image()
        let crashCopy = crashParent.appendingPathComponent("copy")
        try FileManager.default.copyItem(at: directory, to: crashCopy)
        #expect(try storeFiles(in: crashCopy) == [FileFormat.journalName(1), FileFormat.journalName(11)])
        gate.release()
        try await snapshot.value

        #expect(try storeFiles(in: directory) == [FileFormat.journalName(11), FileFormat.snapshotName(10)])
        await store.close()
        try await expectReopening(directory, as: expected, fromSnapshot: 10, replaying: 15)

        try await expectReopening(crashCopy, as: expected, fromSnapshot: 0, replaying: 25)
    }

    /// A snapshot that cannot be written makes the handle unusable, as any failed write does;
    /// every acknowledged commit is still in the journal.
    @Test(.timeLimit(.minutes(1)))
    func aFailedSnapshotMakesTheHandleUnusable() async throws {
        let directory = freshDirectory("snapfail")
        defer { removeDirectory(directory) }
        let store = try await openStore(at: directory, committing: 5)
        let expected = try store.image()
        store.snapshotHook.withLock {
            $0 = { _ in throw FileStoreError.io(operation: "write", path: "test", errno: 5) }
        }

        try await requireStorageError(.ioFailure) { try await store.snapshot() }
        try await requireStorageError(.unavailable) { try await store.commit(smallUnit(5)) }
        #expect(throws: StorageError.self) { try store.image() }
        await store.close()

        try await expectReopening(directory, as: expected, fromSnapshot: 0, replaying: 5)
    }

    /// A `snapshot()` call made while a snapshot is written returns once every record committed
    /// before the call is in a durable snapshot: with the one being written when it holds them
    /// all, with the next one otherwise.
    @Test(.timeLimit(.minutes(1)))
    func snapshotCallsDuringASnapshot() async throws {
        let directory = freshDirectory("snapqueue")
        defer { removeDirectory(directory) }
        let store = try await openStore(at: directory, committing: 3)
        let gate = SnapshotGate(holding: store)
        let first = Task { try await store.snapshot() }
        #expect(await gate.nextStart() == 3)
        let same = Task { try await store.snapshot() }
        await waitUntil { store.snapshots.withLock { $0.waiters.count == 2 } }
        for index in 3..<5 { try await store.commit(smallUnit(index)) }
        let later = Task { try await store.snapshot() }
        await waitUntil { store.snapshots.withLock { $0.queued.count == 1 } }

        gate.release()
        #expect(await gate.nextStart() == 5)
        try await first.value
        try await same.value
        gate.release()
        try await later.value

        #expect(try storeFiles(in: directory) == [FileFormat.journalName(6), FileFormat.snapshotName(5)])
        await store.close()
        try await expectReopening(directory, fromSnapshot: 5, replaying: 0)
    }

    /// Closing waits for the snapshot being written, which the store then reopens from.
    @Test(.timeLimit(.minutes(1)))
    func closeWaitsForTheSnapshot() async throws {
        let directory = freshDirectory("snapclose")
        defer { removeDirectory(directory) }
        let store = try await openStore(at: directory, committing: 4)
        let expected = try store.image()
        let gate = SnapshotGate(holding: store)
        let snapshot = Task { try await store.snapshot() }
        #expect(await gate.nextStart() == 4)
        let closed = Mutex(false)
        let closing = Task {
            await store.close()
            closed.withLock { $0 = true }
        }
        try await Task.sleep(for: .milliseconds(50))
        #expect(!closed.withLock { $0 }, "close returned while the snapshot was still being written")
        gate.release()
        await closing.value
        try await snapshot.value

        try await expectReopening(directory, as: expected, fromSnapshot: 4, replaying: 0)
    }

    /// Sixteen writers commit while a tiny threshold starts snapshot after snapshot and callers ask
    /// for more: every acknowledged unit survives, old files go, and the store reopens to the same
    /// image from its last snapshot plus the segment after it.
    @Test(.timeLimit(.minutes(1)), arguments: [1, 2] as [UInt64])
    func snapshotsUnderConcurrentCommits(seed: UInt64) async throws {
        let directory = freshDirectory("snapstress")
        defer { removeDirectory(directory) }
        let store = try await FileStore.open(at: directory, options: FileStoreOptions(snapshotThreshold: 2_048))
        let tickets = TicketFixtures(seed: seed).tickets(count: 480, seed: seed)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<16 {
                group.addTask {
                    for index in stride(from: writer, to: tickets.count, by: 16) {
                        var work = UnitOfWork()
                        work.save(tickets[index], expectedRevision: nil)
                        try await store.commit(work)
                        if index % 50 == 0 { try await store.snapshot() }
                    }
                }
            }
            try await group.waitForAll()
        }
        let expected = try store.image()
        #expect(expected.tickets.count == tickets.count)
        #expect(store.statistics.units == tickets.count)
        try await store.snapshot()
        for index in 0..<3 { try await store.commit(smallUnit(index)) }
        let final = try store.image()
        await store.close()

        let files = try storeFiles(in: directory)
        #expect(files.count == 2, "one snapshot and the segment after it, not \(files)")
        try await expectReopening(directory, as: final, fromSnapshot: UInt64(tickets.count), replaying: 3)
    }
}

/// Holds each background snapshot of a store just before it is encoded, until released, and
/// reports the last record of each one that reaches it.
final class SnapshotGate: Sendable {
    private let starts: AsyncStream<UInt64>
    private let started: AsyncStream<UInt64>.Continuation
    private let releases = DispatchSemaphore(value: 0)

    init(holding store: FileStore) {
        (starts, started) = AsyncStream.makeStream()
        store.snapshotHook.withLock { hook in
            hook = { [started, releases] sequence in
                started.yield(sequence)
                releases.wait()
            }
        }
    }

    /// The last record of the next snapshot to reach the gate.
    func nextStart() async -> UInt64? {
        var iterator = starts.makeAsyncIterator()
        return await iterator.next()
    }

    /// Lets one held snapshot go on.
    func release() {
        releases.signal()
    }
}

/// A file store opened in `directory` with `count` small units committed (records 1…`count`).
func openStore(at directory: URL, committing count: Int) async throws -> FileStore {
    let store = try await FileStore.open(at: directory)
    for index in 0..<count { try await store.commit(smallUnit(index)) }
    return store
}

/// Opens the closed store in `directory` and expects its image (when given), the snapshot it
/// loaded and how many journal records it replayed after it.
func expectReopening(
    _ directory: URL, as image: StoreImage? = nil, fromSnapshot snapshot: UInt64, replaying records: Int,
    sourceLocation: SourceLocation = #_sourceLocation
) async throws {
    let reopened = try await reopening(directory)
    if let image { #expect(reopened.image == image, sourceLocation: sourceLocation) }
    #expect(reopened.recovery.snapshotSequence == snapshot, sourceLocation: sourceLocation)
    #expect(reopened.recovery.replayedRecords == records, sourceLocation: sourceLocation)
}

/// The journal segments and snapshots in `directory`, sorted.
func storeFiles(in directory: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory.path)
        .filter { $0.hasPrefix("journal-") || $0.hasPrefix("snapshot-") }
        .sorted()
}

/// Yields until `condition` holds.
func waitUntil(_ condition: () -> Bool) async {
    while !condition() { try? await Task.sleep(for: .milliseconds(1)) }
}
