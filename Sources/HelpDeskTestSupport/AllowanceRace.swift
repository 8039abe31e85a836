import Foundation
import HelpDeskKit
import WorkingTime

/// Engineers on two engines (two server processes on one database) log contract work at once on
/// the tickets of one contract whose service period includes fewer minutes than they log.
///
/// Every entry rewrites the period's usage record under its revision, so whatever the order the
/// commits land in, the allowance covers exactly `min(logged, included)`, the rest is billed on the
/// tickets' specifications, and each alert threshold is announced once.
public struct AllowanceRace: Sendable {
    /// Entries logged at once, half on each engine.
    public var entries = 24
    /// Minutes of each entry.
    public var minutes = 30
    /// Minutes the period includes.
    public var included = 600

    /// Describes the race.
    public init(entries: Int = 24, minutes: Int = 30, included: Int = 600) {
        self.entries = entries
        self.minutes = minutes
        self.included = included
    }

    /// Runs the race on `store` and returns what went wrong (empty when the allowance held).
    public func check(on store: any HelpDeskStore) async throws -> [String] {
        let fixture = try await AllowanceDesk.make(store: store, included: included)
        let second = fixture.test.secondEngine(seed: 7_070)
        var tickets: [TicketID] = []
        for index in 0..<4 { tickets.append(try await fixture.ticket("Oven \(index)").id) }
        let work = tickets
        let outcomes = await withTaskGroup(of: Result<Int, HelpDeskError>.self) { group in
            for index in 0..<entries {
                let desk = index.isMultiple(of: 2) ? fixture.desk : second
                group.addTask {
                    do throws(HelpDeskError) {
                        let entry = try await desk.logTime(
                            on: work[index % work.count],
                            NewTimeEntry(
                                workDate: try Self.workDate(index), minutes: minutes, activity: "work", billable: false),
                            by: .employee(fixture.test.boris.id))
                        return .success(entry.chargedMinutes)
                    } catch {
                        return .failure(error)
                    }
                }
            }
            var outcomes: [Result<Int, HelpDeskError>] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        var problems: [String] = []
        var logged = 0
        for outcome in outcomes {
            switch outcome {
            case .success(let charged): logged += charged
            // Commands of one engine take turns; one that lost to the other engine more often than
            // its retries allow fails typed, changing nothing.
            case .failure(let error) where error.code == .conflict: continue
            case .failure(let error): problems.append("unexpected failure: \(error)")
            }
        }
        if logged < entries * minutes / 2 { problems.append("only \(logged) minutes of \(entries * minutes) were logged") }
        let statement = try await fixture.statement()
        if statement.logged != logged { problems.append("logged \(statement.logged), expected \(logged)") }
        if statement.consumed != min(logged, included) {
            problems.append("consumed \(statement.consumed), expected \(min(logged, included))")
        }
        if statement.consumed + statement.overage != statement.logged { problems.append("consumed + overage ≠ logged") }
        var billed: Int64 = 0
        for ticket in tickets {
            let onSpecification = try await fixture.billedOverage(on: ticket)
            let excess = statement.tickets.first { $0.ticketID == ticket }?.excess ?? 0
            if onSpecification != Int64(excess) {
                problems.append("ticket \(ticket) bills \(onSpecification) min beyond the allowance, its share is \(excess)")
            }
            billed += onSpecification
        }
        if billed != Int64(statement.overage) || statement.unbilled != 0 {
            problems.append("billed \(billed), overage \(statement.overage), unbilled \(statement.unbilled)")
        }
        let alerts = try await fixture.desk.undeliveredEvents(limit: 10_000, as: .system).compactMap { event in
            if case .allowanceAlert(_, _, _, .laborMinutes, let percent, _, _) = event.event { percent } else { nil }
        }
        let expected = [80, 100].filter { logged * 100 >= included * $0 }
        if alerts.sorted() != expected { problems.append("alerts \(alerts), expected each of \(expected) once") }
        return problems
    }

    private static func workDate(_ index: Int) throws(HelpDeskError) -> LocalDate {
        do { return try AllowanceDesk.date(daysBefore: index % 5) } catch {
            throw .invalidInput(field: "workDate", problem: .malformed(expected: "a date"))
        }
    }
}
