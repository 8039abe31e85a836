import Foundation
import HelpDeskKit
import HelpDeskTestSupport

extension HostileCommandCatalog {
    /// A window around `start`, or (hostile) between any two instants: inverted as often as not
    /// (decoded, since `DateInterval` refuses to be built inverted), or none at all.
    static func visitWindow(_ d: inout HostileDraw, around start: Date) -> DateInterval? {
        if d.oneIn(3) { return nil }
        let from = d.hostile() ? d.instant() : start.addingTimeInterval(-86_400)
        let to = d.hostile() ? d.instant() : start.addingTimeInterval(2 * 86_400)
        let duration = to.timeIntervalSince(from)
        guard from.timeIntervalSinceReferenceDate.isFinite, duration.isFinite else { return nil }
        let json = "{\"start\":\(from.timeIntervalSinceReferenceDate),\"duration\":\(duration)}"
        return try? JSONDecoder().decode(DateInterval.self, from: Data(json.utf8))
    }

    /// A visit tomorrow by Anna or Boris, or (hostile) at any instant, for any number of minutes,
    /// by unknown, inactive, repeated or ten thousand employees, at any site.
    static func visitRequest(_ d: inout HostileDraw) -> VisitRequest {
        let start = d.hostile() ? d.instant() : TestDesk.start.addingTimeInterval(86_400)
        return VisitRequest(
            start: start, durationMinutes: d.hostile() ? d.int() : d.pick([1, 90, 1_440]),
            employeeIDs: d.hostile() ? d.ids(d.employees) : [d.pick([d.f.test.anna.id, d.f.test.boris.id])],
            locationID: d.optionalID(d.locations), window: visitWindow(&d, around: start), isFixed: d.bool())
    }

    static let visitEntries: [HostileCommand] = [
        command("planVisit(on:_:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.planVisit(
                on: d.id(d.tickets), visitRequest(&d), by: d.performer(), idempotencyKey: d.key())
        },
        command("rescheduleVisit(on:to:expectedRevision:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.rescheduleVisit(
                on: d.id(d.tickets), to: visitRequest(&d), expectedRevision: d.hostile() ? d.optionalInt() : nil,
                by: d.performer(), idempotencyKey: d.key())
        },
        command("cancelVisit(on:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.cancelVisit(on: d.id(d.tickets), by: d.performer(), idempotencyKey: d.key())
        },
        read("visit(of:as:)") { d in _ = try await d.f.desk.visit(of: d.id(d.tickets), as: d.performer()) },
        read("visits(from:to:employee:as:)") { d in
            let from = d.instant()
            _ = try await d.f.desk.visits(
                from: from, to: d.end(after: from), employee: d.optionalID(d.employees), as: d.performer())
        },
    ]
}
