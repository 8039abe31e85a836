import Foundation
import HelpDeskKit
import WorkingTime

extension StoreContract {
    /// A Berlin day shift, 08:00–16:00 Monday to Friday, with a holiday on 2026-04-03.
    static func berlinShift() throws -> BusinessCalendar {
        try BusinessCalendar(
            timeZoneIdentifier: "Europe/Berlin",
            schedule: WeeklySchedule(weekdays: Weekday.workweek, intervals: [try LocalInterval(parsing: "08:00-16:00")]),
            exceptions: [.holiday(try LocalDate(parsing: "2026-04-03"), note: "Karfreitag")])
    }

    static let assignmentChecks: [ContractCheck] = [
        ContractCheck("employee schedules and round-robin cursors round-trip, sorted, and a change replaces them") {
            store in
            let assignment = try requireFeature((any AssignmentRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 130)
            let (anna, boris): (EmployeeID, EmployeeID) = (ids.next(), ids.next())
            let (desk, field): (GroupID, GroupID) = (ids.next(), ids.next())
            let shift = EmployeeSchedule(employeeID: anna, calendar: try berlinShift())
            let always = EmployeeSchedule(employeeID: boris, calendar: nil)
            let first = RoundRobinCursor(groupID: desk, lastAssigneeID: anna)
            let fresh = RoundRobinCursor(groupID: field, lastAssigneeID: nil)
            var work = UnitOfWork()
            work.employeeSchedules = [always, shift]
            work.roundRobinCursorWrites = [fresh, first].map { RoundRobinCursorWrite(cursor: $0, expectedRevision: nil) }
            try await store.commit(work)
            try requireEqual(try await assignment.employeeSchedule(of: anna), shift, "a schedule by employee")
            try requireEqual(
                try await assignment.employeeSchedules(), [shift, always].sorted { $0.employeeID < $1.employeeID },
                "all schedules, by employee")
            try requireEqual(try await assignment.roundRobinCursor(of: desk), first, "a cursor by group")
            try requireEqual(
                try await assignment.roundRobinCursors(), [first, fresh].sorted { $0.groupID < $1.groupID },
                "all cursors, by group")
            try requireEqual(try await assignment.employeeSchedule(of: ids.next()), nil, "unknown employee")
            try requireEqual(try await assignment.roundRobinCursor(of: ids.next()), nil, "unknown group")
            // The stored calendar still answers like the original across the spring DST change.
            let stored = try await assignment.employeeSchedule(of: anna)
            for instant in [1_774_767_600.0, 1_774_854_000, 1_774_882_800, 1_775_199_600] {
                let date = Date(timeIntervalSince1970: instant)
                try requireEqual(stored?.isOnShift(at: date), shift.isOnShift(at: date), "on shift at \(date)")
            }
            var change = UnitOfWork()
            let moved = RoundRobinCursor(groupID: desk, lastAssigneeID: boris, revision: 2)
            change.roundRobinCursorWrites = [RoundRobinCursorWrite(cursor: moved, expectedRevision: 1)]
            change.employeeSchedules = [EmployeeSchedule(employeeID: anna, calendar: nil)]
            try await store.commit(change)
            try requireEqual(try await assignment.roundRobinCursor(of: desk), moved, "the cursor moved")
            try requireEqual(try await assignment.roundRobinCursor(of: field), fresh, "the other group's is untouched")
            try requireEqual(
                try await assignment.employeeSchedule(of: anna), EmployeeSchedule(employeeID: anna, calendar: nil),
                "the schedule replaced")
        },
        ContractCheck("a round-robin cursor write under a stale revision, or a second first write, is a conflict") {
            store in
            let assignment = try requireFeature((any AssignmentRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 131)
            let group: GroupID = ids.next()
            let cursor = RoundRobinCursor(groupID: group, lastAssigneeID: ids.next())
            var work = UnitOfWork()
            work.roundRobinCursorWrites = [RoundRobinCursorWrite(cursor: cursor, expectedRevision: nil)]
            try await store.commit(work)
            let before = try await StoreSnapshot.capture(store)
            // Two engines that both read revision 1: the first moves the cursor, the second is refused.
            let next = RoundRobinCursor(groupID: group, lastAssigneeID: ids.next(), revision: 2)
            var winner = UnitOfWork()
            winner.roundRobinCursorWrites = [RoundRobinCursorWrite(cursor: next, expectedRevision: 1)]
            for expected in [nil, 0, 2] as [Int?] {
                var stale = UnitOfWork()
                stale.roundRobinCursorWrites = [RoundRobinCursorWrite(cursor: next, expectedRevision: expected)]
                try await requireStorageError(.conflict) { try await store.commit(stale) }
            }
            var missing = UnitOfWork()
            missing.roundRobinCursorWrites = [
                RoundRobinCursorWrite(cursor: RoundRobinCursor(groupID: ids.next(), lastAssigneeID: nil), expectedRevision: 1)
            ]
            try await requireStorageError(.conflict) { try await store.commit(missing) }
            // A refused cursor takes the ticket written with it down too.
            var withTicket = creation(of: fullTicket(number: 7, ids: &ids), ids: &ids)
            withTicket.roundRobinCursorWrites = [RoundRobinCursorWrite(cursor: next, expectedRevision: 5)]
            try await requireStorageError(.conflict) { try await store.commit(withTicket) }
            try requireEqual(try await StoreSnapshot.capture(store), before, "refused units change nothing")
            try await store.commit(winner)
            var loser = UnitOfWork()
            loser.roundRobinCursorWrites = [
                RoundRobinCursorWrite(
                    cursor: RoundRobinCursor(groupID: group, lastAssigneeID: ids.next(), revision: 2), expectedRevision: 1)
            ]
            try await requireStorageError(.conflict) { try await store.commit(loser) }
            try requireEqual(try await assignment.roundRobinCursor(of: group), next, "the first writer's cursor stays")
        },
        ContractCheck("employees' caps and groups' routing round-trip, sorted, and a change replaces them") { store in
            let assignment = try requireFeature((any AssignmentRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 132)
            let (anna, boris): (EmployeeID, EmployeeID) = (ids.next(), ids.next())
            let (desk, field): (GroupID, GroupID) = (ids.next(), ids.next())
            let capped = EmployeeCapacity(employeeID: anna, maximum: 3)
            let none = EmployeeCapacity(employeeID: boris, maximum: 0)
            let led = GroupRoutingRecord(
                groupID: desk,
                routing: GroupRouting(
                    lead: anna, strategy: .leastLoaded(weightedByPriority: true).capped(at: 8), drainsBacklog: true))
            let bare = GroupRoutingRecord(groupID: field, routing: GroupRouting())
            var work = UnitOfWork()
            work.employeeCapacities = [none, capped]
            work.groupRoutings = [bare, led]
            try await store.commit(work)
            try requireEqual(try await assignment.employeeCapacity(of: anna), capped, "a cap by employee")
            try requireEqual(
                try await assignment.employeeCapacities(), [capped, none].sorted { $0.employeeID < $1.employeeID },
                "all caps, by employee")
            try requireEqual(try await assignment.groupRouting(of: desk), led, "a routing by group")
            try requireEqual(
                try await assignment.groupRoutings(), [led, bare].sorted { $0.groupID < $1.groupID },
                "all routing, by group")
            try requireEqual(try await assignment.employeeCapacity(of: ids.next()), nil, "unknown employee")
            try requireEqual(try await assignment.groupRouting(of: ids.next()), nil, "unknown group")
            var change = UnitOfWork()
            let uncapped = EmployeeCapacity(employeeID: anna, maximum: nil)
            let plain = GroupRoutingRecord(groupID: desk, routing: GroupRouting(lead: boris, strategy: .roundRobin))
            change.employeeCapacities = [uncapped]
            change.groupRoutings = [plain]
            try await store.commit(change)
            try requireEqual(try await assignment.employeeCapacity(of: anna), uncapped, "the cap replaced")
            try requireEqual(try await assignment.groupRouting(of: desk), plain, "the routing replaced")
            try requireEqual(try await assignment.groupRouting(of: field), bare, "the other group's is untouched")
            // Refused with a conflicting cursor, the caps and routing written with it are not kept.
            let before = try await StoreSnapshot.capture(store)
            var refused = UnitOfWork()
            refused.employeeCapacities = [EmployeeCapacity(employeeID: boris, maximum: 9)]
            refused.groupRoutings = [GroupRoutingRecord(groupID: field, routing: GroupRouting(drainsBacklog: true))]
            let stale = RoundRobinCursor(groupID: desk, lastAssigneeID: anna)
            refused.roundRobinCursorWrites = [RoundRobinCursorWrite(cursor: stale, expectedRevision: 4)]
            try await requireStorageError(.conflict) { try await store.commit(refused) }
            try requireEqual(try await StoreSnapshot.capture(store), before, "a refused unit changes nothing")
        },
    ]
}
