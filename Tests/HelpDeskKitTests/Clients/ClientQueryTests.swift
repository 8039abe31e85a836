import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@Suite("Registration hints, reminders and client queries")
struct ClientQueryTests {
    @Test func registrationHintsShowContractsDebtEquipmentAndOpenTickets() async throws {
        let f = try await ClientFixture.make()
        f.clock.set(to: ClientFixture.day(40))
        let officeContract = try await f.contract("A-1", locations: [f.office.id])
        let old = try await f.period(officeContract, 0, 30, fee: 2_000_000)
        let current = try await f.period(officeContract, 30, 60, fee: 2_500_000, due: 45, invoiced: false)
        let storeContract = try await f.contract("A-2", locations: [f.megastore.id])
        let blanket = try await f.contract("A-3")
        _ = try await f.contract("A-4", status: .draft)
        let model = try await f.desk.addAssetModel(name: "Printer", kind: "printer", by: .system)
        let officePrinter = try await f.desk.addAsset(
            NewAsset(
                modelID: model.id, serialNumber: "P-1", locationID: f.office.id, inServiceSince: ClientFixture.day(-9)),
            by: .system)
        let storePrinter = try await f.desk.addAsset(
            NewAsset(
                modelID: model.id, serialNumber: "P-2", locationID: f.megastore.id,
                inServiceSince: ClientFixture.day(-9)), by: .system)
        let first = try await f.ticket("First", requester: .contact(f.ivan.id))
        f.clock.advance(by: 60)
        let waiting = try await f.ticket("Waiting", requester: .contact(f.petr.id))
        _ = try await f.desk.changeStatus(waiting.id, to: .waitingForClient, by: f.anna)
        f.clock.advance(by: 60)
        let done = try await f.ticket("Done", requester: .contact(f.ivan.id))
        _ = try await f.desk.changeStatus(done.id, to: .resolved, by: f.anna)
        try await f.ticket("Beta", requester: .contact(f.olga.id))

        let hints = try await f.desk.registrationHints(contact: f.ivan.id, as: .system)
        #expect(hints.company == f.alpha)
        #expect(hints.contact == f.ivan)
        #expect(hints.location == f.office)
        #expect(hints.contracts.map(\.contract.id) == [officeContract.id, blanket.id])
        #expect(hints.contracts[0].currentPeriod == current)
        #expect(hints.contracts[0].paymentStatus == .unpaid)
        #expect(hints.contracts[1].currentPeriod == nil && hints.contracts[1].paymentStatus == nil)
        #expect(hints.isDebtor)
        #expect(hints.debtor?.debts.map(\.period.id) == [old.id])
        #expect(hints.debtor?.totals == [ClientFixture.rub(2_000_000)])
        #expect(hints.debtor?.maximumDaysOverdue == 40)
        #expect(hints.installedAssets == [officePrinter])
        #expect(hints.openTickets.map(\.id) == [waiting.id, first.id], "new, open and waiting tickets, newest first")

        // By location: the location's contracts and equipment; once the current period is invoiced
        // and the clock passes day 45, it is owed too.
        f.clock.set(to: ClientFixture.day(46))
        _ = try await f.desk.markServicePeriodInvoiced(current.id, of: officeContract.id, by: .system)
        let byLocation = try await f.desk.registrationHints(location: f.megastore.id, as: .system)
        #expect(byLocation.contact == nil)
        #expect(byLocation.contracts.map(\.contract.id) == [storeContract.id, blanket.id])
        #expect(byLocation.installedAssets == [storePrinter])
        let officeHints = try await f.desk.registrationHints(location: f.office.id, as: .system)
        #expect(officeHints.contracts[0].paymentStatus == .overdue)
        #expect(officeHints.debtor?.totals == [ClientFixture.rub(4_500_000)])
        // A contact without a location sees the whole company's equipment.
        let petrs = try await f.desk.registrationHints(contact: f.petr.id, as: .system)
        #expect(petrs.location == nil)
        #expect(petrs.installedAssets == [officePrinter, storePrinter])
        #expect(petrs.contracts.map(\.contract.id) == [blanket.id], "only contracts covering every location")
        // A clean client.
        let beta = try await f.desk.registrationHints(contact: f.olga.id, as: .system)
        #expect(!beta.isDebtor && beta.contracts.isEmpty && beta.openTickets.count == 1)

        await #expect(throws: HelpDeskError.crossCompanyLink(.location(f.kitchen.id), expected: f.alpha.id)) {
            _ = try await f.desk.registrationHints(contact: f.ivan.id, location: f.kitchen.id, as: .system)
        }
        await #expect(throws: HelpDeskError.invalidInput(field: "contact", problem: .blank)) {
            _ = try await f.desk.registrationHints(as: .system)
        }
    }

    @Test func remindersGoToTheManagerOnceEach() async throws {
        let f = try await ClientFixture.make(
            configuration: HelpDeskConfiguration(
                clients: ClientConfiguration(renewalReminderDays: 14, contractEndingReminderDays: 30)))
        let manager = f.test.boris.id
        let contract = try await f.contract("A-1", from: 0, to: 100, manager: manager)
        let paid = try await f.period(contract, 0, 30)
        _ = try await f.desk.markServicePeriodPaid(paid.id, of: contract.id, by: .system)
        let second = try await f.period(contract, 30, 60)
        let quiet = try await f.contract("A-2", from: 0, to: 20, status: .draft, manager: manager)
        try await f.period(quiet, 0, 20)
        let sequenceBefore = try await f.test.snapshot().lastEventSequence

        func tick(_ day: Double) async throws -> [String] {
            f.clock.set(to: ClientFixture.day(day))
            return try await f.desk.tick(now: ClientFixture.day(day)).contractReminders
        }
        #expect(try await tick(10) == [])
        #expect(try await tick(30) == ["A-1"], "the second period started unpaid")
        #expect(try await tick(31) == [])
        #expect(try await tick(45.9) == [], "15 days before the last period's end")
        #expect(try await tick(46) == ["A-1"], "renewal within 14 days of the last period's end")
        #expect(try await tick(46.5) == [])
        #expect(try await tick(70) == ["A-1"], "the contract ends within 30 days")
        #expect(try await tick(71) == [])
        #expect(try await tick(99) == [])

        let events = try await f.desk.undeliveredEvents(limit: 1_000, as: .system).filter {
            $0.sequence > sequenceBefore
        }
        let reminders: [ContractReminder] = events.compactMap {
            if case .contractReminder(let id, let number, let reminder) = $0.event, id == contract.id, number == "A-1" {
                return reminder
            }
            return nil
        }
        #expect(reminders == [.periodUnpaid(second.id), .renewalDue(second.id), .contractEnding])
        #expect(events.count == 3, "nothing for the draft contract")
        #expect(events.allSatisfy { $0.audience == Audience(employeeIDs: [manager]) && $0.performer == .system })
        #expect(events.map(\.occurredAt) == [ClientFixture.day(30), ClientFixture.day(46), ClientFixture.day(70)])
        #expect(
            try await f.desk.contract(contract.id, as: .system).remindersSent == [
                .periodUnpaid(second.id), .renewalDue(second.id), .contractEnding,
            ])
    }

    @Test func aRenewalOrPaymentInTimeSilencesItsReminder() async throws {
        let f = try await ClientFixture.make()
        let contract = try await f.contract("A-1", from: 0)
        let first = try await f.period(contract, 0, 30)
        _ = try await f.desk.markServicePeriodPaid(first.id, of: contract.id, by: .system)
        #expect(try await f.desk.tick(now: ClientFixture.day(10)).contractReminders == [])
        let renewal = try await f.period(contract, 30, 60)
        _ = try await f.desk.markServicePeriodPaid(renewal.id, of: contract.id, by: .system)
        #expect(try await f.desk.tick(now: ClientFixture.day(20)).contractReminders == [], "a later period follows")
        #expect(try await f.desk.tick(now: ClientFixture.day(31)).contractReminders == [], "paid in advance")
        #expect(try await f.desk.tick(now: ClientFixture.day(50)).contractReminders == ["A-1"])
        let events = try await f.desk.undeliveredEvents(limit: 1_000, as: .system)
        #expect(events.last?.audience == Audience(), "a contract without a manager reminds nobody in particular")
    }

    @Test func directoryListingsAndContractQueries() async throws {
        let f = try await ClientFixture.make()
        let longest = try await f.contract("A-3", from: -10, to: 100)
        let soon = try await f.contract("A-2", from: -10, to: 20)
        let sooner = try await f.contract("B-1", of: f.beta.id, from: -10, to: 5)
        let openEnded = try await f.contract("A-1", from: -10)
        _ = try await f.contract("A-5", from: 3, to: 8)
        _ = try await f.contract("A-6", from: -10, to: 6, status: .draft)
        let ended = try await f.contract("A-7", from: -10, to: 9)
        _ = try await f.desk.changeContractStatus(ended.id, to: .ended, by: .system)

        #expect(
            try await f.desk.contracts(as: .system).map(\.number) == ["A-1", "A-2", "A-3", "A-5", "A-6", "A-7", "B-1"])
        #expect(try await f.desk.contracts(of: f.beta.id, as: .system).map(\.id) == [sooner.id])
        #expect(
            try await f.desk.contracts(inForceAt: ClientFixture.day(0), as: .system).map(\.id) == [
                openEnded.id, soon.id, longest.id, sooner.id,
            ])
        #expect(
            try await f.desk.contracts(inForceAt: ClientFixture.day(5), as: .system).map(\.number) == [
                "A-1", "A-2", "A-3", "A-5",
            ])
        #expect(try await f.desk.contracts(inForceAt: ClientFixture.day(-11), as: .system).isEmpty)
        #expect(
            try await f.desk.contracts(endingWithin: 30, after: ClientFixture.day(0), as: .system).map(\.id) == [
                sooner.id, soon.id,
            ])
        #expect(
            try await f.desk.contracts(endingWithin: 5, after: ClientFixture.day(0), as: .system).map(\.id) == [
                sooner.id
            ])
        #expect(try await f.desk.contracts(endingWithin: 365, after: ClientFixture.day(0), as: .system).count == 3)

        let unknown: CompanyID = Identifier(UUID(uuidString: "00000000-0000-4000-8000-0000000000e1")!)
        await #expect(throws: HelpDeskError.companyNotFound(unknown)) {
            _ = try await f.desk.contacts(of: unknown, as: .system)
        }
        await #expect(throws: HelpDeskError.companyNotFound(unknown)) {
            _ = try await f.desk.contracts(of: unknown, as: .system)
        }

        let printer = try await f.desk.addAssetModel(name: "Printer", kind: "printer", by: .system)
        let camera = try await f.desk.addAssetModel(name: "Camera", kind: "camera", by: .system)
        func add(_ model: AssetModel, _ serial: String, _ location: Location) async throws -> Asset {
            try await f.desk.addAsset(
                NewAsset(
                    modelID: model.id, serialNumber: serial, locationID: location.id,
                    inServiceSince: ClientFixture.day(0)), by: .system)
        }
        let p3 = try await add(printer, "P-3", f.office)
        let p1 = try await add(printer, "P-1", f.megastore)
        let c2 = try await add(camera, "C-2", f.office)
        let k1 = try await add(printer, "K-1", f.kitchen)
        #expect(try await f.desk.assets(as: .system) == [c2, k1, p1, p3])
        #expect(try await f.desk.assets(company: f.alpha.id, as: .system) == [c2, p1, p3])
        #expect(try await f.desk.assets(location: f.office.id, as: .system) == [c2, p3])
        #expect(try await f.desk.assets(model: printer.id, as: .system) == [k1, p1, p3])
        #expect(try await f.desk.assets(company: f.alpha.id, model: printer.id, as: .system) == [p1, p3])
        #expect(try await f.desk.assets(company: f.beta.id, location: f.office.id, as: .system).isEmpty)
    }

    @Test func debtorsListAmountsByCurrencyAndTheLongestDelayFirst() async throws {
        let f = try await ClientFixture.make()
        let gamma = try await f.desk.addCompany(NewCompany(name: "Gamma"), by: .system)
        let a1 = try await f.contract("A-1")
        let a2 = try await f.contract("A-2")
        let b1 = try await f.contract("B-1", of: f.beta.id)
        let g1 = try await f.contract("G-1", of: gamma.id)
        let a1old = try await f.period(a1, -20, -10, fee: 1_000_00)
        let a1new = try await f.period(a1, -10, 0, fee: 1_500_00)
        let a2debt = try await f.desk.addServicePeriod(
            to: a2.id,
            NewServicePeriod(
                startsAt: ClientFixture.day(-5), endsAt: ClientFixture.day(25),
                fee: Money(minorUnits: 300_00, currency: .eur), paymentDueAt: ClientFixture.day(-5)), by: .system)
        _ = try await f.desk.markServicePeriodInvoiced(a2debt.id, of: a2.id, by: .system)
        let b1debt = try await f.period(b1, -30, 0, fee: 9_000_00, due: -15)
        let paid = try await f.period(b1, -60, -30, fee: 7_000_00)
        _ = try await f.desk.markServicePeriodPaid(paid.id, of: b1.id, by: .system)
        try await f.period(b1, 0, 30, fee: 9_000_00, due: 10)
        let g1debt = try await f.period(g1, -15, 15, fee: 5_00)

        let debtors = try await f.desk.debtors(at: ClientFixture.day(0), as: .system)
        #expect(debtors.map(\.company.name) == ["Alpha Retail", "Beta Foods", "Gamma"])
        #expect(debtors.map(\.maximumDaysOverdue) == [20, 15, 15], "most days first, then by name")
        let alpha = try #require(debtors.first)
        #expect(alpha.totals == [Money(minorUnits: 300_00, currency: .eur), ClientFixture.rub(2_500_00)])
        #expect(alpha.debts.map(\.period.id) == [a1old.id, a1new.id, a2debt.id])
        #expect(alpha.debts.map(\.daysOverdue) == [20, 10, 5])
        #expect(alpha.debts.map(\.contractNumber) == ["A-1", "A-1", "A-2"])
        #expect(alpha.debts[0].amount == ClientFixture.rub(1_000_00))
        #expect(debtors[1].debts.map(\.period.id) == [b1debt.id])
        #expect(debtors[2].debts.map(\.period.id) == [g1debt.id])
        #expect(try await f.desk.debtors(at: ClientFixture.day(-100), as: .system).isEmpty)
    }
}

