import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Recurrence
import WorkingTime

/// Maintenance plans: every command and read needs `work.plan` for the plan's company; clients
/// get nothing.
extension AccessCatalog {
    static let alphaPlan: MaintenancePlanID = Identifier(UUID(uuidString: "00000000-0000-4000-8000-0000000000b1")!)
    static let alphaPausedPlan: MaintenancePlanID =
        Identifier(UUID(uuidString: "00000000-0000-4000-8000-0000000000b2")!)

    /// A monthly printer service at Alpha's office, from 10 March 2026, 10:00 Moscow time.
    static func maintenanceRequest(_ f: AccessFixture) -> MaintenancePlanRequest {
        maintenanceRequest(
            alpha: f.alpha.id, contract: f.alphaContract.id, office: f.alphaOffice.id, printer: f.alphaPrinter.id,
            test: f.test)
    }

    static func maintenanceRequest(
        alpha: CompanyID, contract: ContractID, office: LocationID, printer: AssetID, test: TestDesk
    ) -> MaintenancePlanRequest {
        MaintenancePlanRequest(
            name: "Printer service", companyID: alpha, contractID: contract, locationID: office, assetIDs: [printer],
            template: MaintenanceTemplate(
                title: "Printer service", categoryID: test.onSite.id, groupID: test.fieldEngineers.id,
                assigneeID: test.boris.id, estimatedMinutes: 60, checklist: ["Clean", "Test print"]),
            schedule: try! RecurrenceSchedule(
                rule: RecurrenceRule(frequency: .monthly), start: LocalDate(parsing: "2026-03-10"),
                time: TimeOfDay(hour: 10), timeZone: TimeZone(identifier: "Europe/Moscow")!),
            calendarPolicy: .nextWorkingDay, leadDays: 3, flexibilityDays: 2)
    }

    /// Seeds Alpha's active plan and a paused one (called by ``AccessFixture/make()``).
    static func seedMaintenance(
        _ test: TestDesk, alpha: CompanyID, contract: ContractID, office: LocationID, printer: AssetID
    ) async throws {
        let request = maintenanceRequest(
            alpha: alpha, contract: contract, office: office, printer: printer, test: test)
        let yesterday = TestDesk.start.addingTimeInterval(-86_400)
        var work = UnitOfWork()
        for (id, status) in [(alphaPlan, MaintenancePlanStatus.active), (alphaPausedPlan, .paused)] {
            let plan = MaintenancePlan(
                id: id, name: request.name, companyID: alpha, contractID: contract, locationID: office,
                assetIDs: [printer], template: request.template, schedule: request.schedule,
                calendarPolicy: request.calendarPolicy, leadDays: request.leadDays, status: status, createdAt: yesterday
            )
            work.maintenance.plans.append(MaintenancePlanWrite(plan: plan, expectedRevision: nil))
        }
        try await test.store.commit(work)
    }

    /// What each maintenance entry needs (merged into ``RolePermissionMatrixTests/needs``).
    static let maintenanceNeeds: [String: Set<AccessAction>] = [
        "createMaintenancePlan: for Alpha": [.planWork], "updateMaintenancePlan: Alpha's plan": [.planWork],
        "pauseMaintenancePlan: Alpha's plan": [.planWork], "resumeMaintenancePlan: Alpha's paused plan": [.planWork],
        "endMaintenancePlan: Alpha's plan": [.planWork], "maintenancePlan: Alpha's": [.planWork],
        "maintenancePlans: of Alpha": [.planWork], "maintenanceOccurrences: of Alpha's plan": [.planWork],
        "previewMaintenancePlan: Alpha's plan": [.planWork], "previewMaintenancePlan: an unsaved plan": [.planWork],
        "trail: of Alpha's maintenance plan": [.planWork],
    ]

    static let maintenanceEntries: [AccessEntry] = [
        E("createMaintenancePlan(_:by:idempotencyKey:)", "createMaintenancePlan: for Alpha", concernsAlpha: true) {
            f, p in
            try await E.call { try await f.desk.createMaintenancePlan(maintenanceRequest(f), by: p) }
        },
        E(
            "updateMaintenancePlan(_:_:expectedRevision:by:idempotencyKey:)", "updateMaintenancePlan: Alpha's plan",
            concernsAlpha: true
        ) { f, p in
            var request = maintenanceRequest(f)
            request.leadDays = 5
            return try await E.call {
                try await f.desk.updateMaintenancePlan(alphaPlan, request, expectedRevision: 1, by: p)
            }
        },
        E("pauseMaintenancePlan(_:by:idempotencyKey:)", "pauseMaintenancePlan: Alpha's plan", concernsAlpha: true) {
            f, p in
            try await E.call { try await f.desk.pauseMaintenancePlan(alphaPlan, by: p) }
        },
        E(
            "resumeMaintenancePlan(_:by:idempotencyKey:)", "resumeMaintenancePlan: Alpha's paused plan",
            concernsAlpha: true
        ) { f, p in
            try await E.call { try await f.desk.resumeMaintenancePlan(alphaPausedPlan, by: p) }
        },
        E("endMaintenancePlan(_:from:by:idempotencyKey:)", "endMaintenancePlan: Alpha's plan", concernsAlpha: true) {
            f, p in
            try await E.call { try await f.desk.endMaintenancePlan(alphaPlan, by: p) }
        },
        E("maintenancePlan(_:as:)", "maintenancePlan: Alpha's", concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.maintenancePlan(alphaPlan, as: p) }
        },
        E("maintenancePlans(company:as:)", "maintenancePlans: of Alpha", concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.maintenancePlans(company: f.alpha.id, as: p) }
        },
        E("maintenanceOccurrences(of:as:)", "maintenanceOccurrences: of Alpha's plan", concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.maintenanceOccurrences(of: alphaPlan, as: p) }
        },
        E("previewMaintenancePlan(_:count:as:)", "previewMaintenancePlan: Alpha's plan", concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.previewMaintenancePlan(alphaPlan, count: 3, as: p) }
        },
        E("previewMaintenancePlan(_:count:as:)", "previewMaintenancePlan: an unsaved plan", concernsAlpha: true) {
            f, p in
            try await E.call { try await f.desk.previewMaintenancePlan(maintenanceRequest(f), count: 3, as: p) }
        },
        E("trail(of:as:)", "trail: of Alpha's maintenance plan", concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.trail(of: .maintenancePlan(alphaPlan), as: p) }
        },
    ]
}
