import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing
import WorkingTime

/// Time rules on SLA state and working minutes: escalation levels (warning → assignee, breach →
/// group lead, breach + X → a manager) and minutes counted in the ticket's SLA calendar, the
/// client's local one included.
@Suite("Time-based rules: SLA states and working minutes")
struct TimeRuleSLATests {
    typealias F = SLAFixtures

    /// The escalation ladder; watchers stand in for the notices the notification rules will send.
    @Test func escalationLevelsFireOnceEachAsTheSLAClockRunsOut() async throws {
        let test = try await F.desk()
        let manager = try await test.desk.addEmployee(
            NewEmployee(name: "Mila Manager", email: "mila@service.example"), by: .system)
        let warn = try await TimeRuleTests.timeRule(
            test, "Warning to the assignee", priority: 1, when: [.slaWarned(.reaction, threshold: nil)],
            [.addWatchers([test.anna.id])])
        let breach = try await TimeRuleTests.timeRule(
            test, "Breach to the group lead", priority: 2,
            when: [.slaBreachedFor(.reaction, minutes: 0, basis: .working)],
            [.addWatchers([test.boris.id])])
        let late = try await TimeRuleTests.timeRule(
            test, "An hour past the breach: the manager", priority: 3,
            when: [.slaBreachedFor(nil, minutes: 60, basis: .working)], [.addWatchers([manager.id])])
        // Monday 11:30: the reaction is due at 12:30, the 75 % warning comes at 12:15.
        test.clock.set(to: F.at(11, 30))
        let ticket = try await test.ticket("Mail server down")
        let answered = try await test.ticket("Answered at once")
        _ = try await test.desk.comment(on: answered.id, NewComment("On it"), by: .employee(test.boris.id))
        func fired(at instant: Date) async throws -> [AutomationRuleID] {
            let report = try await test.desk.tick(now: instant)
            #expect(report.ruleFirings.allSatisfy { $0.ticket == ticket.number }, "the answered ticket stays quiet")
            return report.ruleFirings.map(\.rule)
        }
        #expect(try await fired(at: F.at(12, 14)) == [])
        #expect(try await fired(at: F.at(12, 15)) == [warn.id], "the tick's own SLA warning is seen")
        #expect(try await fired(at: F.at(12, 25)) == [], "the 90 % warning is the same episode")
        #expect(try await fired(at: F.at(12, 30)) == [breach.id], "a breached clock still counts as warned")
        // An hour of working time after 12:30 ends at 14:30: the lunch hour does not count.
        #expect(try await fired(at: F.at(13, 45)) == [])
        #expect(try await fired(at: F.at(14, 29)) == [])
        #expect(try await fired(at: F.at(14, 30)) == [late.id])
        #expect(try await fired(at: F.at(17, 0)) == [])
        let stored = try await test.desk.ticket(ticket.id, as: .system)
        #expect(stored.watcherIDs == [test.anna.id, test.boris.id, manager.id].sorted())
        // Answered late: the reaction clock stops; the warning's episode ends, the breach's stay.
        test.clock.set(to: F.at(17, 5))
        _ = try await test.desk.comment(on: ticket.id, NewComment("Sorry for the wait"), by: .employee(test.anna.id))
        let report = try await test.desk.tick(now: F.at(17, 10))
        #expect(report.endedRuleEpisodes == 1 && report.ruleFirings.isEmpty)
    }

    @Test func aStoppedBreachCountsUntilItsClockStopped() async throws {
        let test = try await F.desk()
        _ = try await TimeRuleTests.timeRule(
            test, "Long breach", priority: 1, when: [.slaBreachedFor(.reaction, minutes: 30, basis: .calendar)],
            [.setPriority(.high)])
        test.clock.set(to: F.at(9, 0))
        let short = try await test.ticket("Answered 20 minutes late")
        let long = try await test.ticket("Answered 40 minutes late")
        _ = try await test.desk.tick(now: F.at(10, 0))
        test.clock.set(to: F.at(10, 20))
        _ = try await test.desk.comment(on: short.id, NewComment("Here"), by: .employee(test.anna.id))
        test.clock.set(to: F.at(10, 40))
        _ = try await test.desk.comment(on: long.id, NewComment("Here"), by: .employee(test.anna.id))
        let report = try await test.desk.tick(now: F.at(16, 0))
        #expect(report.ruleFirings.map(\.ticket) == [long.number])
    }

