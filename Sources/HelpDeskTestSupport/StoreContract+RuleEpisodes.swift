import Foundation
import HelpDeskKit

extension StoreContract {
    /// The episodes of `store`, by ticket then rule.
    static func sortedEpisodes(_ store: any RuleEpisodeRepository) async throws -> [RuleEpisode] {
        try await store.ruleEpisodes().sorted { ($0.ticketID, $0.ruleID) < ($1.ticketID, $1.ruleID) }
    }

    static let ruleEpisodeChecks: [ContractCheck] = [
        ContractCheck("rule episodes round-trip, open once per rule and ticket, and end only as the episode named") {
            store in
            let episodes = try requireFeature((any RuleEpisodeRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 132)
            let first = fullTicket(number: 1, ids: &ids)
            let second = fullTicket(number: 2, ids: &ids)
            try await store.commit(creation(of: first, ids: &ids))
            try await store.commit(creation(of: second, ids: &ids))
            let (early, late): (AutomationRuleID, AutomationRuleID) = (ids.next(), ids.next())
            let (rule, other) = early < late ? (early, late) : (late, early)
            func episode(_ rule: AutomationRuleID, _ ticket: Ticket, at offset: Double) -> RuleEpisode {
                RuleEpisode(
                    id: ids.next(), ruleID: rule, ticketID: ticket.id, firedAt: start.addingTimeInterval(offset))
            }
            let one = episode(rule, first, at: 60.125)
            let two = episode(other, first, at: 61)
            let three = episode(rule, second, at: 3_600.5)
            var work = UnitOfWork()
            work.ruleEpisodeStarts = [three, one, two]
            try await store.commit(work)
            let all = [one, two, three].sorted { ($0.ticketID, $0.ruleID) < ($1.ticketID, $1.ruleID) }
            try requireEqual(try await sortedEpisodes(episodes), all, "every episode, exactly")
            try requireEqual(try await episodes.ruleEpisodes(on: first.id), [one, two], "a ticket's, by rule")
            try requireEqual(try await episodes.ruleEpisodes(on: ids.next()), [], "a ticket without episodes")

            let before = try await StoreSnapshot.capture(store)
            let again = episode(rule, first, at: 120)
            var twice = UnitOfWork()
            twice.ruleEpisodeStarts = [episode(other, second, at: 1), episode(other, second, at: 2)]
            var ghost = UnitOfWork()
            ghost.ruleEpisodeStarts = [RuleEpisode(id: ids.next(), ruleID: rule, ticketID: ids.next(), firedAt: start)]
            var reopened = UnitOfWork()
            reopened.ruleEpisodeStarts = [again]
            for refused in [reopened, twice, ghost] {
                try await requireStorageError(.conflict) { try await store.commit(refused) }
            }
            try requireEqual(try await StoreSnapshot.capture(store), before, "refused units change nothing")

            // Ending another episode of the same rule and ticket changes nothing.
            var stranger = UnitOfWork()
            stranger.ruleEpisodeEnds = [again]
            try await store.commit(stranger)
            try requireEqual(try await sortedEpisodes(episodes), all, "only the episode named ends")
            var ending = UnitOfWork()
            ending.ruleEpisodeEnds = [one]
            try await store.commit(ending)
            try await store.commit(ending)
            try requireEqual(
                try await episodes.ruleEpisodes(on: first.id), [two], "ended, and ending again is harmless")
            // A new episode of the rule on the ticket; the old one's end no longer touches it.
            try await store.commit(reopened)
            try await store.commit(ending)
            try requireEqual(try await episodes.ruleEpisodes(on: first.id), [again, two], "the new episode stays")
            // One unit may end an episode and open the next.
            let next = episode(rule, first, at: 180)
            var turn = UnitOfWork()
            turn.ruleEpisodeEnds = [again]
            turn.ruleEpisodeStarts = [next]
            try await store.commit(turn)
            try requireEqual(
                try await episodes.ruleEpisodes(on: first.id), [next, two], "ended and opened in one unit")
        }
    ]
}
