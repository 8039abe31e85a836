import Foundation
import HelpDeskKit
import WorkingTime

/// Two engines apply levelling moves of two different visits onto one free slot of one employee
/// at the same moment: exactly one move commits and the other is refused as
/// ``StaleSuggestion/slotTaken(by:)``, so nobody is booked twice, whichever engine is faster.
public struct LevellingSlotRace: Sendable {
    /// Days raced, each with a fresh pair of visits.
    public var rounds = 3

    /// Describes the race.
    public init(rounds: Int = 3) { self.rounds = rounds }

    /// Runs the race on `store` and returns what went wrong (empty when nothing did).
    public func check(on store: any HelpDeskStore) async throws -> [String] {
        let test = try await TestDesk.make(store: store, seed: 2_727)
        let engines = [test.desk, test.secondEngine(seed: 2_828)]
        let utc = TimeZone(identifier: "UTC") ?? .current
        var problems: [String] = []
        for round in 0..<rounds {
            // Monday 23 March 2026 onwards: Anna has two hours from 09:00, Boris is free.
            let day = try LocalDate(year: 2026, month: 3, day: 23 + round)
            let midnight = day.instant(at: .midnight, in: utc)
            let nine = midnight.addingTimeInterval(9 * 3_600)
            var suggestions: [LevellingSuggestion] = []
            for hour in 0..<2 {
                let ticket = try await test.ticket("Round \(round) visit \(hour)")
                let start = nine.addingTimeInterval(Double(hour) * 3_600)
                _ = try await test.desk.planVisit(
                    on: ticket.id,
                    VisitRequest(
                        start: start, durationMinutes: 60, employeeIDs: [test.anna.id],
                        window: DateInterval(start: midnight, duration: 86_400)),
                    by: .system)
                suggestions.append(
                    LevellingSuggestion(
                        groupID: test.serviceDesk.id, ticketID: ticket.id, baseRevision: 1, durationMinutes: 60,
                        from: VisitPlacement(employeeID: test.anna.id, start: start),
                        to: VisitPlacement(employeeID: test.boris.id, start: nine), before: [], after: []))
            }
            let outcomes = await withTaskGroup(of: (TicketID, HelpDeskError?).self) { group in
                for (engine, suggestion) in zip(engines, suggestions) {
                    group.addTask {
                        do throws(HelpDeskError) {
                            _ = try await engine.applyLevellingSuggestion(suggestion, by: .system)
                            return (suggestion.ticketID, nil)
                        } catch {
                            return (suggestion.ticketID, error)
                        }
                    }
                }
                var outcomes: [(TicketID, HelpDeskError?)] = []
                for await outcome in group { outcomes.append(outcome) }
                return outcomes
            }
            let winners = outcomes.filter { $0.1 == nil }.map(\.0)
            guard winners.count == 1, let winner = winners.first else {
                problems.append("round \(round): \(winners.count) moves committed: \(outcomes.map { $0.1 as Any })")
                continue
            }
            for (ticket, error) in outcomes where ticket != winner {
                if error != .levellingSuggestionStale(ticket, .slotTaken(by: winner)) {
                    problems.append("round \(round): the losing move ended \(String(describing: error))")
                }
            }
            let visits = try requireFeature((any VisitRepository).self, of: store)
            let borisDay = try await visits.visits(startingFrom: midnight, before: midnight.addingTimeInterval(86_400))
                .filter { $0.employeeIDs.contains(test.boris.id) }
            if borisDay.map(\.ticketID) != [winner] {
                problems.append("round \(round): Boris has \(borisDay.map(\.ticketID)), expected only \(winner)")
            }
        }
        return problems
    }
}
