import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing
import WorkingTime

@Suite("SLA clocks")
struct SLAClockTests {
    typealias F = SLAFixtures

    @Test func clocksStartAtRegistrationWithThePriorityTargets() async throws {
        let test = try await F.desk()
        let normal = try await test.ticket()
        #expect(normal.sla?.policyID == "standard")
        #expect(normal.sla?.reaction?.dueAt == F.at(10))
        #expect(normal.sla?.resolution?.dueAt == F.at(18))
        let critical = try await test.ticket(priority: .critical)
        #expect(critical.sla?.resolution?.dueAt == F.at(11))
        test.clock.set(to: F.at(17, 30))
        let late = try await test.ticket()
        #expect(late.sla?.reaction?.dueAt == F.at(9, 30, day: 1), "30 minutes today, 30 tomorrow")
        #expect(late.sla?.resolution?.dueAt == F.at(17, 30, day: 1), "lunch and night are not working time")
        #expect(late.sla?.condition == .onTrack)
    }

    @Test func theCategoryPolicyWinsOverTheDeskDefault() async throws {
        let test = try await F.desk()
        let goldCategory = try await test.desk.addCategory(
            NewServiceCategory(name: "VIP", slaPolicyID: "gold"), by: .system)
        let ticket = try await test.ticket(category: goldCategory.id)
        #expect(ticket.sla?.policyID == "gold")
        #expect(ticket.sla?.resolution?.dueAt == F.at(13))
        await #expect(throws: HelpDeskError.unknownSLAPolicy("platinum")) {
            _ = try await test.desk.addCategory(NewServiceCategory(name: "Nope", slaPolicyID: "platinum"), by: .system)
        }
    }

    @Test func reactionStopsAsThePolicySays() async throws {
        let test = try await F.desk()
        let ticket = try await test.ticket()
        test.clock.set(to: F.at(9, 40))
        _ = try await test.desk.changeStatus(ticket.id, to: .inProgress, by: .employee(test.anna.id))
        #expect(
            try await test.desk.ticket(ticket.id, as: .system).sla?.reaction?.isRunning == true,
            "standard waits for a reply")
        test.clock.set(to: F.at(9, 50))
        _ = try await test.desk.comment(on: ticket.id, NewComment("On it"), by: .employee(test.anna.id))
        let replied = try #require(try await test.desk.ticket(ticket.id, as: .system).sla?.reaction)
        #expect(replied.stoppedAt == F.at(9, 50))
        #expect(replied.isMet)

        let vip = try await test.desk.addCategory(NewServiceCategory(name: "VIP", slaPolicyID: "gold"), by: .system)
        let gold = try await test.ticket(category: vip.id)
        test.clock.set(to: F.at(10, 30))
        _ = try await test.desk.changeStatus(gold.id, to: .inProgress, by: .employee(test.anna.id))
        let taken = try #require(try await test.desk.ticket(gold.id, as: .system).sla?.reaction)
        #expect(taken.stoppedAt == F.at(10, 30))
        #expect(taken.breachedAt == F.at(10, 20), "registered 09:50 with 30 minutes: due 10:20, taken late")
    }

    /// The pause is measured in the calendar's working time: a night spent waiting costs nothing.
    @Test func waitingForTheClientPausesTheClocks() async throws {
        let test = try await F.desk()
        let ticket = try await test.ticket()
        test.clock.set(to: F.at(10))
        _ = try await test.desk.comment(on: ticket.id, NewComment("Send a photo"), by: .employee(test.anna.id))
        _ = try await test.desk.changeStatus(ticket.id, to: .waitingForClient, by: .employee(test.anna.id))
        let paused = try await test.desk.ticket(ticket.id, as: .system)
        #expect(paused.sla?.pausedSince == F.at(10))
        #expect(paused.sla?.nextCheckAt == nil)
        test.clock.set(to: F.at(10, day: 1))
        _ = try await test.desk.comment(on: ticket.id, NewComment("Photo attached"), by: .client(name: "Ivan Petrov"))
        let resumed = try #require(try await test.desk.ticket(ticket.id, as: .system).sla)
        #expect(resumed.pauses == [DateInterval(start: F.at(10), end: F.at(10, day: 1))])
        #expect(resumed.resolution?.dueAt == F.at(18, day: 1), "8 working hours of pause moved the due a day")
    }

    @Test func aLateResolutionIsABreachAndATimelyOneIsMet() async throws {
        let test = try await F.desk()
        let quick = try await test.ticket("Quick")
        let slow = try await test.ticket("Slow", priority: .critical)
        test.clock.set(to: F.at(10, 30))
        _ = try await test.desk.changeStatus(quick.id, to: .resolved, by: .employee(test.anna.id))
        test.clock.set(to: F.at(11, 30))
        _ = try await test.desk.changeStatus(slow.id, to: .resolved, by: .employee(test.anna.id))
        let met = try #require(try await test.desk.ticket(quick.id, as: .system).sla)
        #expect(met.resolution?.isMet == true)
        #expect(met.reaction?.breachedAt == F.at(10), "resolving stops the reaction clock too, here too late")
        let breached = try #require(try await test.desk.ticket(slow.id, as: .system).sla)
        #expect(breached.resolution?.breachedAt == F.at(11))
        #expect(breached.condition == .breached)
        let names = try await test.desk.undeliveredEvents(limit: 1_000, as: .system).filter {
            $0.event.ticketID == slow.id
        }.map(\.event.name)
        #expect(names.filter { $0 == "slaBreached" }.count == 2, "reaction and resolution, once each")
    }

    @Test func aPriorityChangeKeepsElapsedTimeAndPauses() async throws {
        let test = try await F.desk()
        let ticket = try await test.ticket()
        let actor = Performer.employee(test.anna.id)
        test.clock.set(to: F.at(10))
        _ = try await test.desk.changeStatus(ticket.id, to: .waitingForClient, by: actor)
        test.clock.set(to: F.at(11))
        _ = try await test.desk.changeStatus(ticket.id, to: .inProgress, by: actor)
        let raised = try await test.desk.updateTicket(ticket.id, TicketUpdate(priority: .high), by: actor)
        #expect(raised.sla?.resolution?.target == .hours(4))
        #expect(raised.sla?.resolution?.dueAt == F.at(15), "1 h before the pause, 2 h to lunch, 1 h after")
        #expect(raised.sla?.pauses.count == 1)
    }

    @Test func reopeningRestartsResolutionWithoutCountingTheResolvedTime() async throws {
        let test = try await F.desk()
        let ticket = try await test.ticket()
        test.clock.set(to: F.at(11))
        _ = try await test.desk.changeStatus(ticket.id, to: .resolved, by: .employee(test.anna.id))
        test.clock.set(to: F.at(11, day: 1))
        _ = try await test.desk.comment(on: ticket.id, NewComment("Broken again"), by: .client(name: "Ivan Petrov"))
        let reopened = try #require(try await test.desk.ticket(ticket.id, as: .system).sla?.resolution)
        #expect(reopened.isRunning)
        #expect(reopened.dueAt == F.at(18, day: 1), "6 working hours remained when it was resolved")
    }
}
