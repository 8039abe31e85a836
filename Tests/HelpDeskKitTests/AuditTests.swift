import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@Suite("Audit trail")
struct AuditTests {
    /// Every stored property of `Ticket` is either audited or bookkeeping: a new field cannot be
    /// added without deciding how it is audited.
    @Test func everyTicketFieldIsAudited() async throws {
        let test = try await TestDesk.make()
        let ticket = try await test.ticket()
        let bookkeeping: Set<String> = ["id", "number", "createdAt", "updatedAt", "revision"]
        let audited = Set(AuditField.allCases.map(\.rawValue))
        for child in Mirror(reflecting: ticket).children {
            // A property wrapper (`@Boxed var sla`) is stored as `_sla`.
            let label = String(try #require(child.label).drop { $0 == "_" })
            #expect(
                bookkeeping.contains(label) || audited.contains(label), "\(label) is neither audited nor bookkeeping")
        }
    }

    @Test func anEntryRecordsFieldOldAndNewValuePerformerAndInstant() async throws {
        let test = try await TestDesk.make()
        let ticket = try await test.ticket(priority: .normal)
        test.clock.advance(by: 90)
        _ = try await test.desk.updateTicket(
            ticket.id, TicketUpdate(title: "Printer jams badly", priority: .high, customFields: ["floor": .integer(3)]),
            by: .employee(test.boris.id))
        let entries = try await test.desk.auditTrail(of: ticket.id, as: .system).dropFirst()
        #expect(entries.map(\.field) == [.title, .priority, .customFields])
        #expect(entries.map(\.oldValue) == ["Printer jams", "normal", nil])
        #expect(entries.map(\.newValue) == ["Printer jams badly", "high", "floor=3"])
        #expect(entries.allSatisfy { $0.performer == .employee(test.boris.id) })
        #expect(entries.allSatisfy { $0.at == TestDesk.start.addingTimeInterval(90) })
    }

    /// Seeded random command sequences: after every accepted command each changed ticket has new
    /// audit entries naming exactly the changed fields and its revision grew by one; after every
    /// rejected command nothing changed at all.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomCommandsNeverChangeATicketUnaudited(seed: UInt64) async throws {
        let test = try await TestDesk.make(seed: seed)
        var random = SplitMix64(seed: seed)
        var commands = RandomCommands(test: test)
        var accepted = 0
        var rejected = 0
        for _ in 0..<250 {
            let before = try await test.snapshot()
            test.clock.advance(by: Double(random.next() % 3_600))
            let outcome = try await commands.runOne(using: &random, tickets: before.tickets)
            let after = try await test.snapshot()
            if outcome == .rejected {
                rejected += 1
                #expect(after == before, "a rejected command changed the store")
                continue
            }
            accepted += 1
            let old = Dictionary(uniqueKeysWithValues: before.tickets.map { ($0.id, $0) })
            for ticket in after.tickets {
                let newEntries = (after.audit[ticket.id] ?? []).dropFirst(before.audit[ticket.id]?.count ?? 0)
                guard let previous = old[ticket.id] else {
                    #expect(newEntries.map(\.field) == [.created])
                    continue
                }
                let changedFields = Set(AuditField.allCases.filter { $0.differs(previous, ticket) })
                let newComments = (after.comments[ticket.id]?.count ?? 0) - (before.comments[ticket.id]?.count ?? 0)
                let auditedFields = Set(newEntries.map(\.field)).subtracting([.comment])
                #expect(
                    auditedFields == changedFields,
                    "\(ticket.number): audited \(auditedFields), changed \(changedFields)")
                #expect(newEntries.filter { $0.field == .comment }.count == newComments)
                let touched = !changedFields.isEmpty || newComments > 0
                #expect(ticket.revision == previous.revision + (touched ? 1 : 0))
            }
        }
        #expect(accepted > 50 && rejected > 20, "the random walk must exercise both paths (\(accepted)/\(rejected))")
    }
}

extension AuditField {
    /// `true` when this field differs between two versions of a ticket (reflection-based, so the
    /// check does not share code with the engine's own diff).
    func differs(_ lhs: Ticket, _ rhs: Ticket) -> Bool {
        guard self != .created, self != .comment else { return false }
        let actions: [AuditField] = [.timeEntries, .rating, .paidWorkApproval, .specification, .settlement, .automation, .visit]
        guard !actions.contains(self) else {
            return false
        }
        let label = { (child: Mirror.Child) in child.label == rawValue || child.label == "_" + rawValue }
        let left = Mirror(reflecting: lhs).children.first(where: label)!.value
        let right = Mirror(reflecting: rhs).children.first(where: label)!.value
        return String(reflecting: left) != String(reflecting: right)
    }
}
