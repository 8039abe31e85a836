extension SchemaMigrations {
    /// Version 8: the usage of service-period allowances (#19): one row per contract, period and
    /// measure (labor minutes, visits), rewritten under its revision by every labor change that
    /// touches the period.
    static let version8 = Migration(
        version: 8, name: "allowance usage",
        statements: [
            """
            CREATE TABLE allowance_usage (
                contract_id uuid NOT NULL,
                period_id uuid NOT NULL,
                measure text NOT NULL,
                revision integer NOT NULL,
                body bytea NOT NULL,
                PRIMARY KEY (contract_id, period_id, measure)
            )
            """
        ])
}
