import HelpDeskKit
import PostgresNIO

extension PostgresStore: AutomationRepository {
    /// The rule with `id`, or `nil`.
    public func rule(_ id: AutomationRuleID) async throws -> AutomationRule? {
        try await record(AutomationRule.self, "SELECT body FROM automation_rules WHERE id = \(id.uuid)")
    }

    /// Every rule, by priority then identifier.
    public func rules() async throws -> [AutomationRule] {
        try await records(AutomationRule.self, "SELECT body FROM automation_rules")
            .sorted { ($0.priority, $0.id) < ($1.priority, $1.id) }
    }

    /// The count of committed changes of `automation_rules` (migration 11), one indexed row.
    public func ruleSetStamp() async throws -> RuleSetStamp {
        let values = try await rows("SELECT changes FROM automation_rules_stamp") { row in
            try RecordCoding.column(Int64.self, of: row)
        }
        guard let changes = values.first else { throw StorageError(.corrupted, "the rule-set stamp row is missing") }
        return RuleSetStamp(changes)
    }

    /// Writes and deletes rules under their expected revisions: a zero-row update or delete, an
    /// insert of an existing rule, and (at the deferred check) a taken priority or name are conflicts.
    /// The rule-set stamp is raised first, in the same transaction: its row lock orders rule writers.
    func writeAutomation(_ changes: AutomationChanges, on connection: PostgresConnection) async throws {
        try await writeRuleEpisodes(changes, on: connection)
        // The stamp counts changes of the rule set; episodes are not part of it.
        guard !changes.ruleWrites.isEmpty || !changes.ruleDeletions.isEmpty else { return }
        try await execute("UPDATE automation_rules_stamp SET changes = changes + 1", on: connection)
        for write in changes.ruleWrites {
            let rule = write.rule
            let body = try RecordCoding.encode(rule)
            let written: Int
            if let expected = write.expectedRevision {
                written = try await rowCount(
                    """
                    UPDATE automation_rules SET priority = \(rule.priority), name_folded = \(rule.name.lowercased()),
                    revision = \(rule.revision), body = \(body)
                    WHERE id = \(rule.id.uuid) AND revision = \(expected) RETURNING 1
                    """, on: connection)
            } else {
                written = try await rowCount(
                    """
                    INSERT INTO automation_rules (id, priority, name_folded, revision, body)
                    VALUES (\(rule.id.uuid), \(rule.priority), \(rule.name.lowercased()), \(rule.revision), \(body))
                    ON CONFLICT (id) DO NOTHING RETURNING 1
                    """, on: connection)
            }
            guard written > 0 else {
                throw StorageError(.conflict, "rule \(rule.id) is not at revision \(write.expectedRevision.map(String.init) ?? "none")")
            }
        }
        for deletion in changes.ruleDeletions {
            let deleted = try await rowCount(
                """
                DELETE FROM automation_rules WHERE id = \(deletion.id.uuid) AND revision = \(deletion.expectedRevision)
                RETURNING 1
                """, on: connection)
            guard deleted > 0 else {
                throw StorageError(.conflict, "rule \(deletion.id) is not at revision \(deletion.expectedRevision)")
            }
        }
    }
}
