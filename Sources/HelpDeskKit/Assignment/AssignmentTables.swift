/// The in-memory store's schedules, caps, round-robin cursors and routing.
struct AssignmentTables: CapabilityTable {
    var schedules: [EmployeeID: EmployeeSchedule] = [:]
    var cursors: [GroupID: RoundRobinCursor] = [:]
    var capacities: [EmployeeID: EmployeeCapacity] = [:]
    var routings: [GroupID: GroupRoutingRecord] = [:]

    /// Checks each cursor write against the stored revision: a first cursor must not exist yet, a
    /// change must be based on the stored revision. Schedules, caps and routing are replaced whole.
    func validate(_ changes: AssignmentChanges, of work: UnitOfWork, in store: InMemoryStore.State)
        throws(StorageError)
    {
        for write in changes.cursorWrites {
            let group = write.cursor.groupID
            switch (write.expectedRevision, cursors[group]) {
            case (nil, nil): continue
            case (nil, .some): throw StorageError(.conflict, "round-robin cursor of group \(group) already exists")
            case (.some, nil): throw StorageError(.conflict, "round-robin cursor of group \(group) does not exist")
            case (let expected?, let current?):
                guard current.revision == expected else {
                    throw StorageError(
                        .conflict, "round-robin cursor of group \(group) is at revision \(current.revision), not \(expected)")
                }
            }
        }
    }

    /// Applies the writes of a validated unit.
    mutating func apply(_ changes: AssignmentChanges) {
        for schedule in changes.schedules { schedules[schedule.employeeID] = schedule }
        for write in changes.cursorWrites { cursors[write.cursor.groupID] = write.cursor }
        for capacity in changes.capacities { capacities[capacity.employeeID] = capacity }
        for record in changes.routings { routings[record.groupID] = record }
    }

    var image: AssignmentImage {
        AssignmentImage(
            schedules: schedules.values.sorted { $0.employeeID < $1.employeeID },
            cursors: cursors.values.sorted { $0.groupID < $1.groupID },
            capacities: capacities.values.sorted { $0.employeeID < $1.employeeID },
            routings: routings.values.sorted { $0.groupID < $1.groupID })
    }

    init(image: AssignmentImage) {
        for schedule in image.schedules { schedules[schedule.employeeID] = schedule }
        for cursor in image.cursors { cursors[cursor.groupID] = cursor }
        for capacity in image.capacities { capacities[capacity.employeeID] = capacity }
        for record in image.routings { routings[record.groupID] = record }
    }
}

extension InMemoryStore: AssignmentRepository {
    public func employeeSchedule(of employee: EmployeeID) async throws -> EmployeeSchedule? {
        state.withLock { $0.table(AssignmentTables.self).schedules[employee] }
    }

    public func employeeSchedules() async throws -> [EmployeeSchedule] {
        state.withLock { $0.table(AssignmentTables.self).image.schedules }
    }

    public func roundRobinCursor(of group: GroupID) async throws -> RoundRobinCursor? {
        state.withLock { $0.table(AssignmentTables.self).cursors[group] }
    }

    public func roundRobinCursors() async throws -> [RoundRobinCursor] {
        state.withLock { $0.table(AssignmentTables.self).image.cursors }
    }

    public func employeeCapacity(of employee: EmployeeID) async throws -> EmployeeCapacity? {
        state.withLock { $0.table(AssignmentTables.self).capacities[employee] }
    }

    public func employeeCapacities() async throws -> [EmployeeCapacity] {
        state.withLock { $0.table(AssignmentTables.self).capacities.values.sorted { $0.employeeID < $1.employeeID } }
    }

    public func groupRouting(of group: GroupID) async throws -> GroupRoutingRecord? {
        state.withLock { $0.table(AssignmentTables.self).routings[group] }
    }

    public func groupRoutings() async throws -> [GroupRoutingRecord] {
        state.withLock { $0.table(AssignmentTables.self).routings.values.sorted { $0.groupID < $1.groupID } }
    }
}
