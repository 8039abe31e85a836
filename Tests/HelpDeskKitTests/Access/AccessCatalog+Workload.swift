import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import WorkingTime

extension AccessCatalog {
    /// Workload and levelling are planning: every entry needs exactly ``AccessAction/planWork``.
    static let workloadNeeds: [String: Set<AccessAction>] = [
        "workload: the service desk's week": [.planWork], "workload: Anna and Boris's week": [.planWork],
        "overloadedCells: the service desk's week": [.planWork],
        "freeSlots: two hours in the service desk": [.planWork],
        "levellingSuggestions: the service desk's week": [.planWork],
        "applyLevellingSuggestion: a1's visit to Boris": [.planWork],
    ]

    /// The week of the fixture's Monday.
    static var workloadWeek: (LocalDate, LocalDate) {
        (AccessFixture.visitMonday, try! AccessFixture.visitMonday.adding(days: 6))
    }

    /// A suggestion that moves a1's visit (``AccessFixture/addVisit(_:on:at:)``: an hour of Anna's on
    /// Monday at 09:00, movable all week) to Boris, at 09:00 or 10:00 on Monday.
    static func levelling(_ f: AccessFixture) async throws -> LevellingSuggestion {
        guard let repository = try f.test.store.feature((any VisitRepository).self) else {
            throw HelpDeskError.storeLacksFeature("VisitRepository")
        }
        let monday = AccessFixture.visitMonday.instant(at: .midnight, in: TimeZone(identifier: "UTC")!)
        let nine = monday.addingTimeInterval(9 * 3_600)
        let visit = try await repository.visit(ofTicket: f.a1.id)
        guard let stored = visit else { throw HelpDeskError.storeLacksFeature("VisitRepository") }
        return LevellingSuggestion(
            groupID: f.test.serviceDesk.id, ticketID: stored.ticketID, baseRevision: stored.revision,
            durationMinutes: stored.durationMinutes,
            from: VisitPlacement(employeeID: stored.employeeIDs[0], start: stored.start),
            to: VisitPlacement(
                employeeID: f.test.boris.id, start: stored.start == nine ? nine.addingTimeInterval(3_600) : nine),
            before: [], after: [])
    }

    static let workloadEntries: [AccessEntry] = [
        E("workload(of:from:through:as:)", "workload: the service desk's week") { f, p in
            try await E.call {
                try await f.desk.workload(
                    of: f.test.serviceDesk.id, from: workloadWeek.0, through: workloadWeek.1, as: p)
            }
        },
        E("workload(of:from:through:as:)", "workload: Anna and Boris's week") { f, p in
            try await E.call {
                try await f.desk.workload(
                    of: [f.test.anna.id, f.test.boris.id], from: workloadWeek.0, through: workloadWeek.1, as: p)
            }
        },
        E("overloadedCells(of:from:through:as:)", "overloadedCells: the service desk's week") { f, p in
            try await E.call {
                try await f.desk.overloadedCells(
                    of: f.test.serviceDesk.id, from: workloadWeek.0, through: workloadWeek.1, as: p)
            }
        },
        E("freeSlots(for:minutes:from:through:as:)", "freeSlots: two hours in the service desk") { f, p in
            try await E.call {
                try await f.desk.freeSlots(
                    for: f.test.serviceDesk.id, minutes: 120, from: workloadWeek.0, through: workloadWeek.1, as: p)
            }
        },
        E("levellingSuggestions(for:from:through:limit:as:)", "levellingSuggestions: the service desk's week") { f, p in
            try await E.call {
                try await f.desk.levellingSuggestions(
                    for: f.test.serviceDesk.id, from: workloadWeek.0, through: workloadWeek.1, as: p)
            }
        },
        E("applyLevellingSuggestion(_:by:idempotencyKey:)", "applyLevellingSuggestion: a1's visit to Boris") { f, p in
            let suggestion = try await levelling(f)
            return try await E.call { try await f.desk.applyLevellingSuggestion(suggestion, by: p) }
        },
    ]
}
