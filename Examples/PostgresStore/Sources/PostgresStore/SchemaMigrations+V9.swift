extension SchemaMigrations {
    /// Version 9: employees' working calendars (shifts) and the groups' round-robin cursors (#20):
    /// one schedule row per employee, replaced whole; one cursor row per group, rewritten under its
    /// revision by every automatic assignment in the group.
    static let version9 = Migration(
        version: 9, name: "employee schedules and round-robin cursors",
        statements: [
            """
            CREATE TABLE employee_schedules (
                employee_id uuid PRIMARY KEY,
                body bytea NOT NULL
            )
            """,
            """
            CREATE TABLE round_robin_cursors (
                group_id uuid PRIMARY KEY,
                revision integer NOT NULL,
                body bytea NOT NULL
            )
            """,
        ])
}
