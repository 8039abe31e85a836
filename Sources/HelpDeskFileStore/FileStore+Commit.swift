import Foundation
import HelpDeskKit

extension FileStore {
    /// Applies `work` atomically and durably: returns once its journal record is synced and the
    /// change is visible. Concurrent commits are validated in arrival order and share one sync.
    public func commit(_ work: UnitOfWork) async throws {
        guard !work.isEmpty else { return try checkAvailable() }
        let payload = try RecordCodec.encode(work)
        var keys: [Int] = []
        work.forEachConflictKey { keys.append($0.hashValue) }
        var readKeys: [Int] = []
        work.forEachPreconditionKey { readKeys.append($0.hashValue) }
        // Unsafe, not checked: the checked wrapper allocates and resumes through an extra atomic on
        // every commit, and each commit leaves the pipeline exactly once (rejected, failed or
        // applied), so it is resumed exactly once.
        try await withUnsafeThrowingContinuation { continuation in
            submit(
                .commit(
                    Pipeline.Commit(
                        work: work, payload: payload, keys: keys, readKeys: readKeys, continuation: continuation)))
        }
    }

    /// Snapshots every committed record: continues the journal in a new segment, writes the
    /// snapshot beside the writer (commits go on meanwhile) and returns once it is durable and the
    /// files it makes obsolete are deleted. The store also starts one whenever a segment passes
    /// ``FileStoreOptions/snapshotThreshold``.
    public func snapshot() async throws {
        try await withCheckedThrowingContinuation { continuation in submit(.snapshot(continuation)) }
    }

    /// Finishes queued commits, then releases the files and the lock; later calls fail with `.unavailable`.
    public func close() async {
        await withCheckedContinuation { continuation in submit(.close(continuation)) }
    }

    func submit(_ request: Pipeline.Request) {
        if pipeline.withLock({ $0.enqueue(request) }) {
            io.async { self.drain() }
        }
    }

    /// The single active writer, on the I/O queue: processes batches until the queue is empty.
    ///
    /// Everything from validation to the sync and the in-memory apply runs on this one thread,
    /// so an uncontended commit crosses threads only twice (to the writer and back to the caller).
    private func drain() {
        while let batch = pipeline.withLock({ $0.takeAll() }) {
            var group: [Pipeline.Commit] = []
            group.reserveCapacity(batch.count)
            for request in batch {
                if case .commit(let commit) = request {
                    group.append(commit)
                    continue
                }
                commitAll(group)
                group = []
                if let error = pipeline.withLock({ $0.status.error }) {
                    Pipeline.fail(request, with: error)
                    continue
                }
                switch request {
                case .snapshot(let continuation): requestSnapshot(continuation)
                case .snapshotEnded: collectSnapshot()
                case .close(let continuation):
                    finishSnapshots()
                    shutDown(.closed)
                    continuation.resume()
                case .commit: break
                }
            }
            commitAll(group)
            snapshotIfDue()
        }
    }

    /// Validates, journals with one sync, then applies a group of commits.
    ///
    /// Each unit is validated against the committed state with the in-memory store's own rules
    /// (``InMemoryStore/validate(_:)``); a unit whose ``UnitOfWork/conflictKeys`` meet an earlier
    /// accepted unit's waits for the next group, and so does a unit whose preconditions read a
    /// record such a unit writes (``UnitOfWork/forEachPreconditionKey(_:)``); so every accepted
    /// unit is valid after the others.
    private func commitAll(_ group: [Pipeline.Commit]) {
        var pending = group
        while !pending.isEmpty { pending = commitGroup(pending) }
    }

    /// Commits the independent units of `group` with one sync; returns the units deferred to the next group.
    private func commitGroup(_ group: [Pipeline.Commit]) -> [Pipeline.Commit] {
        if let error = pipeline.withLock({ $0.status.error }) {
            for commit in group { commit.continuation.resume(throwing: error) }
            return []
        }
        var claimed = Set<Int>()
        if group.count > 1 { claimed.reserveCapacity(group.count * 2) }
        var deferred: [Pipeline.Commit] = []
        var accepted: [Pipeline.Commit] = []
        accepted.reserveCapacity(group.count)
        var records = ByteWriter()
        records.bytes.reserveCapacity(group.reduce(0) { $0 + RecordFrame.size(payload: $1.payload.count) })
        for commit in group {
            if group.count > 1 {
                guard !commit.keys.contains(where: claimed.contains), !commit.readKeys.contains(where: claimed.contains)
                else {
                    deferred.append(commit)
                    continue
                }
            }
            do {
                try commit.withUnit { unit throws(StorageError) in try memory.validate(inPlace: &unit) }
            } catch {
                commit.continuation.resume(throwing: error)
                continue
            }
            if group.count > 1 { claimed.formUnion(commit.keys) }
            let tag = writer.nextSequence | (accepted.isEmpty ? Frame.writeStart : 0)
            commit.payload.withUnsafeBytes { RecordFrame.append(tag: tag, payload: $0, to: &records) }
            writer.nextSequence += 1
            accepted.append(commit)
        }
        guard !accepted.isEmpty else { return deferred }
        do {
            let hook = journalHook.withLock { $0 }
            try hook?(false)
            try writer.append(records.bytes)
            try hook?(true)
        } catch {
            let failure = StorageError(.ioFailure, "journal write failed, the store handle is now unusable: \(error)")
            shutDown(.failed(failure))
            for commit in accepted { commit.continuation.resume(throwing: failure) }
            return deferred
        }
        journaled.withLock { statistics in
            statistics.units += accepted.count
            statistics.syncs += 1
        }
        for commit in accepted { commit.withUnit { memory.applyValidated(inPlace: &$0) } }
        for commit in accepted { commit.continuation.resume() }
        return deferred
    }

    /// Marks the handle closed or failed, fails queued requests and releases the files.
    func shutDown(_ status: Pipeline.Status) {
        let (wasOpen, waiting) = pipeline.withLock { pipeline in
            let wasOpen = pipeline.status.isOpen
            if wasOpen { pipeline.status = status }
            defer { pipeline.queue = [] }
            return (wasOpen, pipeline.queue)
        }
        if let error = status.error {
            for request in waiting { Pipeline.fail(request, with: error) }
        }
        guard wasOpen else { return }
        // A snapshot still being written must end before the files and the lock are let go.
        finishSnapshots()
        writer.close()
        FileIO.unlockAndClose(lockFD)
    }
}
