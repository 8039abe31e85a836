import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing
import WorkingTime

/// Issue #20, "Proof": the pure strategies on seeded random groups.
@Suite("Assignment strategies: fairness, eligibility, capacity, shifts and determinism")
struct AssignmentStrategyPropertyTests {
    /// `count` employee identifiers from `seed`, in no particular order.
    static func members(_ count: Int, seed: UInt64) -> [EmployeeID] {
        var ids = SeededIdentifierSource(seed: seed)
        return (0..<count).map { _ in ids.next() }
    }

    /// Random candidates: some inactive, off shift or loaded.
    static func randomCandidates(_ random: inout SplitMix64) -> [AssignmentCandidate] {
        let members = members(Int(random.next() % 8), seed: random.next())
        return members.map { id in
            var loads: [Priority: Int] = [:]
            for priority in Priority.allCases where random.next() % 3 == 0 { loads[priority] = Int(random.next() % 6) }
            return AssignmentCandidate(
                employeeID: id, isActive: random.next() % 5 != 0, isOnShift: random.next() % 4 != 0, openTickets: loads)
        }
    }

    static func randomStrategy(_ random: inout SplitMix64) -> AssignmentStrategy {
        let kinds: [AssignmentStrategy.Kind] = [.roundRobin, .leastLoaded(weightedByPriority: false), .leastLoaded(weightedByPriority: true)]
        let kind = kinds[Int(random.next() % 3)]
        return random.next() % 2 == 0 ? AssignmentStrategy(kind) : AssignmentStrategy(kind, capacity: Int(random.next() % 8))
    }

    @Test(arguments: [(2, 10), (3, 7), (3, 100), (5, 23), (7, 50), (1, 9)])
    func roundRobinGivesEachAlwaysEligibleMemberTheFloorOrCeilingOfItsShare(k: Int, n: Int) {
        var random = SplitMix64(seed: UInt64(k * 1_000 + n))
        let members = Self.members(k, seed: random.next())
        var cursor: EmployeeID? = random.next() % 2 == 0 ? nil : members[Int(random.next() % UInt64(k))]
        var shares: [EmployeeID: Int] = [:]
        for _ in 0..<n {
            // Any input order: the rotation is the members' stable order.
            var shuffled = members.map { AssignmentCandidate(employeeID: $0) }
            shuffled.shuffle(using: &random)
            let decision = AssignmentStrategy.roundRobin.choose(among: shuffled, after: cursor)
            let assignee = try! #require(decision.assigneeID)
            #expect(decision.cursor == assignee)
            shares[assignee, default: 0] += 1
            cursor = decision.cursor
        }
        for member in members {
            #expect([n / k, (n + k - 1) / k].contains(shares[member] ?? 0), "shares \(shares.values.sorted())")
        }
    }

    @Test func roundRobinStaysFairWhileOthersComeAndGo() {
        // Fairness among the members always present, while a fifth member joins and leaves.
        var random = SplitMix64(seed: 2_020)
        let members = Self.members(5, seed: 77)
        let steady = Array(members.prefix(4))
        var cursor: EmployeeID?
        var shares: [EmployeeID: Int] = [:]
        for round in 0..<200 {
            let present = round % 7 < 3 ? members : steady
            var candidates = present.map { AssignmentCandidate(employeeID: $0) }
            candidates.shuffle(using: &random)
            let decision = AssignmentStrategy.roundRobin.choose(among: candidates, after: cursor)
            if let assignee = decision.assigneeID, steady.contains(assignee) { shares[assignee, default: 0] += 1 }
            cursor = decision.cursor
        }
        let counts = steady.map { shares[$0] ?? 0 }
        #expect(counts.max()! - counts.min()! <= 1, "\(counts)")
    }

