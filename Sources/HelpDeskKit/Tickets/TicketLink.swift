/// How one ticket relates to another.
public enum LinkKind: String, CaseIterable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The other ticket is this ticket's parent.
    case parent
    /// The other ticket is a child (sub-task) of this ticket.
    case child
    /// The tickets are about related matters.
    case related
    /// This ticket duplicates the other one (it was merged into it).
    case duplicateOf
    /// The other ticket duplicates this one (it was merged into this).
    case duplicatedBy

    /// The kind seen from the other ticket's side.
    public var inverse: LinkKind {
        switch self {
        case .parent: .child
        case .child: .parent
        case .related: .related
        case .duplicateOf: .duplicatedBy
        case .duplicatedBy: .duplicateOf
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public var description: String { rawValue }
}

/// A link from a ticket to another ticket; links are always stored on both sides.
public struct TicketLink: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The relation, seen from the ticket that holds the link.
    public var kind: LinkKind
    /// The other ticket.
    public var ticketID: TicketID

    /// Creates a link.
    public init(_ kind: LinkKind, to ticketID: TicketID) {
        self.kind = kind
        self.ticketID = ticketID
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.kind != rhs.kind ? lhs.kind < rhs.kind : lhs.ticketID < rhs.ticketID
    }

    public var description: String { "\(kind):\(ticketID)" }
}
