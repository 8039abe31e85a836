import Foundation
import HelpDeskKit

/// Commands issued at once on one engine, checked against a serial replay: every adapter runs it
/// with the engine on top (see ``EngineContract``).
///
/// 64 creates, 64 comments on one ticket, 64 edits on distinct tickets and 64 edits on one ticket
/// are shuffled with a seed and started together. Every command must succeed, ticket numbers
/// must be unique and contiguous, and the desk must end exactly as a serial run of the same
/// commands in the order the outbox shows they committed.
public struct ConcurrentCommands: Sendable {
    /// One command of the scenario.
    enum Command: Sendable, Hashable {
        case create(Int)
        case comment(Int)
        case editDistinct(Int)
        case editShared(Int)
    }

    /// How many commands of each kind.
    public var perKind = 64
    /// The shuffle seed.
    public var seed: UInt64 = 7

    /// Describes the scenario.
    public init(perKind: Int = 64, seed: UInt64 = 7) {
        self.perKind = perKind
        self.seed = seed
    }

    /// The prepared desk: the tickets the commands edit.
    struct Prepared: Sendable {
        let test: TestDesk
        let distinct: [Ticket]
        let shared: Ticket
        let conversation: Ticket
    }

    /// Builds the desk the commands run on.
    func prepare(_ store: any HelpDeskStore) async throws -> Prepared {
        let test = try await TestDesk.make(store: store)
        var distinct: [Ticket] = []
        for index in 0..<perKind { distinct.append(try await test.ticket("Distinct \(index)")) }
        let shared = try await test.ticket("Shared")
        let conversation = try await test.ticket("Conversation")
        return Prepared(test: test, distinct: distinct, shared: shared, conversation: conversation)
    }

    /// Runs `command` on `desk`; returns the identifier of the record it created, if any.
    @discardableResult
    static func run(_ command: Command, on prepared: Prepared) async throws -> String? {
        let desk = prepared.test.desk
        let anna = Performer.employee(prepared.test.anna.id)
        switch command {
        case .create(let index):
            return try await desk.createTicket(
                NewTicket(title: "Created \(index)", channel: .phone, requester: .freeText("Caller \(index)")),
                by: anna
            ).id.description
        case .comment(let index):
            return try await desk.comment(on: prepared.conversation.id, NewComment("Comment \(index)"), by: anna)
                .id.description
        case .editDistinct(let index):
            _ = try await desk.updateTicket(
                prepared.distinct[index].id, TicketUpdate(title: "Distinct \(index) edited", priority: .high), by: anna)
        case .editShared(let index):
            _ = try await desk.updateTicket(prepared.shared.id, TicketUpdate(title: "Shared v\(index)"), by: anna)
        }
        return nil
    }

    /// Runs the scenario on `store` (empty) and returns what went wrong; empty when all is well.
    ///
    /// `replayStore` makes the store for the serial replay (an in-memory store by default).
    public func check(
        on store: any HelpDeskStore, replayStore: () -> any HelpDeskStore = { InMemoryStore() }
    ) async throws -> [String] {
        let prepared = try await prepare(store)
        var commands: [Command] = (0..<perKind).flatMap {
            [.create($0), .comment($0), .editDistinct($0), .editShared($0)]
        }
        var random = SplitMix64(seed: seed)
        commands.shuffle(using: &random)
        let sequenceStart = try await store.lastEventSequence()
        let created = try await withThrowingTaskGroup(of: (Command, String?).self) { group in
            for command in commands {
                group.addTask { (command, try await Self.run(command, on: prepared)) }
            }
            var created: [String: Command] = [:]
            for try await (command, id) in group { if let id { created[id] = command } }
            return created
        }
        var problems: [String] = []
        let numbers = try await prepared.test.store.allTickets().map(\.number.rawValue).sorted()
        if numbers != Array(1...numbers.count) {
            problems.append("ticket numbers are not 1...\(numbers.count): \(numbers)")
        }
        let order = try await commitOrder(after: sequenceStart, created: created, on: prepared)
        guard order.count == commands.count else {
            return problems + ["\(commands.count - order.count) commands left no trace in the outbox"]
        }
        let replay = try await prepare(replayStore())
        for command in order { try await Self.run(command, on: replay) }
        let concurrent = try await DeskProjection.capture(prepared.test)
        let serial = try await DeskProjection.capture(replay.test)
        problems += concurrent.differences(from: serial)
        return problems
    }

    /// The commands in the order they committed, read from the outbox: each leaves one event
    /// that names it, and the edits of the shared ticket are told apart by its audit trail.
    private func commitOrder(after sequenceStart: UInt64, created: [String: Command], on prepared: Prepared)
        async throws -> [Command]
    {
        let desk = prepared.test.desk
        let titles = try await desk.auditTrail(of: prepared.shared.id, as: .system).filter { $0.field == .title }
            .compactMap(\.newValue)
        var sharedEdits = titles.compactMap { title in Int(title.dropFirst("Shared v".count)).map(Command.editShared) }
            .makeIterator()
        let distinct = Dictionary(uniqueKeysWithValues: prepared.distinct.enumerated().map { ($1.id, $0) })
        var order: [Command] = []
        for event in try await desk.undeliveredEvents(limit: 10_000, as: .system) where event.sequence > sequenceStart {
            switch event.event {
            case .ticketCreated(let ticket, _, _, _):
                if let command = created[ticket.description] { order.append(command) }
            case .commentAdded(_, _, let comment, _):
                if let command = created[comment.description] { order.append(command) }
            case .ticketUpdated(let ticket, _, _):
                if let index = distinct[ticket] {
                    order.append(.editDistinct(index))
                } else if ticket == prepared.shared.id, let command = sharedEdits.next() {
                    order.append(command)
                }
            default:
                break
            }
        }
        return order
    }
}
