extension SchemaMigrations {
    /// Version 13: loop-protection logs of automatic notices (#20), one row per recipient or ticket
    /// key, written under its revision.
    static let version13 = Migration(
        version: 13, name: "notice logs",
        statements: [
            """
            CREATE TABLE notice_logs (
                key text PRIMARY KEY,
                revision integer NOT NULL,
                body bytea NOT NULL
            )
            """
        ])
}
