import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@Suite("Status changes, postponement and tick")
struct StatusAndPostponeTests {
    @Test func theStandardWorkflowRunsFromNewToClosed() async throws {
        let test = try await TestDesk.make()
        let ticket = try await test.ticket()
        let actor = Performer.employee(test.boris.id)
        _ = try await test.desk.changeStatus(ticket.id, to: .inProgress, by: actor)
        test.clock.advance(by: 600)
        let resolved = try await test.desk.changeStatus(ticket.id, to: .resolved, by: actor)
        #expect(resolved.resolvedAt == TestDesk.start.addingTimeInterval(600))
        test.clock.advance(by: 600)
        let closed = try await test.desk.changeStatus(ticket.id, to: .closed, by: actor)
        #expect(closed.closedAt == TestDesk.start.addingTimeInterval(1_200))
        #expect(closed.resolvedAt == resolved.resolvedAt)
        #expect(closed.revision == 4)
        let statuses = try await test.desk.auditTrail(of: ticket.id, as: .system).filter { $0.field == .status }
        #expect(statuses.map(\.newValue) == ["in_progress", "resolved", "closed"])
    }

    @Test func aClosedTicketIsLocked() async throws {
        let test = try await TestDesk.make()
        let ticket = try await test.ticket()
        let actor = Performer.employee(test.anna.id)
        _ = try await test.desk.changeStatus(ticket.id, to: .resolved, by: actor)
        let closed = try await test.desk.changeStatus(ticket.id, to: .closed, by: actor)
        await #expect(throws: HelpDeskError.ticketLocked(closed.number, status: .closed)) {
            _ = try await test.desk.comment(on: ticket.id, NewComment("Still broken"), by: .client(name: "Ivan Petrov"))
        }
        await #expect(throws: HelpDeskError.ticketLocked(closed.number, status: .closed)) {
            _ = try await test.desk.assign(ticket.id, to: test.boris.id, group: nil, by: actor)
        }
    }

    @Test func reopeningClearsTheResolutionInstant() async throws {
        let test = try await TestDesk.make()
        let ticket = try await test.ticket()
        let actor = Performer.employee(test.anna.id)
        _ = try await test.desk.changeStatus(ticket.id, to: .resolved, by: actor)
        let reopened = try await test.desk.changeStatus(ticket.id, to: .inProgress, by: actor)
        #expect(reopened.resolvedAt == nil)
    }

    @Test func changingToTheCurrentStatusChangesNothing() async throws {
        let test = try await TestDesk.make()
        let ticket = try await test.ticket()
        let before = try await test.snapshot()
        let same = try await test.desk.changeStatus(ticket.id, to: .new, by: .employee(test.anna.id))
        #expect(same == ticket)
        #expect(try await test.snapshot() == before)
    }

    @Test func aPostponedTicketReturnsToWorkWhenTickedPastItsInstant() async throws {
        let test = try await TestDesk.make()
        let ticket = try await test.ticket()
        let until = TestDesk.start.addingTimeInterval(3 * 3_600)
        let postponed = try await test.desk.postpone(ticket.id, until: until, by: .employee(test.anna.id))
        #expect(postponed.status == .postponed)
        #expect(postponed.postponedUntil == until)

        let early = try await test.desk.tick(now: until.addingTimeInterval(-1))
        #expect(early.returnedToWork.isEmpty)
        #expect(try await test.desk.ticket(ticket.id, as: .system).status == .postponed)

        let late = until.addingTimeInterval(5_000)
        test.clock.set(to: late)
        let report = try await test.desk.tick(now: late)
        #expect(report.returnedToWork == [ticket.number])
        let returned = try await test.desk.ticket(ticket.id, as: .system)
        #expect(returned.status == .inProgress)
        #expect(returned.postponedUntil == nil)
        #expect(returned.updatedAt == until, "the return is stamped at the postponement instant, not the tick")
        let entry = try #require(try await test.desk.auditTrail(of: ticket.id, as: .system).last)
        #expect(entry.performer == .system)
        #expect(entry.at == until)

        let again = try await test.desk.tick(now: late)
        #expect(again.returnedToWork.isEmpty, "ticking twice is harmless")
        let names = try await test.desk.undeliveredEvents(as: .system).map(\.event.name)
        #expect(names.suffix(2) == ["statusChanged", "returnedToWork"])
    }

    @Test func postponingAgainMovesTheDateAndAManualResumeCancelsIt() async throws {
        let test = try await TestDesk.make()
        let ticket = try await test.ticket()
        let actor = Performer.employee(test.anna.id)
        _ = try await test.desk.postpone(ticket.id, until: TestDesk.start.addingTimeInterval(3_600), by: actor)
        let moved = try await test.desk.postpone(ticket.id, until: TestDesk.start.addingTimeInterval(7_200), by: actor)
        #expect(moved.postponedUntil == TestDesk.start.addingTimeInterval(7_200))
        let resumed = try await test.desk.changeStatus(ticket.id, to: .inProgress, by: actor)
        #expect(resumed.postponedUntil == nil)
        #expect(
            try await test.desk.tick(now: TestDesk.start.addingTimeInterval(100 * 365 * 86_400)).returnedToWork.isEmpty)
    }

    @Test func leavingThePostponedStatusForAnotherWaitingStatusCancelsTheReturn() async throws {
        let test = try await TestDesk.make()
        let ticket = try await test.ticket()
        let actor = Performer.employee(test.anna.id)
        _ = try await test.desk.postpone(ticket.id, until: TestDesk.start.addingTimeInterval(3_600), by: actor)
        let waiting = try await test.desk.changeStatus(ticket.id, to: .waitingForClient, by: actor)
        #expect(waiting.postponedUntil == nil)
        #expect(
            try await test.desk.tick(now: TestDesk.start.addingTimeInterval(100 * 365 * 86_400)).returnedToWork.isEmpty)
        #expect(try await test.desk.ticket(ticket.id, as: .system).status == .waitingForClient)
    }

    @Test func ticksReturnManyTicketsInOrderOfTheirInstants() async throws {
        let test = try await TestDesk.make()
        var expected: [(Date, TicketNumber)] = []
        for offset in [5, 1, 3, 2, 4] {
            let ticket = try await test.ticket("Ticket \(offset)")
            let until = TestDesk.start.addingTimeInterval(Double(offset) * 600)
            _ = try await test.desk.postpone(ticket.id, until: until, by: .employee(test.anna.id))
            expected.append((until, ticket.number))
        }
        let report = try await test.desk.tick(now: TestDesk.start.addingTimeInterval(3 * 600))
        let due = expected.filter { $0.0 <= TestDesk.start.addingTimeInterval(1_800) }.sorted { $0.0 < $1.0 }
        #expect(report.returnedToWork == due.map(\.1))
    }
}
