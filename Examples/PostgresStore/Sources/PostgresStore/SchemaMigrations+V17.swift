extension SchemaMigrations {
    /// Version 17: blobs (#22), the bytes of attachments and raw mail under their SHA-256 digest.
    /// Content-addressed, so a row is written once and never changed. Applies after version 16 and
    /// needs nothing of it.
    static let version17 = Migration(
        version: 17, name: "blobs",
        statements: [
            "CREATE TABLE blobs (digest bytea PRIMARY KEY CHECK (octet_length(digest) = 32), bytes bytea NOT NULL)"
        ])
}