    @Test func noStrategyEverPicksAnIneligibleMemberOrExceedsTheCapacity() {
        var random = SplitMix64(seed: 4_711)
        for _ in 0..<3_000 {
            let candidates = Self.randomCandidates(&random)
            let strategy = Self.randomStrategy(&random)
            let cursor = candidates.isEmpty || random.next() % 3 == 0 ? nil : candidates[0].employeeID
            let decision = strategy.choose(among: candidates, after: cursor)
            let eligible = candidates.filter(strategy.isEligible)
            guard let assignee = decision.assigneeID else {
                #expect(eligible.isEmpty, "nobody chosen although \(eligible.count) are eligible")
                #expect(decision.cursor == cursor, "the cursor stays when nobody is chosen")
                continue
            }
            let chosen = try! #require(candidates.first { $0.employeeID == assignee })
            #expect(chosen.isActive && chosen.isOnShift)
            if let capacity = strategy.capacity { #expect(chosen.openTicketCount < capacity) }
            if case .leastLoaded(let weighted) = strategy.kind {
                let load: (AssignmentCandidate) -> Int = weighted ? { $0.weightedLoad } : { $0.openTicketCount }
                #expect(eligible.allSatisfy { load($0) >= load(chosen) }, "least loaded")
            }
        }
    }

    @Test func capacityHoldsOverManyAssignments() {
        // Every member starts with a random load and is given tickets until nobody has room.
        var random = SplitMix64(seed: 99)
        for _ in 0..<200 {
            let capacity = Int(random.next() % 6)
            let strategy = (random.next() % 2 == 0 ? AssignmentStrategy.roundRobin : .leastLoaded()).capped(at: capacity)
            var candidates = Self.members(1 + Int(random.next() % 5), seed: random.next()).map {
                AssignmentCandidate(employeeID: $0, openTickets: [.normal: Int(random.next() % 7)])
            }
            let initial = candidates
            var cursor: EmployeeID?
            var given = 0
            while let assignee = strategy.choose(among: candidates, after: cursor).assigneeID, given < 100 {
                let index = candidates.firstIndex { $0.employeeID == assignee }!
                #expect(candidates[index].openTicketCount < capacity, "given a ticket at capacity")
                candidates[index].openTickets[.normal, default: 0] += 1
                cursor = assignee
                given += 1
            }
            for (before, after) in zip(initial, candidates) {
                // Filled up to the cap, never past it; a member already over it got nothing.
                #expect(after.openTicketCount == max(before.openTicketCount, capacity))
            }
        }
    }

    @Test func leastLoadedWeighsPrioritiesAndBreaksTiesInRotationOrder() {
        let ids = Self.members(3, seed: 5).sorted()
        let (a, b, c) = (ids[0], ids[1], ids[2])
        let candidates = [
            AssignmentCandidate(employeeID: a, openTickets: [.critical: 1]),  // weight 4, count 1
            AssignmentCandidate(employeeID: b, openTickets: [.low: 2]),  // weight 2, count 2
            AssignmentCandidate(employeeID: c, openTickets: [.high: 1, .normal: 1]),  // weight 3, count 2
        ]
        #expect(AssignmentStrategy.leastLoaded().choose(among: candidates, after: nil).assigneeID == a)
        #expect(AssignmentStrategy.leastLoaded(weightedByPriority: true).choose(among: candidates, after: nil).assigneeID == b)
        let tied = ids.map { AssignmentCandidate(employeeID: $0, openTickets: [.normal: 3]) }
        #expect(AssignmentStrategy.leastLoaded().choose(among: tied, after: nil).assigneeID == a)
        #expect(AssignmentStrategy.leastLoaded().choose(among: tied, after: a).assigneeID == b)
        #expect(AssignmentStrategy.leastLoaded().choose(among: tied, after: c).assigneeID == a)
        // A cursor naming someone who left the group: the turn goes to the next identifier after it.
        let gone = tied.filter { $0.employeeID != b }
        #expect(AssignmentStrategy.roundRobin.choose(among: gone, after: b).assigneeID == c)
    }

    @Test func theSameInputGivesTheSameDecision() {
        var first = SplitMix64(seed: 31_337)
        var second = SplitMix64(seed: 31_337)
        for _ in 0..<500 {
            let (x, y) = (Self.randomCandidates(&first), Self.randomCandidates(&second))
            let (s, t) = (Self.randomStrategy(&first), Self.randomStrategy(&second))
            #expect(x == y && s == t)
            #expect(s.choose(among: x, after: x.last?.employeeID) == t.choose(among: y.reversed(), after: y.last?.employeeID))
        }
    }

    /// A Berlin day shift, 08:00–16:00 every day.
    static func berlinDays() throws -> BusinessCalendar {
        try BusinessCalendar(
            timeZoneIdentifier: "Europe/Berlin",
            schedule: WeeklySchedule(weekdays: Weekday.allCases, intervals: [try LocalInterval(parsing: "08:00-16:00")]))
    }

    /// 2026-03-29 and 2026-10-25 are the last Sundays of March and October: Berlin moves from UTC+1
    /// to UTC+2 and back, so 06:30 UTC is 07:30 local (off) in winter and 08:30 (on) in summer, and
    /// 14:30 UTC is 15:30 (on) in winter and 16:30 (off) in summer.
    @Test(arguments: [
        ("2026-03-28T06:30:00Z", false), ("2026-03-29T06:30:00Z", true), ("2026-03-28T14:30:00Z", true),
        ("2026-03-29T14:30:00Z", false), ("2026-03-29T05:30:00Z", false), ("2026-03-29T13:30:00Z", true),
        ("2026-10-24T06:30:00Z", true), ("2026-10-25T06:30:00Z", false), ("2026-10-24T14:30:00Z", false),
        ("2026-10-25T14:30:00Z", true), ("2026-10-25T07:30:00Z", true), ("2026-10-25T15:30:00Z", false),
    ])
    func offShiftMembersAreSkippedAcrossTheDSTChanges(instant: String, berlinOnShift: Bool) throws {
        let at = try #require(ISO8601DateFormatter().date(from: instant))
        let ids = Self.members(2, seed: 8).sorted()
        let berlin = EmployeeSchedule(employeeID: ids[0], calendar: try Self.berlinDays())
        #expect(berlin.isOnShift(at: at) == berlinOnShift)
        let candidates = [
            AssignmentCandidate(employeeID: ids[0], isOnShift: berlin.isOnShift(at: at)),
            AssignmentCandidate(employeeID: ids[1]),
        ]
        // The Berlin member's turn comes first (cursor on the other): taken only while on shift.
        let decision = AssignmentStrategy.roundRobin.choose(among: candidates, after: ids[1])
        #expect(decision.assigneeID == (berlinOnShift ? ids[0] : ids[1]))
    }
}
