import Foundation
import HelpDeskKit
import Synchronization

/// A durable ``HelpDeskStore`` in one directory: an append-only, checksummed journal of units of
/// work plus periodic snapshots, with the live state held in an embedded ``InMemoryStore``.
///
/// A commit returns only after its journal record is on stable storage (concurrent commits share
/// one sync); it becomes visible to readers only then. Any I/O failure while writing is fatal for
/// the handle: that commit fails with `.ioFailure` and every later call with `.unavailable`.
/// See Documentation/Storage.md for the format and the guarantees.
public final class FileStore: HelpDeskStore {
    /// The store directory.
    public let directory: URL
    /// What opening the store found and repaired.
    public let recovery: RecoveryReport
    /// The options the store was opened with.
    public let options: FileStoreOptions

    /// The live state; changed only by the writer, after a record is durable.
    let memory: InMemoryStore
    /// The blobs (attachments, raw mail), in the `blobs` directory beside the journal.
    let blobs: FileBlobStore
    /// The journal and snapshot files; used only by the active writer.
    let writer: JournalWriter
    /// Queue of commits and the handle's status.
    let pipeline = Mutex(Pipeline())
    /// Where blocking file calls run, off the cooperative thread pool.
    let io = DispatchQueue(label: "HelpDeskFileStore.io")
    /// Descriptor of the held LOCK file.
    let lockFD: Int32
    /// Units and syncs journaled since open; updated by the writer once per group.
    let journaled = Mutex(JournalStatistics())
    /// The snapshot being written in the background, if any.
    let snapshots = Mutex(SnapshotState())
    /// Entered while a snapshot is written in the background.
    let snapshotWriting = DispatchGroup()
    /// Where snapshots are encoded and written, beside the writer.
    let snapshotQueue = DispatchQueue(label: "HelpDeskFileStore.snapshot")
    /// Called in the background before each snapshot file is written (tests hold or fail it here).
    let snapshotHook = Mutex<(@Sendable (UInt64) throws -> Void)?>(nil)
    /// Called by the writer before (`false`) and after (`true`) each group's journal write and
    /// sync; a throw fails the write there (tests inject sync failures whose outcome is unknown).
    let journalHook = Mutex<(@Sendable (_ written: Bool) throws -> Void)?>(nil)

    /// What this handle has journaled since it was opened.
    public var statistics: JournalStatistics { journaled.withLock { $0 } }

    init(
        directory: URL, options: FileStoreOptions, memory: InMemoryStore, blobs: FileBlobStore, writer: JournalWriter,
        lockFD: Int32, recovery: RecoveryReport
    ) {
        self.directory = directory
        self.options = options
        self.memory = memory
        self.blobs = blobs
        self.writer = writer
        self.lockFD = lockFD
        self.recovery = recovery
    }

    deinit {
        if pipeline.withLock({ $0.status.isOpen }) {
            writer.close()
            FileIO.unlockAndClose(lockFD)
        }
    }

    /// Throws `.unavailable` once the handle is closed or has failed.
    func checkAvailable() throws(StorageError) {
        if let error = pipeline.withLock({ $0.status.error }) { throw error }
    }

    // MARK: Tickets

    public func ticket(_ id: TicketID) async throws -> Ticket? {
        try checkAvailable()
        return try await memory.ticket(id)
    }

    public func ticket(number: TicketNumber) async throws -> Ticket? {
        try checkAvailable()
        return try await memory.ticket(number: number)
    }

    public func tickets(matching query: TicketQuery, workflow: Workflow) async throws -> TicketPage {
        try checkAvailable()
        return try await memory.tickets(matching: query, workflow: workflow)
    }

    public func postponedTickets(dueBy instant: Date) async throws -> [Ticket] {
        try checkAvailable()
        return try await memory.postponedTickets(dueBy: instant)
    }

    public func lastTicketNumber() async throws -> TicketNumber? {
        try checkAvailable()
        return try await memory.lastTicketNumber()
    }

    // MARK: Comments and audit

    public func comments(on ticket: TicketID) async throws -> [Comment] {
        try checkAvailable()
        return try await memory.comments(on: ticket)
    }

    public func auditTrail(of ticket: TicketID) async throws -> [AuditEntry] {
        try checkAvailable()
        return try await memory.auditTrail(of: ticket)
    }

    // MARK: Directory

    public func employee(_ id: EmployeeID) async throws -> Employee? {
        try checkAvailable()
        return try await memory.employee(id)
    }

    public func employees() async throws -> [Employee] {
        try checkAvailable()
        return try await memory.employees()
    }

    public func group(_ id: GroupID) async throws -> SupportGroup? {
        try checkAvailable()
        return try await memory.group(id)
    }

    public func groups() async throws -> [SupportGroup] {
        try checkAvailable()
        return try await memory.groups()
    }

    public func category(_ id: CategoryID) async throws -> ServiceCategory? {
        try checkAvailable()
        return try await memory.category(id)
    }

    public func categories() async throws -> [ServiceCategory] {
        try checkAvailable()
        return try await memory.categories()
    }

    // MARK: Outbox

    public func undeliveredEvents(limit: Int) async throws -> [OutboxEvent] {
        try checkAvailable()
        return try await memory.undeliveredEvents(limit: limit)
    }

    public func lastEventSequence() async throws -> UInt64 {
        try checkAvailable()
        return try await memory.lastEventSequence()
    }

    /// A consistent copy of every aggregate (see `InMemoryStore.image()`).
    public func image() throws(StorageError) -> StoreImage {
        try checkAvailable()
        return memory.image()
    }
}