    /// Working minutes follow the calendar the ticket's SLA runs on: a location's own calendar, the
    /// policy's read on the client's wall clock, or the desk's.
    @Test func workingMinutesCountInTheTicketsOwnSLACalendar() async throws {
        let plant = try BusinessCalendar(
            timeZoneIdentifier: "Asia/Yekaterinburg",
            schedule: WeeklySchedule(weekdays: Weekday.workweek, intervals: [try LocalInterval(parsing: "07:00-16:00")])
        )
        let client = try await SLAClientTimeTests.client(locationCalendar: plant)
        let test = client.test
        let rule = try await TimeRuleTests.timeRule(
            test, "An hour of working time unanswered", priority: 1, when: [.unanswered(minutes: 60, basis: .working)],
            [.setPriority(.high)])
        // Tuesday 3 November 2026, 13:30 in Moscow: the eve of Unity Day.
        let filed = "2026-11-03T15:30:00+05:00"
        let onPlant = try await SLAClientTimeTests.file(
            client, at: filed, contract: client.clientTime, location: client.yekaterinburg)
        let inPort = try await SLAClientTimeTests.file(
            client, at: filed, contract: client.clientTime, location: client.vladivostok)
        let atDesk = try await SLAClientTimeTests.file(
            client, at: filed, contract: client.deskTime, location: client.yekaterinburg)
        let expected: [(Ticket, String)] = [
            (atDesk, "2026-11-03T15:00:00+03:00"),  // Moscow: after the lunch hour
            (onPlant, "2026-11-04T07:30:00+05:00"),  // the plant: no Unity Day on its own calendar
            (inPort, "2026-11-05T10:00:00+10:00"),  // Vladivostok: already evening; then the holiday
        ]
        var fired: [TicketNumber] = []
        for (ticket, instant) in expected {
            let due = SLAClientTimeTests.at(instant)
            let before = try await test.desk.tick(now: due.addingTimeInterval(-1))
            #expect(!before.ruleFirings.map(\.ticket).contains(ticket.number), "\(ticket.title) fired early")
            let report = try await test.desk.tick(now: due)
            #expect(report.ruleFirings.filter { $0.rule == rule.id }.map(\.ticket) == [ticket.number], "\(instant)")
            fired += report.ruleFirings.map(\.ticket)
        }
        #expect(fired.count == 3)
    }

    /// Working minutes across a DST change and midnight: a night shift 22:00–06:00 in Berlin.
    @Test func workingMinutesAcrossMidnightAndTheDSTChangeAreExact() async throws {
        let night = try BusinessCalendar(
            timeZoneIdentifier: "Europe/Berlin",
            schedule: WeeklySchedule(weekdays: Weekday.allCases, intervals: [try LocalInterval(parsing: "22:00-06:00")])
        )
        let policy = SLAPolicy(
            id: "night", name: "Night desk", calendar: night, targets: [.normal: SLATargets(resolution: .hours(40))])
        var configuration = HelpDeskConfiguration()
        configuration.sla = try SLAConfiguration(policies: [policy], defaultPolicyID: "night")
        let test = try await TestDesk.make(configuration: configuration)
        _ = try await TimeRuleTests.timeRule(
            test, "Five working hours", priority: 1,
            when: [.elapsed(since: .created, minutes: 300, basis: .working)], [.setPriority(.high)])
        // Saturday 28 March 2026, 23:00 in Berlin; the clocks go forward at 02:00 on Sunday, so five
        // working hours from 23:00 end at 05:00 CEST, not at 04:00 on the wall clock.
        test.clock.set(to: SLAClientTimeTests.at("2026-03-28T23:00:00+01:00"))
        let spring = try await test.ticket("Spring")
        // Saturday 24 October, 23:00 CEST; at 03:00 CEST the clocks go back an hour, which is worked
        // twice: five working hours end at 03:00 CET.
        test.clock.set(to: SLAClientTimeTests.at("2026-10-24T23:00:00+02:00"))
        let autumn = try await test.ticket("Autumn")
        for (ticket, instant) in [(spring, "2026-03-29T05:00:00+02:00"), (autumn, "2026-10-25T03:00:00+01:00")] {
            let due = SLAClientTimeTests.at(instant)
            #expect(try await test.desk.tick(now: due.addingTimeInterval(-1)).ruleFirings.isEmpty)
            #expect(try await test.desk.tick(now: due).ruleFirings.map(\.ticket) == [ticket.number], "\(instant)")
        }
    }
}
