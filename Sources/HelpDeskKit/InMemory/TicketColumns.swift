import Foundation

/// A ticket table's filter and sort columns, one entry per row: interned keys, raw numbers and
/// folded titles, so a filtered, sorted page over a million tickets is a tight loop over integers.
struct TicketColumns: Sendable {
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
    /// ``TicketSLA/nextDueAt`` as a reference-date interval; ``noDue`` when none.
    private(set) var slaDue: [Double] = []
    /// ``SLACondition`` position in `allCases`.
    private(set) var slaCondition: [UInt8] = []
    /// Folded titles; a bulk load folds them separately, side by side with the other columns.
    var foldedTitles = TextColumn()

    /// Empty columns.
    init() {}

    /// The columns of `rows`, all but the folded titles.
    ///
    /// - Complexity: O(*n*); every column is sized up front.
    init(bulkWithoutTitles rows: UnsafeBufferPointer<Ticket>) {
        let count = rows.count
        for column in [\Self.status, \.category, \.assignee, \.group, \.requester, \.company, \.location, \.contract] {
            self[keyPath: column] = [Int32](repeating: 0, count: count)
        }
        priority = [UInt8](repeating: 0, count: count)
        channel = [UInt8](repeating: 0, count: count)
        slaCondition = [UInt8](repeating: 0, count: count)
        created = [Double](repeating: 0, count: count)
        updated = [Double](repeating: 0, count: count)
        slaDue = [Double](repeating: 0, count: count)
        number = [Int](repeating: 0, count: count)
        for row in rows.indices { set(row, from: rows[row]) }
    }

    /// Appends the columns of a new last row.
    mutating func append(_ ticket: borrowing Ticket) {
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
        set(status.count - 1, from: ticket)
    }

    /// Replaces the columns of `row` with those of `ticket`, whose title was `oldTitle`.
    mutating func replace(_ row: Int, with ticket: borrowing Ticket, oldTitle: String) {
        if oldTitle != ticket.title { foldedTitles.set(ticket.title, at: row) }
        set(row, from: ticket)
    }

    private mutating func set(_ index: Int, from ticket: borrowing Ticket) {
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
