extension SchemaMigrations {
    /// Version 14: the open episodes of time-based rules (#20). One row per rule and ticket while
    /// the rule's conditions hold after it fired: the primary key makes a second firing by another
    /// engine a conflict; an ending deletes the row only if it is still the same episode.
    static let version14 = Migration(
        version: 14, name: "rule episodes",
        statements: [
            """
            CREATE TABLE rule_episodes (
                rule_id uuid NOT NULL,
                ticket_id uuid NOT NULL REFERENCES tickets (id),
                episode_id uuid NOT NULL,
                body bytea NOT NULL,
                PRIMARY KEY (rule_id, ticket_id)
            )
            """,
            "CREATE INDEX rule_episodes_ticket ON rule_episodes (ticket_id, rule_id)",
        ])
}
