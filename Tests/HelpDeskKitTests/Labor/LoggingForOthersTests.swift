import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Time is logged by a performer, for the employee who did the work.
@Suite("Labor: logging time for another employee")
struct LoggingForOthersTests {
    @Test func aDispatcherLogsAnEngineersTimeAndIsAuditedAsThePerformer() async throws {
        let test = try await LaborFixtures.desk()
        let ticket = try await test.ticket()
        let entry = try await test.desk.logTime(
            on: ticket.id, NewTimeEntry(workDate: LaborFixtures.monday, minutes: 30, employeeID: test.boris.id),
            by: .employee(test.anna.id))
        #expect(entry.employeeID == test.boris.id)
        let audit = try #require(try await test.desk.auditTrail(of: ticket.id, as: .system).last)
        #expect(audit.performer == .employee(test.anna.id))
        let bySystem = try await test.desk.logTime(
            on: ticket.id, NewTimeEntry(workDate: LaborFixtures.monday, minutes: 15, employeeID: test.anna.id),
            by: .system)
        #expect(bySystem.employeeID == test.anna.id)
    }

    @Test func theWorkerMustBeNamedUnlessThePerformerIsAnEmployee() async throws {
        let test = try await LaborFixtures.desk()
        let ticket = try await test.ticket()
        let before = try await test.snapshot()
        await #expect(throws: HelpDeskError.invalidInput(field: "employeeID", problem: .blank)) {
            try await test.desk.logTime(
                on: ticket.id, NewTimeEntry(workDate: LaborFixtures.monday, minutes: 30), by: .system)
        }
        await #expect(throws: HelpDeskError.employeeInactive(test.former.id)) {
            try await test.desk.logTime(
                on: ticket.id, NewTimeEntry(workDate: LaborFixtures.monday, minutes: 30, employeeID: test.former.id),
                by: .system)
        }
        #expect(try await test.snapshot() == before)
    }
}
