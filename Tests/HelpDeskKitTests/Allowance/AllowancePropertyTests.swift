import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import SeededRandom
import Testing
import WorkingTime

/// Properties of allowance consumption over seeded random inputs: covered + excess = logged per
/// entry, never negative, the covered total `min(logged, included)` whatever order entries were
/// logged in, settled shares never move, and the engine's specifications match the statement.
@Suite("Labor allowances: properties")
struct AllowancePropertyTests {
    static func randomUses(_ random: inout SplitMix64, count: Int, frozen: Bool) throws -> [AllowanceUse] {
        try (0..<count).map { index in
            let units = Int(random.next() % 500) + 1
            let isFrozen = frozen && random.next() % 4 == 0
            let covered = isFrozen ? Int(random.next() % UInt64(units + 1)) : units
            return AllowanceUse(
                entryID: TimeEntryID(UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", index))!),
                ticketID: TicketID(UUID(uuidString: String(format: "00000000-0000-0000-0001-%012d", index % 7))!),
                workDate: try LocalDate(year: 2026, month: 3, day: Int(random.next() % 28) + 1),
                loggedAt: Date(timeIntervalSince1970: 1_772_442_000 + Double(random.next() % 3)), units: units,
                covered: covered, excess: units - covered, isFrozen: isFrozen)
        }
    }

    @Test func coveredPlusExcessIsLoggedAndTheCoveredTotalIsTheSmallerOfLoggedAndIncluded() throws {
        var random = SplitMix64(seed: 1_901)
        for _ in 0..<400 {
            let uses = try Self.randomUses(&random, count: Int(random.next() % 30), frozen: false)
            let included = Int(random.next() % 6_000)
            let allocated = AllowanceAllocation.allocate(uses, included: included)
            let logged = uses.reduce(0) { $0 + $1.units }
            #expect(allocated.allSatisfy { $0.covered >= 0 && $0.excess >= 0 && $0.covered + $0.excess == $0.units })
            #expect(allocated.reduce(0) { $0 + $1.covered } == min(logged, included))
            // Whatever order the entries arrive in, each entry's split is the same.
            var shuffled = uses
            shuffled.shuffle(using: &random)
            #expect(AllowanceAllocation.allocate(shuffled, included: included) == allocated)
            // Work done earlier is covered first: once an entry exceeds, no later one is covered.
            if let firstExcess = allocated.firstIndex(where: { $0.excess > 0 }) {
                #expect(allocated[(firstExcess + 1)...].allSatisfy { $0.covered == 0 })
            }
        }
    }

    @Test func frozenSharesNeverMoveAndTheRestShareWhatIsLeft() throws {
        var random = SplitMix64(seed: 1_902)
        for _ in 0..<400 {
            let uses = try Self.randomUses(&random, count: Int(random.next() % 30), frozen: true)
            let included = Int(random.next() % 6_000)
            let allocated = AllowanceAllocation.allocate(uses, included: included)
            let frozen = uses.filter(\.isFrozen)
            #expect(Set(allocated.filter(\.isFrozen)) == Set(frozen))
            let frozenCovered = frozen.reduce(0) { $0 + $1.covered }
            let open = allocated.filter { !$0.isFrozen }
            let openLogged = open.reduce(0) { $0 + $1.units }
            #expect(open.reduce(0) { $0 + $1.covered } == min(openLogged, max(included - frozenCovered, 0)))
            #expect(allocated.allSatisfy { $0.covered >= 0 && $0.excess >= 0 && $0.covered + $0.excess == $0.units })
        }
    }

    @Test func thresholdsAgreeWithASimpleReference() {
        var random = SplitMix64(seed: 1_903)
        for _ in 0..<2_000 {
            let included = Int(random.next() % 1_000)
            let consumed = Int(random.next() % 1_200)
            let alert: Int? = random.next() % 3 == 0 ? nil : Int(random.next() % 100) + 1
            let sent = [alert, 100].compactMap { $0 }.filter { _ in random.next() % 3 == 0 }
            let reached = AllowanceAllocation.thresholdsReached(
                consumed: consumed, included: included, alertPercent: alert, alreadySent: sent)
            let expected = Set([alert, 100].compactMap { $0 }).sorted().filter { threshold in
                !sent.contains(threshold) && consumed * 100 >= included * threshold
            }
            #expect(reached == expected)
        }
        #expect(AllowanceAllocation.thresholdsReached(consumed: .max, included: .max, alertPercent: 99, alreadySent: []) == [99, 100])
        #expect(AllowanceAllocation.thresholdsReached(consumed: .max - 1, included: .max, alertPercent: nil, alreadySent: []) == [])
    }

    /// Random log / edit / delete sequences on a desk: the statement and every ticket's
    /// specification agree with a reference computed from the entries themselves.
    @Test func theEngineKeepsStatementsAndSpecificationsInStepWithTheEntries() async throws {
        var random = SplitMix64(seed: 1_904)
        for round in 0..<6 {
            let included = Int(random.next() % 400) + 1
            let f = try await AllowanceDesk.make(included: included, seed: UInt64(round) + 100)
            var tickets: [TicketID] = []
            for index in 0..<3 { tickets.append(try await f.ticket("T\(index)").id) }
            var entries: [TimeEntry] = []
            let boris = Performer.employee(f.test.boris.id)
            for _ in 0..<25 {
                switch random.next() % 5 {
                case 0 where !entries.isEmpty:
                    let index = Int(random.next() % UInt64(entries.count))
                    try await f.desk.deleteTimeEntry(entries.remove(at: index).id, by: boris)
                case 1 where !entries.isEmpty:
                    let index = Int(random.next() % UInt64(entries.count))
                    entries[index] = try await f.desk.editTimeEntry(
                        entries[index].id,
                        TimeEntryUpdate(
                            workDate: try AllowanceDesk.date(daysBefore: Int(random.next() % 6)),
                            minutes: Int(random.next() % 120) + 1, billable: random.next() % 5 == 0), by: boris)
                default:
                    entries.append(
                        try await f.log(
                            Int(random.next() % 120) + 1, on: tickets[Int(random.next() % 3)],
                            daysAgo: Int(random.next() % 6), billable: random.next() % 6 == 0))
                }
            }
            let tracked = entries.filter { !$0.billable }
            let logged = tracked.reduce(0) { $0 + $1.chargedMinutes }
            let statement = try await f.statement()
            #expect(statement.logged == logged, "round \(round)")
            #expect(statement.consumed == min(logged, included) && statement.overage == max(logged - included, 0))
            for ticket in tickets {
                let share = statement.tickets.first { $0.ticketID == ticket }
                #expect(try await f.billedOverage(on: ticket) == Int64(share?.excess ?? 0), "round \(round)")
            }
        }
    }
}
