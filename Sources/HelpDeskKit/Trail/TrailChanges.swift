/// The trail part of a ``UnitOfWork``: entries to append.
public struct TrailChanges: CapabilityChanges {
    /// Entries to append, in order.
    public var entries: [TrailEntry] = []

    /// No changes.
    public init() {}

    public var isEmpty: Bool { entries.isEmpty }

    /// Entries are appended under fresh identifiers: each one is its own record.
    public func forEachConflictKey(_ body: (ConflictKey) -> Void) {
        for entry in entries { body(.record(kind: "trailEntry", id: entry.id.description)) }
    }

    private enum CodingKeys: String, CodingKey {
        case trailEntries
    }

    /// Decodes leniently: units written before the trail existed have none.
    public init(from decoder: any Decoder) throws {
        entries =
            try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent([TrailEntry].self, forKey: .trailEntries)
            ?? []
    }

    /// Encodes the entries only when there are some.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if !entries.isEmpty { try container.encode(entries, forKey: .trailEntries) }
    }
}

extension UnitOfWork {
    /// Trail entries to append (``TrailChanges/entries``).
    public var trailEntries: [TrailEntry] {
        get { self[TrailChanges.self].entries }
        set { self[TrailChanges.self].entries = newValue }
    }
}

/// The record trail of a ``StoreImage``.
public struct TrailImage: CapabilityImage {
    public static let key = "trail"

    /// Every entry, in commit order.
    public var entries: [TrailEntry]

    /// Describes the trail of an image.
    public init(entries: [TrailEntry]) {
        self.entries = entries
    }

    /// No entries.
    public init() { self.init(entries: []) }

    public var isEmpty: Bool { entries.isEmpty }

    private enum CodingKeys: String, CodingKey {
        case entries
    }

    /// Decodes leniently: snapshots written before the trail existed have none.
    public init(from decoder: any Decoder) throws {
        entries = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent([TrailEntry].self, forKey: .entries) ?? []
    }
}

extension StoreImage {
    /// The record trail.
    public var trail: TrailImage {
        get { capabilities[TrailImage.self] }
        set { capabilities[TrailImage.self] = newValue }
    }
}

extension Capability {
    /// The record trail: who changed client records, prices and accounts.
    static let trail = Capability(name: "trail", tables: TrailTables.self)
}
