extension SchemaMigrations {
    /// Version 19: maintenance plans (#23) — one row per plan (the body, with its company for the
    /// per-company list), and one row per occurrence record keyed by plan and rule date: the key is
    /// unique, so two engines recording the same occurrence conflict and the retry finds it.
    /// Applies after version 18 and needs nothing of it.
    static let version19 = Migration(
        version: 19, name: "maintenance plans and occurrences",
        statements: [
            """
            CREATE TABLE maintenance_plans (
                id uuid PRIMARY KEY,
                revision integer NOT NULL,
                company_id uuid NOT NULL,
                body bytea NOT NULL
            )
            """,
            "CREATE INDEX maintenance_plans_company ON maintenance_plans (company_id)",
            """
            CREATE TABLE maintenance_occurrences (
                plan_id uuid NOT NULL,
                occurs_on text NOT NULL,
                generated boolean NOT NULL,
                body bytea NOT NULL,
                PRIMARY KEY (plan_id, occurs_on)
            )
            """,
        ])
}
