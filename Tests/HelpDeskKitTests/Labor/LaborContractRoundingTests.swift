import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing
import WorkingTime

@Suite("Labor rounding from the contract")
struct LaborContractRoundingTests {
    /// The current service period's rounding step beats the desk default.
    @Test func theContractPeriodStepRoundsChargedMinutes() async throws {
        let test = try await TestDesk.make()
        let company = try await test.desk.addCompany(NewCompany(name: "Acme"), by: .system)
        let contract = try await test.desk.addContract(
            NewContract(companyID: company.id, number: "C-7", startsAt: TestDesk.start.addingTimeInterval(-86_400)),
            by: .system)
        _ = try await test.desk.addServicePeriod(
            to: contract.id,
            NewServicePeriod(
                startsAt: TestDesk.start.addingTimeInterval(-86_400), endsAt: TestDesk.start.addingTimeInterval(86_400),
                fee: Money(minorUnits: 100_000, currency: .rub), laborRoundingStepMinutes: 30), by: .system)
        let covered = try await test.desk.createTicket(
            NewTicket(title: "Covered", channel: .phone, requester: .freeText("Ivan"), companyID: company.id),
            by: .employee(test.anna.id))
        #expect(covered.contractID == contract.id)
        let plain = try await test.ticket("Plain")
        let day = try LocalDate(year: 2026, month: 3, day: 2)
        let rounded = try await test.desk.logTime(
            on: covered.id, NewTimeEntry(workDate: day, minutes: 7), by: .employee(test.anna.id))
        let exact = try await test.desk.logTime(
            on: plain.id, NewTimeEntry(workDate: day, minutes: 7), by: .employee(test.anna.id))
        #expect(rounded.chargedMinutes == 30)
        #expect(exact.chargedMinutes == 7)
    }
}
