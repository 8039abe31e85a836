import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import WorkingTime

/// Rejected labor and rating commands.
extension RejectionCatalog {
    static var unknownEntry: TimeEntryID { Identifier(UUID(uuidString: "00000000-0000-4000-8000-000000000005")!) }
    static let monday = try! LocalDate(parsing: "2026-03-02")

    /// Adds what the labor and rating cases need: one time entry on `open`, a used rating on `closed`.
    static func prepareLaborAndRatings(test: TestDesk, open: Ticket, closed: Ticket) async throws {
        _ = try await test.desk.logTime(
            on: open.id, NewTimeEntry(workDate: monday, minutes: 30), by: .employee(test.anna.id))
        let request = try await test.desk.ratingRequests(of: closed.id, as: .system)[0]
        _ = try await test.desk.rate(token: request.token, score: 4)
    }

    static func entry(_ f: RejectionFixture) async throws -> TimeEntry {
        try await f.desk.timeEntries(on: f.open.id, as: .system)[0]
    }

    static func token(of ticket: Ticket, _ f: RejectionFixture) async throws -> RatingToken {
        try await f.desk.ratingRequests(of: ticket.id, as: .system)[0].token
    }

    static let laborCases: [RejectionCase] = [
        RejectionCase("log: zero minutes", { _ in .invalidInput(field: "minutes", problem: .outOfRange(1...1440)) }) {
            f in
            _ = try await f.desk.logTime(
                on: f.open.id, NewTimeEntry(workDate: monday, minutes: 0), by: .employee(f.test.anna.id))
        },
        RejectionCase("log: more than a day", { _ in .invalidInput(field: "minutes", problem: .outOfRange(1...1440)) })
        { f in
            _ = try await f.desk.logTime(
                on: f.open.id, NewTimeEntry(workDate: monday, minutes: 1441), by: .employee(f.test.anna.id))
        },
        RejectionCase("log: unknown activity", { _ in .unknownActivity("coffee") }) { f in
            _ = try await f.desk.logTime(
                on: f.open.id, NewTimeEntry(workDate: monday, minutes: 5, activity: "coffee"),
                by: .employee(f.test.anna.id))
        },
        RejectionCase(
            "log: work date tomorrow", { _ in .workDateInFuture(try! LocalDate(parsing: "2026-03-03"), today: monday) }
        ) { f in
            _ = try await f.desk.logTime(
                on: f.open.id, NewTimeEntry(workDate: try LocalDate(parsing: "2026-03-03"), minutes: 5),
                by: .employee(f.test.anna.id))
        },
        RejectionCase(
            "log: comment too long", { _ in .invalidInput(field: "comment", problem: .tooLong(maximum: 200)) }
        ) { f in
            _ = try await f.desk.logTime(
                on: f.open.id, NewTimeEntry(workDate: monday, minutes: 5, comment: String(repeating: "x", count: 201)),
                by: .employee(f.test.anna.id))
        },
        RejectionCase("log: by an inactive employee", { f in .employeeInactive(f.test.former.id) }) { f in
            _ = try await f.desk.logTime(
                on: f.open.id, NewTimeEntry(workDate: monday, minutes: 5), by: .employee(f.test.former.id))
        },
        RejectionCase("log: unknown ticket", { _ in .ticketNotFound(unknownTicket) }) { f in
            _ = try await f.desk.logTime(
                on: unknownTicket, NewTimeEntry(workDate: monday, minutes: 5), by: .employee(f.test.anna.id))
        },
        RejectionCase("log: closed ticket", { f in .ticketLocked(f.closed.number, status: .closed) }) { f in
            _ = try await f.desk.logTime(
                on: f.closed.id, NewTimeEntry(workDate: monday, minutes: 5), by: .employee(f.test.anna.id))
        },
        RejectionCase("edit time: unknown entry", { _ in .timeEntryNotFound(unknownEntry) }) { f in
            _ = try await f.desk.editTimeEntry(unknownEntry, TimeEntryUpdate(minutes: 5), by: .employee(f.test.anna.id))
        },
        RejectionCase(
            "edit time: negative minutes", { _ in .invalidInput(field: "minutes", problem: .outOfRange(1...1440)) }
        ) { f in
            _ = try await f.desk.editTimeEntry(
                try await entry(f).id, TimeEntryUpdate(minutes: -5), by: .employee(f.test.anna.id))
        },
        RejectionCase("edit time: unknown activity", { _ in .unknownActivity("") }) { f in
            _ = try await f.desk.editTimeEntry(
                try await entry(f).id, TimeEntryUpdate(activity: ""), by: .employee(f.test.boris.id))
        },
        RejectionCase("edit time: by an unknown employee", { _ in .employeeNotFound(unknownEmployee) }) { f in
            _ = try await f.desk.editTimeEntry(
                try await entry(f).id, TimeEntryUpdate(minutes: 5), by: .employee(unknownEmployee))
        },
        RejectionCase("delete time: unknown entry", { _ in .timeEntryNotFound(unknownEntry) }) { f in
            try await f.desk.deleteTimeEntry(unknownEntry, by: .employee(f.test.anna.id))
        },
        RejectionCase("delete time: by an inactive employee", { f in .employeeInactive(f.test.former.id) }) { f in
            try await f.desk.deleteTimeEntry(try await entry(f).id, by: .employee(f.test.former.id))
        },
        RejectionCase("rate setting: negative cost", { _ in .invalidInput(field: "hourlyCost", problem: .negative) }) {
            f in
            try await f.desk.setEmployeeRate(
                f.test.anna.id, validFrom: monday, hourlyCost: Money(minorUnits: -1, currency: .rub), by: .system)
        },
        RejectionCase("rate setting: billing in another currency", { _ in .money(.currencyMismatch(.rub, .usd)) }) {
            f in
            try await f.desk.setEmployeeRate(
                f.test.anna.id, validFrom: monday, hourlyCost: Money(minorUnits: 100, currency: .rub),
                hourlyBilling: Money(minorUnits: 100, currency: .usd), by: .system)
        },
        RejectionCase("rate setting: unknown employee", { _ in .employeeNotFound(unknownEmployee) }) { f in
            try await f.desk.setEmployeeRate(
                unknownEmployee, validFrom: monday, hourlyCost: Money(minorUnits: 1, currency: .rub), by: .system)
        },
    ]

