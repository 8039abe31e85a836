import Foundation
import HelpDeskTestSupport
import Synchronization
import Testing

@testable import HelpDeskKit

/// An in-memory store whose automation repository counts the reads of the whole rule list.
private final class RuleReadCountingStore: MemoryBackedStore {
    let backingStore = InMemoryStore()
    private let reads = Mutex(0)

    /// `rules()` calls so far.
    var ruleListReads: Int { reads.withLock { $0 } }

    func ensureAvailable() throws(StorageError) {}

    func commit(_ work: UnitOfWork) async throws { try await backingStore.commit(work) }

    func feature<Feature>(_ feature: Feature.Type) throws(StorageError) -> Feature? {
        if feature == (any AutomationRepository).self { return CountingRules(store: self) as? Feature }
        return self as? Feature ?? backingStore as? Feature
    }

    struct CountingRules: AutomationRepository {
        let store: RuleReadCountingStore

        func rule(_ id: AutomationRuleID) async throws -> AutomationRule? { try await store.backingStore.rule(id) }

        func rules() async throws -> [AutomationRule] {
            store.reads.withLock { $0 += 1 }
            return try await store.backingStore.rules()
        }

        func ruleSetStamp() async throws -> RuleSetStamp { try await store.backingStore.ruleSetStamp() }
    }
}

/// The engine compiles the rules once per change of the rule set and reuses the plan while the
/// store's stamp stays the same.
@Suite("Automation rules: the plan is cached under the rule-set stamp")
struct RulePlanCacheTests {
    @Test func commandsReadTheRuleListOnlyAfterTheRulesChanged() async throws {
        let store = RuleReadCountingStore()
        let test = try await TestDesk.make(store: store)
        var definition = RuleDefinition(
            name: "Printers are urgent", priority: 1, triggers: [.ticketCreated, .ticketChanged],
            conditions: [.textContains("printer"), .not(.priority([.critical]))], actions: [.setPriority(.high)])
        let rule = try await test.desk.defineRule(definition, by: .system)
        _ = try await test.desk.defineRule(
            RuleDefinition(
                name: "Critical to the field", priority: 2, triggers: [.ticketChanged],
                conditions: [.priority([.critical])], actions: [.setGroup(test.fieldEngineers.id)]),
            by: .system)

        var reads = store.ruleListReads
        var tickets: [Ticket] = []
        for index in 0..<20 { tickets.append(try await test.ticket("Printer \(index)")) }
        #expect(tickets.allSatisfy { $0.priority == .high })
        let updated = try await test.desk.updateTicket(
            tickets[0].id, TicketUpdate(priority: .critical), by: .employee(test.anna.id))
        #expect(updated.groupID == test.fieldEngineers.id)
        #expect(store.ruleListReads - reads == 1, "compiled once for 21 commands")

        definition.actions = [.setPriority(.low)]
        _ = try await test.desk.changeRule(rule.id, definition, by: .system)
        reads = store.ruleListReads
        for index in 0..<5 { #expect(try await test.ticket("Printer again \(index)").priority == .low) }
        #expect(store.ruleListReads - reads == 1, "compiled again after the change, once")

        // A unit the rules do not touch keeps the plan.
        _ = try await test.desk.addGroup(named: "Night shift", by: .system)
        reads = store.ruleListReads
        _ = try await test.ticket("Printer at night")
        #expect(store.ruleListReads == reads)
    }
}
