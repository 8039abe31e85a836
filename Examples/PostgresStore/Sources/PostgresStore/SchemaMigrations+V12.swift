extension SchemaMigrations {
    /// Version 12: employees' own caps on open tickets and the groups' routing (lead, strategy,
    /// automatic backlog drain) (#20): one row per employee and per group, replaced whole.
    static let version12 = Migration(
        version: 12, name: "employee capacities and group routing",
        statements: [
            """
            CREATE TABLE employee_capacities (
                employee_id uuid PRIMARY KEY,
                body bytea NOT NULL
            )
            """,
            """
            CREATE TABLE group_routings (
                group_id uuid PRIMARY KEY,
                body bytea NOT NULL
            )
            """,
        ])
}
