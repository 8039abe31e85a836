extension SchemaMigrations {
    /// Version 18: email (#22) — one row per received message (the Message-ID index: keys are
    /// unique, so two engines filing the same message conflict and the retry finds a duplicate),
    /// indexed by ticket for threading, and bounce marks by address. Applies after version 17
    /// (blobs, which keep the raw messages) and needs nothing of it.
    static let version18 = Migration(
        version: 18, name: "email records and bounce marks",
        statements: [
            """
            CREATE TABLE email_records (
                id uuid PRIMARY KEY,
                revision integer NOT NULL,
                message_key text NOT NULL UNIQUE,
                ticket_id uuid,
                quarantined boolean NOT NULL,
                received_at double precision NOT NULL,
                body bytea NOT NULL
            )
            """,
            "CREATE INDEX email_records_ticket ON email_records (ticket_id) WHERE ticket_id IS NOT NULL",
            "CREATE INDEX email_records_quarantined ON email_records (received_at) WHERE quarantined",
            """
            CREATE TABLE bounced_addresses (
                address text PRIMARY KEY,
                revision integer NOT NULL,
                active boolean NOT NULL,
                body bytea NOT NULL
            )
            """,
        ])
}
