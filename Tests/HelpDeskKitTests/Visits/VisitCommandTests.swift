import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing
import WorkingTime

@Suite("Visits: planning, moving and cancelling a ticket's visit")
struct VisitCommandTests {
    @Test func planningAuditsInWordsAndTellsStaffAndEveryClientOnce() async throws {
        let v = try await VisitDesk.make()
        let before = try await v.desk.lastEventSequenceForTests()
        let visit = try await v.desk.planVisit(on: v.ticket.id, v.request(), by: v.anna)
        #expect(
            visit.revision == 1 && !visit.isCancelled && visit.end == VisitDesk.tuesdayTen.addingTimeInterval(5_400))
        #expect(try await v.desk.visit(of: v.ticket.id, as: v.anna) == visit)
        let audit = try await v.desk.auditTrail(of: v.ticket.id, as: .system).filter { $0.field == .visit }
        #expect(audit.map(\.newValue) == ["Tue 3 Mar 10:00–11:30 (Europe/Moscow) · B. Engineer · Main office"])
        #expect(audit.map(\.oldValue) == [nil])
        let events = try await v.events(after: before)
        let planned = events.filter { $0.event.name == "visitPlanned" }
        #expect(planned.count == 1)
        #expect(planned.first?.audience.requester == .contact(v.olga.id))
        #expect(planned.first?.audience.contactIDs == [v.carl.id])
        #expect(planned.first?.audience.employeeIDs == [v.test.boris.id], "the engineer hears of it")
        let notices = events.compactMap { event -> (Notice, Audience)? in
            if case .noticeSent(_, _, let notice) = event.event { return (notice, event.audience) }
            return nil
        }
        #expect(notices.count == 2, "one notice for Olga, one for Carl")
        #expect(notices.allSatisfy { $0.0.purpose == .visit && $0.0.reader == .client })
        let olgas = try #require(notices.first { $0.1.requester == .contact(v.olga.id) }?.0)
        #expect(olgas.text.contains("Hello, Olga!"))
        #expect(olgas.text.contains("Tue 3 Mar 10:00–11:30 (Europe/Moscow)"))
        #expect(olgas.text.contains("Engineers: B. Engineer. Site: Main office."))
        #expect(olgas.subject.hasPrefix("[\(v.ticket.number)] Engineer visit"))
    }

    @Test func movingAndCancellingEachAnnounceOnceAndANoOpNothing() async throws {
        let v = try await VisitDesk.make()
        _ = try await v.desk.planVisit(on: v.ticket.id, v.request(), by: v.anna)
        var sequence = try await v.desk.lastEventSequenceForTests()
        let moved = try await v.desk.rescheduleVisit(
            on: v.ticket.id, to: v.request(hours: 24, crew: [v.test.boris.id, v.test.anna.id]), expectedRevision: 1,
            by: .system)
        #expect(moved.revision == 2 && moved.employeeIDs == [v.test.boris.id, v.test.anna.id])
        var events = try await v.events(after: sequence)
        #expect(events.map(\.event.name) == ["visitRescheduled", "noticeSent", "noticeSent"])
        #expect(Set(events[0].audience.employeeIDs) == [v.test.anna.id, v.test.boris.id], "the old and new crew")
        if case .noticeSent(_, _, let notice) = events[1].event {
            #expect(notice.text.contains("now Wed 4 Mar 10:00–11:30 (Europe/Moscow) (was Tue 3 Mar 10:00–11:30"))
            #expect(notice.text.contains("Engineers: B. Engineer, A. Dispatcher."))
        } else {
            Issue.record("no notice: \(events[1].event)")
        }
        sequence = try await v.desk.lastEventSequenceForTests()
        let same = try await v.desk.rescheduleVisit(
            on: v.ticket.id, to: v.request(hours: 24, crew: [v.test.boris.id, v.test.anna.id]), by: .system)
        #expect(same == moved, "nothing changed: the stored visit")
        #expect(try await v.events(after: sequence).isEmpty, "a move that moves nothing announces nothing")
        await #expect(throws: HelpDeskError.visitChanged(v.ticket.number, revision: 2)) {
            try await v.desk.rescheduleVisit(on: v.ticket.id, to: v.request(), expectedRevision: 1, by: .system)
        }
        let cancelled = try await v.desk.cancelVisit(on: v.ticket.id, by: v.anna)
        #expect(cancelled.isCancelled && cancelled.revision == 3)
        events = try await v.events(after: sequence)
        #expect(events.map(\.event.name) == ["visitCancelled", "noticeSent", "noticeSent"])
        let audit = try await v.desk.auditTrail(of: v.ticket.id, as: .system).filter { $0.field == .visit }
        #expect(audit.map(\.newValue).last == "cancelled")
        #expect(audit.count == 3)
        await #expect(throws: HelpDeskError.visitNotFound(v.ticket.number)) {
            try await v.desk.cancelVisit(on: v.ticket.id, by: v.anna)
        }
        await #expect(throws: HelpDeskError.visitNotFound(v.ticket.number)) {
            try await v.desk.rescheduleVisit(on: v.ticket.id, to: v.request(), by: v.anna)
        }
        let again = try await v.desk.planVisit(on: v.ticket.id, v.request(hours: 48), by: v.anna)
        #expect(again.revision == 4 && !again.isCancelled, "a cancelled visit may be planned again")
        await #expect(throws: HelpDeskError.visitAlreadyPlanned(v.ticket.number)) {
            try await v.desk.planVisit(on: v.ticket.id, v.request(), by: v.anna)
        }
    }

    @Test func anIdempotencyKeyPlansOnce() async throws {
        let v = try await VisitDesk.make()
        let key = IdempotencyKey("plan-1")
        let first = try await v.desk.planVisit(on: v.ticket.id, v.request(), by: v.anna, idempotencyKey: key)
        let sequence = try await v.desk.lastEventSequenceForTests()
        let second = try await v.desk.planVisit(on: v.ticket.id, v.request(), by: v.anna, idempotencyKey: key)
        #expect(first == second)
        #expect(try await v.events(after: sequence).isEmpty)
    }

    @Test func theDispatcherListAndThePortalShowWhatEachMaySee() async throws {
        let v = try await VisitDesk.make()
        let other = try await v.desk.createTicket(
            NewTicket(title: "Second", channel: .phone, requester: .contact(v.carl.id), companyID: v.northwind.id),
            by: v.anna)
        _ = try await v.desk.planVisit(on: other.id, v.request(hours: 1, crew: [v.test.anna.id]), by: v.anna)
        let planned = try await v.desk.planVisit(on: v.ticket.id, v.request(hours: 1), by: v.anna)
        let week = (VisitDesk.tuesdayTen, VisitDesk.tuesdayTen.addingTimeInterval(7 * 86_400))
        let all = try await v.desk.visits(from: week.0, to: week.1, as: v.anna)
        #expect(all.map(\.ticketID) == [other.id, v.ticket.id].sorted(), "same start: by ticket")
        #expect(try await v.desk.visits(from: week.0, to: week.1, employee: v.test.boris.id, as: v.anna) == [planned])
        await #expect(throws: HelpDeskError.invalidInput(field: "to", problem: .notAfterStart)) {
            try await v.desk.visits(from: week.1, to: week.0, as: v.anna)
        }
        let portal = try await v.desk.portal(for: v.olga.id).visit(of: v.ticket.id)
        #expect(
            portal
                == PortalVisit(
                    start: planned.start, end: planned.end, timeZoneIdentifier: "Europe/Moscow",
                    when: "Tue 3 Mar 11:00–12:30 (Europe/Moscow)", engineerNames: ["B. Engineer"],
                    siteName: "Main office"))
        // Olga may not see Carl's own ticket (per-member sharing): it is not found.
        await #expect(throws: HelpDeskError.ticketNotFound(other.id)) {
            try await v.desk.portal(for: v.olga.id).visit(of: other.id)
        }
        _ = try await v.desk.cancelVisit(on: v.ticket.id, by: v.anna)
        #expect(try await v.desk.portal(for: v.olga.id).visit(of: v.ticket.id) == nil)
        await #expect(throws: HelpDeskError.self) { try await v.desk.visit(of: v.ticket.id, as: .contact(v.olga.id)) }
        await #expect(throws: HelpDeskError.self) {
            try await v.desk.visits(from: week.0, to: week.1, as: .contact(v.olga.id))
        }
    }

    /// Every hostile request is a typed error and changes nothing.
    @Test func hostileRequestsAreRefusedWithTypedErrorsAndChangeNothing() async throws {
        let v = try await VisitDesk.make()
        _ = try await v.desk.planVisit(on: v.ticket.id, v.request(), by: v.anna)
        let now = VisitDesk.tuesdayTen
        func window(_ start: Date, _ duration: Double) throws -> DateInterval {
            try JSONDecoder().decode(
                DateInterval.self,
                from: Data("{\"start\":\(start.timeIntervalSinceReferenceDate),\"duration\":\(duration)}".utf8))
        }
        var requests: [(VisitRequest, HelpDeskError.Code)] = []
        for minutes in [Int.min, -1, 0, 1_441, Int.max] {
            requests.append((v.request(minutes: minutes), .invalidInput))
        }
        for start in [
            Date(timeIntervalSinceReferenceDate: .nan), .distantFuture, .distantPast,
            Date(timeIntervalSinceReferenceDate: .infinity), Date(timeIntervalSinceReferenceDate: -.infinity),
            SupportedInstants.upperBound.addingTimeInterval(-60),
        ] {
            var request = v.request()
            request.start = start
            requests.append((request, .invalidInput))
        }
        for crew in [[], Array(repeating: v.test.boris.id, count: 2), (0..<21).map { _ in EmployeeID(UUID()) }] {
            requests.append((v.request(crew: crew), .invalidInput))
        }
        requests.append((v.request(crew: [EmployeeID(UUID())]), .notFound))
        requests.append((v.request(crew: [v.test.former.id]), .rejected))
        var inverted = v.request()
        inverted.window = try window(now, -3_600)
        requests.append((inverted, .invalidInput))
        var narrow = v.request()
        narrow.window = DateInterval(start: now, duration: 60)
        requests.append((narrow, .invalidInput))
        var foreign = v.request()
        foreign.locationID = v.betaSite.id
        requests.append((foreign, .invalidInput))
        var unknownSite = v.request()
        unknownSite.locationID = LocationID(UUID())
        requests.append((unknownSite, .notFound))
        let before = try await v.test.snapshot()
        for (request, code) in requests {
            do {
                _ = try await v.desk.rescheduleVisit(on: v.ticket.id, to: request, by: v.anna)
                Issue.record("accepted \(request)")
            } catch {
                #expect(error.code == code, "\(request): \(error)")
            }
        }
        #expect(try await v.test.snapshot() == before)
        // A closed ticket's visit is locked; an unknown ticket is not found.
        _ = try await v.desk.changeStatus(v.ticket.id, to: .inProgress, by: v.anna)
        _ = try await v.desk.changeStatus(v.ticket.id, to: .resolved, by: v.anna)
        _ = try await v.desk.changeStatus(v.ticket.id, to: .closed, by: v.anna)
        let closed = try await v.test.snapshot()
        await #expect(throws: HelpDeskError.self) { try await v.desk.cancelVisit(on: v.ticket.id, by: v.anna) }
        await #expect(
            throws: HelpDeskError.ticketNotFound(TicketID(UUID(uuidString: "00000000-0000-4000-8000-000000000001")!))
        ) {
            try await v.desk.cancelVisit(
                on: TicketID(UUID(uuidString: "00000000-0000-4000-8000-000000000001")!), by: v.anna)
        }
        #expect(try await v.test.snapshot() == closed)
    }

    @Test func wordsRunPastMidnightAndAbbreviateNames() async throws {
        let v = try await VisitDesk.make()
        _ = try await v.desk.planVisit(on: v.ticket.id, v.request(hours: 13, minutes: 180), by: v.anna)
        let audit = try await v.desk.auditTrail(of: v.ticket.id, as: .system).filter { $0.field == .visit }
        #expect(
            audit.map(\.newValue) == ["Tue 3 Mar 23:00 – Wed 4 Mar 02:00 (Europe/Moscow) · B. Engineer · Main office"])
    }
}

extension HelpDesk {
    /// The outbox's last sequence (read as the engine).
    func lastEventSequenceForTests() async throws -> UInt64 {
        try await undeliveredEvents(limit: 10_000, as: .system).last?.sequence ?? 0
    }
}
