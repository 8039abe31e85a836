extension SchemaMigrations {
    /// Version 11: the rule-set stamp (#20). One row counts the changes of `automation_rules`; it is
    /// raised in the transaction of every change, so a reader of the row sees a new count exactly
    /// when it could see new rules (engines cache their compiled rules under it). The adapter raises
    /// it before it writes a rule, so rule writers queue on the row rather than deadlock; a statement
    /// trigger raises it for any other writer of the table (a manual fix, a script).
    static let version11 = Migration(
        version: 11, name: "automation rule-set stamp",
        statements: [
            """
            CREATE TABLE automation_rules_stamp (
                only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
                changes bigint NOT NULL
            )
            """,
            "INSERT INTO automation_rules_stamp (changes) VALUES (0)",
            """
            CREATE FUNCTION automation_rules_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE automation_rules_stamp SET changes = changes + 1;
                RETURN NULL;
            END
            $$
            """,
            """
            CREATE TRIGGER automation_rules_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON automation_rules
            FOR EACH STATEMENT EXECUTE FUNCTION automation_rules_changed()
            """,
        ])
}
