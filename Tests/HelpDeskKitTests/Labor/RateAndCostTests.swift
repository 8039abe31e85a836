import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing
import WorkingTime

@Suite("Employee rates and labor cost")
struct RateAndCostTests {
    @Test func theRateOnADateIsTheLatestStartedOnOrBeforeIt() async throws {
        let test = try await LaborFixtures.desk()
        let day = LaborFixtures.day
        let january = try await test.desk.setEmployeeRate(
            test.anna.id, validFrom: day("2026-01-01"), hourlyCost: LaborFixtures.rub(100_000), by: .system)
        let march = try await test.desk.setEmployeeRate(
            test.anna.id, validFrom: day("2026-03-01"), hourlyCost: LaborFixtures.rub(120_000),
            hourlyBilling: LaborFixtures.rub(250_000), by: .system)
        #expect(try await test.desk.employeeRate(test.anna.id, on: day("2025-12-31"), as: .system) == nil)
        #expect(try await test.desk.employeeRate(test.anna.id, on: day("2026-01-01"), as: .system) == january)
        #expect(try await test.desk.employeeRate(test.anna.id, on: day("2026-02-28"), as: .system) == january)
        #expect(try await test.desk.employeeRate(test.anna.id, on: day("2026-03-01"), as: .system) == march)
        #expect(try await test.desk.employeeRate(test.anna.id, on: day("2030-01-01"), as: .system) == march)
        let corrected = try await test.desk.setEmployeeRate(
            test.anna.id, validFrom: day("2026-01-01"), hourlyCost: LaborFixtures.rub(90_000), by: .system)
        #expect(try await test.desk.rateHistory(of: test.anna.id, as: .system) == [corrected, march])
        let sequence = try await test.desk.undeliveredEvents(limit: 1_000, as: .system).count
        _ = try await test.desk.setEmployeeRate(
            test.anna.id, validFrom: day("2026-01-01"), hourlyCost: LaborFixtures.rub(90_000), by: .system)
        #expect(try await test.desk.undeliveredEvents(limit: 1_000, as: .system).count == sequence)
        #expect(try await test.desk.rateHistory(of: test.boris.id, as: .system) == [])
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func rateLookupMatchesANaiveScan(seed: UInt64) async throws {
        var random = SplitMix64(seed: seed)
        let test = try await LaborFixtures.desk()
        var naive: [LocalDate: Int64] = [:]
        let base = LaborFixtures.day("2026-01-01")
        func date(_ offset: Int) -> LocalDate {
            var components = DateComponents(year: base.year, month: base.month, day: base.day + offset)
            components.calendar = Calendar(identifier: .gregorian)
            let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: components.date!)
            return try! LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)
        }
        for _ in 0..<12 {
            let offset = Int.random(in: 0..<120, using: &random)
            let cost = Int64.random(in: 0...500_000, using: &random)
            naive[date(offset)] = cost
            try await test.desk.setEmployeeRate(
                test.boris.id, validFrom: date(offset), hourlyCost: LaborFixtures.rub(cost), by: .system)
        }
        for offset in -3..<130 {
            let day = date(offset)
            let expected = naive.keys.filter { $0 <= day }.max().map { naive[$0]! }
            #expect(
                try await test.desk.employeeRate(test.boris.id, on: day, as: .system)?.hourlyCost.minorUnits
                    == expected, "\(day)")
        }
    }

    @Test func costUsesSpentMinutesAndBillingUsesChargedMinutesOfBillableEntries() async throws {
        let test = try await LaborFixtures.desk(step: 15)
        let ticket = try await test.ticket()
        try await test.desk.setEmployeeRate(
            test.anna.id, validFrom: LaborFixtures.monday, hourlyCost: LaborFixtures.rub(100_000),
            hourlyBilling: LaborFixtures.rub(300_050), by: .system)
        let billable = try await test.desk.logTime(
            on: ticket.id, NewTimeEntry(workDate: LaborFixtures.monday, minutes: 7), by: .employee(test.anna.id))
        let priced = try await test.desk.laborCost(of: billable, as: .system)
        #expect(priced.cost == LaborFixtures.rub(11_667))  // 100 000 × 7 ÷ 60 = 11 666.67 → 11 667
        #expect(priced.billing == LaborFixtures.rub(75_013))  // 300 050 × 15 ÷ 60 = 75 012.5 → 75 013
        let free = try await test.desk.logTime(
            on: ticket.id, NewTimeEntry(workDate: LaborFixtures.monday, minutes: 60, billable: false),
            by: .employee(test.anna.id))
        #expect(try await test.desk.laborCost(of: free, as: .system).billing == nil)
        let early = try await test.desk.logTime(
            on: ticket.id, NewTimeEntry(workDate: LaborFixtures.day("2026-02-01"), minutes: 60),
            by: .employee(test.anna.id))
        let unpriced = try await test.desk.laborCost(of: early, as: .system)
        #expect(unpriced.rate == nil && unpriced.cost == nil && unpriced.billing == nil)
        let totals = try await test.desk.laborTotals(
            of: try await test.desk.timeEntries(on: ticket.id, as: .system), as: .system)
        #expect(totals.spentMinutes == 127)
        #expect(totals.chargedMinutes == 135)
        #expect(totals.billableMinutes == 75)
        #expect(totals.cost == [.rub: LaborFixtures.rub(111_667)])
        #expect(totals.billing == [.rub: LaborFixtures.rub(75_013)])
        #expect(totals.unpricedEntries == [early.id])
    }

    @Test(arguments: [21, 22] as [UInt64])
    func totalsAreTheSumOfExactPerEntryPrices(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var ids = SeededIdentifierSource(seed: seed)
        var totals = LaborTotals()
        var expectedCost: Int64 = 0
        var expectedBilling: Int64 = 0
        var minutes = 0
        for _ in 0..<300 {
            let spent = Int.random(in: 1...1_440, using: &random)
            let step = [0, 1, 6, 15, 30].randomElement(using: &random)!
            let hourly = Int64.random(in: 0...10_000_000, using: &random)
            let billing = Int64.random(in: 0...10_000_000, using: &random)
            let entry = TimeEntry(
                id: ids.next(), ticketID: ids.next(), employeeID: ids.next(), workDate: LaborFixtures.monday,
                spentMinutes: spent,
                chargedMinutes: LaborRounding.charged(spentMinutes: spent, step: step),
                billable: random.next() % 2 == 0,
                activity: "work", createdAt: TestDesk.start)
            let rate = EmployeeRate(
                employeeID: entry.employeeID, validFrom: LaborFixtures.monday, hourlyCost: LaborFixtures.rub(hourly),
                hourlyBilling: LaborFixtures.rub(billing))
            let priced = try LaborCost(entry: entry, rate: rate)
            // Half-up of hourly × minutes / 60, computed independently in integers.
            let cost = (hourly * Int64(spent) * 2 + 60) / 120
            #expect(priced.cost?.minorUnits == cost)
            expectedCost += cost
            if entry.billable {
                expectedBilling += (billing * Int64(entry.chargedMinutes) * 2 + 60) / 120
            }
            minutes += spent
            try totals.add(priced)
        }
        #expect(totals.cost[.rub]?.minorUnits == expectedCost)
        #expect(totals.billing[.rub]?.minorUnits == expectedBilling)
        #expect(totals.spentMinutes == minutes)
    }
}
