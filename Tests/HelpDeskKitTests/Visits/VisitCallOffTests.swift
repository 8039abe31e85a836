import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@Suite("Visits: a ticket taken out of work calls off its visit still ahead")
struct VisitCallOffTests {
    /// The visit notices (to clients) among `events`.
    static func visitNotices(_ events: [OutboxEvent]) -> [Notice] {
        events.compactMap { event in
            if case .noticeSent(_, _, let notice) = event.event, notice.purpose == .visit { return notice }
            return nil
        }
    }

    @Test func resolvingCallsOffTheVisitAheadOnceAndTellsEveryClient() async throws {
        let v = try await VisitDesk.make()
        _ = try await v.desk.planVisit(on: v.ticket.id, v.request(), by: v.anna)
        _ = try await v.desk.changeStatus(v.ticket.id, to: .inProgress, by: v.anna)
        #expect(try await v.desk.visit(of: v.ticket.id, as: v.anna)?.isCancelled == false, "still in work")
        let sequence = try await v.desk.lastEventSequenceForTests()
        _ = try await v.desk.changeStatus(v.ticket.id, to: .resolved, by: v.anna)
        let visit = try #require(try await v.desk.visit(of: v.ticket.id, as: v.anna))
        #expect(visit.isCancelled && visit.revision == 2)
        let audit = try await v.desk.auditTrail(of: v.ticket.id, as: .system).filter { $0.field == .visit }
        #expect(audit.map(\.newValue).last == "cancelled (ticket resolved)")
        #expect(audit.last?.performer == v.anna)
        let events = try await v.events(after: sequence)
        #expect(events.filter { $0.event.name == "visitCancelled" }.count == 1)
        #expect(events.first { $0.event.name == "visitCancelled" }?.audience.employeeIDs == [v.test.boris.id])
        let notices = Self.visitNotices(events)
        #expect(notices.count == 2, "Olga and Carl hear the visit is off")
        #expect(notices.allSatisfy { $0.text.contains("cancelled") || $0.subject.contains("cancelled") })
        // Closing the resolved ticket calls off nothing more.
        let resolved = try await v.desk.lastEventSequenceForTests()
        _ = try await v.desk.changeStatus(v.ticket.id, to: .closed, by: v.anna)
        #expect(try await v.events(after: resolved).allSatisfy { !$0.event.name.hasPrefix("visit") })
        #expect(try await v.desk.visit(of: v.ticket.id, as: v.anna)?.revision == 2)
    }

    @Test func aTicketOutOfWorkTakesNoVisitUntilItIsBackInWork() async throws {
        let v = try await VisitDesk.make()
        _ = try await v.desk.changeStatus(v.ticket.id, to: .cancelled, by: v.anna)
        let before = try await v.test.snapshot()
        await #expect(throws: HelpDeskError.visitTicketNotInWork(v.ticket.number, status: .cancelled)) {
            try await v.desk.planVisit(on: v.ticket.id, v.request(), by: v.anna)
        }
        #expect(try await v.test.snapshot() == before, "a refused visit changes nothing")
        _ = try await v.desk.changeStatus(v.ticket.id, to: .inProgress, by: v.anna)
        let planned = try await v.desk.planVisit(on: v.ticket.id, v.request(), by: v.anna)
        #expect(!planned.isCancelled)
        _ = try await v.desk.changeStatus(v.ticket.id, to: .resolved, by: v.anna)
        _ = try await v.desk.changeStatus(v.ticket.id, to: .inProgress, by: v.anna)
        let back = try #require(try await v.desk.visit(of: v.ticket.id, as: v.anna))
        #expect(back.isCancelled, "reopening does not bring a called-off visit back")
        let again = try await v.desk.planVisit(on: v.ticket.id, v.request(hours: 24), by: v.anna)
        #expect(!again.isCancelled && again.revision == 3)
    }

    @Test func cancellingTheTicketCallsItOffWithTheReason() async throws {
        let v = try await VisitDesk.make()
        _ = try await v.desk.planVisit(on: v.ticket.id, v.request(), by: v.anna)
        _ = try await v.desk.changeStatus(v.ticket.id, to: .cancelled, by: .system)
        let audit = try await v.desk.auditTrail(of: v.ticket.id, as: .system).filter { $0.field == .visit }
        #expect(audit.map(\.newValue).last == "cancelled (ticket cancelled)")
        #expect(audit.last?.performer == .system)
    }

    @Test func aVisitUnderWayOrOverStaysTheRecordOfTheWorkDone() async throws {
        for minutesIn in [0.0, 30, 600] {
            let v = try await VisitDesk.make()
            _ = try await v.desk.planVisit(on: v.ticket.id, v.request(), by: v.anna)
            v.test.clock.set(to: VisitDesk.tuesdayTen.addingTimeInterval(minutesIn * 60))
            let sequence = try await v.desk.lastEventSequenceForTests()
            _ = try await v.desk.changeStatus(v.ticket.id, to: .resolved, by: v.anna)
            let visit = try #require(try await v.desk.visit(of: v.ticket.id, as: v.anna))
            #expect(!visit.isCancelled && visit.revision == 1, "\(minutesIn) minutes after the start")
            #expect(try await v.events(after: sequence).allSatisfy { !$0.event.name.hasPrefix("visit") })
        }
    }

    @Test func movesAmongStatusesInWorkLeaveTheVisit() async throws {
        let v = try await VisitDesk.make()
        _ = try await v.desk.planVisit(on: v.ticket.id, v.request(), by: v.anna)
        for status: StatusCode in [.inProgress, .waitingForClient, .inProgress] {
            _ = try await v.desk.changeStatus(v.ticket.id, to: status, by: v.anna)
        }
        let visit = try #require(try await v.desk.visit(of: v.ticket.id, as: v.anna))
        #expect(!visit.isCancelled && visit.revision == 1)
    }
}
