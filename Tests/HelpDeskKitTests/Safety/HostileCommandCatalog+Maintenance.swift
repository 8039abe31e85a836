import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Recurrence
import WorkingTime

extension HostileCommandCatalog {
    static var plans: [MaintenancePlanID] { [AccessCatalog.alphaPlan, AccessCatalog.alphaPausedPlan] }

    /// A plan request with hostile texts, numbers, dates, zones and foreign or unknown records.
    static func maintenanceRequest(_ d: inout HostileDraw) -> MaintenancePlanRequest {
        var request = AccessCatalog.maintenanceRequest(d.f)
        if d.hostile() { request.name = d.text(["Printer service"]) }
        if d.hostile() { request.companyID = d.id(d.companies) }
        if d.hostile() { request.contractID = d.id(d.contracts) }
        if d.hostile() { request.locationID = d.optionalID(d.locations) }
        if d.hostile() { request.assetIDs = d.ids(d.assets) }
        if d.hostile() { request.template.title = d.text(["Printer service"]) }
        if d.hostile() { request.template.description = d.text() }
        if d.hostile() { request.template.categoryID = d.optionalID(d.categories) }
        if d.hostile() { request.template.groupID = d.optionalID(d.groups) }
        if d.hostile() { request.template.assigneeID = d.optionalID(d.employees) }
        if d.hostile() { request.template.estimatedMinutes = d.int() }
        if d.hostile() { request.template.checklist = [d.text(), d.text(["Clean"])] }
        if d.hostile() { request.leadDays = d.int() }
        if d.hostile() { request.flexibilityDays = d.int() }
        if d.hostile() { request.calendarPolicy = d.pick(MaintenanceCalendarPolicy.allCases) }
        if d.hostile() { request.catchUp = d.pick(MaintenanceCatchUp.allCases) }
        if d.hostile() { request.generatesAfterCompletion = d.bool() }
        if d.hostile() {
            let frequency = d.pick(RecurrenceRule.Frequency.allCases)
            let interval = d.int()
            let count = d.int()
            let zone = TimeZone(identifier: d.timeZone()) ?? TimeZone(identifier: "UTC")!
            if let rule = try? RecurrenceRule(
                frequency: frequency, interval: interval, end: d.bool() ? .count(count) : .untilDate(d.date())),
                let schedule = try? RecurrenceSchedule(
                    rule: rule, start: d.date(), time: TimeOfDay(secondsSinceMidnight: Int(d.random.next() % 86_400)),
                    timeZone: zone, exceptionDates: [d.date(), d.date()])
            {
                request.schedule = schedule
            }
        }
        return request
    }

    static let maintenanceEntries: [HostileCommand] = [
        command("createMaintenancePlan(_:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.createMaintenancePlan(
                maintenanceRequest(&d), by: d.performer(), idempotencyKey: d.key())
        },
        command("updateMaintenancePlan(_:_:expectedRevision:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.updateMaintenancePlan(
                d.id(plans), maintenanceRequest(&d), expectedRevision: d.hostile() ? d.int() : 1, by: d.performer(),
                idempotencyKey: d.key())
        },
        command("pauseMaintenancePlan(_:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.pauseMaintenancePlan(d.id(plans), by: d.performer(), idempotencyKey: d.key())
        },
        command("resumeMaintenancePlan(_:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.resumeMaintenancePlan(d.id(plans), by: d.performer(), idempotencyKey: d.key())
        },
        command("endMaintenancePlan(_:from:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.endMaintenancePlan(
                d.id(plans), from: d.oneIn(3) ? nil : d.date(), by: d.performer(), idempotencyKey: d.key())
        },
        read("maintenancePlan(_:as:)") { d in _ = try await d.f.desk.maintenancePlan(d.id(plans), as: d.performer()) },
        read("maintenancePlans(company:as:)") { d in
            _ = try await d.f.desk.maintenancePlans(company: d.id(d.companies), as: d.performer())
        },
        read("maintenanceOccurrences(of:as:)") { d in
            _ = try await d.f.desk.maintenanceOccurrences(of: d.id(plans), as: d.performer())
        },
        read("previewMaintenancePlan(_:count:as:)") { d in
            if d.bool() {
                _ = try await d.f.desk.previewMaintenancePlan(d.id(plans), count: d.int(), as: d.performer())
            } else {
                _ = try await d.f.desk.previewMaintenancePlan(maintenanceRequest(&d), count: d.int(), as: d.performer())
            }
        },
    ]
}
