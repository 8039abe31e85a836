import Foundation
import HelpDeskKit
import HelpDeskTestSupport

/// One public command or read of ``HelpDesk``, run with valid arguments on Alpha's records (or on
/// nothing company-specific), as a given performer.
///
/// An active employee may run every entry; the tests run each one as hostile performers and as
/// Alpha's own contact and compare what happens with what the entry says should happen.
struct AccessEntry: Sendable, CustomStringConvertible {
    /// What a contact of Beta gets when it runs the entry on Alpha's records.
    enum ForeignOutcome: Sendable {
        /// ``HelpDeskError/Code/forbidden`` naming the contact.
        case forbidden
        /// Reported as not found, like a record that does not exist: reads of a ticket, and commands
        /// and internal reads on a ticket the performer may not even read (they must not reveal it).
        case hidden(@Sendable (AccessFixture) -> HelpDeskError)
        /// The read succeeds but returns exactly the tickets the performer may read that the query
        /// matches (ticket lists; see ``AccessFixture/sees(_:)``).
        case narrowed
        /// The read is not company-specific and clients may do it (the service catalog).
        case allowed
    }

    /// The declaration in the source, e.g. `ticket(_:as:)`: the completeness test matches these.
    let api: String
    /// What this entry does, e.g. `createTicket: at Alpha's office`.
    let label: String
    /// Beta's contact on Alpha's records.
    var foreign = ForeignOutcome.forbidden
    /// `true` when Alice, Alpha's own active contact (own tickets), may run the entry.
    var ownContact = false
    /// The error every client performer (contact or free-text) gets before its identity is even
    /// resolved, when the input itself is client-proof (an internal note).
    var clientRefusal: HelpDeskError?
    /// `true` when the entry acts on or reads one of Alpha's records (for the company-scoped policy).
    var concernsAlpha = false
    /// A known hole: why the call gets through although it should not (the owner fixes the engine).
    var hole: String?
    /// Runs the call; returns the tickets a read returned (empty for everything else).
    let run: @Sendable (AccessFixture, Performer) async throws -> [Ticket]

    var description: String { label }

    init(
        _ api: String, _ label: String, foreign: ForeignOutcome = .forbidden, ownContact: Bool = false,
        clientRefusal: HelpDeskError? = nil, concernsAlpha: Bool = false,
        hole: String? = nil,
        _ run: @escaping @Sendable (AccessFixture, Performer) async throws -> [Ticket]
    ) {
        self.api = api
        self.label = label
        self.foreign = foreign
        self.ownContact = ownContact
        self.clientRefusal = clientRefusal
        self.concernsAlpha = concernsAlpha
        self.hole = hole
        self.run = run
    }

    /// Runs a command or read whose result is not a ticket list.
    static func call(_ body: () async throws -> some Any) async throws -> [Ticket] {
        _ = try await body()
        return []
    }

}

/// Performers who must get nothing from any entry.
enum Hostile: String, CaseIterable, Sendable, CustomStringConvertible {
    /// A contact identifier nobody registered.
    case unknownContact
    /// Alpha's contact who has left.
    case inactiveContact
    /// An employee identifier nobody registered.
    case unknownEmployee
    /// The employee who has left.
    case inactiveEmployee
    /// Beta's active contact, acting on Alpha's records.
    case foreignContact

    var description: String { rawValue }

    var isContact: Bool { self == .unknownContact || self == .inactiveContact || self == .foreignContact }

    /// The performer, for `fixture` (unknown identifiers are random).
    func performer(_ fixture: AccessFixture) -> Performer {
        switch self {
        case .unknownContact: .contact(Identifier(UUID()))
        case .inactiveContact: .contact(fixture.alexei.id)
        case .unknownEmployee: .employee(Identifier(UUID()))
        case .inactiveEmployee: fixture.former
        case .foreignContact: fixture.asBob
        }
    }
}

/// One entry run as one hostile performer.
struct HostileCase: Sendable, CustomStringConvertible {
    let entry: AccessEntry
    let hostile: Hostile

    var description: String { "\(entry.label) — as \(hostile)" }

    /// Every entry with every hostile performer it can be expressed with.
    static func all(_ entries: [AccessEntry]) -> [HostileCase] {
        entries.flatMap { entry in
            Hostile.allCases.map {
                HostileCase(entry: entry, hostile: $0)
            }
        }
    }
}
