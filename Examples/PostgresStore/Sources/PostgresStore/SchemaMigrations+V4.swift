import HelpDeskKit

extension SchemaMigrations {
    /// Version 4: the outcome of each SLA clock as a column, so the SLA compliance report counts in
    /// one `GROUP BY` instead of decoding every ticket (``PostgresStore/slaOutcomes(in:groupedBy:)``).
    ///
    /// `sla_reaction` and `sla_resolution` hold a ``SLAOutcomeCode``: `NULL` for a ticket without
    /// an SLA policy, 0 not measured, 1 met, 2 breached, 3 pending. Tickets written before version
    /// 4 are filled from their JSON body (`json`, not `jsonb`, which rejects `\u0000` in strings).
    static let version4 = Migration(
        version: 4, name: "SLA outcome columns",
        statements: [
            "ALTER TABLE tickets ADD COLUMN sla_reaction smallint, ADD COLUMN sla_resolution smallint",
            """
            UPDATE tickets SET
                sla_reaction = \(outcome(of: "reaction")), sla_resolution = \(outcome(of: "resolution"))
            FROM (SELECT id AS record_id, convert_from(body, 'UTF8')::json -> 'sla' AS sla FROM tickets) AS records
            WHERE tickets.id = records.record_id
            """,
        ])
}

/// The SQL computing the ``SLAOutcomeCode`` of clock `name` from a ticket's `sla` JSON, as
/// ``SLAOutcomeCode/init(_:)`` does (a `null` member counts as absent).
private func outcome(of name: String) -> String {
    func absent(_ json: String) -> String { "coalesce(json_typeof(\(json)), 'null') = 'null'" }
    let clock = "sla -> '\(name)'"
    return """
        CASE WHEN \(absent("sla")) THEN NULL WHEN \(absent(clock)) THEN 0
            WHEN NOT \(absent(clock + " -> 'breachedAt'")) THEN 2 WHEN NOT \(absent(clock + " -> 'stoppedAt'")) THEN 1
            ELSE 3 END
        """
}

/// How one SLA clock of a ticket ended, as stored in `sla_reaction` and `sla_resolution`.
enum SLAOutcomeCode: Int16 {
    case notMeasured = 0
    case met = 1
    case breached = 2
    case pending = 3

    /// The code of `clock` on a ticket with an SLA policy (`nil`: the policy sets no such target).
    init(_ clock: SLAClock?) {
        guard let clock else {
            self = .notMeasured
            return
        }
        self = clock.breachedAt != nil ? .breached : clock.stoppedAt != nil ? .met : .pending
    }
}
