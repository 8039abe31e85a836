extension SchemaMigrations {
    /// Version 10: the desk's automation rules (#20). Priorities and names (folded) are unique,
    /// checked at commit like the in-memory store, so two rules may swap priorities in one unit.
    static let version10 = Migration(
        version: 10, name: "automation rules",
        statements: [
            """
            CREATE TABLE automation_rules (
                id uuid PRIMARY KEY,
                priority bigint NOT NULL,
                name_folded text NOT NULL,
                revision integer NOT NULL,
                body bytea NOT NULL,
                CONSTRAINT automation_rules_priority_unique UNIQUE (priority) DEFERRABLE INITIALLY DEFERRED,
                CONSTRAINT automation_rules_name_unique UNIQUE (name_folded) DEFERRABLE INITIALLY DEFERRED
            )
            """
        ])
}