@Suite("Service periods: the default payment term")
struct PaymentTermTests {
    @Test(arguments: [(invoicedOnDay: 0.0, term: 10, dueDay: 10.0), (5, 10, 15), (-3, 10, 10), (2, 0, 2)])
    func aPeriodWithoutADueDateIsDueTheTermAfterItsStartOrInvoice(invoicedOnDay: Double, term: Int, dueDay: Double)
        async throws
    {
        var configuration = HelpDeskConfiguration()
        configuration.clients.paymentTermDays = term
        let f = try await ClientFixture.make(configuration: configuration)
        let contract = try await f.desk.addContract(
            NewContract(companyID: f.alpha.id, number: "T-1", startsAt: ClientFixture.day(-30)), by: .system)
        let period = try await f.desk.addServicePeriod(
            to: contract.id,
            NewServicePeriod(startsAt: ClientFixture.day(0), endsAt: ClientFixture.day(30), fee: ClientFixture.rub(1_000)),
            by: .system)
        f.test.clock.set(to: ClientFixture.day(invoicedOnDay))
        let invoiced = try await f.desk.markServicePeriodInvoiced(period.id, of: contract.id, by: .system)
        #expect(invoiced.paymentDueAt == ClientFixture.day(dueDay))
        let justBefore = ClientFixture.day(dueDay).addingTimeInterval(-1)
        if justBefore >= ClientFixture.day(invoicedOnDay) {
            #expect(try await f.desk.debtors(at: justBefore, as: .system).isEmpty, "not a debtor before the due date")
        }
        #expect(try await f.desk.debtors(at: ClientFixture.day(dueDay), as: .system).map(\.company.id) == [f.alpha.id])
    }
}
