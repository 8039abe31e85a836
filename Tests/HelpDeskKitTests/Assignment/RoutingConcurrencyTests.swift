import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// The assignment races on a store whose commits give up the engine's turn, so one engine's
/// commands interleave between deciding and committing, as they do on PostgreSQL.
@Suite("Routing races on a store that yields at commit")
struct RoutingConcurrencyTests {
    @Test func roundRobinRulesOnOneEngineAllCommitFairly() async throws {
        let problems = try await RuleAssignmentRace().check(on: YieldingStore())
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func slotsFreedAtOnceTakeTheOldestWaitingTickets() async throws {
        let problems = try await BacklogDrainRace().check(on: YieldingStore())
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func autoAssignOnTwoEnginesSharesFairly() async throws {
        let problems = try await AssignmentRace().check(on: YieldingStore())
        #expect(problems.isEmpty, "\(problems)")
    }
}
