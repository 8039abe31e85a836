import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing
import WorkingTime

/// Commands and reads that take an instant or a work date reject values outside ``InstantRange``
/// with a typed error naming the field, and change nothing (issue #14, point 6.5).
@Suite("Instants outside the supported range")
struct HostileInstantTests {
    @Test func priceListDatesAreChecked() async throws {
        let f = try await BillingFixture.make()
        let before = try await f.test.snapshot()
        for instant in SafetyFixture.hostileInstants {
            await #expect(throws: SafetyFixture.outOfRange("validFrom")) {
                _ = try await f.desk.addPriceListItem(
                    NewPriceListItem(
                        code: "X", name: "X", pricing: .fixed, price: BillingFixture.rub(1), validFrom: instant),
                    by: .system)
            }
            await #expect(throws: SafetyFixture.outOfRange("instant")) {
                _ = try await f.desk.price(of: f.hour.id, under: nil, at: instant, as: .system)
            }
        }
        await #expect(throws: SafetyFixture.outOfRange("validUntil")) {
            _ = try await f.desk.addPriceListItem(
                NewPriceListItem(
                    code: "X", name: "X", pricing: .fixed, price: BillingFixture.rub(1), validFrom: TestDesk.start,
                    validUntil: .distantFuture), by: .system)
        }
        #expect(try await f.test.snapshot() == before)
        // Open-ended up to the range's end is fine.
        _ = try await f.desk.addPriceListItem(
            NewPriceListItem(
                code: "X", name: "X", pricing: .fixed, price: BillingFixture.rub(1),
                validFrom: SupportedInstants.lowerBound,
                validUntil: SupportedInstants.upperBound), by: .system)
    }

    @Test func contractAndAssetDatesAreChecked() async throws {
        let f = try await ClientFixture.make()
        let model = try await f.desk.addAssetModel(name: "Printer", kind: "printer", by: .system)
        let before = try await f.test.snapshot()
        for instant in SafetyFixture.hostileInstants {
            await #expect(throws: SafetyFixture.outOfRange("startsAt")) {
                _ = try await f.desk.addContract(
                    NewContract(companyID: f.alpha.id, number: "N-1", startsAt: instant), by: .system)
            }
            await #expect(throws: SafetyFixture.outOfRange("inServiceSince")) {
                _ = try await f.desk.addAsset(
                    NewAsset(modelID: model.id, serialNumber: "S1", locationID: f.office.id, inServiceSince: instant),
                    by: .system)
            }
            await #expect(throws: SafetyFixture.outOfRange("instant")) {
                _ = try await f.desk.contracts(inForceAt: instant, as: .system)
            }
            await #expect(throws: SafetyFixture.outOfRange("instant")) {
                _ = try await f.desk.contracts(endingWithin: 30, after: instant, as: .system)
            }
        }
        await #expect(throws: SafetyFixture.outOfRange("endsAt")) {
            _ = try await f.desk.addContract(
                NewContract(
                    companyID: f.alpha.id, number: "N-1", startsAt: ClientFixture.day(0),
                    endsAt: SafetyFixture.farFuture), by: .system)
        }
        await #expect(throws: HelpDeskError.invalidInput(field: "days", problem: .negative)) {
            _ = try await f.desk.contracts(endingWithin: -1, after: ClientFixture.day(0), as: .system)
        }
        #expect(try await f.test.snapshot() == before)
    }

    @Test func workDatesAreChecked() async throws {
        let test = try await TestDesk.make()
        let ticket = try await test.ticket()
        let today = try LocalDate(year: 2026, month: 3, day: 2)
        let entry = try await test.desk.logTime(
            on: ticket.id, NewTimeEntry(workDate: today, minutes: 30), by: .employee(test.anna.id))
        let before = try await test.snapshot()
        let years = InstantRange.workDateYears
        for date in [try LocalDate(year: 1, month: 1, day: 1), try LocalDate(year: 1899, month: 12, day: 31)] {
            await #expect(throws: HelpDeskError.invalidInput(field: "workDate", problem: .outOfRange(years))) {
                _ = try await test.desk.logTime(
                    on: ticket.id, NewTimeEntry(workDate: date, minutes: 30), by: .employee(test.anna.id))
            }
            await #expect(throws: HelpDeskError.invalidInput(field: "workDate", problem: .outOfRange(years))) {
                _ = try await test.desk.editTimeEntry(
                    entry.id, TimeEntryUpdate(workDate: date), by: .employee(test.anna.id))
            }
            await #expect(throws: HelpDeskError.invalidInput(field: "validFrom", problem: .outOfRange(years))) {
                _ = try await test.desk.setEmployeeRate(
                    test.anna.id, validFrom: date, hourlyCost: ClientFixture.rub(100_00), by: .system)
            }
        }
        #expect(try await test.snapshot() == before)
        _ = try await test.desk.logTime(
            on: ticket.id, NewTimeEntry(workDate: try LocalDate(year: 1900, month: 1, day: 1), minutes: 30),
            by: .employee(test.anna.id))
    }

    @Test func ratingPeriodsAreChecked() async throws {
        let test = try await TestDesk.make()
        for instant in SafetyFixture.hostileInstants {
            let period = min(instant, TestDesk.start)..<max(instant, TestDesk.start)
            if InstantRange.contains(period.lowerBound) && InstantRange.containsEnd(period.upperBound) { continue }
            await #expect(throws: SafetyFixture.outOfRange("period")) {
                _ = try await test.desk.ratings(ratedIn: period, as: .system)
            }
            await #expect(throws: SafetyFixture.outOfRange("period")) {
                _ = try await test.desk.ratings(ofAssignee: test.anna.id, ratedIn: period, as: .system)
            }
        }
        #expect(
            try await test.desk.ratings(
                ratedIn: SupportedInstants.lowerBound..<SupportedInstants.upperBound, as: .system
            ).isEmpty)
    }
}
