import Foundation

/// A field-level difference between two versions of a ticket, before identifiers and time are stamped.
struct FieldChange: Hashable, Sendable {
    var field: AuditField
    var oldValue: String?
    var newValue: String?
}

extension Ticket {
    /// Every audited field that differs between `old` and `self`, in ``AuditField`` order.
    ///
    /// The engine derives audit entries from this diff instead of writing them by hand, so no
    /// field can change without an entry. `id`, `number`, `createdAt`, `updatedAt` and `revision`
    /// are bookkeeping and are not audited.
    func changes(since old: Ticket) -> [FieldChange] {
        var changes: [FieldChange] = []
        func compare<Value: Equatable>(_ field: AuditField, _ keyPath: KeyPath<Ticket, Value>, _ text: (Value) -> String?) {
            let before = old[keyPath: keyPath]
            let after = self[keyPath: keyPath]
            if before != after {
                changes.append(FieldChange(field: field, oldValue: text(before), newValue: text(after)))
            }
        }
        compare(.title, \.title) { $0 }
        compare(.description, \.description) { $0 }
        compare(.channel, \.channel) { $0.description }
        compare(.categoryID, \.categoryID) { $0?.description }
        compare(.priority, \.priority) { $0.description }
        compare(.status, \.status) { $0.description }
        compare(.requester, \.requester) { $0.description }
        compare(.companyID, \.companyID) { $0?.description }
        compare(.locationID, \.locationID) { $0?.description }
        compare(.contractID, \.contractID) { $0?.description }
        compare(.assetIDs, \.assetIDs) { $0.isEmpty ? nil : $0.map(\.description).joined(separator: ",") }
        compare(.assigneeID, \.assigneeID) { $0?.description }
        compare(.groupID, \.groupID) { $0?.description }
        compare(.watcherIDs, \.watcherIDs) { $0.isEmpty ? nil : $0.map(\.description).joined(separator: ",") }
        compare(.ccContactIDs, \.ccContactIDs) { $0.isEmpty ? nil : $0.map(\.description).joined(separator: ",") }
        compare(.attachments, \.attachments) { $0.isEmpty ? nil : $0.map(\.description).joined(separator: "; ") }
        compare(.customFields, \.customFields) { fields in
            fields.isEmpty ? nil : fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        compare(.links, \.links) { $0.isEmpty ? nil : $0.map(\.description).joined(separator: ",") }
        compare(.postponedUntil, \.postponedUntil) { $0.map(Self.auditText) }
        compare(.firstResponseAt, \.firstResponseAt) { $0.map(Self.auditText) }
        compare(.resolvedAt, \.resolvedAt) { $0.map(Self.auditText) }
        compare(.closedAt, \.closedAt) { $0.map(Self.auditText) }
        compare(.sla, \.sla) { $0?.auditSummary }
        return changes
    }

    /// ISO 8601 text of an instant, as stored in audit values.
    static func auditText(_ instant: Date) -> String {
        instant.formatted(.iso8601)
    }
}
