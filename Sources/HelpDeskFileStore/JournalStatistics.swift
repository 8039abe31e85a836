/// What a ``FileStore`` handle has journaled since it was opened: how well group commit shares
/// its syncs (``unitsPerSync``).
public struct JournalStatistics: Hashable, Sendable {
    /// Units of work made durable (rejected and empty units are not journaled).
    public var units = 0
    /// Journal syncs that made them durable (one per group).
    public var syncs = 0

    /// Units made durable per sync on average; 0 before the first sync.
    public var unitsPerSync: Double {
        syncs == 0 ? 0 : Double(units) / Double(syncs)
    }
}
