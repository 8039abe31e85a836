import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Synchronization
import Testing

@testable import HelpDeskFileStore

/// Seeded random commands (creates, comments, status moves, assignments, balance credits) issued
/// concurrently by two engines on one file store, so they really conflict; syncs fail at random,
/// before or after the record reaches the disk; the host reopens and retries every command whose
/// outcome it did not learn, with the same idempotency key. No command may take effect twice, and
/// every acknowledged command must be there after the last reopen.
@Suite("Concurrent commands with conflicts, failed syncs and idempotent retries")
struct ChaosCommandTests {
    /// One logical command of the host, identified by its idempotency key.
    enum Command: Sendable {
        case create(key: String)
        case comment(key: String, onCreate: String)
        case move(key: String, onCreate: String, to: StatusCode)
        case assign(key: String, onCreate: String, to: EmployeeID)
        case credit(key: String, minorUnits: Int64)

        var key: String {
            switch self {
            case .create(let key), .comment(let key, _), .move(let key, _, _), .assign(let key, _, _),
                .credit(let key, _):
                key
            }
        }
    }

    /// What the host learned: the tickets its acknowledged creates returned, by key.
    final class Ledger: Sendable {
        let tickets = Mutex<[String: Ticket]>([:])
        let acknowledged = Mutex<Set<String>>([])
    }

    static let company = CompanyID(uuidString: "00000000-0000-4000-8000-00000000c0de")!
    static let employees = [
        EmployeeID(uuidString: "00000000-0000-4000-8000-0000000000e1")!,
        EmployeeID(uuidString: "00000000-0000-4000-8000-0000000000e2")!,
    ]

    /// Runs `command` on `desk`; creates remember their ticket so later commands can find it.
    static func run(_ command: Command, on desk: HelpDesk, ledger: Ledger) async throws {
        let key = IdempotencyKey(command.key)
        func ticket(_ create: String) throws -> TicketID {
            guard let ticket = ledger.tickets.withLock({ $0[create] }) else { throw Skipped() }
            return ticket.id
        }
        switch command {
        case .create(let name):
            let ticket = try await desk.createTicket(
                NewTicket(title: "Ticket \(name)", channel: .email, requester: .freeText("Client \(name)")),
                by: .system, idempotencyKey: key)
            ledger.tickets.withLock { $0[name] = ticket }
        case .comment(_, let create):
            _ = try await desk.comment(
                on: try ticket(create), NewComment("Reply \(command.key)"), by: .system, idempotencyKey: key)
        case .move(_, let create, let status):
            _ = try await desk.changeStatus(try ticket(create), to: status, by: .system, idempotencyKey: key)
        case .assign(_, let create, let employee):
            _ = try await desk.assign(try ticket(create), to: employee, group: nil, by: .system, idempotencyKey: key)
        case .credit(_, let minorUnits):
            _ = try await desk.adjustBalance(
                company, by: Price(Money(minorUnits: minorUnits, currency: .rub)), reason: "Credit \(command.key)",
                by: .system, idempotencyKey: key)
        }
        ledger.acknowledged.withLock { _ = $0.insert(command.key) }
    }

    /// A command whose ticket was never created (its create failed and is retried later).
    struct Skipped: Error {}

    /// Random commands for one round; moves and assignments target earlier creates.
    static func round(_ index: Int, size: Int, creates: inout [String], random: inout SplitMix64) -> [Command] {
        (0..<size).map { position in
            let key = "r\(index)-\(position)"
            let roll = Int.random(in: 0..<10, using: &random)
            guard let target = creates.randomElement(using: &random), roll >= 3 else {
                creates.append(key)
                return .create(key: key)
            }
            switch roll {
            case 3, 4: return .comment(key: key, onCreate: target)
            case 5, 6:
                return .move(
                    key: key, onCreate: target, to: [.inProgress, .waitingForClient].randomElement(using: &random)!)
            case 7, 8: return .assign(key: key, onCreate: target, to: employees.randomElement(using: &random)!)
            default: return .credit(key: key, minorUnits: Int64.random(in: 1...50_000, using: &random))
            }
        }
    }

