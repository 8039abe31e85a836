/// What ``FileStore/open(at:options:)`` found and repaired.
public struct RecoveryReport: Hashable, Sendable {
    /// A damaged journal tail that was cut off: the last append was interrupted by a crash.
    public struct TruncatedTail: Hashable, Sendable {
        /// The segment's file name.
        public var file: String
        /// Offset where the damaged record began (the segment's new length).
        public var offset: Int
        /// Bytes removed.
        public var discardedBytes: Int
        /// What was wrong with the record.
        public var reason: String
    }

    /// Sequence of the last record included in the loaded snapshot (0 without a snapshot).
    public var snapshotSequence: UInt64 = 0
    /// Journal records replayed on top of the snapshot.
    public var replayedRecords = 0
    /// Sequence of the last durable record.
    public var lastSequence: UInt64 = 0
    /// The torn tail removed from the last journal segment, if any.
    public var truncatedTail: TruncatedTail?
    /// Unfinished temporary files (an interrupted snapshot or segment creation) that were deleted.
    public var removedTemporaryFiles: [String] = []
    /// Journal segments and snapshots made obsolete by the loaded snapshot and deleted.
    public var removedObsoleteFiles: [String] = []
    /// `true` when a damaged `LOCK` file was rebuilt (it holds no data).
    public var rebuiltLock = false

    /// `true` when opening changed nothing a host should hear about: no tail was cut and no
    /// file was rebuilt or deleted.
    public var isClean: Bool {
        truncatedTail == nil && !rebuiltLock && removedTemporaryFiles.isEmpty && removedObsoleteFiles.isEmpty
    }

    /// What opening did, one sentence per line, for a log or an operator.
    public var lines: [String] {
        var lines = [
            snapshotSequence == 0
                ? "Replayed \(replayedRecords) journal records; the last is record \(lastSequence)."
                : "Loaded the snapshot of records 1...\(snapshotSequence) and replayed \(replayedRecords) journal "
                    + "records; the last is record \(lastSequence)."
        ]
        if let tail = truncatedTail {
            lines.append(
                "Cut \(tail.discardedBytes) bytes from \(tail.file) at offset \(tail.offset): \(tail.reason). "
                    + "That write was never acknowledged; record \(lastSequence) is the last one kept.")
        }
        if rebuiltLock { lines.append("Rebuilt the damaged LOCK file (it holds no data).") }
        if !removedTemporaryFiles.isEmpty {
            lines.append("Deleted unfinished files: \(removedTemporaryFiles.joined(separator: ", ")).")
        }
        if !removedObsoleteFiles.isEmpty {
            lines.append("Deleted files the snapshot replaces: \(removedObsoleteFiles.joined(separator: ", ")).")
        }
        return lines
    }
}

/// Tuning of a ``FileStore``.
public struct FileStoreOptions: Hashable, Sendable {
    /// Journal segment size, in bytes, beyond which the store writes a snapshot and starts a new segment.
    public var snapshotThreshold: Int

    /// Options with a snapshot every `snapshotThreshold` bytes of journal (64 MiB by default).
    public init(snapshotThreshold: Int = 64 << 20) {
        self.snapshotThreshold = snapshotThreshold
    }
}
