import DoubleEntry
import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Every public command and read of ``HelpDesk`` under seeded hostile arguments (issue #14,
/// "Proof"): nothing traps, every failure is a ``HelpDeskError`` with a documented code caused by
/// the input and a message, a rejection leaves the whole store (outbox and idempotency records
/// included) exactly as it was, a read never changes it, and after an accepted command the store
/// is still readable, ticket numbers stay unique and the ledger still balances.
@Suite("Hostile arguments to every public command")
struct HostileCommandTests {
    /// Seeded draws per entry (the seeds are fixed: see ``HostileCommand/seed(_:)``).
    static let draws = 25

    /// The codes a rejection of bad input may carry. `conflict`, `unavailable`, `storage` and
    /// `misconfigured` are documented too, but describe the store or the host's wiring, never the
    /// input: on a healthy in-memory store they mean the engine let bad input through to the store.
    static let inputCodes: Set<HelpDeskError.Code> = [.notFound, .invalidInput, .forbidden, .alreadyExists, .locked, .rejected]

    @Test func everyPublicMethodHasAHostileEntry() throws {
        let declared = try AccessCatalogCompletenessTests.publicHelpDeskMethods()
        #expect(declared.count > 80, "the scan found only \(declared.count) methods: is the source layout still the same?")
        let apis = HostileCommandCatalog.entries.map(\.api)
        let missing = declared.subtracting(apis).sorted()
        let stale = Set(apis).subtracting(declared).sorted()
        #expect(missing.isEmpty, "public HelpDesk methods without a hostile entry: \(missing)")
        #expect(stale.isEmpty, "hostile entries naming no public HelpDesk method: \(stale)")
        #expect(apis.count == Set(apis).count, "one entry per method (its seeds come from its declaration)")
        // Reads are the methods without a performer `by:`, except the two the engine runs for nobody.
        for entry in HostileCommandCatalog.entries {
            let looksMutating = entry.api.contains("by:") || entry.api.hasPrefix("tick(") || entry.api.hasPrefix("rate(")
            #expect(entry.mutates == looksMutating, "\(entry.api): mutates is \(entry.mutates)")
        }
    }

    @Test(arguments: HostileCommandCatalog.entries)
    func hostileDraws(_ entry: HostileCommand) async throws {
        let f = try await AccessFixture.make()
        var outcome = Outcome()
        for draw in 0..<Self.draws {
            let seed = entry.seed(draw)
            if let knownIssue = entry.knownIssue {
                await withKnownIssue(Testing.Comment(rawValue: knownIssue), isIntermittent: true) {
                    try await Self.check(entry, draw: draw, seed: seed, on: f, outcome: &outcome)
                }
            } else {
                try await Self.check(entry, draw: draw, seed: seed, on: f, outcome: &outcome)
            }
        }
        #expect(outcome.accepted + outcome.rejected + outcome.skipped == Self.draws)
        // `HOSTILE_TRACE=1 swift test --filter HostileCommandTests` shows how far the draws get.
        if ProcessInfo.processInfo.environment["HOSTILE_TRACE"] != nil { print("TRACE \(entry.api): \(outcome)") }
    }

    /// What the draws of one entry came to.
    struct Outcome: CustomStringConvertible {
        var accepted = 0
        var rejected = 0
        var skipped = 0
        /// Rejections by code and reason.
        var reasons: [String: Int] = [:]

        var description: String {
            "\(accepted) accepted, \(rejected) rejected, \(skipped) skipped: " + reasons.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
        }
    }

    /// Runs draw `draw` of `entry` on `f` and checks what happened.
    static func check(
        _ entry: HostileCommand, draw: Int, seed: UInt64, on f: AccessFixture, outcome: inout Outcome
    ) async throws {
        let label = "\(entry.api) draw \(draw) (seed \(seed))"
        var values = HostileDraw(seed: seed, fixture: f)
        let before = try await f.test.snapshot()
        do {
            try await entry.run(&values)
            outcome.accepted += 1
            let after = try await f.test.snapshot()
            if !entry.mutates { #expect(after == before, "\(label): a read changed the store") }
            try await checkInvariants(after, f, label)
        } catch is HostileKnownTrap {
            outcome.skipped += 1
        } catch let error as HelpDeskError {
            outcome.rejected += 1
            outcome.reasons["\(error.code): \(String(describing: error.reason).prefix(while: { $0 != "(" }))", default: 0] += 1
            #expect(inputCodes.contains(error.code), "\(label): rejected with code \(error.code): \(error.reason)")
            #expect(!error.message.isEmpty, "\(label): rejected with an empty message: \(error.reason)")
            let after = try await f.test.snapshot()
            #expect(after == before, "\(label): rejected with \(error.code) (\(error.reason)) but changed the store")
        } catch {
            outcome.rejected += 1
            Issue.record("\(label): failed with \(type(of: error)), not a HelpDeskError: \(error)")
        }
    }

    /// Cheap invariants of a store after an accepted command.
    static func checkInvariants(_ snapshot: StoreSnapshot, _ f: AccessFixture, _ label: String) async throws {
        let numbers = snapshot.tickets.map(\.number)
        #expect(Set(numbers).count == numbers.count, "\(label): ticket numbers are no longer unique")
        #expect(Set(snapshot.tickets.map(\.id)).count == snapshot.tickets.count, "\(label): ticket identifiers are no longer unique")
        if let last = numbers.max() { #expect(snapshot.lastTicketNumber.map { last <= $0 } ?? false, "\(label): a ticket beyond the last number") }
        let ledger = try await f.test.store.ledger()
        var net: [LedgerUnit: Int128] = [:]
        for account in try await f.test.store.billingAccounts() {
            net[account.account.unit, default: 0] += ledger.balance(of: account.id)?.postedCreditsMinusDebits ?? 0
        }
        #expect(net.values.allSatisfy { $0 == 0 }, "\(label): the ledger no longer balances: \(net)")
    }
}
