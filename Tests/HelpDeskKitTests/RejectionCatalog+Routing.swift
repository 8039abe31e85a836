import Foundation
import HelpDeskKit
import HelpDeskTestSupport

extension RejectionCatalog {
    static let routingCases: [RejectionCase] = [
        RejectionCase(
            "routing: a lead outside the group", { f in .assigneeNotInGroup(f.test.anna.id, f.test.fieldEngineers.id) }
        ) {
            f in
            _ = try await f.desk.setRouting(
                GroupRouting(lead: f.test.anna.id), of: f.test.fieldEngineers.id, by: f.anna)
        },
        RejectionCase("routing: a lead who left", { f in .employeeInactive(f.test.former.id) }) { f in
            _ = try await f.desk.setRouting(GroupRouting(lead: f.test.former.id), of: f.test.serviceDesk.id, by: f.anna)
        },
        RejectionCase(
            "routing: draining without a strategy", { _ in .invalidInput(field: "strategy", problem: .blank) }
        ) {
            f in
            _ = try await f.desk.setRouting(GroupRouting(drainsBacklog: true), of: f.test.serviceDesk.id, by: f.anna)
        },
        RejectionCase(
            "routing: a strategy over the largest cap",
            { _ in .invalidInput(field: "capacity", problem: .outOfRange(0...1_000_000)) }
        ) { f in
            _ = try await f.desk.setRouting(
                GroupRouting(strategy: .roundRobin.capped(at: 1_000_001), drainsBacklog: true),
                of: f.test.serviceDesk.id,
                by: f.anna)
        },
        RejectionCase("routing: unknown group", { _ in .groupNotFound(unknownGroup) }) { f in
            _ = try await f.desk.setRouting(GroupRouting(), of: unknownGroup, by: f.anna)
        },
        RejectionCase(
            "capacity: negative", { _ in .invalidInput(field: "capacity", problem: .outOfRange(0...1_000_000)) }
        ) { f in
            _ = try await f.desk.setAssignmentCapacity(of: f.test.boris.id, -1, by: f.anna)
        },
        RejectionCase("capacity: unknown employee", { _ in .employeeNotFound(unknownEmployee) }) { f in
            _ = try await f.desk.setAssignmentCapacity(of: unknownEmployee, 2, by: f.anna)
        },
    ]
}
