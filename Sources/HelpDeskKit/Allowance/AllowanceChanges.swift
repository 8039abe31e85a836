/// The allowance part of a ``UnitOfWork``: service-period usage records written.
public struct AllowanceChanges: CapabilityChanges {
    /// Usage records to insert or replace, each under the revision it was based on.
    public var usageWrites: [AllowanceUsageWrite] = []

    /// No changes.
    public init() {}

    public var isEmpty: Bool { usageWrites.isEmpty }

    public func forEachConflictKey(_ body: (ConflictKey) -> Void) {
        for write in usageWrites { body(.record(kind: "allowance", id: AllowanceTables.key(of: write.usage))) }
    }

    private enum CodingKeys: String, CodingKey {
        case allowanceUsageWrites
    }

    /// Decodes leniently: units written before allowances existed have none.
    public init(from decoder: any Decoder) throws {
        usageWrites =
            try decoder.container(keyedBy: CodingKeys.self)
            .decodeIfPresent([AllowanceUsageWrite].self, forKey: .allowanceUsageWrites) ?? []
    }

    /// Encodes the writes only when there are some.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if !usageWrites.isEmpty { try container.encode(usageWrites, forKey: .allowanceUsageWrites) }
    }
}

extension UnitOfWork {
    /// Allowance usage records to write (``AllowanceChanges/usageWrites``).
    public var allowanceUsageWrites: [AllowanceUsageWrite] {
        get { self[AllowanceChanges.self].usageWrites }
        set { self[AllowanceChanges.self].usageWrites = newValue }
    }
}

/// The allowance usage records of a ``StoreImage``.
public struct AllowanceImage: CapabilityImage {
    public static let key = "allowances"

    /// Every usage record, sorted by contract, period and measure.
    public var usages: [AllowanceUsage]

    /// Describes the records of an image.
    public init(usages: [AllowanceUsage]) {
        self.usages = usages
    }

    /// No records.
    public init() { self.init(usages: []) }

    public var isEmpty: Bool { usages.isEmpty }

    private enum CodingKeys: String, CodingKey {
        case usages
    }

    /// Decodes leniently: snapshots written before allowances existed have none.
    public init(from decoder: any Decoder) throws {
        usages =
            try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent([AllowanceUsage].self, forKey: .usages)
            ?? []
    }
}

extension StoreImage {
    /// The allowance usage of every contract's service periods.
    public var allowances: AllowanceImage {
        get { capabilities[AllowanceImage.self] }
        set { capabilities[AllowanceImage.self] = newValue }
    }
}

extension Capability {
    /// Allowances: the included work of contracts' service periods, consumed by time entries.
    static let allowances = Capability(name: "allowances", tables: AllowanceTables.self)
}

extension HelpDesk {
    /// Runs `read` on the store's allowance repository (``HelpDeskError/Reason/storeLacksFeature(_:)``
    /// without one), turning adapter failures into ``HelpDeskError/storage(_:)``.
    func allowances<Value>(_ read: (any AllowanceRepository) async throws -> Value) async throws(HelpDeskError)
        -> Value
    {
        let repository = try feature((any AllowanceRepository).self)
        return try await storage { try await read(repository) }
    }
}
