/// The assignment part of a ``UnitOfWork``: employees' schedules and caps set, round-robin cursors
/// moved, groups' routing set.
public struct AssignmentChanges: CapabilityChanges {
    /// Schedules to insert or replace (one per employee; the last write wins).
    public var schedules: [EmployeeSchedule] = []
    /// Cursors to write, each under the revision it was based on.
    public var cursorWrites: [RoundRobinCursorWrite] = []
    /// Employees' own caps to insert or replace (one per employee; the last write wins).
    public var capacities: [EmployeeCapacity] = []
    /// Groups' routing to insert or replace (one per group; the last write wins).
    public var routings: [GroupRoutingRecord] = []

    /// No changes.
    public init() {}

    public var isEmpty: Bool { schedules.isEmpty && cursorWrites.isEmpty && capacities.isEmpty && routings.isEmpty }

    public func forEachConflictKey(_ body: (ConflictKey) -> Void) {
        for schedule in schedules { body(.record(kind: "employeeSchedule", id: schedule.employeeID.description)) }
        for write in cursorWrites { body(.record(kind: "roundRobinCursor", id: write.cursor.groupID.description)) }
        for capacity in capacities { body(.record(kind: "employeeCapacity", id: capacity.employeeID.description)) }
        for record in routings { body(.record(kind: "groupRouting", id: record.groupID.description)) }
    }

    private enum CodingKeys: String, CodingKey {
        case employeeSchedules, roundRobinCursorWrites, employeeCapacities, groupRoutings
    }

    /// Decodes leniently: units written before assignment strategies (or caps and routing) existed
    /// have none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schedules = try container.decodeIfPresent([EmployeeSchedule].self, forKey: .employeeSchedules) ?? []
        cursorWrites = try container.decodeIfPresent([RoundRobinCursorWrite].self, forKey: .roundRobinCursorWrites) ?? []
        capacities = try container.decodeIfPresent([EmployeeCapacity].self, forKey: .employeeCapacities) ?? []
        routings = try container.decodeIfPresent([GroupRoutingRecord].self, forKey: .groupRoutings) ?? []
    }

    /// Encodes the parts that hold something.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if !schedules.isEmpty { try container.encode(schedules, forKey: .employeeSchedules) }
        if !cursorWrites.isEmpty { try container.encode(cursorWrites, forKey: .roundRobinCursorWrites) }
        if !capacities.isEmpty { try container.encode(capacities, forKey: .employeeCapacities) }
        if !routings.isEmpty { try container.encode(routings, forKey: .groupRoutings) }
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

    /// Employees' own caps to write (``AssignmentChanges/capacities``).
    public var employeeCapacities: [EmployeeCapacity] {
        get { self[AssignmentChanges.self].capacities }
        set { self[AssignmentChanges.self].capacities = newValue }
    }

    /// Groups' routing to write (``AssignmentChanges/routings``).
    public var groupRoutings: [GroupRoutingRecord] {
        get { self[AssignmentChanges.self].routings }
        set { self[AssignmentChanges.self].routings = newValue }
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

/// The schedules, caps, cursors and routing of a ``StoreImage``.
public struct AssignmentImage: CapabilityImage {
    public static let key = "assignment"

    /// Every schedule, by employee identifier.
    public var schedules: [EmployeeSchedule]
    /// Every cursor, by group identifier.
    public var cursors: [RoundRobinCursor]
    /// Every employee's own cap, by employee identifier.
    public var capacities: [EmployeeCapacity]
    /// Every group's routing, by group identifier.
    public var routings: [GroupRoutingRecord]

    /// Describes the records of an image.
    public init(
        schedules: [EmployeeSchedule], cursors: [RoundRobinCursor], capacities: [EmployeeCapacity] = [],
        routings: [GroupRoutingRecord] = []
    ) {
        self.schedules = schedules
        self.cursors = cursors
        self.capacities = capacities
        self.routings = routings
    }

    /// No records.
    public init() { self.init(schedules: [], cursors: []) }

    public var isEmpty: Bool { schedules.isEmpty && cursors.isEmpty && capacities.isEmpty && routings.isEmpty }

    private enum CodingKeys: String, CodingKey {
        case schedules, cursors, capacities, routings
    }

    /// Decodes leniently: a missing list is empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schedules = try container.decodeIfPresent([EmployeeSchedule].self, forKey: .schedules) ?? []
        cursors = try container.decodeIfPresent([RoundRobinCursor].self, forKey: .cursors) ?? []
        capacities = try container.decodeIfPresent([EmployeeCapacity].self, forKey: .capacities) ?? []
        routings = try container.decodeIfPresent([GroupRoutingRecord].self, forKey: .routings) ?? []
    }

    /// Encodes the lists that hold something (a snapshot from before caps and routing stays byte-equal).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schedules, forKey: .schedules)
        try container.encode(cursors, forKey: .cursors)
        if !capacities.isEmpty { try container.encode(capacities, forKey: .capacities) }
        if !routings.isEmpty { try container.encode(routings, forKey: .routings) }
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
    /// Assignment: employees' shifts and caps, the groups' round-robin cursors and routing; open
    /// loads noted per ticket change, backlogs drained before a unit commits and at every tick.
    static let assignment = Capability(
        name: "assignment", tables: AssignmentTables.self, ticketHooks: [.openLoad], tickHooks: [.backlogDrain],
        unitHooks: [.backlogDrain],
        impliedLanes: { work in
            // A moved cursor: this engine's assignments in its group take turns.
            work[AssignmentChanges.self].cursorWrites.map { HelpDesk.assignmentLane($0.cursor.groupID) }
        })
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
