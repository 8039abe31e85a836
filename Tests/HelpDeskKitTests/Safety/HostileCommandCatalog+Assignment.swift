import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import WorkingTime

extension HostileCommandCatalog {
    /// Shift calendars: none, around the clock, Berlin days, and (refused) one without working time.
    static let shiftCalendars: [BusinessCalendar?] = [
        nil, .twentyFourSeven(timeZone: TimeZone(identifier: "Asia/Kathmandu")!),
        try! BusinessCalendar(
            timeZoneIdentifier: "Europe/Berlin",
            schedule: WeeklySchedule(weekdays: Weekday.workweek, intervals: [try! LocalInterval(parsing: "08:00-16:00")])),
        try! BusinessCalendar(timeZoneIdentifier: "Pacific/Chatham", schedule: .empty),
    ]

    /// Any kind, with no cap, a small one or (hostile) any integer.
    static func strategy(_ d: inout HostileDraw) -> AssignmentStrategy {
        let kind = d.pick([
            AssignmentStrategy.Kind.roundRobin, .leastLoaded(weightedByPriority: false), .leastLoaded(weightedByPriority: true),
        ])
        return AssignmentStrategy(kind, capacity: d.hostile() ? d.optionalInt() : d.pick([nil, 1, 3]))
    }

    static let assignmentEntries: [HostileCommand] = [
        command("setWorkingCalendar(of:_:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.setWorkingCalendar(
                of: d.id(d.employees), d.pick(shiftCalendars), by: d.performer(), idempotencyKey: d.key())
        },
        read("workingCalendar(of:as:)") { d in
            _ = try await d.f.desk.workingCalendar(of: d.id(d.employees), as: d.performer())
        },
        read("isOnShift(_:at:as:)") { d in
            _ = try await d.f.desk.isOnShift(d.id(d.employees), at: d.instant(), as: d.performer())
        },
        command("autoAssign(_:in:strategy:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.autoAssign(
                d.id(d.tickets), in: d.id(d.groups), strategy: strategy(&d), by: d.performer(), idempotencyKey: d.key())
        },
        command("drainBacklog(of:strategy:limit:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.drainBacklog(
                of: d.id(d.groups), strategy: strategy(&d), limit: d.hostile() ? d.int() : 5, by: d.performer(),
                idempotencyKey: d.key())
        },
        read("assignmentLoad(of:as:)") { d in
            _ = try await d.f.desk.assignmentLoad(of: d.id(d.groups), as: d.performer())
        },
        command("setRouting(_:of:by:idempotencyKey:)") { d in
            let routing = GroupRouting(
                lead: d.oneIn(3) ? nil : d.id(d.employees), strategy: d.oneIn(3) ? nil : strategy(&d),
                drainsBacklog: d.bool())
            _ = try await d.f.desk.setRouting(routing, of: d.id(d.groups), by: d.performer(), idempotencyKey: d.key())
        },
        read("routing(of:as:)") { d in
            _ = try await d.f.desk.routing(of: d.id(d.groups), as: d.performer())
        },
        command("setAssignmentCapacity(of:_:by:idempotencyKey:)") { d in
            let maximum = d.hostile() ? d.optionalInt() : d.pick([nil, 0, 1, 3])
            _ = try await d.f.desk.setAssignmentCapacity(
                of: d.id(d.employees), maximum, by: d.performer(), idempotencyKey: d.key())
        },
        read("assignmentCapacity(of:as:)") { d in
            _ = try await d.f.desk.assignmentCapacity(of: d.id(d.employees), as: d.performer())
        },
    ]
}
