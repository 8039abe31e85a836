import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Recurrence
import Testing
import WorkingTime

@Suite("Maintenance plans: hostile input changes nothing; previews")
struct MaintenanceValidationTests {
    typealias F = MaintenanceFixture

    /// A request with one field spoiled, and the field the error must name.
    static let spoiled: [(String, @Sendable (inout MaintenancePlanRequest) -> Void)] = [
        ("name", { $0.name = "  " }), ("name", { $0.name = String(repeating: "x", count: 201) }),
        ("title", { $0.template.title = "" }),
        ("template.estimatedMinutes", { $0.template.estimatedMinutes = 0 }),
        ("template.estimatedMinutes", { $0.template.estimatedMinutes = 1_441 }),
        ("template.estimatedMinutes", { $0.template.estimatedMinutes = .min }),
        ("template.estimatedMinutes", { $0.template.estimatedMinutes = .max }),
        ("template.checklist", { $0.template.checklist = ["two\nlines"] }),
        ("template.checklist", { $0.template.checklist = [" "] }),
        ("template.checklist", { $0.template.checklist = Array(repeating: "item", count: 101) }),
        ("leadDays", { $0.leadDays = -1 }), ("leadDays", { $0.leadDays = 367 }), ("leadDays", { $0.leadDays = .min }),
        ("leadDays", { $0.leadDays = .max }), ("flexibilityDays", { $0.flexibilityDays = 31 }),
        ("flexibilityDays", { $0.flexibilityDays = -1 }), ("flexibilityDays", { $0.flexibilityDays = .max }),
        (
            "schedule.start",
            {
                $0.schedule = try! RecurrenceSchedule(
                    rule: $0.schedule.rule, start: F.date("1800-01-01"), time: $0.schedule.time,
                    timeZone: $0.schedule.timeZone)
            }
        ),
        (
            "schedule.start",
            {
                $0.schedule = try! RecurrenceSchedule(
                    rule: $0.schedule.rule, start: F.date("9999-12-31"), time: $0.schedule.time,
                    timeZone: $0.schedule.timeZone)
            }
        ),
        (
            "schedule.rule.until",
            {
                $0.schedule = try! RecurrenceSchedule(
                    rule: RecurrenceRule(frequency: .daily, end: .untilDate(.last)), start: $0.schedule.start,
                    time: $0.schedule.time, timeZone: $0.schedule.timeZone)
            }
        ),
    ]

