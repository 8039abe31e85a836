import Foundation
import HelpDeskKit

/// The snapshot a ``FileStore`` is writing in the background: at most one at a time.
struct SnapshotState: Sendable {
    /// The last record the snapshot being written holds, if one is being written.
    var writing: UInt64?
    /// Callers of ``FileStore/snapshot()`` answered when the snapshot being written is durable.
    var waiters: [CheckedContinuation<Void, any Error>] = []
    /// Callers who asked after more records were committed: they get the next snapshot.
    var queued: [CheckedContinuation<Void, any Error>] = []
    /// How the snapshot being written ended, left here by the background task for the writer.
    var outcome: Result<UInt64, StorageError>?
}

extension FileStore {
    /// On the writer: answers a ``snapshot()`` call with the snapshot being written when it holds
    /// every committed record, with the next one when it does not, or at once when the newest
    /// durable snapshot is current.
    func requestSnapshot(_ continuation: CheckedContinuation<Void, any Error>) {
        let last = writer.nextSequence - 1
        let busy = snapshots.withLock { state in
            guard let writing = state.writing else { return false }
            if writing == last { state.waiters.append(continuation) } else { state.queued.append(continuation) }
            return true
        }
        guard !busy else { return }
        if last == writer.snapshotSequence { return continuation.resume() }
        startSnapshot(answering: [continuation])
    }

    /// On the writer, between groups: starts a snapshot once the open segment has grown past
    /// ``FileStoreOptions/snapshotThreshold`` and none is being written.
    func snapshotIfDue() {
        guard writer.segmentBytes >= options.snapshotThreshold, pipeline.withLock({ $0.status.isOpen }),
            snapshots.withLock({ $0.writing == nil })
        else { return }
        startSnapshot(answering: [])
    }

    /// On the writer, with every journaled record durable and applied: takes an image of the state
    /// (``InMemoryStore/detachedImage()``: the ticket rows copied at once on all cores, so no later
    /// commit pays a copy-on-write), continues the journal in a new segment, and leaves encoding
    /// and writing the snapshot to the snapshot queue, so commits go on meanwhile. Old segments
    /// are deleted only once the snapshot is durable; until then, opening replays them.
    private func startSnapshot(answering waiters: [CheckedContinuation<Void, any Error>]) {
        let sequence = writer.nextSequence - 1
        let image = memory.detachedImage()
        do {
            try writer.startSegment(after: sequence)
        } catch {
            let failure = StorageError(
                .ioFailure, "starting a journal segment failed, the store handle is now unusable: \(error)")
            shutDown(.failed(failure))
            for waiter in waiters { waiter.resume(throwing: failure) }
            return
        }
        snapshots.withLock { state in
            state.writing = sequence
            state.waiters = waiters
        }
        let (directory, segment) = (writer.directory, writer.segment)
        let hook = snapshotHook.withLock { $0 }
        snapshotWriting.enter()
        snapshotQueue.async {
            let outcome = Result { () throws(StorageError) -> UInt64 in
                do {
                    try hook?(sequence)
                    let bytes = try SnapshotCodec.encode(image, sequence: sequence)
                    _ = try JournalWriter.writeSnapshot(bytes, sequence: sequence, in: directory, keeping: segment)
                    return sequence
                } catch {
                    throw StorageError(.ioFailure, "snapshot failed, the store handle is now unusable: \(error)")
                }
            }
            self.snapshots.withLock { $0.outcome = outcome }
            self.snapshotWriting.leave()
            self.submit(.snapshotEnded)
        }
    }

    /// On the writer: takes the outcome of a background snapshot that has ended. A durable one
    /// answers its waiters (and starts the next if callers queued for it); a failed one makes the
    /// handle unusable, as any failed write does.
    func collectSnapshot() {
        let ended = snapshots.withLock { state -> (Result<UInt64, StorageError>, SnapshotState)? in
            guard let outcome = state.outcome else { return nil }
            defer { state = SnapshotState() }
            return (outcome, state)
        }
        guard let (outcome, state) = ended else { return }
        switch outcome {
        case .success(let sequence):
            writer.snapshotSequence = sequence
            for waiter in state.waiters { waiter.resume() }
            if let error = pipeline.withLock({ $0.status.error }) {
                for waiter in state.queued { waiter.resume(throwing: error) }
            } else if !state.queued.isEmpty {
                startSnapshot(answering: state.queued)
            }
        case .failure(let failure):
            shutDown(.failed(failure))
            for waiter in state.waiters + state.queued { waiter.resume(throwing: failure) }
        }
    }

    /// On the writer: waits until no snapshot is being written, collecting each as it ends.
    func finishSnapshots() {
        while snapshots.withLock({ $0.writing != nil }) {
            snapshotWriting.wait()
            collectSnapshot()
        }
    }
}
