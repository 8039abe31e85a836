import Foundation

/// The in-memory adapter's ticket storage: rows, a lookup by identifier and number, and integer
/// columns for fast scans (see ``TicketColumns``).
struct TicketTable: Sendable {
    private(set) var rows: [Ticket] = []
    private var lookup = TicketLookup()
    private(set) var columns = TicketColumns()

    /// Number of tickets.
    var count: Int { rows.count }

    /// The highest ticket number, if any.
    var lastNumber: TicketNumber? { lookup.lastNumber }

    /// An empty table.
    init() {}

    /// A table holding `tickets` (with distinct identifiers and numbers) in this order: the rows
    /// share `tickets`' storage, and the lookup, the folded titles and the other columns are built
    /// side by side on all cores when the table is large.
    ///
    /// - Complexity: O(*n*).
    init(bulk tickets: [Ticket]) {
        var lookup = TicketLookup()
        var titles = TextColumn()
        var columns = TicketColumns()
        // The buffer lends each row to the builders; subscripting the array would copy it.
        tickets.withUnsafeBufferPointer { rows in
            Parallel.perform(
                [
                    { columns = TicketColumns(bulkWithoutTitles: rows) },
                    { titles = TextColumn(rows: rows.count) { rows[$0].title } },
                    { lookup = TicketLookup(bulk: rows) },
                ], concurrently: rows.count >= 16_384)
        }
        columns.foldedTitles = titles
        self.rows = tickets
        self.lookup = lookup
        self.columns = columns
    }

    /// The row of the ticket with `id`.
    func row(of id: TicketID) -> Int? { lookup.row(of: id) }

    /// The ticket with `id`.
    func ticket(_ id: TicketID) -> Ticket? { lookup.row(of: id).map { rows[$0] } }

    /// The ticket with `number`.
    func ticket(number: TicketNumber) -> Ticket? { lookup.row(of: number).map { rows[$0] } }

    /// `true` when a ticket with `number` exists.
    func contains(number: TicketNumber) -> Bool { lookup.row(of: number) != nil }

    /// Replaces the stored version of an existing ticket; returns its row.
    mutating func update(_ ticket: Ticket) -> Int {
        let row = lookup.row(of: ticket.id)!
        columns.replace(row, with: ticket, oldTitle: rows[row].title)
        rows[row] = ticket
        return row
    }

    /// Appends a ticket whose identifier and number are new; returns its row.
    @discardableResult
    mutating func insert(_ ticket: Ticket) -> Int {
        let row = rows.count
        lookup.insert(id: ticket.id, number: ticket.number, row: row)
        columns.append(ticket)
        rows.append(ticket)
        return row
    }
}
