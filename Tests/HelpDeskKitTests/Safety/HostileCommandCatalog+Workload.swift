import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import WorkingTime

extension HostileCommandCatalog {
    /// A suggestion naming any ticket, employees, instants, revision and duration.
    static func levellingSuggestion(_ d: inout HostileDraw) -> LevellingSuggestion {
        LevellingSuggestion(
            groupID: d.id(d.groups), ticketID: d.id(d.tickets), baseRevision: d.hostile() ? d.int() : 1,
            durationMinutes: d.hostile() ? d.int() : 60,
            from: VisitPlacement(employeeID: d.id(d.employees), start: d.instant()),
            to: VisitPlacement(employeeID: d.id(d.employees), start: d.instant()), before: [], after: [])
    }

    static let workloadEntries: [HostileCommand] = [
        read("workload(of:from:through:as:)") { d in
            let dates = d.dates()
            if d.bool() {
                _ = try await d.f.desk.workload(
                    of: d.id(d.groups), from: dates.lowerBound, through: dates.upperBound, as: d.performer())
            } else {
                _ = try await d.f.desk.workload(
                    of: d.ids(d.employees), from: d.date(), through: d.date(), as: d.performer())
            }
        },
        read("overloadedCells(of:from:through:as:)") { d in
            let dates = d.dates()
            _ = try await d.f.desk.overloadedCells(
                of: d.id(d.groups), from: dates.lowerBound, through: dates.upperBound, as: d.performer())
        },
        read("freeSlots(for:minutes:from:through:as:)") { d in
            let dates = d.dates()
            _ = try await d.f.desk.freeSlots(
                for: d.id(d.groups), minutes: d.hostile() ? d.int() : 60, from: dates.lowerBound,
                through: dates.upperBound,
                as: d.performer())
        },
        read("levellingSuggestions(for:from:through:limit:as:)") { d in
            let dates = d.dates()
            _ = try await d.f.desk.levellingSuggestions(
                for: d.id(d.groups), from: dates.lowerBound, through: dates.upperBound,
                limit: d.hostile() ? d.int() : 10,
                as: d.performer())
        },
        command("applyLevellingSuggestion(_:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.applyLevellingSuggestion(
                levellingSuggestion(&d), by: d.performer(), idempotencyKey: d.key())
        },
    ]
}
