extension SchemaMigrations {
    /// Version 20: planned visits (#23) — one row per ticket (its primary key), under its revision,
    /// with the start of visits that are not cancelled indexed for the dispatcher's list and the
    /// workload calendar. Needs nothing of version 19.
    static let version20 = Migration(
        version: 20, name: "planned visits",
        statements: [
            """
            CREATE TABLE planned_visits (
                ticket_id uuid PRIMARY KEY,
                revision integer NOT NULL,
                start_at double precision NOT NULL,
                cancelled boolean NOT NULL,
                body bytea NOT NULL
            )
            """,
            "CREATE INDEX planned_visits_start ON planned_visits (start_at, ticket_id) WHERE NOT cancelled",
        ])
}
