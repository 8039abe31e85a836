/// The labor part of a ``UnitOfWork``: time entries written or deleted, employee rates set.
public struct LaborChanges: CapabilityChanges {
    /// Time entries to insert or replace (with the revision each change was based on).
    public var timeEntryWrites: [TimeEntryWrite] = []
    /// Time entries to remove.
    public var timeEntryDeletions: [TimeEntryDeletion] = []
    /// Employee rates to insert or replace, keyed by employee and `validFrom`.
    public var employeeRates: [EmployeeRate] = []

    /// No changes.
    public init() {}

    public var isEmpty: Bool { timeEntryWrites.isEmpty && timeEntryDeletions.isEmpty && employeeRates.isEmpty }

    public func forEachConflictKey(_ body: (ConflictKey) -> Void) {
        for write in timeEntryWrites {
            body(.timeEntry(write.entry.id))
            body(.ticket(write.entry.ticketID))
        }
        for deletion in timeEntryDeletions { body(.timeEntry(deletion.id)) }
    }

    // The keys units have carried since labor was introduced.
    private enum CodingKeys: String, CodingKey { case timeEntryWrites, timeEntryDeletions, employeeRates }

    /// Decodes leniently: a missing list is empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        timeEntryWrites = try container.decodeIfPresent([TimeEntryWrite].self, forKey: .timeEntryWrites) ?? []
        timeEntryDeletions = try container.decodeIfPresent([TimeEntryDeletion].self, forKey: .timeEntryDeletions) ?? []
        employeeRates = try container.decodeIfPresent([EmployeeRate].self, forKey: .employeeRates) ?? []
    }

    /// Encodes only the non-empty lists.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if !timeEntryWrites.isEmpty { try container.encode(timeEntryWrites, forKey: .timeEntryWrites) }
        if !timeEntryDeletions.isEmpty { try container.encode(timeEntryDeletions, forKey: .timeEntryDeletions) }
        if !employeeRates.isEmpty { try container.encode(employeeRates, forKey: .employeeRates) }
    }
}

extension UnitOfWork {
    /// Time entries to insert or replace (``LaborChanges/timeEntryWrites``).
    public var timeEntryWrites: [TimeEntryWrite] {
        get { self[LaborChanges.self].timeEntryWrites }
        set { self[LaborChanges.self].timeEntryWrites = newValue }
    }

    /// Time entries to remove (``LaborChanges/timeEntryDeletions``).
    public var timeEntryDeletions: [TimeEntryDeletion] {
        get { self[LaborChanges.self].timeEntryDeletions }
        set { self[LaborChanges.self].timeEntryDeletions = newValue }
    }

    /// Employee rates to insert or replace (``LaborChanges/employeeRates``).
    public var employeeRates: [EmployeeRate] {
        get { self[LaborChanges.self].employeeRates }
        set { self[LaborChanges.self].employeeRates = newValue }
    }
}

extension StoreImage {
    /// Time entries and employee rates.
    public var labor: LaborImage {
        get { capabilities[LaborImage.self] }
        set { capabilities[LaborImage.self] = newValue }
    }
}

extension Capability {
    /// Labor: time entries and employee rates.
    static let labor = Capability(name: "labor", tables: LaborTables.self)
}

extension HelpDesk {
    /// Runs `read` on the store's labor repository (``HelpDeskError/Reason/storeLacksFeature(_:)``
    /// without one), turning adapter failures into ``HelpDeskError/storage(_:)``.
    func labor<Value>(_ read: (any LaborRepository) async throws -> Value) async throws(HelpDeskError) -> Value {
        let repository = try feature((any LaborRepository).self)
        return try await storage { try await read(repository) }
    }
}
