import Foundation

/// The in-memory adapter's ticket storage: rows plus integer columns for fast scans.
///
/// Filters and sort keys are read from compact columns (interned keys, raw numbers, folded title
/// bytes) rather than from `Ticket` values, so a filtered, sorted page over a million tickets is a
/// tight loop.
struct TicketTable: Sendable {
    private(set) var rows: [Ticket] = []
    private var rowByID: [TicketID: Int32] = [:]
    private var rowByNumber = NumberIndex()

    private(set) var statusKeys = Interner<StatusCode>()
    private(set) var categoryKeys = Interner<CategoryID>()
    private(set) var assigneeKeys = Interner<EmployeeID>()
    private(set) var groupKeys = Interner<GroupID>()
    private(set) var requesterKeys = Interner<Requester>()
    private(set) var companyKeys = Interner<CompanyID>()
    private(set) var locationKeys = Interner<LocationID>()
    private(set) var contractKeys = Interner<ContractID>()

    private(set) var status: [Int32] = []
    private(set) var priority: [UInt8] = []
    private(set) var channel: [UInt8] = []
    private(set) var category: [Int32] = []
    private(set) var assignee: [Int32] = []
    private(set) var group: [Int32] = []
    private(set) var requester: [Int32] = []
    private(set) var company: [Int32] = []
    private(set) var location: [Int32] = []
    private(set) var contract: [Int32] = []
    private(set) var created: [Double] = []
    private(set) var updated: [Double] = []
    private(set) var number: [Int] = []
    /// ``TicketSLA/nextDueAt`` as a reference-date interval; `Date.distantFuture` when none.
    private(set) var slaDue: [Double] = []
    /// ``SLACondition`` position in `allCases`.
    private(set) var slaCondition: [UInt8] = []
    private(set) var foldedTitles = TextColumn()

    /// The highest ticket number, if any.
    private(set) var lastNumber: TicketNumber?

    /// Number of tickets.
    var count: Int { rows.count }

    /// An empty table.
    init() {}

    /// A table holding `tickets` (with distinct identifiers and numbers) in this order, built in
    /// one pass: the rows share `tickets`' storage and every column is sized up front.
    ///
    /// - Complexity: O(*n*).
    init(bulk tickets: [Ticket]) {
        let count = tickets.count
        rowByID.reserveCapacity(count)
        for column in [\TicketTable.status, \.category, \.assignee, \.group, \.requester, \.company, \.location, \.contract] {
            self[keyPath: column] = [Int32](repeating: 0, count: count)
        }
        priority = [UInt8](repeating: 0, count: count)
        channel = [UInt8](repeating: 0, count: count)
        slaCondition = [UInt8](repeating: 0, count: count)
        created = [Double](repeating: 0, count: count)
        updated = [Double](repeating: 0, count: count)
        slaDue = [Double](repeating: 0, count: count)
        number = [Int](repeating: 0, count: count)
        foldedTitles.reserveCapacity(rows: count, bytes: count * 32)
        // Indexing through the buffer borrows each row; subscripting the array copies it.
        tickets.withUnsafeBufferPointer { rows in
            for row in rows.indices { index(rows[row], at: row) }
        }
        rows = tickets
    }

    /// The row of the ticket with `id`.
    func row(of id: TicketID) -> Int? {
        rowByID[id].map(Int.init)
    }

    /// The ticket with `id`.
    func ticket(_ id: TicketID) -> Ticket? {
        rowByID[id].map { rows[Int($0)] }
    }

    /// The ticket with `number`.
    func ticket(number: TicketNumber) -> Ticket? {
        rowByNumber.row(of: number.rawValue).map { rows[Int($0)] }
    }

    /// `true` when a ticket with `number` exists.
    func contains(number: TicketNumber) -> Bool { rowByNumber.row(of: number.rawValue) != nil }

    /// Replaces the stored version of an existing ticket; returns its row.
    mutating func update(_ ticket: Ticket) -> Int {
        let index = Int(rowByID[ticket.id]!)
        if rows[index].title != ticket.title { foldedTitles.set(ticket.title, at: index) }
        rows[index] = ticket
        setColumns(at: index, from: ticket)
        return index
    }

    /// Appends a ticket whose identifier and number are new; returns its row.
    @discardableResult
    mutating func insert(_ ticket: Ticket) -> Int {
        let row = rows.count
        rowByID[ticket.id] = Int32(row)
        rowByNumber.insert(ticket.number.rawValue, row: Int32(row))
        lastNumber = max(lastNumber ?? ticket.number, ticket.number)
        status.append(0)
        priority.append(0)
        channel.append(0)
        category.append(0)
        assignee.append(0)
        group.append(0)
        requester.append(0)
        company.append(0)
        location.append(0)
        contract.append(0)
        created.append(0)
        updated.append(0)
        number.append(0)
        slaDue.append(0)
        slaCondition.append(0)
        foldedTitles.append(ticket.title)
        setColumns(at: row, from: ticket)
        rows.append(ticket)
        return row
    }

    /// Indexes a row of the bulk load.
    private mutating func index(_ ticket: borrowing Ticket, at row: Int) {
        rowByID[ticket.id] = Int32(row)
        rowByNumber.insert(ticket.number.rawValue, row: Int32(row))
        lastNumber = max(lastNumber ?? ticket.number, ticket.number)
        foldedTitles.append(ticket.title)
        setColumns(at: row, from: ticket)
    }

    private mutating func setColumns(at index: Int, from ticket: borrowing Ticket) {
        status[index] = statusKeys.key(for: ticket.status)
        priority[index] = UInt8(ticket.priority.rawValue)
        channel[index] = Self.key(of: ticket.channel)
        category[index] = categoryKeys.key(for: ticket.categoryID)
        assignee[index] = assigneeKeys.key(for: ticket.assigneeID)
        group[index] = groupKeys.key(for: ticket.groupID)
        requester[index] = requesterKeys.key(for: ticket.requester)
        company[index] = companyKeys.key(for: ticket.companyID)
        location[index] = locationKeys.key(for: ticket.locationID)
        contract[index] = contractKeys.key(for: ticket.contractID)
        created[index] = ticket.createdAt.timeIntervalSinceReferenceDate
        updated[index] = ticket.updatedAt.timeIntervalSinceReferenceDate
        number[index] = ticket.number.rawValue
        if let sla = ticket.sla {
            slaDue[index] = (sla.nextDueAt ?? .distantFuture).timeIntervalSinceReferenceDate
            slaCondition[index] = Self.key(of: sla.condition)
        } else {
            slaDue[index] = Self.noDue
            slaCondition[index] = Self.key(of: .none)
        }
    }

    /// The `slaDue` value of tickets without a running clock.
    static let noDue = Date.distantFuture.timeIntervalSinceReferenceDate

    /// Dense key of an SLA condition: its position in `SLACondition.allCases` (no hashing).
    static func key(of condition: SLACondition) -> UInt8 {
        switch condition {
        case .none: 0
        case .onTrack: 1
        case .atRisk: 2
        case .breached: 3
        case .met: 4
        }
    }

    /// Dense key of a channel: its position in `Channel.allCases` (no string hashing).
    static func key(of channel: Channel) -> UInt8 {
        switch channel {
        case .email: 0
        case .phone: 1
        case .webForm: 2
        case .portal: 3
        case .messenger: 4
        case .api: 5
        }
    }
}
