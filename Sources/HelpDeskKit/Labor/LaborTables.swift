import WorkingTime

/// The in-memory store's time entries and employee rates.
struct LaborTables: CapabilityTable {
    /// Every stored entry by identifier.
    var entries: [TimeEntryID: TimeEntry] = [:]
    /// Entry identifiers per ticket.
    var byTicket: [TicketID: Set<TimeEntryID>] = [:]
    /// Rates per employee, sorted by `validFrom`.
    var rates: [EmployeeID: [EmployeeRate]] = [:]

    /// Checks the labor part of `work`; a ticket it names must be stored or inserted by `work`.
    func validate(_ changes: LaborChanges, of work: UnitOfWork, in store: InMemoryStore.State) throws(StorageError) {
        func ticketExists(_ id: TicketID) -> Bool {
            store.tickets.row(of: id) != nil || work.writesTicket(id)
        }
        for write in changes.timeEntryWrites {
            let entry = write.entry
            switch (write.expectedRevision, entries[entry.id]) {
            case (nil, nil):
                guard ticketExists(entry.ticketID) else {
                    throw StorageError(.conflict, "ticket \(entry.ticketID) does not exist")
                }
            case (nil, .some):
                throw StorageError(.conflict, "time entry \(entry.id) already exists")
            case (.some, nil):
                throw StorageError(.conflict, "time entry \(entry.id) does not exist")
            case (let expected?, let current?):
                guard current.revision == expected else {
                    throw StorageError(
                        .conflict, "time entry \(entry.id) is at revision \(current.revision), not \(expected)")
                }
                guard current.ticketID == entry.ticketID, current.employeeID == entry.employeeID else {
                    throw StorageError(.conflict, "time entry \(entry.id) cannot move to another ticket or employee")
                }
            }
        }
        for deletion in changes.timeEntryDeletions {
            guard let current = entries[deletion.id] else {
                throw StorageError(.conflict, "time entry \(deletion.id) does not exist")
            }
            guard current.revision == deletion.expectedRevision else {
                throw StorageError(
                    .conflict,
                    "time entry \(deletion.id) is at revision \(current.revision), not \(deletion.expectedRevision)")
            }
        }
    }

    /// Applies the labor part of a validated unit: writes, then deletions, then rates.
    mutating func apply(_ changes: LaborChanges) {
        for write in changes.timeEntryWrites { insert(write.entry) }
        for deletion in changes.timeEntryDeletions {
            guard let removed = entries.removeValue(forKey: deletion.id) else { continue }
            byTicket[removed.ticketID]?.remove(removed.id)
        }
        for rate in changes.employeeRates { insert(rate) }
    }

    mutating func insert(_ entry: TimeEntry) {
        entries[entry.id] = entry
        byTicket[entry.ticketID, default: []].insert(entry.id)
    }

    mutating func insert(_ rate: EmployeeRate) {
        var history = rates[rate.employeeID] ?? []
        if let index = history.firstIndex(where: { $0.validFrom == rate.validFrom }) {
            history[index] = rate
        } else {
            history.append(rate)
            history.sort { $0.validFrom < $1.validFrom }
        }
        rates[rate.employeeID] = history
    }

    /// Entries matching `include`, in the standard order.
    ///
    /// - Complexity: O(*n* log *n*) over all entries; a database adapter indexes `work_date`.
    func entries(where include: (TimeEntry) -> Bool) -> [TimeEntry] {
        entries.values.filter(include).sorted(by: TimeEntry.areInIncreasingOrder)
    }

    /// The image part: entries sorted by identifier, rates by employee then `validFrom`.
    var image: LaborImage {
        LaborImage(
            timeEntries: entries.values.sorted { $0.id < $1.id },
            employeeRates: rates.keys.sorted().flatMap { rates[$0]! })
    }

    /// Tables holding exactly `image`.
    init(image: LaborImage) {
        for entry in image.timeEntries { insert(entry) }
        for rate in image.employeeRates { insert(rate) }
    }

}

/// The time entries and rates of a ``StoreImage``.
public struct LaborImage: CapabilityImage {
    public static let key = "labor"

    /// All time entries, sorted by identifier.
    public var timeEntries: [TimeEntry]
    /// All employee rates, by employee identifier then `validFrom`.
    public var employeeRates: [EmployeeRate]

    /// Describes the labor data of an image.
    public init(timeEntries: [TimeEntry] = [], employeeRates: [EmployeeRate] = []) {
        self.timeEntries = timeEntries
        self.employeeRates = employeeRates
    }

    /// No entries, no rates.
    public init() { self.init(timeEntries: [], employeeRates: []) }

    public var isEmpty: Bool { timeEntries.isEmpty && employeeRates.isEmpty }
}
