import Foundation
import HelpDeskKit

extension StoreContract {
    /// A visit of a made-up ticket, with every field set when `full`.
    static func visit(
        _ ticket: TicketID, at start: Date, minutes: Int = 90, full: Bool = false, ids: inout SeededIdentifierSource
    ) -> PlannedVisit {
        PlannedVisit(
            ticketID: ticket, start: start, durationMinutes: minutes,
            employeeIDs: full ? [ids.next(), ids.next()] : [ids.next()],
            locationID: full ? ids.next() : nil,
            window: full ? DateInterval(start: start.addingTimeInterval(-86_400), duration: 3 * 86_400) : nil,
            isFixed: full)
    }

    /// Commits `visits` as new or changed (`expected`: the revision each was read at).
    static func write(_ visits: [PlannedVisit], expected: [Int?], to store: any HelpDeskStore) async throws {
        var work = UnitOfWork()
        work.plannedVisitWrites = zip(visits, expected).map { PlannedVisitWrite(visit: $0, expectedRevision: $1) }
        try await store.commit(work)
    }

    static let visitChecks: [ContractCheck] = [
        ContractCheck(
            "visits round-trip, list by start then ticket without cancelled ones, and move in the start index"
        ) {
            store in
            let visits = try requireFeature((any VisitRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 190)
            let (a, b, c): (TicketID, TicketID, TicketID) = (ids.next(), ids.next(), ids.next())
            let first = visit(a, at: start.addingTimeInterval(3_600.125), full: true, ids: &ids)
            let second = visit(b, at: start.addingTimeInterval(7_200), ids: &ids)
            let third = visit(c, at: start.addingTimeInterval(7_200), minutes: 1_440, ids: &ids)
            try await write([first, second, third], expected: [nil, nil, nil], to: store)
            try requireEqual(try await visits.visit(ofTicket: a), first, "every field round-trips")
            try requireEqual(try await visits.visit(ofTicket: ids.next()), nil, "unknown ticket")
            let day = start.addingTimeInterval(86_400)
            let sameStart = [second, third].sorted { $0.ticketID < $1.ticketID }
            try requireEqual(
                try await visits.visits(startingFrom: start, before: day), [first] + sameStart, "by start, ticket")
            try requireEqual(
                try await visits.visits(startingFrom: second.start, before: day), sameStart, "the start is inclusive")
            try requireEqual(
                try await visits.visits(startingFrom: start, before: second.start), [first], "the end is exclusive")
            try requireEqual(
                try await visits.visits(startingFrom: day, before: start), [], "an inverted range is empty")
            var moved = first
            moved.start = day.addingTimeInterval(600)
            moved.revision = 2
            var cancelled = second
            cancelled.isCancelled = true
            cancelled.revision = 2
            try await write([moved, cancelled], expected: [1, 1], to: store)
            try requireEqual(
                try await visits.visits(startingFrom: start, before: day), [third], "moved out, cancelled gone")
            try requireEqual(
                try await visits.visits(startingFrom: day, before: day.addingTimeInterval(3_600)), [moved], "moved in")
            try requireEqual(try await visits.visit(ofTicket: b), cancelled, "a cancelled visit stays on record")
            try requireEqual(
                try await visits.visits(), [moved, cancelled, third].sorted { $0.ticketID < $1.ticketID }, "every visit"
            )
            var replanned = cancelled
            replanned.isCancelled = false
            replanned.start = start
            replanned.revision = 3
            try await write([replanned], expected: [2], to: store)
            try requireEqual(
                try await visits.visits(startingFrom: start, before: day), [replanned, third], "planned again")
        },
        ContractCheck(
            "a visit under a stale revision, or a new one where a visit exists, is a conflict and changes nothing"
        ) { store in
            let visits = try requireFeature((any VisitRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 191)
            let one = visit(ids.next(), at: start, ids: &ids)
            try await write([one], expected: [nil], to: store)
            let before = try await StoreSnapshot.capture(store)
            var stale = one
            stale.start = start.addingTimeInterval(60)
            stale.revision = 3
            let other = visit(ids.next(), at: start, ids: &ids)
            for (visit, expected) in [(stale, 2), (one, nil), (stale, 0)] as [(PlannedVisit, Int?)] {
                // A good visit in the same unit is refused with it.
                try await requireStorageError(.conflict) {
                    try await write([other, visit], expected: [nil, expected], to: store)
                }
            }
            try requireEqual(try await StoreSnapshot.capture(store), before, "refused units change nothing")
            try requireEqual(try await visits.visit(ofTicket: other.ticketID), nil, "nothing of a refused unit")
        },
        ContractCheck("thousands of visits moved and cancelled at random list exactly as a model says") { store in
            let visits = try requireFeature((any VisitRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 192)
            var random = SplitMix64(seed: 192)
            var model: [TicketID: PlannedVisit] = [:]
            func minute() -> Date { start.addingTimeInterval(Double(random.next() % 20_000) * 60) }
            var batch: [PlannedVisit] = []
            for _ in 0..<1_500 { batch.append(visit(ids.next(), at: minute(), ids: &ids)) }
            try await write(batch, expected: batch.map { _ in nil }, to: store)
            for visit in batch { model[visit.ticketID] = visit }
            let tickets = model.keys.sorted()
            for _ in 0..<4 {
                var changed: [PlannedVisit] = []
                var expected: [Int?] = []
                for ticket in Set((0..<300).map { _ in tickets[Int(random.next() % UInt64(tickets.count))] }) {
                    guard var visit = model[ticket] else { continue }
                    expected.append(visit.revision)
                    visit.revision += 1
                    if random.next() % 5 == 0 { visit.isCancelled.toggle() } else { visit.start = minute() }
                    changed.append(visit)
                    model[ticket] = visit
                }
                try await write(changed, expected: expected, to: store)
                for _ in 0..<5 {
                    let (x, y) = (minute(), minute())
                    let (from, to) = (min(x, y), max(x, y).addingTimeInterval(60))
                    let expected = model.values.filter { !$0.isCancelled && $0.start >= from && $0.start < to }
                        .sorted { ($0.start, $0.ticketID) < ($1.start, $1.ticketID) }
                    try requireEqual(try await visits.visits(startingFrom: from, before: to), expected, "a range")
                }
            }
            try requireEqual(
                try await visits.visits(), model.values.sorted { $0.ticketID < $1.ticketID }, "every visit")
        },
    ]
}
