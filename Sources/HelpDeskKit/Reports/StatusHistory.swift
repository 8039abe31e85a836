import Foundation

/// A ticket's status over time, read from its audit trail.
struct StatusHistory {
    /// Status category from registration until the first change.
    let initial: StatusCategory?
    /// Changes as (instant, old category, new category), ordered by instant (commit order on ties).
    let changes: [(at: Date, from: StatusCategory?, to: StatusCategory?)]

    /// The history of `ticket` from its audit `trail`, with categories from `workflow`.
    ///
    /// - Complexity: O(*e* log *e*) for *e* audit entries.
    init(ticket: Ticket, trail: [AuditEntry], workflow: Workflow) {
        let statusEntries = trail.enumerated().filter { $0.element.field == .status }
            .sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
        func category(_ code: String?) -> StatusCategory? { code.flatMap { workflow.category(of: StatusCode($0)) } }
        initial = statusEntries.first.map { category($0.oldValue) } ?? workflow.category(of: ticket.status)
        changes = statusEntries.map { ($0.at, category($0.oldValue), category($0.newValue)) }
    }

    /// The category in force at `instant`: after every change strictly before it.
    ///
    /// - Complexity: O(*e*).
    func category(at instant: Date) -> StatusCategory? {
        var current = initial
        for change in changes where change.at < instant { current = change.to }
        return current
    }

    /// Moves into `resolved` or `closed` from an active category (new, open, waiting).
    var resolutions: [Date] {
        changes.filter { Self.isActive($0.from) && ($0.to == .resolved || $0.to == .closed) }.map(\.at)
    }

    /// Moves from `resolved` back to an active category (a reopening).
    var reopenings: [Date] {
        changes.filter { $0.from == .resolved && Self.isActive($0.to) }.map(\.at)
    }

    /// `true` for new, open and waiting.
    static func isActive(_ category: StatusCategory?) -> Bool {
        category == .new || category == .open || category == .waiting
    }
}
