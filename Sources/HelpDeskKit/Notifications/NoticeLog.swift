import Foundation

/// The recent automatic notices to one recipient or on one ticket, kept for loop protection.
public struct NoticeLog: Hashable, Sendable, Codable {
    /// What it counts: `recipient:<address>`, `recipient:<client>` or `ticket:<id>`.
    public let key: String
    /// When each notice went out, oldest first; sends older than the longest window are dropped.
    public var sentAt: [Date]
    /// Incremented by every committed change; adapters use it for optimistic concurrency.
    public var revision: Int

    /// Describes a log.
    public init(key: String, sentAt: [Date], revision: Int = 1) {
        self.key = key
        self.sentAt = sentAt
        self.revision = revision
    }
}

/// Reads loop-protection logs. Writes go through a ``UnitOfWork`` (``NotificationChanges``).
public protocol NoticeLogRepository: Sendable {
    /// The log with `key`, or `nil`.
    func noticeLog(_ key: String) async throws -> NoticeLog?
    /// Every log, by key.
    func noticeLogs() async throws -> [NoticeLog]
}

/// A log in a unit of work, with the revision it was based on.
public struct NoticeLogWrite: Hashable, Sendable, Codable {
    /// The log as it must be stored.
    public var log: NoticeLog
    /// The stored revision the change was computed from; `nil` for a first log.
    public var expectedRevision: Int?

    /// Describes a write.
    public init(log: NoticeLog, expectedRevision: Int?) {
        self.log = log
        self.expectedRevision = expectedRevision
    }
}

/// The notifications part of a ``UnitOfWork``: loop-protection logs.
public struct NotificationChanges: CapabilityChanges {
    /// Logs to write, each under the revision it was based on.
    public var logWrites: [NoticeLogWrite] = []

    /// No changes.
    public init() {}

    public var isEmpty: Bool { logWrites.isEmpty }

    public func forEachConflictKey(_ body: (ConflictKey) -> Void) {
        for write in logWrites { body(.record(kind: "noticeLog", id: write.log.key)) }
    }

    private enum CodingKeys: String, CodingKey {
        case noticeLogWrites
    }

    /// Decodes leniently: units written before notices existed have none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        logWrites = try container.decodeIfPresent([NoticeLogWrite].self, forKey: .noticeLogWrites) ?? []
    }

    /// Encodes the writes when there are any.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if !logWrites.isEmpty { try container.encode(logWrites, forKey: .noticeLogWrites) }
    }
}

extension UnitOfWork {
    /// Loop-protection logs to write (``NotificationChanges/logWrites``).
    public var noticeLogWrites: [NoticeLogWrite] {
        get { self[NotificationChanges.self].logWrites }
        set { self[NotificationChanges.self].logWrites = newValue }
    }
}

/// The loop-protection logs of a ``StoreImage``.
public struct NotificationImage: CapabilityImage {
    public static let key = "notifications"

    /// Every log, by key.
    public var logs: [NoticeLog]

    /// Describes the logs of an image.
    public init(logs: [NoticeLog]) { self.logs = logs }

    /// No logs.
    public init() { self.init(logs: []) }

    public var isEmpty: Bool { logs.isEmpty }

    private enum CodingKeys: String, CodingKey {
        case logs
    }

    /// Decodes leniently: snapshots written before notices existed have none.
    public init(from decoder: any Decoder) throws {
        logs = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent([NoticeLog].self, forKey: .logs) ?? []
    }
}

extension StoreImage {
    /// The desk's loop-protection logs.
    public var notifications: NotificationImage {
        get { capabilities[NotificationImage.self] }
        set { capabilities[NotificationImage.self] = newValue }
    }
}

/// The in-memory store's loop-protection logs.
struct NotificationTables: CapabilityTable {
    var logs: [String: NoticeLog] = [:]

    /// Checks each write against the stored revision (a first log must not exist yet).
    func validate(_ changes: NotificationChanges, of work: UnitOfWork, in store: InMemoryStore.State)
        throws(StorageError)
    {
        for write in changes.logWrites where logs[write.log.key]?.revision != write.expectedRevision {
            throw StorageError(
                .conflict,
                "notice log \(write.log.key) is at revision \(logs[write.log.key].map { String($0.revision) } ?? "none"), not \(write.expectedRevision.map(String.init) ?? "none")"
            )
        }
    }

    /// Applies the writes of a validated unit.
    mutating func apply(_ changes: NotificationChanges) {
        for write in changes.logWrites { logs[write.log.key] = write.log }
    }

    var image: NotificationImage { NotificationImage(logs: logs.values.sorted { $0.key < $1.key }) }

    init(image: NotificationImage) {
        for log in image.logs { logs[log.key] = log }
    }
}

extension InMemoryStore: NoticeLogRepository {
    public func noticeLog(_ key: String) async throws -> NoticeLog? {
        state.withLock { $0.table(NotificationTables.self).logs[key] }
    }

    public func noticeLogs() async throws -> [NoticeLog] {
        state.withLock { $0.table(NotificationTables.self).image.logs }
    }
}
