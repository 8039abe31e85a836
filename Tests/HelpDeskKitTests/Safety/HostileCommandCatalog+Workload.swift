import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import WorkingTime

extension HostileCommandCatalog {
    /// Monday 2026-03-02, 09:00 UTC (the fixture's Monday).
    static var workloadNine: Date { TestDesk.start }

    /// Visits to level: a1's (the fixture's: Anna, Monday 09:00, an hour, movable all week) and a2's
    /// (Boris, a fixed hour at 10:00), written straight into the store.
    @Sendable static func prepareVisits(_ f: AccessFixture) async throws {
        var work = UnitOfWork()
        work.plannedVisitWrites = [
            PlannedVisitWrite(
                visit: PlannedVisit(
                    ticketID: f.a2.id, start: workloadNine.addingTimeInterval(3_600), durationMinutes: 60,
                    employeeIDs: [f.test.boris.id], isFixed: true),
                expectedRevision: nil),
        ]
        try await f.test.store.commit(work)
    }

    /// A suggestion for a1's or a2's visit as stored, or (hostile) naming any ticket, employees,
    /// revision and duration; it moves to any employee and instant.
    static func levellingSuggestion(_ d: inout HostileDraw) -> LevellingSuggestion {
        let real = !d.hostile()
        let ticket = real ? d.pick([d.f.a1.id, d.f.a2.id]) : d.id(d.tickets)
        let holder = ticket == d.f.a1.id ? d.f.test.anna.id : d.f.test.boris.id
        let start = ticket == d.f.a1.id ? workloadNine : workloadNine.addingTimeInterval(3_600)
        let to = d.hostile() ? d.instant() : workloadNine.addingTimeInterval(Double(d.int() % 40) * 1_800)
        return LevellingSuggestion(
            groupID: d.hostile() ? d.id(d.groups) : d.f.test.serviceDesk.id, ticketID: ticket,
            baseRevision: real ? 1 : d.int(), durationMinutes: real ? 60 : d.int(),
            from: VisitPlacement(employeeID: real ? holder : d.id(d.employees), start: real ? start : d.instant()),
            to: VisitPlacement(employeeID: d.id(d.employees), start: to), before: [], after: [])
    }

    static let workloadEntries: [HostileCommand] = [
        read("workload(of:from:through:as:)", prepare: prepareVisits) { d in
            let dates = d.dates()
            if d.bool() {
                _ = try await d.f.desk.workload(
                    of: d.id(d.groups), from: dates.lowerBound, through: dates.upperBound, as: d.performer())
            } else {
                _ = try await d.f.desk.workload(
                    of: d.ids(d.employees), from: d.date(), through: d.date(), as: d.performer())
            }
        },
        read("overloadedCells(of:from:through:as:)", prepare: prepareVisits) { d in
            let dates = d.dates()
            _ = try await d.f.desk.overloadedCells(
                of: d.id(d.groups), from: dates.lowerBound, through: dates.upperBound, as: d.performer())
        },
        read("freeSlots(for:minutes:from:through:as:)", prepare: prepareVisits) { d in
            let dates = d.dates()
            _ = try await d.f.desk.freeSlots(
                for: d.id(d.groups), minutes: d.hostile() ? d.int() : 60, from: dates.lowerBound,
                through: dates.upperBound,
                as: d.performer())
        },
        read("levellingSuggestions(for:from:through:limit:as:)", prepare: prepareVisits) { d in
            let dates = d.dates()
            _ = try await d.f.desk.levellingSuggestions(
                for: d.id(d.groups), from: dates.lowerBound, through: dates.upperBound,
                limit: d.hostile() ? d.int() : 10,
                as: d.performer())
        },
        command("applyLevellingSuggestion(_:by:idempotencyKey:)", prepare: prepareVisits) { d in
            _ = try await d.f.desk.applyLevellingSuggestion(
                levellingSuggestion(&d), by: d.performer(), idempotencyKey: d.key())
        },
    ]
}
