import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing
import WorkingTime

/// Included work per service period (issue #19, point 1): contract work consumes the period's
/// minutes, work beyond them is billed on the ticket's specification at the contract's price,
/// the manager is alerted at the alert percentage and at 100 %, and the statement tells the story.
@Suite("Labor allowances of service periods")
struct AllowanceTests {
    @Test func workBeyondTheAllowanceIsBilledAtTheContractPriceAndAlertsFireOnce() async throws {
        let f = try await AllowanceDesk.make(included: 120)
        let (oven, till) = (try await f.ticket("Oven"), try await f.ticket("Till"))
        try await f.log(60, on: oven.id, daysAgo: 3)
        #expect(try await alerts(f) == [])
        try await f.log(40, on: till.id, daysAgo: 2)
        #expect(try await alerts(f) == [80], "100 of 120 minutes is 83 %")
        try await f.log(50, on: oven.id, daysAgo: 1)
        #expect(try await alerts(f) == [80, 100])
        let statement = try await f.statement()
        #expect(statement.logged == 150 && statement.consumed == 120 && statement.overage == 30)
        #expect(statement.percentUsed == 100)
        #expect(statement.tickets.first { $0.ticketID == oven.id }?.excess == 30)
        let specification = try #require(try await f.desk.specification(of: oven.id, as: .system))
        let line = try #require(specification.lines.first)
        #expect(specification.lines.count == 1)
        #expect(line.quantity == 30 && line.unitPrice == AllowanceDesk.contractHourPrice && line.coverage == .billable)
        #expect(try line.total() == Price(Money(minorUnits: 600_00, currency: .rub)), "half an hour at 1 200.00")
        #expect(try await f.desk.specification(of: till.id, as: .system) == nil, "covered work is not billed")
        try await f.log(30, on: till.id, daysAgo: 0)
        #expect(try await alerts(f) == [80, 100], "each threshold is announced once")
        #expect(try await f.billedOverage(on: till.id) == 30)
    }

    @Test func anEarlierEntryLoggedLateTakesTheAllowanceFirst() async throws {
        let f = try await AllowanceDesk.make(included: 60)
        let (late, early) = (try await f.ticket("Late"), try await f.ticket("Early"))
        try await f.log(60, on: late.id, daysAgo: 0)
        #expect(try await f.billedOverage(on: late.id) == 0)
        try await f.log(45, on: early.id, daysAgo: 4)
        #expect(try await f.billedOverage(on: early.id) == 0, "work done first consumes first")
        #expect(try await f.billedOverage(on: late.id) == 45, "the later work moves beyond the allowance")
        let statement = try await f.statement()
        #expect(statement.consumed == 60 && statement.overage == 45)
    }

    @Test func deletingAndEditingEntriesGivesTheAllowanceBack() async throws {
        let f = try await AllowanceDesk.make(included: 60)
        let ticket = try await f.ticket()
        let first = try await f.log(50, on: ticket.id, daysAgo: 2)
        let second = try await f.log(50, on: ticket.id, daysAgo: 1)
        #expect(try await f.billedOverage(on: ticket.id) == 40)
        try await f.desk.deleteTimeEntry(first.id, by: .employee(f.test.boris.id))
        #expect(try await f.billedOverage(on: ticket.id) == 0)
        #expect(try await f.desk.specification(of: ticket.id, as: .system)?.lines == [])
        _ = try await f.desk.editTimeEntry(second.id, TimeEntryUpdate(minutes: 90), by: .employee(f.test.boris.id))
        #expect(try await f.billedOverage(on: ticket.id) == 30)
        _ = try await f.desk.editTimeEntry(second.id, TimeEntryUpdate(billable: true), by: .employee(f.test.boris.id))
        #expect(try await f.billedOverage(on: ticket.id) == 0, "time outside the contract leaves the allowance")
        let statement = try await f.statement()
        #expect(statement.logged == 0 && statement.consumed == 0)
    }

