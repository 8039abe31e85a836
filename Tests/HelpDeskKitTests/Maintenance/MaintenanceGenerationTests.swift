import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Recurrence
import Testing
import WorkingTime

@Suite("Maintenance plans: the tick opens each due occurrence's ticket once")
struct MaintenanceGenerationTests {
    typealias F = MaintenanceFixture

    /// Ticks once a day, 08:00 Moscow time, from `first` through `last`.
    static func tickDaily(_ f: F, from first: String, through last: String) async throws {
        var day = F.date(first)
        while day <= F.date(last) {
            try await f.tick(day.description)
            day = try day.adding(days: 1)
        }
    }

    @Test("a due occurrence opens a ticket from the template with its planned visit, once")
    func generatesFromTemplate() async throws {
        let f = try await F.make()
        let plan = try await f.desk.createMaintenancePlan(
            try f.request(try F.monthly(), from: "2026-03-10"), by: .system)
        #expect(try await f.tick("2026-03-09").maintenanceTickets.isEmpty)
        let report = try await f.tick("2026-03-10")
        #expect(report.maintenanceTickets.count == 1)
        #expect(try await f.tick("2026-03-10").maintenanceTickets.isEmpty, "ticking again opens nothing")
        let records = try await f.desk.maintenanceOccurrences(of: plan.id, as: .system)
        let ticketID = try #require(records.first?.outcome.ticketID)
        let ticket = try await f.desk.ticket(ticketID, as: .system)
        #expect(ticket.title == "Preventive maintenance")
        #expect(ticket.description == "Monthly service of the printer.\n\n☐ Clean the rollers\n☐ Replace the toner")
        #expect(ticket.channel == .api)
        #expect(ticket.requester == .freeText("Maintenance plan «Printer maintenance»"))
        #expect(ticket.companyID == f.company.id && ticket.contractID == f.contract.id)
        #expect(ticket.locationID == f.office.id && ticket.assetIDs == [f.printer.id])
        #expect(ticket.assigneeID == f.test.boris.id && ticket.groupID == f.test.fieldEngineers.id)
        #expect(ticket.priority == .high && ticket.categoryID == f.test.onSite.id)
        let visits = try #require(try f.test.store.feature((any VisitRepository).self))
        let visit = try #require(try await visits.visit(ofTicket: ticketID))
        #expect(visit.start == Date(timeIntervalSince1970: 1_773_126_000), "2026-03-10 10:00 Moscow is 07:00 UTC")
        #expect(
            visit.durationMinutes == 90 && visit.employeeIDs == [f.test.boris.id] && visit.locationID == f.office.id)
        #expect(
            visit.window
                == DateInterval(
                    start: F.date("2026-03-08").instant(at: .midnight, in: F.moscow),
                    end: F.date("2026-03-13").instant(at: .midnight, in: F.moscow)), "± two days")
        try await f.tick("2026-04-10")
        #expect(try await f.outcomes(plan) == ["2026-03-10 generated", "2026-04-10 generated"])
    }

    @Test("without an assignee the ticket has no visit")
    func noAssigneeNoVisit() async throws {
        let f = try await F.make()
        var request = try f.request(try F.monthly(), from: "2026-03-10", assignee: false)
        request.template.categoryID = nil
        request.template.groupID = nil
        let plan = try await f.desk.createMaintenancePlan(request, by: .system)
        try await f.tick("2026-03-10")
        let ticketID = try #require(
            try await f.desk.maintenanceOccurrences(of: plan.id, as: .system).first?.outcome.ticketID)
        let visits = try #require(try f.test.store.feature((any VisitRepository).self))
        #expect(try await visits.visit(ofTicket: ticketID) == nil)
    }

    @Test("a retired asset is left off and a departed assignee leaves the ticket to the group")
    func outlivedRecords() async throws {
        let f = try await F.make()
        let plan = try await f.desk.createMaintenancePlan(
            try f.request(try F.monthly(), from: "2026-03-10"), by: .system)
        _ = try await f.desk.retireAsset(f.printer.id, by: .system)
        _ = try await f.desk.deactivateEmployee(f.test.boris.id, by: .system)
        let report = try await f.tick("2026-03-10")
        #expect(report.maintenanceFailures.isEmpty && report.maintenanceTickets.count == 1)
        let ticketID = try #require(
            try await f.desk.maintenanceOccurrences(of: plan.id, as: .system).first?.outcome.ticketID)
        let ticket = try await f.desk.ticket(ticketID, as: .system)
        #expect(ticket.assetIDs.isEmpty && ticket.assigneeID == nil && ticket.groupID == f.test.fieldEngineers.id)
        let visits = try #require(try f.test.store.feature((any VisitRepository).self))
        #expect(try await visits.visit(ofTicket: ticketID) == nil, "no assignee, no visit")
        var edited = try f.request(try F.monthly(), from: "2026-03-10")
        edited.leadDays = 1
        edited.template.assigneeID = nil
        #expect(
            try await f.desk.updateMaintenancePlan(plan.id, edited, expectedRevision: 1, by: .system).leadDays == 1,
            "the plan's own retired asset does not block an edit")
    }

    @Test("the visit keeps DTSTART's wall time across a DST change (Berlin, 29 March 2026)")
    func wallClockAcrossDST() async throws {
        let f = try await F.make()
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        var request = try f.request(try F.weekly(), from: "2026-03-23")
        request.schedule = try RecurrenceSchedule(
            rule: try F.weekly(), start: F.date("2026-03-23"), time: TimeOfDay(hour: 10), timeZone: berlin)
        let plan = try await f.desk.createMaintenancePlan(request, by: .system)
        try await f.tick("2026-03-31")
        let visits = try #require(try f.test.store.feature((any VisitRepository).self))
        var starts: [Date] = []
        for record in try await f.desk.maintenanceOccurrences(of: plan.id, as: .system) {
            let ticket = try #require(record.outcome.ticketID)
            let visit = try await visits.visit(ofTicket: ticket)
            starts.append(try #require(visit?.start))
        }
        #expect(
            starts == [Date(timeIntervalSince1970: 1_774_256_400), Date(timeIntervalSince1970: 1_774_857_600)],
            "09:00 UTC in winter time, 08:00 UTC in summer time")
    }

    @Test("the ticket is opened the lead days before the scheduled date")
    func leadTime() async throws {
        let f = try await F.make()
        let plan = try await f.desk.createMaintenancePlan(
            try f.request(try F.monthly(), from: "2026-03-10", leadDays: 5), by: .system)
        #expect(try await f.tick("2026-03-04").maintenanceTickets.isEmpty)
        #expect(try await f.tick("2026-03-05").maintenanceTickets.count == 1)
        let ticketID = try #require(
            try await f.desk.maintenanceOccurrences(of: plan.id, as: .system).first?.outcome.ticketID)
        let visits = try #require(try f.test.store.feature((any VisitRepository).self))
        #expect(try await visits.visit(ofTicket: ticketID)?.start == Date(timeIntervalSince1970: 1_773_126_000))
    }

    @Test(
        "days off move or skip occurrences by the plan's policy (Russian holidays of March and May 2026)",
        arguments: [
            (
                MaintenanceCalendarPolicy.nextWorkingDay,
                ["2026-03-09→2026-03-10 generated", "2026-04-09 generated", "2026-05-09→2026-05-12 generated"]
            ),
            (
                .previousWorkingDay,
                ["2026-03-09→2026-03-06 generated", "2026-04-09 generated", "2026-05-09→2026-05-08 generated"]
            ),
            (.skip, ["2026-03-09 calendar", "2026-04-09 generated", "2026-05-09 calendar"]),
            (.keep, ["2026-03-09 generated", "2026-04-09 generated", "2026-05-09 generated"]),
        ])
    func calendarPolicies(policy: MaintenanceCalendarPolicy, expected: [String]) async throws {
        let f = try await F.make()
        let plan = try await f.desk.createMaintenancePlan(
            try f.request(try F.monthly(), from: "2026-03-09", policy: policy), by: .system)
        try await Self.tickDaily(f, from: "2026-03-02", through: "2026-05-31")
        #expect(try await f.outcomes(plan) == expected)
    }

    @Test("a transferred working Saturday is a working day (27 April 2024), other Saturdays are skipped")
    func transferredWorkingDay() async throws {
        let f = try await F.make()
        let plan = try await f.desk.createMaintenancePlan(
            try f.request(try F.weekly(), from: "2024-04-20", policy: .skip, catchUp: .none), by: .system)
        try await Self.tickDaily(f, from: "2024-04-15", through: "2024-05-06")
        #expect(try await f.outcomes(plan) == ["2024-04-20 calendar", "2024-04-27 generated", "2024-05-04 calendar"])
    }

    @Test(
        "missed occurrences follow the catch-up policy",
        arguments: [
            (MaintenanceCatchUp.all, ["2026-01-13 generated", "2026-02-13 generated", "2026-03-13 generated"]),
            (.latest, ["2026-01-13 catchUp", "2026-02-13 catchUp", "2026-03-13 generated"]),
            (.none, ["2026-01-13 catchUp", "2026-02-13 catchUp", "2026-03-13 catchUp"]),
        ])
    func catchUp(policy: MaintenanceCatchUp, expected: [String]) async throws {
        let f = try await F.make()
        let plan = try await f.desk.createMaintenancePlan(
            try f.request(try F.monthly(), from: "2026-01-13", catchUp: policy), by: .system)
        try await f.tick("2026-03-20")
        #expect(try await f.outcomes(plan) == expected)
        try await f.tick("2026-04-13")
        #expect(try await f.outcomes(plan) == expected + ["2026-04-13 generated"], "on time: generated")
    }

    @Test("after completion: nothing new while the last ticket is open; the wait counts as missed")
    func afterCompletion() async throws {
        for (catchUp, expected) in [
            (MaintenanceCatchUp.all, ["2026-03-03 generated", "2026-03-10 generated"]),
            (.none, ["2026-03-03 generated", "2026-03-10 catchUp"]),
        ] {
            let f = try await F.make()
            let plan = try await f.desk.createMaintenancePlan(
                try f.request(try F.weekly(), from: "2026-03-03", catchUp: catchUp, afterCompletion: true), by: .system)
            try await f.tick("2026-03-03")
            #expect(try await f.tick("2026-03-10").maintenanceTickets.isEmpty, "the first ticket is open")
            let first = try #require(
                try await f.desk.maintenanceOccurrences(of: plan.id, as: .system).first?.outcome.ticketID)
            _ = try await f.desk.changeStatus(first, to: .inProgress, by: .system)
            _ = try await f.desk.changeStatus(first, to: .resolved, by: .system)
            try await f.tick("2026-03-11")
            #expect(try await f.outcomes(plan) == expected)
        }
    }

    @Test(
        "resuming: dates missed while paused follow the catch-up policy",
        arguments: [
            (MaintenanceCatchUp.all, ["2026-03-10 generated", "2026-04-10 generated", "2026-05-10 generated"]),
            (.latest, ["2026-03-10 generated", "2026-04-10 paused", "2026-05-10 generated"]),
            (.none, ["2026-03-10 generated", "2026-04-10 paused", "2026-05-10 paused"]),
        ])
    func pauseAndResume(policy: MaintenanceCatchUp, expected: [String]) async throws {
        let f = try await F.make()
        let plan = try await f.desk.createMaintenancePlan(
            try f.request(try F.monthly(), from: "2026-03-10", catchUp: policy), by: .system)
        try await f.tick("2026-03-10")
        let paused = try await f.desk.pauseMaintenancePlan(plan.id, by: .system)
        #expect(paused.status == .paused && paused.revision == 2)
        #expect(try await f.desk.pauseMaintenancePlan(plan.id, by: .system) == paused, "pausing again changes nothing")
        try await f.tick("2026-04-10")
        try await f.tick("2026-05-10")
        #expect(try await f.outcomes(plan) == ["2026-03-10 generated"], "nothing while paused")
        f.test.clock.set(to: F.date("2026-05-20").instant(at: try TimeOfDay(hour: 8), in: F.moscow))
        #expect(try await f.desk.resumeMaintenancePlan(plan.id, by: .system).status == .active)
        try await f.tick("2026-05-20")
        #expect(try await f.outcomes(plan) == expected)
    }

    @Test("ending: no occurrence on or after the end date; an ended plan cannot change")
    func ending() async throws {
        let f = try await F.make()
        let plan = try await f.desk.createMaintenancePlan(
            try f.request(try F.monthly(), from: "2026-03-10"), by: .system)
        let ended = try await f.desk.endMaintenancePlan(plan.id, from: F.date("2026-05-10"), by: .system)
        #expect(ended.status == .ended && ended.endsOn == F.date("2026-05-10"))
        try await Self.tickDaily(f, from: "2026-03-09", through: "2026-06-11")
        #expect(try await f.outcomes(plan) == ["2026-03-10 generated", "2026-04-10 generated"])
        let before = try await f.test.snapshot()
        for attempt in [
            { _ = try await f.desk.pauseMaintenancePlan(plan.id, by: .system) },
            { _ = try await f.desk.resumeMaintenancePlan(plan.id, by: .system) },
            { _ = try await f.desk.endMaintenancePlan(plan.id, by: .system) },
            {
                _ = try await f.desk.updateMaintenancePlan(
                    plan.id, try f.request(try F.weekly(), from: "2026-03-10"), expectedRevision: 2, by: .system)
            },
        ] as [@Sendable () async throws -> Void] {
            await #expect(throws: HelpDeskError.maintenancePlanEnded(plan.id)) { try await attempt() }
        }
        #expect(try await f.test.snapshot() == before)
    }

    @Test("editing the rule changes only the occurrences not yet recorded; a stale revision is refused")
    func editing() async throws {
        let f = try await F.make()
        let plan = try await f.desk.createMaintenancePlan(
            try f.request(try F.monthly(), from: "2026-03-10"), by: .system)
        try await f.tick("2026-03-10")
        let weekly = try f.request(try F.weekly(), from: "2026-03-10")
        await #expect(throws: HelpDeskError.maintenancePlanChanged(plan.id, revision: 1)) {
            _ = try await f.desk.updateMaintenancePlan(plan.id, weekly, expectedRevision: 7, by: .system)
        }
        let updated = try await f.desk.updateMaintenancePlan(plan.id, weekly, expectedRevision: 1, by: .system)
        #expect(updated.revision == 2 && updated.schedule.rule.frequency == .weekly)
        try await f.tick("2026-03-17")
        #expect(try await f.outcomes(plan) == ["2026-03-10 generated", "2026-03-17 generated"])
        let trail = try await f.desk.trail(of: .maintenancePlan(plan.id), as: .system)
        #expect(trail.map(\.action) == [.created, .updated])
        #expect(trail.last?.changes.map(\.field) == ["rule"])
    }

    @Test("commands are idempotent by key and announce their trail entries")
    func idempotentCommands() async throws {
        let f = try await F.make()
        let request = try f.request(try F.monthly(), from: "2026-03-10")
        let first = try await f.desk.createMaintenancePlan(request, by: .system, idempotencyKey: "plan-1")
        #expect(try await f.desk.createMaintenancePlan(request, by: .system, idempotencyKey: "plan-1") == first)
        var other = request
        other.name = "Another plan"
        await #expect(throws: HelpDeskError.idempotencyKeyReused("plan-1")) {
            _ = try await f.desk.createMaintenancePlan(other, by: .system, idempotencyKey: "plan-1")
        }
        #expect(try await f.desk.maintenancePlans(company: f.company.id, as: .system) == [first])
        let paused = try await f.desk.pauseMaintenancePlan(first.id, by: .system, idempotencyKey: "pause-1")
        #expect(try await f.desk.pauseMaintenancePlan(first.id, by: .system, idempotencyKey: "pause-1") == paused)
        let events = try await f.test.store.undeliveredEvents(limit: 1_000).compactMap { event in
            if case .recordChanged(.maintenancePlan(first.id), let action, _) = event.event { action } else { nil }
        }
        #expect(events == [.created, .statusChanged])
    }

    @Test("a plan whose company was deleted generates nothing and reports no failure")
    func deletedCompany() async throws {
        let f = try await F.make()
        let plan = try await f.desk.createMaintenancePlan(
            try f.request(try F.monthly(), from: "2026-03-10"), by: .system)
        _ = try await f.desk.deleteCompany(f.company.id, by: .system)
        let report = try await f.tick("2026-03-10")
        #expect(report.maintenanceTickets.isEmpty && report.maintenanceFailures.isEmpty)
        #expect(try await f.desk.maintenanceOccurrences(of: plan.id, as: .system).isEmpty)
    }

    @Test("a plan years behind is generated a bounded number of tickets per tick")
    func boundedTick() async throws {
        let f = try await F.make()
        let plan = try await f.desk.createMaintenancePlan(
            try f.request(try F.daily(), from: "2025-01-01", assignee: false), by: .system)
        let first = try await f.tick("2026-03-02")
        #expect(first.maintenanceTickets.count == HelpDesk.maintenanceTicketsPerTick)
        #expect(first.deferredMaintenancePlans == [plan.id])
        let second = try await f.tick("2026-03-02")
        #expect(second.maintenanceTickets.count == HelpDesk.maintenanceTicketsPerTick)
        #expect(try await f.desk.maintenanceOccurrences(of: plan.id, as: .system).count == 20)
    }

    @Test("two engines ticking at the same instants open each occurrence once")
    func twoEngines() async throws {
        let f = try await F.make()
        let plan = try await f.desk.createMaintenancePlan(
            try f.request(try F.weekly(), from: "2026-02-03", assignee: false), by: .system)
        let other = f.test.secondEngine(seed: 7)
        let now = F.date("2026-03-20").instant(at: try TimeOfDay(hour: 8), in: F.moscow)
        f.test.clock.set(to: now)
        let reports = try await withThrowingTaskGroup(of: TickReport.self) { group in
            for index in 0..<6 { group.addTask { try await (index.isMultiple(of: 2) ? f.desk : other).tick(now: now) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        // A plan whose every tick ran out of conflict retries is finished by a later tick, still once.
        let late = try await f.desk.tick(now: now).maintenanceTickets.count
        #expect(reports.map(\.maintenanceTickets.count).reduce(late, +) == 7, "Feb 3 … Mar 17: seven Tuesdays")
        #expect(try await f.desk.maintenanceOccurrences(of: plan.id, as: .system).count == 7)
    }
}

@Suite("Maintenance plans: deleting the client ends its plans")
struct MaintenanceCompanyDeletionTests {
    typealias F = MaintenanceFixture

    @Test("deleting a company without tickets ends its plans, with trail entries; the tick opens nothing")
    func deletionEndsPlans() async throws {
        let f = try await F.make()
        let active = try await f.desk.createMaintenancePlan(
            try f.request(try F.monthly(), from: "2026-03-10"), by: .system)
        var paused = try f.request(try F.monthly(), from: "2026-03-12")
        paused.name = "Paused plan"
        let second = try await f.desk.createMaintenancePlan(paused, by: .system)
        _ = try await f.desk.pauseMaintenancePlan(second.id, by: .system)
        try await f.desk.deleteCompany(f.company.id, by: .employee(f.test.anna.id))
        let repository = try #require(try f.test.store.feature((any MaintenanceRepository).self))
        for id in [active.id, second.id] {
            let plan = try #require(try await repository.maintenancePlan(id))
            #expect(plan.status == .ended)
            let trail = try await f.desk.trail(of: .maintenancePlan(id), as: .system)
            #expect(trail.last?.action == .statusChanged && trail.last?.performer == .employee(f.test.anna.id))
        }
        let report = try await f.tick("2026-03-12")
        #expect(report.maintenanceTickets.isEmpty && report.maintenanceFailures.isEmpty)
    }
}
