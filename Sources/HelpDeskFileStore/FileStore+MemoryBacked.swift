import HelpDeskKit

/// Reads the file store does not implement itself go to its in-memory state, so repositories
/// added to HelpDeskKit reach the file store without changes here.
extension FileStore: MemoryBackedStore {
    /// The in-memory state reads are served from.
    public var backingStore: InMemoryStore { memory }

    /// Throws once the handle is closed or has failed.
    public func ensureAvailable() throws(StorageError) {
        try checkAvailable()
    }
}
