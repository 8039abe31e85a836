/// Finds a ticket table's rows by identifier and by number.
struct TicketLookup: Sendable {
    private var rowByID: [TicketID: Int32] = [:]
    private var rowByNumber = NumberIndex()
    /// The highest ticket number, if any.
    private(set) var lastNumber: TicketNumber?

    /// An empty lookup.
    init() {}

    /// The lookup of `rows` (with distinct identifiers and numbers) in this order.
    ///
    /// - Complexity: O(*n*).
    init(bulk rows: UnsafeBufferPointer<Ticket>) {
        rowByID.reserveCapacity(rows.count)
        for row in rows.indices { insert(id: rows[row].id, number: rows[row].number, row: row) }
    }

    /// The row of the ticket with `id`.
    func row(of id: TicketID) -> Int? { rowByID[id].map(Int.init) }

    /// The row of the ticket with `number`.
    func row(of number: TicketNumber) -> Int? { rowByNumber.row(of: number.rawValue).map(Int.init) }

    /// Records a new ticket's row.
    mutating func insert(id: TicketID, number: TicketNumber, row: Int) {
        rowByID[id] = Int32(row)
        rowByNumber.insert(number.rawValue, row: Int32(row))
        lastNumber = max(lastNumber ?? number, number)
    }
}
