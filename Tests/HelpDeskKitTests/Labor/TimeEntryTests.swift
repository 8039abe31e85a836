import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing
import WorkingTime

@Suite("Time entries: log, edit, delete, audit and events")
struct TimeEntryTests {
    @Test func loggingRoundsChargedMinutesUpAndIsAuditedAndAnnounced() async throws {
        let test = try await LaborFixtures.desk(step: 15)
        let ticket = try await test.ticket()
        _ = try await test.desk.assign(ticket.id, to: test.boris.id, group: nil, by: .employee(test.anna.id))
        let before = try await test.desk.ticket(ticket.id, as: .system)
        let entry = try await test.desk.logTime(
            on: ticket.id,
            NewTimeEntry(workDate: LaborFixtures.monday, minutes: 50, activity: "travel", comment: "To the client"),
            by: .employee(test.anna.id))
        #expect(entry.spentMinutes == 50)
        #expect(entry.chargedMinutes == 60)
        #expect(entry.employeeID == test.anna.id)
        #expect(entry.billable)
        #expect(try await test.desk.timeEntries(on: ticket.id, as: .system) == [entry])
        #expect(try await test.desk.ticket(ticket.id, as: .system) == before, "logging time does not change the ticket")
        let audit = try #require(try await test.desk.auditTrail(of: ticket.id, as: .system).last)
        #expect(audit.field == .timeEntries)
        #expect(audit.oldValue == nil)
        #expect(audit.newValue == entry.auditSummary)
        #expect(audit.performer == .employee(test.anna.id))
        let event = try #require(try await test.desk.undeliveredEvents(limit: 1_000, as: .system).last)
        #expect(
            event.event
                == .timeLogged(
                    ticket: ticket.id, number: ticket.number, entry: entry.id, employee: test.anna.id, minutes: 50))
        #expect(event.audience == Audience(employeeIDs: [test.boris.id]))
    }

    @Test func editingChangesOnlyTheGivenFieldsAndReroundsNewMinutes() async throws {
        let test = try await LaborFixtures.desk(step: 15)
        let ticket = try await test.ticket()
        let entry = try await test.desk.logTime(
            on: ticket.id, NewTimeEntry(workDate: LaborFixtures.monday, minutes: 10), by: .employee(test.anna.id))
        test.clock.advance(by: 60)
        let commented = try await test.desk.editTimeEntry(
            entry.id, TimeEntryUpdate(billable: false, comment: "Free"), by: .employee(test.boris.id))
        #expect(commented.chargedMinutes == 15)
        #expect(commented.billable == false)
        #expect(commented.revision == 2)
        #expect(commented.updatedAt == TestDesk.start.addingTimeInterval(60))
        let longer = try await test.desk.editTimeEntry(
            entry.id, TimeEntryUpdate(minutes: 31), by: .employee(test.boris.id))
        #expect(longer.chargedMinutes == 45)
        #expect(longer.revision == 3)
        let unchanged = try await test.desk.editTimeEntry(
            entry.id, TimeEntryUpdate(minutes: 31), by: .employee(test.boris.id))
        #expect(unchanged == longer)
        let trail = try await test.desk.auditTrail(of: ticket.id, as: .system).filter { $0.field == .timeEntries }
        #expect(trail.count == 3)
        #expect(trail[1].oldValue == entry.auditSummary)
        #expect(trail[1].newValue == commented.auditSummary)
        #expect(trail[2].performer == .employee(test.boris.id))
        let names = try await test.desk.undeliveredEvents(limit: 1_000, as: .system).map(\.event.name).suffix(3)
        #expect(Array(names) == ["timeLogged", "timeEntryEdited", "timeEntryEdited"])
    }

    @Test func deletingRemovesTheEntryAndAuditsItsLastState() async throws {
        let test = try await LaborFixtures.desk()
        let ticket = try await test.ticket()
        let entry = try await test.desk.logTime(
            on: ticket.id, NewTimeEntry(workDate: LaborFixtures.monday, minutes: 10), by: .employee(test.anna.id))
        try await test.desk.deleteTimeEntry(entry.id, by: .employee(test.boris.id))
        #expect(try await test.desk.timeEntries(on: ticket.id, as: .system).isEmpty)
        await #expect(throws: HelpDeskError.timeEntryNotFound(entry.id)) {
            _ = try await test.desk.timeEntry(entry.id, as: .system)
        }
        let audit = try #require(try await test.desk.auditTrail(of: ticket.id, as: .system).last)
        #expect(audit.oldValue == entry.auditSummary)
        #expect(audit.newValue == nil)
        let event = try #require(try await test.desk.undeliveredEvents(limit: 1_000, as: .system).last)
        #expect(event.event == .timeEntryDeleted(ticket: ticket.id, number: ticket.number, entry: entry.id))
    }

    @Test func resolvedTicketsAcceptTimeButClosedOnesDoNot() async throws {
        let test = try await LaborFixtures.desk()
        let ticket = try await test.ticket()
        let agent = Performer.employee(test.anna.id)
        _ = try await test.desk.changeStatus(ticket.id, to: .resolved, by: agent)
        let entry = try await test.desk.logTime(
            on: ticket.id, NewTimeEntry(workDate: LaborFixtures.monday, minutes: 5), by: .employee(test.anna.id))
        let closed = try await test.desk.changeStatus(ticket.id, to: .closed, by: agent)
        await #expect(throws: HelpDeskError.ticketLocked(closed.number, status: .closed)) {
            _ = try await test.desk.editTimeEntry(entry.id, TimeEntryUpdate(minutes: 6), by: .employee(test.anna.id))
        }
        await #expect(throws: HelpDeskError.ticketLocked(closed.number, status: .closed)) {
            try await test.desk.deleteTimeEntry(entry.id, by: .employee(test.anna.id))
        }
    }

    @Test func periodQueriesSelectByWorkDate() async throws {
        let test = try await LaborFixtures.desk(step: 1)
        let first = try await test.ticket("First")
        let second = try await test.ticket("Second")
        let day = LaborFixtures.day
        let a = try await test.desk.logTime(
            on: first.id, NewTimeEntry(workDate: day("2026-02-27"), minutes: 10), by: .employee(test.anna.id))
        let b = try await test.desk.logTime(
            on: second.id, NewTimeEntry(workDate: day("2026-03-01"), minutes: 20), by: .employee(test.boris.id))
        let c = try await test.desk.logTime(
            on: first.id, NewTimeEntry(workDate: day("2026-03-02"), minutes: 30), by: .employee(test.boris.id))
        #expect(b.chargedMinutes == 20)
        #expect(
            try await test.desk.timeEntries(workedIn: day("2026-02-28")...day("2026-03-02"), as: .system) == [b, c])
        #expect(
            try await test.desk.timeEntries(
                of: test.boris.id, workedIn: day("2026-01-01")...day("2026-03-01"), as: .system) == [b])
        #expect(try await test.desk.timeEntries(on: first.id, as: .system) == [a, c])
        #expect(
            try await test.desk.timeEntries(
                of: test.former.id, workedIn: day("2026-01-01")...day("2026-12-31"), as: .system) == [])
    }

    @Test(arguments: [0, 1, 5, 15, 30, 60])
    func roundingIsTheSmallestMultipleOfTheStepNotBelowTheSpentTime(step: Int) {
        var random = SplitMix64(seed: UInt64(step) + 7)
        for _ in 0..<500 {
            let spent = Int.random(in: 1...1_440, using: &random)
            let charged = LaborRounding.charged(spentMinutes: spent, step: step)
            if step <= 1 {
                #expect(charged == spent)
            } else {
                #expect(
                    charged >= spent && charged - spent < step && charged % step == 0,
                    "\(spent) → \(charged) by \(step)")
            }
        }
        #expect(LaborRoundingChoice(contract: 30, deskDefault: step).resolved == 30)
        #expect(LaborRoundingChoice(deskDefault: step).resolved == step)
    }

    @Test func configurationIsValidated() {
        #expect(throws: LaborConfigurationError.duplicateActivity("work")) {
            try LaborConfiguration(activities: [
                LaborActivity(code: "work", name: "A"), LaborActivity(code: "work", name: "B"),
            ])
        }
        #expect(throws: LaborConfigurationError.blankActivity) {
            try LaborConfiguration(activities: [LaborActivity(code: " ", name: "A")])
        }
        #expect(throws: LaborConfigurationError.invalidRoundingStep(-1)) {
            try LaborConfiguration(roundingStepMinutes: -1)
        }
        #expect(throws: LaborConfigurationError.invalidMaximumEntryMinutes(0)) {
            try LaborConfiguration(maximumEntryMinutes: 0)
        }
    }

    @Test func theWorkDateIsCheckedInTheLaborTimeZone() async throws {
        var configuration = HelpDeskConfiguration()
        configuration.labor = try LaborConfiguration(timeZone: TimeZone(identifier: "Asia/Vladivostok")!)
        let test = try await TestDesk.make(configuration: configuration)
        let ticket = try await test.ticket()
        test.clock.advance(by: 15 * 3_600)  // 00:00 on Tuesday in Vladivostok (UTC+10), still Monday in UTC
        let entry = try await test.desk.logTime(
            on: ticket.id, NewTimeEntry(workDate: LaborFixtures.day("2026-03-03"), minutes: 5),
            by: .employee(test.anna.id))
        #expect(entry.workDate == LaborFixtures.day("2026-03-03"))
    }
}
