extension SchemaMigrations {
    /// Version 5: the desk's own roles (#18). Employees carry their grants in their JSON body, so
    /// only the roles need a table; the name is unique ignoring case, like the in-memory store.
    static let version5 = Migration(
        version: 5, name: "roles",
        statements: [
            """
            CREATE TABLE roles (
                id uuid PRIMARY KEY,
                name text NOT NULL,
                name_folded text NOT NULL,
                body bytea NOT NULL,
                CONSTRAINT roles_name_unique UNIQUE (name_folded) DEFERRABLE INITIALLY DEFERRED
            )
            """
        ])
}