    @Test("out-of-range numbers, texts and dates are typed input errors and change nothing")
    func hostileNumbers() async throws {
        let f = try await F.make()
        let valid = try f.request(try F.monthly(), from: "2026-03-10")
        let plan = try await f.desk.createMaintenancePlan(valid, by: .system)
        let before = try await f.test.snapshot()
        for (field, spoil) in Self.spoiled {
            var request = valid
            spoil(&request)
            let error = await #expect(throws: HelpDeskError.self) {
                _ = try await f.desk.createMaintenancePlan(request, by: .system)
            }
            #expect(error?.code == .invalidInput && error?.field == field, "\(field)")
            await #expect(throws: HelpDeskError.self) {
                _ = try await f.desk.updateMaintenancePlan(plan.id, request, expectedRevision: 1, by: .system)
            }
            await #expect(throws: HelpDeskError.self) {
                _ = try await f.desk.previewMaintenancePlan(request, count: 3, as: .system)
            }
        }
        for count in [0, 101, Int.min, Int.max] {
            await #expect(throws: HelpDeskError.invalidInput(field: "count", problem: .outOfRange(1...100))) {
                _ = try await f.desk.previewMaintenancePlan(plan.id, count: count, as: .system)
            }
        }
        await #expect(throws: HelpDeskError.self) {
            _ = try await f.desk.endMaintenancePlan(plan.id, from: F.date("0001-01-01"), by: .system)
        }
        #expect(try await f.test.snapshot() == before)
    }

    @Test("records that do not exist or belong to another company are refused")
    func foreignRecords() async throws {
        let f = try await F.make()
        let other = try await f.desk.addCompany(NewCompany(name: "Contoso"), by: .system)
        let otherContract = try await f.desk.addContract(
            NewContract(companyID: other.id, number: "C-1", startsAt: TestDesk.start), by: .system)
        let valid = try f.request(try F.monthly(), from: "2026-03-10")
        let before = try await f.test.snapshot()
        var foreign = valid
        foreign.contractID = otherContract.id
        await #expect(throws: HelpDeskError.crossCompanyLink(.contract(otherContract.id), expected: f.company.id)) {
            _ = try await f.desk.createMaintenancePlan(foreign, by: .system)
        }
        var unknownAsset = valid
        let ghost: AssetID = Identifier(UUID())
        unknownAsset.assetIDs = [ghost]
        await #expect(throws: HelpDeskError.assetNotFound(ghost)) {
            _ = try await f.desk.createMaintenancePlan(unknownAsset, by: .system)
        }
        var wrongGroup = valid
        wrongGroup.template.groupID = f.test.serviceDesk.id
        wrongGroup.template.assigneeID = f.test.anna.id
        wrongGroup.template.groupID = f.test.fieldEngineers.id
        await #expect(throws: HelpDeskError.assigneeNotInGroup(f.test.anna.id, f.test.fieldEngineers.id)) {
            _ = try await f.desk.createMaintenancePlan(wrongGroup, by: .system)
        }
        let missing: MaintenancePlanID = Identifier(UUID())
        await #expect(throws: HelpDeskError.maintenancePlanNotFound(missing)) {
            _ = try await f.desk.pauseMaintenancePlan(missing, by: .system)
        }
        #expect(try await f.test.snapshot() == before)
    }

    @Test("a preview lists rule date, scheduled date, the day the ticket opens and the visit's start")
    func preview() async throws {
        let f = try await F.make()
        let request = try f.request(try F.monthly(), from: "2026-03-09", policy: .nextWorkingDay, leadDays: 3)
        let unsaved = try await f.desk.previewMaintenancePlan(request, count: 3, as: .system)
        let expected = [
            ("2026-03-09", "2026-03-10", "2026-03-07"), ("2026-04-09", "2026-04-09", "2026-04-06"),
            ("2026-05-09", "2026-05-12", "2026-05-09"),
        ].map { rule, scheduled, create in
            MaintenancePreview(
                date: F.date(rule), scheduledDate: F.date(scheduled), createOn: F.date(create),
                start: F.date(scheduled).instant(at: try! TimeOfDay(hour: 10), in: F.moscow))
        }
        #expect(unsaved == expected)
        let plan = try await f.desk.createMaintenancePlan(request, by: .system)
        #expect(try await f.desk.previewMaintenancePlan(plan.id, count: 3, as: .system) == expected)
        try await f.tick("2026-03-07")
        #expect(
            try await f.desk.previewMaintenancePlan(plan.id, count: 2, as: .system) == Array(expected.dropFirst()),
            "recorded occurrences leave the preview")
        var skipping = request
        skipping.calendarPolicy = .skip
        let skipped = try await f.desk.previewMaintenancePlan(skipping, count: 1, as: .system)
        #expect(skipped.first?.isSkippedByCalendar == true)
    }

    @Test("2nd Tuesday of each month")
    func secondTuesday() async throws {
        let f = try await F.make()
        let rule = try RecurrenceRule(frequency: .monthly, byDay: [RecurrenceRule.WeekdayNumber(.tuesday, ordinal: 2)])
        let request = try f.request(rule, from: "2026-03-10", policy: .nextWorkingDay)
        let preview = try await f.desk.previewMaintenancePlan(request, count: 6, as: .system)
        #expect(
            preview.map(\.date)
                == ["2026-03-10", "2026-04-14", "2026-05-12", "2026-06-09", "2026-07-14", "2026-08-11"].map(F.date))
        let plan = try await f.desk.createMaintenancePlan(request, by: .system)
        try await MaintenanceGenerationTests.tickDaily(f, from: "2026-03-02", through: "2026-05-12")
        #expect(try await f.outcomes(plan) == ["2026-03-10 generated", "2026-04-14 generated", "2026-05-12 generated"])
    }

    @Test("2nd Monday moved off a holiday: 9 March 2026")
    func secondMondayOffHoliday() async throws {
        let f = try await F.make()
        let rule = try RecurrenceRule(frequency: .monthly, byDay: [RecurrenceRule.WeekdayNumber(.monday, ordinal: 2)])
        let plan = try await f.desk.createMaintenancePlan(
            try f.request(rule, from: "2026-03-09", policy: .nextWorkingDay), by: .system)
        try await MaintenanceGenerationTests.tickDaily(f, from: "2026-03-02", through: "2026-05-12")
        #expect(
            try await f.outcomes(plan) == [
                "2026-03-09→2026-03-10 generated", "2026-04-13 generated", "2026-05-11→2026-05-12 generated",
            ])
    }
}