    static let ratingCases: [RejectionCase] = [
        RejectionCase("rate: unknown token", { _ in .ratingTokenUnknown }) { f in
            _ = try await f.desk.rate(token: RatingToken("not-a-token"), score: 5)
        },
        RejectionCase(
            "rate: score below the scale", { _ in .invalidInput(field: "score", problem: .outOfRange(1...5)) }
        ) { f in
            _ = try await f.desk.rate(token: try await token(of: f.resolved, f), score: 0)
        },
        RejectionCase(
            "rate: score above the scale", { _ in .invalidInput(field: "score", problem: .outOfRange(1...5)) }
        ) { f in
            _ = try await f.desk.rate(token: try await token(of: f.resolved, f), score: 6)
        },
        RejectionCase(
            "rate: comment too long", { _ in .invalidInput(field: "comment", problem: .tooLong(maximum: 200)) }
        ) { f in
            _ = try await f.desk.rate(
                token: try await token(of: f.resolved, f), score: 3, comment: String(repeating: "x", count: 201))
        },
        RejectionCase("rate: token used twice", { f in .ratingTokenUsed(f.closed.number) }) { f in
            _ = try await f.desk.rate(token: try await token(of: f.closed, f), score: 1)
        },
        RejectionCase(
            "rate: expired token",
            { f in
                .ratingTokenExpired(
                    f.resolved.number, expiredAt: f.resolved.resolvedAt!.addingTimeInterval(14 * 86_400))
            }
        ) { f in
            f.test.clock.advance(by: 15 * 86_400)
            _ = try await f.desk.rate(token: try await token(of: f.resolved, f), score: 5)
        },
    ]
}
