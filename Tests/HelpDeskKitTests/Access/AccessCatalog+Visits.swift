import Foundation
import HelpDeskKit
import HelpDeskTestSupport

extension AccessFixture {
    /// The fixture's visit: Boris at Alpha's office about a1, tomorrow at 10:00 UTC for 90 minutes.
    /// a1's visit: an hour of Anna's at Alpha's office on the fixture's Monday at 09:00 UTC, movable
    /// all week (so the levelling entry has a visit to move to Boris).
    static func addVisit(_ test: TestDesk, on a1: Ticket, at office: Location) async throws {
        let monday = AccessFixture.visitMonday.instant(at: .midnight, in: TimeZone(identifier: "UTC")!)
        let request = VisitRequest(
            start: monday.addingTimeInterval(9 * 3_600), durationMinutes: 60, employeeIDs: [test.anna.id],
            locationID: office.id, window: DateInterval(start: monday, duration: 5 * 86_400))
        _ = try await test.desk.planVisit(on: a1.id, request, by: .system)
    }

    /// A request for Boris at `office`, `hours` after the desk's start.
    static func visitRequest(_ test: TestDesk, at office: Location, hours: Double) -> VisitRequest {
        VisitRequest(
            start: TestDesk.start.addingTimeInterval(hours * 3_600), durationMinutes: 90, employeeIDs: [test.boris.id],
            locationID: office.id)
    }
}

extension AccessCatalog {
    /// Planning is `work.plan` on a ticket the performer may read; a ticket's visit is an internal
    /// record (clients read it through the portal).
    static let visitEntries: [AccessEntry] = [
        E(
            "planVisit(on:_:by:idempotencyKey:)", "planVisit: Boris to a3 at Alpha's office", foreign: hides { $0.a3 },
            concernsAlpha: true
        ) { f, p in
            try await E.call {
                try await f.desk.planVisit(
                    on: f.a3.id, AccessFixture.visitRequest(f.test, at: f.alphaOffice, hours: 26), by: p)
            }
        },
        E(
            "rescheduleVisit(on:to:expectedRevision:by:idempotencyKey:)", "rescheduleVisit: a1's an hour later",
            foreign: hidesA1, concernsAlpha: true
        ) { f, p in
            try await E.call {
                try await f.desk.rescheduleVisit(
                    on: f.a1.id, to: AccessFixture.visitRequest(f.test, at: f.alphaOffice, hours: 26),
                    expectedRevision: 1,
                    by: p)
            }
        },
        E("cancelVisit(on:by:idempotencyKey:)", "cancelVisit: a1's", foreign: hidesA1, concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.cancelVisit(on: f.a1.id, by: p) }
        },
        E("visit(of:as:)", "visit: of a1", foreign: hidesA1, concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.visit(of: f.a1.id, as: p) }
        },
        E("visits(from:to:employee:as:)", "visits: Boris's this week") { f, p in
            try await E.call {
                try await f.desk.visits(
                    from: TestDesk.start, to: TestDesk.start.addingTimeInterval(7 * 86_400), employee: f.test.boris.id,
                    as: p)
            }
        },
    ]

    /// What each visit entry needs.
    static let visitNeeds: [String: Set<AccessAction>] = [
        "planVisit: Boris to a3 at Alpha's office": [.readTicket, .planWork],
        "rescheduleVisit: a1's an hour later": [.readTicket, .planWork], "cancelVisit: a1's": [.readTicket, .planWork],
        "visit: of a1": [.readTicket, .readInternal], "visits: Boris's this week": [.planWork],
    ]
}
