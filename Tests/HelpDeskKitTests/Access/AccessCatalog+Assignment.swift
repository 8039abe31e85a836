import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import WorkingTime

extension AccessCatalog {
    /// Shifts, caps and routing are directory records; automatic assignment edits the ticket; the load
    /// is a report.
    static let assignmentEntries: [AccessEntry] = [
        E("setWorkingCalendar(of:_:by:idempotencyKey:)", "setWorkingCalendar: Boris works nights") { f, p in
            try await E.call {
                try await f.desk.setWorkingCalendar(
                    of: f.test.boris.id,
                    try BusinessCalendar(
                        timeZoneIdentifier: "UTC",
                        schedule: WeeklySchedule(weekdays: Weekday.allCases, intervals: [try LocalInterval(parsing: "22:00-06:00")])),
                    by: p)
            }
        },
        E("workingCalendar(of:as:)", "workingCalendar: Boris's") { f, p in
            try await E.call { try await f.desk.workingCalendar(of: f.test.boris.id, as: p) }
        },
        E("isOnShift(_:at:as:)", "isOnShift: Boris on Monday") { f, p in
            try await E.call { try await f.desk.isOnShift(f.test.boris.id, at: TestDesk.start, as: p) }
        },
        E(
            "autoAssign(_:in:strategy:by:idempotencyKey:)", "autoAssign: a1 in the service desk", foreign: hidesA1,
            concernsAlpha: true
        ) { f, p in
            try await E.call { try await f.desk.autoAssign(f.a1.id, in: f.test.serviceDesk.id, strategy: .roundRobin, by: p) }
        },
        E("drainBacklog(of:strategy:limit:by:idempotencyKey:)", "drainBacklog: the service desk") { f, p in
            try await E.call { try await f.desk.drainBacklog(of: f.test.serviceDesk.id, strategy: .leastLoaded(), by: p) }
        },
        E("assignmentLoad(of:as:)", "assignmentLoad: the service desk") { f, p in
            try await E.call { try await f.desk.assignmentLoad(of: f.test.serviceDesk.id, as: p) }
        },
        E("setRouting(_:of:by:idempotencyKey:)", "setRouting: Anna leads the service desk, which drains") { f, p in
            try await E.call {
                try await f.desk.setRouting(
                    GroupRouting(lead: f.test.anna.id, strategy: .roundRobin.capped(at: 5), drainsBacklog: true),
                    of: f.test.serviceDesk.id, by: p)
            }
        },
        E("routing(of:as:)", "routing: the service desk's") { f, p in
            try await E.call { try await f.desk.routing(of: f.test.serviceDesk.id, as: p) }
        },
        E("setAssignmentCapacity(of:_:by:idempotencyKey:)", "setAssignmentCapacity: Boris takes 4") { f, p in
            try await E.call { try await f.desk.setAssignmentCapacity(of: f.test.boris.id, 4, by: p) }
        },
        E("assignmentCapacity(of:as:)", "assignmentCapacity: Boris's") { f, p in
            try await E.call { try await f.desk.assignmentCapacity(of: f.test.boris.id, as: p) }
        },
    ]
}