    @Test func billableTimeAndTicketsWithoutTheContractDoNotConsume() async throws {
        let f = try await AllowanceDesk.make(included: 60)
        let ticket = try await f.ticket()
        try await f.log(90, on: ticket.id, billable: true)
        let loose = try await f.test.ticket("No contract")
        _ = try await f.desk.logTime(
            on: loose.id, NewTimeEntry(workDate: try AllowanceDesk.date(daysBefore: 0), minutes: 90, activity: "work"),
            by: .employee(f.test.boris.id))
        let statement = try await f.statement()
        #expect(statement.logged == 0 && statement.overage == 0)
    }

    @Test func aSettledTicketKeepsWhatItWasBilled() async throws {
        let f = try await AllowanceDesk.make(included: 60)
        _ = try await f.desk.topUp(
            f.company.id, amount: Price(Money(minorUnits: 100_000_00, currency: .rub)), paymentReference: "PAY-1",
            by: .system)
        let (first, second) = (try await f.ticket("First"), try await f.ticket("Second"))
        let covered = try await f.log(60, on: first.id, daysAgo: 3)
        try await f.log(30, on: second.id, daysAgo: 1)
        #expect(try await f.billedOverage(on: second.id) == 30)
        _ = try await f.desk.changeStatus(second.id, to: .resolved, by: .employee(f.test.anna.id))
        #expect(try await f.desk.specification(of: second.id, as: .system)?.isSettled == true)
        try await f.desk.deleteTimeEntry(covered.id, by: .employee(f.test.boris.id))
        #expect(try await f.billedOverage(on: second.id) == 30, "the settled bill stands")
        let statement = try await f.statement()
        #expect(statement.consumed == 0 && statement.overage == 30 && statement.logged == 30)
        try await f.log(45, on: first.id, daysAgo: 1)
        #expect(try await f.billedOverage(on: first.id) == 0, "the freed minutes cover new work")
        // Work beyond the allowance logged on the settled ticket cannot join its bill: it is reported.
        try await f.log(40, on: second.id, daysAgo: 0)
        let after = try await f.statement()
        #expect(after.consumed == 60 && after.overage == 55 && after.unbilled == 25)
        #expect(after.tickets.first { $0.ticketID == second.id }.map { ($0.excess, $0.billed) } ?? (0, 0) == (55, 30))
    }

