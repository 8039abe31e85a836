extension SchemaMigrations {
    /// Version 6: the contacts copied on a ticket (#18), a column so a contact's portal reach
    /// ("tickets copying me") is one array containment test. Tickets written before the version
    /// copied nobody, so the empty default is their true value.
    static let version6 = Migration(
        version: 6, name: "ticket copied contacts",
        statements: [
            "ALTER TABLE tickets ADD COLUMN cc_contacts uuid[] NOT NULL DEFAULT '{}'",
            "CREATE INDEX tickets_cc_contacts ON tickets USING gin (cc_contacts)",
        ])
}
