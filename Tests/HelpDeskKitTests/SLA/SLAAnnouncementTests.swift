import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing
import WorkingTime

@Suite("SLA warnings, breaches and queries")
struct SLAAnnouncementTests {
    typealias F = SLAFixtures

    @Test func tickAnnouncesEachWarningAndBreachOnceToAssigneeGroupAndWatchers() async throws {
        let test = try await F.desk()
        let ticket = try await test.desk.createTicket(
            NewTicket(
                title: "Server down", channel: .phone, requester: .freeText("Ivan"), assigneeID: test.boris.id,
                groupID: test.serviceDesk.id, watcherIDs: [test.anna.id]),
            by: .employee(test.anna.id))
        try await test.desk.acknowledgeEvents(
            try await test.desk.undeliveredEvents(as: .system).map(\.sequence), by: .system)

        let first = try await test.desk.tick(now: F.at(9, 50))
        #expect(first.slaWarnings == [ticket.number], "75 % of the 1 h reaction passed at 09:45")
        #expect(try await test.desk.tick(now: F.at(9, 52)).slaWarnings.isEmpty, "announced once")
        let breach = try await test.desk.tick(now: F.at(12))
        #expect(breach.slaBreaches == [ticket.number])
        #expect(breach.slaWarnings.isEmpty, "the breach swallows the 90 % warning it overtook")
        let warning = try await test.desk.tick(now: F.at(16, 30))
        #expect(warning.slaWarnings == [ticket.number], "75 % of the 8 h resolution passed at 16:00")

        let events = try await test.desk.undeliveredEvents(as: .system)
        #expect(
            events.map(\.event) == [
                .slaWarning(ticket: ticket.id, number: ticket.number, clock: .reaction, threshold: 75, dueAt: F.at(10)),
                .slaBreached(ticket: ticket.id, number: ticket.number, clock: .reaction, dueAt: F.at(10)),
                .slaWarning(
                    ticket: ticket.id, number: ticket.number, clock: .resolution, threshold: 75, dueAt: F.at(18)),
            ])
        for event in events {
            #expect(event.audience.employeeIDs == [test.anna.id, test.boris.id].sorted())
            #expect(event.audience.groupIDs == [test.serviceDesk.id])
            #expect(event.audience.requester == nil)
            #expect(event.performer == .system)
        }
        #expect(try await test.desk.ticket(ticket.id, as: .system).sla?.condition == .breached)
    }

    @Test func queriesFindBreachedAndAtRiskTicketsAndSortByDue() async throws {
        let test = try await F.desk()
        let critical = try await test.ticket("Critical", priority: .critical)
        let normal = try await test.ticket("Normal")
        let low = try await test.ticket("Low", priority: .low)
        _ = try await test.desk.tick(now: F.at(9, 20))
        let byDue = try await test.desk.tickets(matching: TicketQuery(sort: [TicketSort(.slaDue)]), as: .system)
        #expect(byDue.tickets.map(\.id) == [critical.id, normal.id, low.id])
        let breached = try await test.desk.tickets(matching: TicketQuery(slaConditions: [.breached]), as: .system)
        #expect(breached.tickets.map(\.id) == [critical.id])
        let atRisk = try await test.desk.tickets(
            matching: TicketQuery(slaConditions: [.atRisk, .breached], sort: [TicketSort(.number)]), as: .system)
        #expect(atRisk.tickets.map(\.id) == [critical.id])
        let soon = try await test.desk.tickets(
            matching: TicketQuery(slaDueBefore: F.at(10, 30), sort: [TicketSort(.number)]), as: .system)
        #expect(soon.tickets.map(\.id) == [critical.id, normal.id])
    }

    @Test func invalidConfigurationsAreTypedErrors() {
        var bad = F.standard
        bad.warningThresholds = [90, 75]
        #expect(throws: SLAConfigurationError.invalidThresholds("standard")) { try SLAConfiguration(policies: [bad]) }
        bad = F.standard
        bad.targets[.normal] = SLATargets(reaction: .zero)
        #expect(throws: SLAConfigurationError.nonPositiveTarget("standard")) { try SLAConfiguration(policies: [bad]) }
        #expect(throws: SLAConfigurationError.duplicatePolicy("standard")) {
            try SLAConfiguration(policies: [F.standard, F.standard])
        }
        #expect(throws: SLAConfigurationError.unknownPolicy("nope")) {
            try SLAConfiguration(policies: [F.standard], defaultPolicyID: "nope")
        }
        bad = F.standard
        bad.calendar = try! BusinessCalendar(timeZoneIdentifier: "UTC", schedule: .empty)
        #expect(throws: SLAConfigurationError.calendarHasNoWorkingTime("standard")) {
            try SLAConfiguration(policies: [bad])
        }
    }

    /// Random command sequences with ticks: every warning and breach is announced at most once per
    /// clock, and a running clock that never paused is due exactly where the calendar says.
    @Test(arguments: [7, 8] as [UInt64])
    func randomDaysAnnounceEachWarningOnceAndKeepDueInstantsExact(seed: UInt64) async throws {
        let test = try await F.desk(seed: seed)
        var random = SplitMix64(seed: seed)
        var commands = RandomCommands(test: test)
        for _ in 0..<200 {
            test.clock.advance(by: Double(random.next() % 5_400))
            _ = try await commands.runOne(using: &random, tickets: try await test.snapshot().tickets)
        }
        _ = try await test.desk.tick(now: test.clock.now)
        var seen = Set<String>()
        for event in try await test.desk.undeliveredEvents(limit: 10_000, as: .system) {
            switch event.event {
            case .slaWarning(let ticket, _, let clock, let threshold, _):
                #expect(seen.insert("\(ticket) \(clock) \(threshold)").inserted, "warning announced twice")
            case .slaBreached(let ticket, _, let clock, _):
                #expect(seen.insert("\(ticket) \(clock) breach").inserted, "breach announced twice")
            default: break
            }
        }
        #expect(seen.contains { $0.hasSuffix("breach") }, "the walk must reach breaches")
        for ticket in try await test.snapshot().tickets {
            guard let sla = ticket.sla, sla.pauses.isEmpty, sla.pausedSince == nil else { continue }
            let policy = try #require(test.desk.configuration.sla.policy(sla.policyID))
            for kind in SLAClockKind.allCases {
                guard let clock = sla[kind], clock.isRunning else { continue }
                #expect(clock.dueAt == (try policy.calendar.deadline(from: sla.startedAt, adding: clock.target)))
                #expect(
                    clock.target
                        == (kind == .reaction
                            ? policy.targets(priority: ticket.priority, category: ticket.categoryID).reaction
                            : policy.targets(priority: ticket.priority, category: ticket.categoryID).resolution))
            }
        }
    }
}