    @Test func theReportListsEveryContractPeriodWithAnAllowance() async throws {
        let f = try await AllowanceDesk.make(included: 30)
        try await f.log(45, on: try await f.ticket().id)
        let report = try await f.desk.allowanceReport(
            from: TestDesk.start.addingTimeInterval(-86_400), to: TestDesk.start, as: .system)
        #expect(report.map(\.contractNumber) == ["S-1"])
        #expect(report.first?.overage == 15)
        let outside = try await f.desk.allowanceReport(
            from: TestDesk.start.addingTimeInterval(86_400 * 60), to: TestDesk.start.addingTimeInterval(86_400 * 61),
            as: .system)
        #expect(outside.isEmpty)
        await #expect(throws: HelpDeskError.invalidInput(field: "end", problem: .notAfterStart)) {
            try await f.desk.allowanceReport(from: TestDesk.start, to: TestDesk.start, as: .system)
        }
    }

    @Test func withoutAPricedLaborItemTheOverageStaysOnTheStatement() async throws {
        var configuration = HelpDeskConfiguration()
        configuration.billing.laborItemCode = nil
        let f = try await AllowanceDesk.make(included: 30)
        let unpriced = HelpDesk(
            store: f.test.store, configuration: configuration, clock: f.test.clock.clock,
            identifiers: SeededIdentifierSource(seed: 5), random: SeededRandomSource(seed: 6))
        let ticket = try await f.ticket()
        try await f.log(45, on: ticket.id, on: unpriced)
        let statement = try await f.statement()
        #expect(statement.overage == 15 && statement.unbilled == 15)
        #expect(try await f.billedOverage(on: ticket.id) == 0)
    }

    @Test func visitsBeyondTheIncludedOnesAreBilledPerVisitAndTheirTimeStillCountsAsMinutes() async throws {
        let f = try await AllowanceDesk.make(included: 600, visits: 2)
        let (bakery, till) = (try await f.ticket("Bakery oven"), try await f.ticket("Till"))
        try await f.log(90, on: bakery.id, daysAgo: 3, activity: "visit")
        try await f.log(30, on: till.id, daysAgo: 3)  // remote work: not a visit
        let second = try await f.log(60, on: till.id, daysAgo: 2, activity: "visit")
        #expect(try await visitAlerts(f) == [80, 100], "2 of 2 visits: both thresholds at once")
        try await f.log(45, on: bakery.id, daysAgo: 1, activity: "visit")
        let visits = try await f.statement(.visits)
        #expect(visits.included == 2 && visits.logged == 3 && visits.consumed == 2 && visits.overage == 1)
        #expect(try await f.billedOverage(on: bakery.id, .visits) == 1)
        let line = try #require(
            try await f.desk.specification(of: bakery.id, as: .system)?.lines.first { $0.exceedsAllowance?.measure == .visits })
        let total = try line.total()
        #expect(line.pricing == .fixed && total == Price(Money(minorUnits: 2_500_00, currency: .rub)))
        let minutes = try await f.statement(.laborMinutes)
        #expect(minutes.logged == 225 && minutes.overage == 0, "visit time counts against the minutes too")
        // Deleting an earlier visit brings the third one within the included two.
        try await f.desk.deleteTimeEntry(second.id, by: .employee(f.test.boris.id))
        #expect(try await f.billedOverage(on: bakery.id, .visits) == 0)
        #expect(try await f.statement(.visits).overage == 0)
        let statements = try await f.desk.allowanceStatements(of: f.contract.id, as: .system)
        #expect(statements.map(\.measure) == [.laborMinutes, .visits])
        await #expect(throws: HelpDeskError.invalidInput(field: "includedVisits", problem: .negative)) {
            try await f.desk.addServicePeriod(
                to: f.contract.id,
                NewServicePeriod(
                    startsAt: f.period.endsAt, endsAt: f.period.endsAt.addingTimeInterval(86_400),
                    fee: Money(minorUnits: 0, currency: .rub), includedVisits: -1), by: .system)
        }
    }

    @Test func aRaceOfEngineersOnTwoEnginesBillsExactlyTheOverage() async throws {
        let problems = try await AllowanceRace(entries: 30, minutes: 25, included: 500).check(on: InMemoryStore())
        #expect(problems.isEmpty, "\(problems)")
    }

    private func visitAlerts(_ f: AllowanceDesk) async throws -> [Int] {
        try await f.desk.undeliveredEvents(limit: 1_000, as: .system).compactMap { event in
            guard case .allowanceAlert(_, _, _, .visits, let percent, let consumed, let included) = event.event else {
                return nil
            }
            #expect(included == 2 && consumed == 2)
            return percent
        }
    }

    private func alerts(_ f: AllowanceDesk) async throws -> [Int] {
        try await f.desk.undeliveredEvents(limit: 1_000, as: .system).compactMap { event in
            guard case .allowanceAlert(let contract, _, let period, .laborMinutes, let percent, _, _) = event.event else { return nil }
            #expect(contract == f.contract.id && period == f.period.id)
            #expect(event.audience.employeeIDs == [f.test.anna.id], "the contract's manager is told")
            return percent
        }
    }
}

/// The contract stays attached (issue #19, point 4): linking a ticket to a client's site or contact
/// later chooses the contract again, audited, with SLA clocks keeping their elapsed and paused time,
/// and the work already logged moves to the new contract's allowance.
@Suite("Re-linking a ticket re-chooses its contract")
struct ContractRelinkTests {
    @Test func aPhoneTicketLinkedToTheClientLaterGetsTheContractAndItsAllowance() async throws {
        let f = try await AllowanceDesk.make(included: 30)
        let anna = Performer.employee(f.test.anna.id)
        let phone = try await f.desk.createTicket(
            NewTicket(title: "Caller without a name", channel: .phone, requester: .freeText("Someone")), by: anna)
        #expect(phone.contractID == nil)
        try await f.log(45, on: phone.id)
        #expect(try await f.statement().logged == 0, "no contract yet: nothing consumed")
        let linked = try await f.desk.updateTicket(phone.id, TicketUpdate(companyID: f.company.id), by: anna)
        #expect(linked.contractID == f.contract.id, "the company's contract in force is chosen")
        let statement = try await f.statement()
        #expect(statement.logged == 45 && statement.overage == 15, "the logged work moved with it")
        #expect(try await f.billedOverage(on: phone.id) == 15)
        let audit = try await f.desk.auditTrail(of: phone.id, as: .system)
        #expect(audit.contains { $0.field == .contractID && $0.oldValue == nil && $0.newValue != nil })
    }

