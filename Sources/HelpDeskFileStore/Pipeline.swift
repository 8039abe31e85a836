import HelpDeskKit

/// The writer queue of a ``FileStore``: requests waiting for the single active writer.
struct Pipeline: Sendable {
    /// Whether the handle still serves calls.
    enum Status: Sendable {
        case open
        /// A write or sync failed; nothing is served afterwards.
        case failed(StorageError)
        case closed

        var isOpen: Bool {
            if case .open = self { true } else { false }
        }

        /// The error every call gets in this status, or `nil` while open.
        var error: StorageError? {
            switch self {
            case .open: nil
            case .failed(let cause):
                StorageError(.unavailable, "the file store failed earlier and is unusable: \(cause)")
            case .closed: StorageError(.unavailable, "the file store is closed")
            }
        }
    }

    /// A unit waiting for the writer, with everything its caller could prepare off the writer's
    /// thread: the record payload and the conflict keys.
    ///
    /// Unchecked `Sendable`: the unit is a `var` only so it can be lent in place (``withUnit(_:)``);
    /// it is set before the commit is shared and never changed.
    final class Commit: @unchecked Sendable {
        /// The unit. Lent through ``withUnit(_:)``: read as a value, it would be copied out for
        /// every call, retaining each of its lists.
        private var unit: UnitOfWork
        /// The encoded record payload.
        let payload: [UInt8]
        /// Hash values of the unit's ``UnitOfWork/conflictKeys``: equal keys always meet; a
        /// rare collision of unequal ones only defers a unit to the next group.
        let keys: [Int]
        /// Hash values of the records the unit's preconditions read: checked against claimed
        /// keys, never claimed (readers share a group).
        let readKeys: [Int]
        /// Resumed once the unit is durable and applied, or rejected.
        let continuation: UnsafeContinuation<Void, any Error>

        /// Lends the unit in place to `body`, which must not change it.
        func withUnit<Result, Failure: Error>(
            _ body: (inout UnitOfWork) throws(Failure) -> Result
        ) throws(Failure) -> Result {
            try body(&unit)
        }

        init(
            work: consuming UnitOfWork, payload: [UInt8], keys: [Int], readKeys: [Int],
            continuation: UnsafeContinuation<Void, any Error>
        ) {
            unit = work
            self.payload = payload
            self.keys = keys
            self.readKeys = readKeys
            self.continuation = continuation
        }
    }

    /// Work for the writer.
    enum Request: Sendable {
        /// A unit to validate, journal and apply.
        case commit(Commit)
        /// Write a snapshot now.
        case snapshot(CheckedContinuation<Void, any Error>)
        /// The background snapshot has ended: the writer collects its outcome (``SnapshotState``).
        case snapshotEnded
        /// Finish queued work, then close.
        case close(CheckedContinuation<Void, Never>)
    }

    var status = Status.open
    var queue: [Request] = []
    /// `true` while the writer is draining the queue on the I/O queue.
    var draining = false

    /// Queues `request`; returns `true` when the caller must start a writer. Fails the request
    /// at once when the handle is not open.
    mutating func enqueue(_ request: Request) -> Bool {
        if let error = status.error {
            Self.fail(request, with: error)
            return false
        }
        queue.append(request)
        if draining { return false }
        draining = true
        return true
    }

    /// Takes every queued request, or stops the writer when there are none.
    mutating func takeAll() -> [Request]? {
        if queue.isEmpty {
            draining = false
            return nil
        }
        defer { queue = [] }
        return queue
    }

    /// Resumes `request` with `error` (a close request simply completes).
    static func fail(_ request: Request, with error: StorageError) {
        switch request {
        case .commit(let commit): commit.continuation.resume(throwing: error)
        case .snapshot(let continuation): continuation.resume(throwing: error)
        case .snapshotEnded: break
        case .close(let continuation): continuation.resume()
        }
    }
}
