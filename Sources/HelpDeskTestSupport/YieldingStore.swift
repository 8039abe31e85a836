import HelpDeskKit

/// An in-memory store whose commits give up the engine's turn first, as a networked database's
/// round trip does: commands of one engine then interleave between their reads and their commit,
/// which the in-memory and file stores (answering at once) never let them do.
///
/// Run engine races on it to see what only a database adapter would otherwise show.
public final class YieldingStore: MemoryBackedStore {
    /// The live state.
    public let backingStore = InMemoryStore()
    /// How many times a commit yields before it applies.
    public let yields: Int

    /// A store yielding `yields` times per commit.
    public init(yields: Int = 3) {
        self.yields = yields
    }

    public func ensureAvailable() throws(StorageError) {}

    public func commit(_ work: UnitOfWork) async throws {
        for _ in 0..<yields { await Task.yield() }
        try await backingStore.commit(work)
    }
}
