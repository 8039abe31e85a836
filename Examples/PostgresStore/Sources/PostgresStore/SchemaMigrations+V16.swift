extension SchemaMigrations {
    /// Version 16: canned answers (#21), one row per answer written under its revision. Active
    /// answers' shortcuts (lowercased) are unique: a taken one is a unique violation, a conflict.
    /// Applies after version 15 (the knowledge base's articles) and needs nothing of it.
    static let version16 = Migration(
        version: 16, name: "canned answers",
        statements: [
            """
            CREATE TABLE canned_answers (
                id uuid PRIMARY KEY,
                revision integer NOT NULL,
                shortcut_folded text NOT NULL,
                retired boolean NOT NULL,
                body bytea NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX canned_answers_shortcut ON canned_answers (shortcut_folded) WHERE NOT retired",
        ])
}