    /// Opens the store and builds two engines over it (fresh identifier seeds each time).
    static func open(_ directory: URL, incarnation: UInt64) async throws -> (FileStore, [HelpDesk]) {
        let store = try await FileStore.open(at: directory)
        let clock = ManualClock(start: TestDesk.start).clock
        let desks = (0..<2).map { index in
            HelpDesk(
                store: store, clock: clock, identifiers: SeededIdentifierSource(seed: incarnation * 10 + UInt64(index)),
                random: SeededRandomSource(seed: incarnation * 10 + UInt64(index)))
        }
        return (store, desks)
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func noCommandTakesEffectTwiceAndNoAcknowledgedOneIsLost(seed: UInt64) async throws {
        let directory = freshDirectory("chaos")
        defer { removeDirectory(directory) }
        var (store, desks) = try await Self.open(directory, incarnation: 0)
        var setup = UnitOfWork()
        setup.employees = Self.employees.enumerated().map {
            Employee(id: $1, name: "Engineer \($0)", email: "e\($0)@x.example")
        }
        setup.clients.companies = [Company(id: Self.company, name: "Acme")]
        try await store.commit(setup)

        var random = SplitMix64(seed: seed)
        let ledger = Ledger()
        var creates: [String] = []
        var all: [Command] = []
        var unknown: [Command] = []
        var failures = 0
        for index in 0..<8 {
            let commands = unknown + Self.round(index, size: 24, creates: &creates, random: &random)
            all += commands.filter { command in !all.contains { $0.key == command.key } }
            // Every other round, one group write fails, before or after the disk has it.
            if index % 2 == 1 {
                let written = Bool.random(using: &random)
                let failAfter = Int.random(in: 0..<6, using: &random)
                let groups = Atomic<Int>(0)
                store.journalHook.withLock {
                    $0 = { wasWritten in
                        guard wasWritten == written else { return }
                        if groups.add(1, ordering: .relaxed).newValue == failAfter + 1 {
                            throw FileStoreError.io(operation: "fdatasync", path: "journal", errno: 5)
                        }
                    }
                }
            }
            // Each command runs once, some twice at the same time (a host's eager retry), on both engines.
            let failed = await withTaskGroup(of: Command?.self) { group in
                for (position, command) in commands.enumerated() {
                    let copies = position % 5 == 0 ? 2 : 1
                    for copy in 0..<copies {
                        let desk = desks[(position + copy) % 2]
                        group.addTask {
                            do {
                                try await Self.run(command, on: desk, ledger: ledger)
                                return nil
                            } catch {
                                return command
                            }
                        }
                    }
                }
                var failed: [Command] = []
                for await command in group { if let command { failed.append(command) } }
                return failed
            }
            failures += failed.count
            let acknowledged = ledger.acknowledged.withLock { $0 }
            unknown = failed.filter { !acknowledged.contains($0.key) }
                .reduce(into: [Command]()) { list, command in
                    if !list.contains(where: { $0.key == command.key }) { list.append(command) }
                }
            // The host reopens after every round, as after a crash or a failed sync.
            await store.close()
            (store, desks) = try await Self.open(directory, incarnation: UInt64(index + 1))
        }
        // Retry what is still unknown until every command is acknowledged.
        for _ in 0..<4 where !unknown.isEmpty {
            var still: [Command] = []
            for command in unknown {
                do { try await Self.run(command, on: desks[0], ledger: ledger) } catch { still.append(command) }
            }
            unknown = still
        }
        #expect(unknown.isEmpty, "commands never acknowledged: \(unknown.map(\.key))")
        #expect(failures > 10, "the injected failures must hit commands, or the test proves nothing")
        try await Self.verify(all, ledger: ledger, store: store, desk: desks[0])
        await store.close()
    }

    /// Every acknowledged command is present exactly once.
    static func verify(_ commands: [Command], ledger: Ledger, store: FileStore, desk: HelpDesk) async throws {
        let tickets = try await store.allTickets()
        let titles = Dictionary(grouping: tickets, by: \.title)
        let acknowledged = ledger.acknowledged.withLock { $0 }
        var credited: Int64 = 0
        for command in commands where acknowledged.contains(command.key) {
            switch command {
            case .create(let key):
                #expect(
                    titles["Ticket \(key)"]?.count == 1,
                    "create \(key) took effect \(titles["Ticket \(key)"]?.count ?? 0) times")
                #expect(titles["Ticket \(key)"]?.first?.id == ledger.tickets.withLock { $0[key] }?.id)
            case .comment(_, let create):
                let id = try #require(ledger.tickets.withLock { $0[create] }).id
                let bodies = try await store.comments(on: id).map(\.body)
                #expect(bodies.filter { $0 == "Reply \(command.key)" }.count == 1, "comment \(command.key)")
            case .credit(_, let minorUnits):
                credited += minorUnits
            case .move, .assign:
                break
            }
        }
        let balance = try await desk.balance(of: company, in: .money(.rub), as: .system)
        #expect(
            balance.map { Int64($0.creditsPosted) - Int64($0.debitsPosted) } ?? 0 == credited,
            "credits counted once each")
        #expect(Set(tickets.map(\.number)).count == tickets.count, "ticket numbers are unique")
    }
}
