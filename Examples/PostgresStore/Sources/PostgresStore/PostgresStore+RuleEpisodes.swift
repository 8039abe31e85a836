import HelpDeskKit
import PostgresNIO

extension PostgresStore: RuleEpisodeRepository {
    /// Every open episode.
    public func ruleEpisodes() async throws -> [RuleEpisode] {
        try await records(RuleEpisode.self, "SELECT body FROM rule_episodes")
    }

    /// The open episodes of `ticket`, by rule identifier.
    public func ruleEpisodes(on ticket: TicketID) async throws -> [RuleEpisode] {
        try await records(RuleEpisode.self, "SELECT body FROM rule_episodes WHERE ticket_id = \(ticket.uuid)")
            .sorted { $0.ruleID < $1.ruleID }
    }

    /// Ends episodes (a row is deleted only while it is the episode named) and then opens new ones:
    /// an episode already open for the rule and ticket (another engine fired first) is a conflict,
    /// as is a ticket that does not exist (the foreign key).
    func writeRuleEpisodes(_ changes: AutomationChanges, on connection: PostgresConnection) async throws {
        for episode in changes.episodeEnds {
            try await execute(
                """
                DELETE FROM rule_episodes
                WHERE rule_id = \(episode.ruleID.uuid) AND ticket_id = \(episode.ticketID.uuid)
                AND episode_id = \(episode.id.uuid)
                """, on: connection)
        }
        for episode in changes.episodeStarts {
            let body = try RecordCoding.encode(episode)
            let written = try await rowCount(
                """
                INSERT INTO rule_episodes (rule_id, ticket_id, episode_id, body)
                VALUES (\(episode.ruleID.uuid), \(episode.ticketID.uuid), \(episode.id.uuid), \(body))
                ON CONFLICT (rule_id, ticket_id) DO NOTHING RETURNING 1
                """, on: connection)
            guard written > 0 else {
                throw StorageError(
                    .conflict, "rule \(episode.ruleID) already has an episode on ticket \(episode.ticketID)")
            }
        }
    }
}
