import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing
import WorkingTime

/// Debtors and period billing (issue #14, point 6.2): day counts and debt totals that used to trap.
@Suite("Hostile numbers in period billing")
struct HostilePeriodBillingTests {
    @Test func debtsSummingPastInt64MaxAreAnOverflow() async throws {
        let f = try await ClientFixture.make()
        let contract = try await f.contract("A-1")
        try await f.period(contract, -10, 20, fee: .max, due: 5)
        try await f.period(contract, 20, 50, fee: .max, due: 25)
        let before = try await f.test.snapshot()
        await #expect(throws: HelpDeskError.money(.overflow)) {
            _ = try await f.desk.debtors(at: ClientFixture.day(30), as: .system)
        }
        #expect(try await f.test.snapshot() == before)
        // One of them alone still fits.
        let single = try await f.desk.debtors(at: ClientFixture.day(10), as: .system)
        #expect(single.first?.totals == [ClientFixture.rub(.max)])
    }

    @Test func debtorsAtAFarInstantAreRejected() async throws {
        let f = try await ClientFixture.make()
        try await f.period(try await f.contract("A-1"), -10, 20, due: 5)
        for instant in SafetyFixture.hostileInstants {
            await #expect(throws: SafetyFixture.outOfRange("instant")) {
                _ = try await f.desk.debtors(at: instant, as: .system)
            }
        }
        #expect(try await f.desk.debtors(at: ClientFixture.day(6), as: .system).map(\.company.id) == [f.alpha.id])
    }

    @Test func theDebtorPolicyAtAFarFutureClockIsATypedError() async throws {
        let f = try await SLAClientFixtures.make()
        try await f.period(try await f.contract("A-1"), -10, 20, due: 5)
        f.clock.set(to: SafetyFixture.farFuture)
        let before = try await f.test.snapshot()
        await #expect(throws: HelpDeskError.self) { try await f.ticket(requester: .contact(f.ivan.id)) }
        #expect(try await f.test.snapshot() == before)
    }

    @Test func daysOverdueSaturateForInstantsBeyondAnyCalendar() {
        var ids = SeededIdentifierSource(seed: 3)
        let period = ServicePeriod(
            id: ids.next(), startsAt: ClientFixture.day(0), endsAt: ClientFixture.day(30), fee: ClientFixture.rub(100))
        #expect(period.daysOverdue(at: SafetyFixture.farFuture) == .max)
        #expect(period.daysOverdue(at: SafetyFixture.farPast) == 0)
        #expect(period.daysOverdue(at: ClientFixture.day(2.5)) == 2)
        let ancient = ServicePeriod(
            id: ids.next(), startsAt: SafetyFixture.farPast, endsAt: ClientFixture.day(1), fee: ClientFixture.rub(1))
        #expect(ancient.daysOverdue(at: ClientFixture.day(0)) == .max)
    }

    @Test func periodsAndContractsOutsideTheSupportedRangeAreRejected() async throws {
        let f = try await ClientFixture.make()
        let contract = try await f.contract("A-1")
        let before = try await f.test.snapshot()
        await #expect(throws: SafetyFixture.outOfRange("startsAt")) {
            _ = try await f.desk.addServicePeriod(
                to: contract.id,
                NewServicePeriod(
                    startsAt: SafetyFixture.farPast, endsAt: ClientFixture.day(1), fee: ClientFixture.rub(1)),
                by: .system)
        }
        await #expect(throws: SafetyFixture.outOfRange("endsAt")) {
            _ = try await f.desk.addServicePeriod(
                to: contract.id,
                NewServicePeriod(startsAt: ClientFixture.day(0), endsAt: .distantFuture, fee: ClientFixture.rub(1)),
                by: .system)
        }
        await #expect(throws: SafetyFixture.outOfRange("paymentDueAt")) {
            _ = try await f.desk.addServicePeriod(
                to: contract.id,
                NewServicePeriod(
                    startsAt: ClientFixture.day(0), endsAt: ClientFixture.day(1), fee: ClientFixture.rub(1),
                    paymentDueAt: .distantFuture), by: .system)
        }
        await #expect(throws: SafetyFixture.outOfRange("startsAt")) {
            _ = try await f.desk.addContract(
                NewContract(companyID: f.alpha.id, number: "A-2", startsAt: .distantPast), by: .system)
        }
        #expect(try await f.test.snapshot() == before)
        // The exclusive end may be the range's own end.
        _ = try await f.desk.addServicePeriod(
            to: contract.id,
            NewServicePeriod(
                startsAt: ClientFixture.day(0), endsAt: SupportedInstants.upperBound, fee: ClientFixture.rub(1)),
            by: .system)
    }
}
