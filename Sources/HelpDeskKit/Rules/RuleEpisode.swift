import Foundation

/// The identifier of a rule episode.
public typealias RuleEpisodeID = Identifier<RuleEpisode>

/// A time rule fired on a ticket, and its conditions have held ever since: the record that keeps
/// the rule from firing on that ticket again.
///
/// ``HelpDesk/tick(now:)`` writes it in the unit of work of the firing (it must not exist yet, so
/// two engines ticking at once cannot both fire) and removes it at the first tick that finds the
/// rule's conditions no longer hold for the ticket, so the next time they hold the rule fires again.
/// At most one episode is open per rule and ticket.
public struct RuleEpisode: Identifiable, Hashable, Sendable, Codable {
    /// This episode (a later one of the same rule and ticket has another).
    public let id: RuleEpisodeID
    /// The time rule.
    public let ruleID: AutomationRuleID
    /// The ticket.
    public let ticketID: TicketID
    /// The tick instant it fired at.
    public let firedAt: Date

    /// Describes an episode.
    public init(id: RuleEpisodeID, ruleID: AutomationRuleID, ticketID: TicketID, firedAt: Date) {
        self.id = id
        self.ruleID = ruleID
        self.ticketID = ticketID
        self.firedAt = firedAt
    }
}

/// Reads the open episodes of time rules (part of the automation capability). Writes go through a
/// ``UnitOfWork`` (``AutomationChanges/episodeStarts`` and ``AutomationChanges/episodeEnds``).
public protocol RuleEpisodeRepository: Sendable {
    /// Every open episode, in no particular order.
    func ruleEpisodes() async throws -> [RuleEpisode]
    /// The open episodes of `ticket`, by rule identifier.
    func ruleEpisodes(on ticket: TicketID) async throws -> [RuleEpisode]
    /// Every open episode, grouped by ticket (each ticket's in any order); an adapter that keeps
    /// them so answers without regrouping.
    func ruleEpisodesByTicket() async throws -> [TicketID: [RuleEpisode]]
}

extension RuleEpisodeRepository {
    /// ``ruleEpisodes()`` grouped by ticket.
    public func ruleEpisodesByTicket() async throws -> [TicketID: [RuleEpisode]] {
        Dictionary(grouping: try await ruleEpisodes(), by: \.ticketID)
    }
}

extension UnitOfWork {
    /// Episodes to open (``AutomationChanges/episodeStarts``).
    public var ruleEpisodeStarts: [RuleEpisode] {
        get { self[AutomationChanges.self].episodeStarts }
        set { self[AutomationChanges.self].episodeStarts = newValue }
    }

    /// Episodes to close (``AutomationChanges/episodeEnds``).
    public var ruleEpisodeEnds: [RuleEpisode] {
        get { self[AutomationChanges.self].episodeEnds }
        set { self[AutomationChanges.self].episodeEnds = newValue }
    }
}

/// The in-memory store's open episodes, by ticket.
struct RuleEpisodeTable: Sendable {
    /// Each ticket's open episodes, by rule identifier.
    private(set) var byTicket: [TicketID: [RuleEpisode]] = [:]

    /// An empty table.
    init() {}

    /// A table holding `episodes`.
    init(_ episodes: [RuleEpisode]) {
        for episode in episodes { byTicket[episode.ticketID, default: []].append(episode) }
        for ticket in byTicket.keys { byTicket[ticket]?.sort { $0.ruleID < $1.ruleID } }
    }

    /// Every episode, by ticket then rule.
    var all: [RuleEpisode] {
        byTicket.keys.sorted().flatMap { byTicket[$0] ?? [] }
    }

    /// `true` when no episode is open.
    var isEmpty: Bool { byTicket.isEmpty }

    /// Checks the episodes `changes` open: none open yet for its rule and ticket (after the unit's
    /// own ends), one per rule and ticket in the unit, on a ticket that exists.
    func validate(_ changes: AutomationChanges, of work: UnitOfWork, in store: InMemoryStore.State)
        throws(StorageError)
    {
        guard !changes.episodeStarts.isEmpty else { return }
        var opened = Set<RuleEpisodeKey>()
        for episode in changes.episodeStarts {
            let key = RuleEpisodeKey(episode)
            guard opened.insert(key).inserted else {
                throw StorageError(.conflict, "rule \(episode.ruleID) opens two episodes on ticket \(episode.ticketID)")
            }
            if let open = byTicket[episode.ticketID]?.first(where: { $0.ruleID == episode.ruleID }),
                !changes.episodeEnds.contains(where: { $0.id == open.id })
            {
                throw StorageError(
                    .conflict, "rule \(episode.ruleID) already has an episode on ticket \(episode.ticketID)")
            }
            guard work.writesTicket(episode.ticketID) || store.tickets.row(of: episode.ticketID) != nil else {
                throw StorageError(.conflict, "ticket \(episode.ticketID) does not exist")
            }
        }
    }

    /// Closes the episodes ended (only the very episode named: a later one stays) and opens the new.
    mutating func apply(_ changes: AutomationChanges) {
        for episode in changes.episodeEnds {
            guard var open = byTicket[episode.ticketID] else { continue }
            open.removeAll { $0.id == episode.id && $0.ruleID == episode.ruleID }
            byTicket[episode.ticketID] = open.isEmpty ? nil : open
        }
        for episode in changes.episodeStarts {
            var open = byTicket[episode.ticketID] ?? []
            open.append(episode)
            open.sort { $0.ruleID < $1.ruleID }
            byTicket[episode.ticketID] = open
        }
    }
}

/// A rule and a ticket: at most one open episode each.
struct RuleEpisodeKey: Hashable, Sendable {
    var ruleID: AutomationRuleID
    var ticketID: TicketID

    init(_ episode: RuleEpisode) {
        ruleID = episode.ruleID
        ticketID = episode.ticketID
    }
}

extension InMemoryStore: RuleEpisodeRepository {
    public func ruleEpisodes() async throws -> [RuleEpisode] {
        state.withLock { state in
            state.table(AutomationTables.self).episodes.byTicket.values.flatMap { $0 }
        }
    }

    public func ruleEpisodes(on ticket: TicketID) async throws -> [RuleEpisode] {
        state.withLock { $0.table(AutomationTables.self).episodes.byTicket[ticket] ?? [] }
    }

    /// The table itself, shared (O(1)): the caller must let go of it before the next commit, or
    /// that commit copies it.
    public func ruleEpisodesByTicket() async throws -> [TicketID: [RuleEpisode]] {
        state.withLock { $0.table(AutomationTables.self).episodes.byTicket }
    }
}

extension HelpDesk {
    /// Runs `read` on the store's episode repository (``HelpDeskError/Reason/storeLacksFeature(_:)``
    /// without one), turning adapter failures into ``HelpDeskError/storage(_:)``.
    func episodes<Value>(_ read: (any RuleEpisodeRepository) async throws -> Value) async throws(HelpDeskError)
        -> Value
    {
        let repository = try feature((any RuleEpisodeRepository).self)
        return try await storage { try await read(repository) }
    }
}
