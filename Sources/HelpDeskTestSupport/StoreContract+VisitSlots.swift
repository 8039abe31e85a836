import Foundation
import HelpDeskKit

extension StoreContract {
    /// Commits `visit` as a new visit whose slot must be free (``PlannedVisitWrite/requiresFreeSlot``).
    static func placeInFreeSlot(_ visit: PlannedVisit, on store: any HelpDeskStore) async throws {
        var work = UnitOfWork()
        work.plannedVisitWrites = [PlannedVisitWrite(visit: visit, expectedRevision: nil, requiresFreeSlot: true)]
        try await store.commit(work)
    }

    /// A visit of a new ticket `minutes` after ``start`` for `employees`, `length` minutes long.
    static func slotVisit(
        _ minutes: Double, _ employees: [EmployeeID], length: Int = 60, ids: inout SeededIdentifierSource
    ) -> PlannedVisit {
        PlannedVisit(
            ticketID: ids.next(), start: start.addingTimeInterval(minutes * 60), durationMinutes: length,
            employeeIDs: employees)
    }

    static let visitSlotChecks: [ContractCheck] = [
        ContractCheck(
            "a write requiring a free slot is a conflict while another visit of one of its employees overlaps it"
        ) { store in
            let visits = try requireFeature((any VisitRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 193)
            let engineer: EmployeeID = ids.next()
            let helper: EmployeeID = ids.next()
            let stranger: EmployeeID = ids.next()
            // Busy 00:00–01:00 with the helper, and a day-long visit from 23 hours before ending at 01:00.
            let busy = slotVisit(0, [engineer, helper], ids: &ids)
            let long = slotVisit(-23 * 60, [helper], length: 1_440, ids: &ids)
            try await write([busy, long], expected: [nil, nil], to: store)
            let before = try await StoreSnapshot.capture(store)
            for taken in [
                slotVisit(30, [engineer], ids: &ids), slotVisit(-30, [stranger, helper], ids: &ids),
                slotVisit(-600, [helper], length: 30, ids: &ids),
            ] {
                try await requireStorageError(.conflict) { try await placeInFreeSlot(taken, on: store) }
            }
            try requireEqual(try await StoreSnapshot.capture(store), before, "refused placements change nothing")
            // Touching ends, other employees and cancelled visits leave the slot free; by hand
            // (no free-slot check) a visit may overlap.
            var cancelled = slotVisit(90, [engineer], ids: &ids)
            cancelled.isCancelled = true
            try await write([cancelled], expected: [nil], to: store)
            for free in [slotVisit(60, [engineer], ids: &ids), slotVisit(30, [stranger], ids: &ids)] {
                try await placeInFreeSlot(free, on: store)
            }
            try await placeInFreeSlot(slotVisit(120, [engineer], ids: &ids), on: store)
            let byHand = slotVisit(30, [engineer], ids: &ids)
            try await write([byHand], expected: [nil], to: store)
            try requireEqual(try await visits.visit(ofTicket: byHand.ticketID), byHand, "an overlap by hand is kept")
            // Once the busy visit is cancelled, 00:00–00:30 is free again (the visit by hand starts at 00:30).
            var off = busy
            off.isCancelled = true
            off.revision = 2
            try await write([off], expected: [1], to: store)
            try await placeInFreeSlot(slotVisit(0, [engineer], length: 30, ids: &ids), on: store)
        },
        ContractCheck("of units racing to place visits in one slot of one employee, exactly one commits") { store in
            var ids = SeededIdentifierSource(seed: 194)
            let engineer: EmployeeID = ids.next()
            let racers = (0..<8).map { index in slotVisit(Double(index) * 5, [engineer], ids: &ids) }
            let outcomes = await withTaskGroup(of: StorageError.Kind?.self) { group in
                for visit in racers {
                    group.addTask {
                        do {
                            try await placeInFreeSlot(visit, on: store)
                            return nil
                        } catch let error as StorageError {
                            return error.kind
                        } catch {
                            return .other
                        }
                    }
                }
                var outcomes: [StorageError.Kind?] = []
                for await outcome in group { outcomes.append(outcome) }
                return outcomes
            }
            try requireEqual(outcomes.filter { $0 == nil }.count, 1, "one placement commits")
            try requireEqual(outcomes.filter { $0 == .conflict }.count, racers.count - 1, "the others conflict")
            let visits = try requireFeature((any VisitRepository).self, of: store)
            let placed = try await visits.visits(startingFrom: start, before: start.addingTimeInterval(86_400))
            try requireEqual(placed.count, 1, "one visit stored")
        },
    ]
}
