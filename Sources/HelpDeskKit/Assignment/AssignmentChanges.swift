/// The assignment part of a ``UnitOfWork``: employees' schedules set and round-robin cursors moved.
public struct AssignmentChanges: CapabilityChanges {
    /// Schedules to insert or replace (one per employee; the last write wins).
    public var schedules: [EmployeeSchedule] = []
    /// Cursors to write, each under the revision it was based on.
    public var cursorWrites: [RoundRobinCursorWrite] = []

    /// No changes.
    public init() {}

    public var isEmpty: Bool { schedules.isEmpty && cursorWrites.isEmpty }

    public func forEachConflictKey(_ body: (ConflictKey) -> Void) {
        for schedule in schedules { body(.record(kind: "employeeSchedule", id: schedule.employeeID.description)) }
        for write in cursorWrites { body(.record(kind: "roundRobinCursor", id: write.cursor.groupID.description)) }
    }

    private enum CodingKeys: String, CodingKey {
        case employeeSchedules, roundRobinCursorWrites
    }

    /// Decodes leniently: units written before assignment strategies existed have none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schedules = try container.decodeIfPresent([EmployeeSchedule].self, forKey: .employeeSchedules) ?? []
        cursorWrites = try container.decodeIfPresent([RoundRobinCursorWrite].self, forKey: .roundRobinCursorWrites) ?? []
    }

    /// Encodes the parts that hold something.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if !schedules.isEmpty { try container.encode(schedules, forKey: .employeeSchedules) }
        if !cursorWrites.isEmpty { try container.encode(cursorWrites, forKey: .roundRobinCursorWrites) }
    }
}

extension UnitOfWork {
    /// Employees' schedules to write (``AssignmentChanges/schedules``).
    public var employeeSchedules: [EmployeeSchedule] {
        get { self[AssignmentChanges.self].schedules }
        set { self[AssignmentChanges.self].schedules = newValue }
    }

    /// Round-robin cursors to write (``AssignmentChanges/cursorWrites``).
    public var roundRobinCursorWrites: [RoundRobinCursorWrite] {
        get { self[AssignmentChanges.self].cursorWrites }
        set { self[AssignmentChanges.self].cursorWrites = newValue }
    }

    /// Writes `cursor`, replacing an earlier write of the same group's cursor in this unit (which
    /// keeps the revision the first write was based on).
    mutating func write(_ cursor: RoundRobinCursor, expectedRevision: Int?) {
        if let index = roundRobinCursorWrites.firstIndex(where: { $0.cursor.groupID == cursor.groupID }) {
            roundRobinCursorWrites[index].cursor = cursor
        } else {
            roundRobinCursorWrites.append(RoundRobinCursorWrite(cursor: cursor, expectedRevision: expectedRevision))
        }
    }
}

/// The schedules and cursors of a ``StoreImage``.
public struct AssignmentImage: CapabilityImage {
    public static let key = "assignment"

    /// Every schedule, by employee identifier.
    public var schedules: [EmployeeSchedule]
    /// Every cursor, by group identifier.
    public var cursors: [RoundRobinCursor]

    /// Describes the records of an image.
    public init(schedules: [EmployeeSchedule], cursors: [RoundRobinCursor]) {
        self.schedules = schedules
        self.cursors = cursors
    }

    /// No records.
    public init() { self.init(schedules: [], cursors: []) }

    public var isEmpty: Bool { schedules.isEmpty && cursors.isEmpty }

    private enum CodingKeys: String, CodingKey {
        case schedules, cursors
    }

    /// Decodes leniently: a missing list is empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schedules = try container.decodeIfPresent([EmployeeSchedule].self, forKey: .schedules) ?? []
        cursors = try container.decodeIfPresent([RoundRobinCursor].self, forKey: .cursors) ?? []
    }
}

extension StoreImage {
    /// Employees' working calendars and the groups' round-robin cursors.
    public var assignment: AssignmentImage {
        get { capabilities[AssignmentImage.self] }
        set { capabilities[AssignmentImage.self] = newValue }
    }
}

extension Capability {
    /// Assignment: employees' shifts and the groups' round-robin cursors.
    static let assignment = Capability(name: "assignment", tables: AssignmentTables.self)
}

extension HelpDesk {
    /// Runs `read` on the store's assignment repository (``HelpDeskError/Reason/storeLacksFeature(_:)``
    /// without one), turning adapter failures into ``HelpDeskError/storage(_:)``.
    func assignments<Value>(_ read: (any AssignmentRepository) async throws -> Value) async throws(HelpDeskError)
        -> Value
    {
        let repository = try feature((any AssignmentRepository).self)
        return try await storage { try await read(repository) }
    }
}