    @Test func aNamedContractIsKeptAndUnrelatedEditsLeaveTheContractAlone() async throws {
        let f = try await AllowanceDesk.make()
        let anna = Performer.employee(f.test.anna.id)
        let ticket = try await f.ticket()
        let retitled = try await f.desk.updateTicket(ticket.id, TicketUpdate(title: "Oven controller, again"), by: anna)
        #expect(retitled.contractID == f.contract.id)
        let cleared = try await f.desk.updateTicket(ticket.id, TicketUpdate(contractID: .some(nil)), by: anna)
        #expect(cleared.contractID == nil, "an explicit choice wins")
        let other = try await f.desk.addContract(
            NewContract(companyID: f.company.id, number: "S-0", startsAt: f.contract.startsAt), by: .system)
        let named = try await f.desk.updateTicket(ticket.id, TicketUpdate(contractID: other.id), by: anna)
        let shop = try await f.desk.addLocation(
            NewLocation(companyID: f.company.id, name: "Shop 9", address: "Mira 9", timeZoneIdentifier: "UTC"),
            by: .system)
        let relocated = try await f.desk.updateTicket(ticket.id, TicketUpdate(locationID: shop.id), by: anna)
        #expect(named.contractID == other.id && relocated.contractID == other.id, "a contract that still applies stays")
    }

    @Test func linkingASiteChoosesItsContractAndTheSLAKeepsElapsedAndPausedTime() async throws {
        let always = BusinessCalendar.twentyFourSeven()
        let standard = SLAPolicy(
            id: "standard", name: "Standard", calendar: always,
            targets: [.normal: SLATargets(reaction: .hours(4), resolution: .hours(24))])
        let gold = SLAPolicy(
            id: "gold", name: "Gold", calendar: always,
            targets: [.normal: SLATargets(reaction: .hours(1), resolution: .hours(4))])
        let f = try await AllowanceDesk.make(
            sla: try SLAConfiguration(policies: [standard, gold], defaultPolicyID: "standard"))
        let anna = Performer.employee(f.test.anna.id)
        let shop = try await f.desk.addLocation(
            NewLocation(companyID: f.company.id, name: "Shop 7", address: "Lenina 7", timeZoneIdentifier: "UTC"),
            by: .system)
        let site = try await f.desk.addContract(
            NewContract(
                companyID: f.company.id, number: "S-7", startsAt: f.contract.startsAt, coveredLocationIDs: [shop.id],
                slaPolicyID: "gold"),
            by: .system)
        let ticket = try await f.desk.createTicket(
            NewTicket(title: "Freezer alarm", channel: .phone, requester: .freeText("Night shift")), by: anna)
        #expect(ticket.contractID == nil && ticket.sla?.policyID == "standard")
        // An hour of work, then two hours waiting for the client, then back in work.
        f.test.clock.advance(by: 3_600)
        _ = try await f.desk.changeStatus(ticket.id, to: .waitingForClient, by: anna)
        f.test.clock.advance(by: 7_200)
        let resumed = try await f.desk.changeStatus(ticket.id, to: .inProgress, by: anna)
        let moved = try await f.desk.updateTicket(
            ticket.id, TicketUpdate(companyID: f.company.id, locationID: shop.id), by: anna)
        #expect(moved.contractID == site.id, "the site's own contract beats the blanket one")
        let sla = try #require(moved.sla)
        #expect(sla.policyID == "gold")
        #expect(sla.startedAt == ticket.createdAt && sla.pauses == resumed.sla?.pauses && sla.pauses.count == 1)
        #expect(
            sla.resolution?.dueAt == ticket.createdAt.addingTimeInterval(4 * 3_600 + 7_200),
            "four working hours from registration, not counting the two hours of waiting")
        let audit = try await f.desk.auditTrail(of: ticket.id, as: .system)
        #expect(audit.contains { $0.field == .contractID } && audit.contains { $0.field == .sla })
    }
}
