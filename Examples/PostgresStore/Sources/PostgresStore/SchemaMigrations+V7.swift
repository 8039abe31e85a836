extension SchemaMigrations {
    /// Version 7: the record trail (#19): who changed which client record, price or client
    /// account. One row per entry, in insertion order (`position`), found by subject and by
    /// company. Self-contained: it creates its table and indexes and touches nothing else.
    static let version7 = Migration(
        version: 7, name: "record trail",
        statements: [
            """
            CREATE TABLE trail_entries (
                id uuid PRIMARY KEY,
                position bigserial,
                subject text NOT NULL,
                company_id uuid,
                body bytea NOT NULL
            )
            """,
            "CREATE INDEX trail_entries_subject ON trail_entries (subject, position)",
            "CREATE INDEX trail_entries_position ON trail_entries (position)",
            "CREATE INDEX trail_entries_company ON trail_entries (company_id, position)",
        ])
}
