import Foundation
import HelpDeskKit

/// Binary forms of the append-only ticket history: audit entries and comments, each one group
/// (see ``ByteWriter/group(_:)`` for how fields may be added later).
enum EntryCodec {
    /// Number of stored properties of `AuditEntry` and of `Comment` this codec writes; a test
    /// compares them with `Mirror(reflecting:)` so a new field cannot be silently dropped.
    static let auditEntryFieldCount = 7
    static let commentFieldCount = 8

    /// Appends an audit entry.
    static func encode(_ entry: AuditEntry, to w: inout ByteWriter) {
        w.group { w in
            w.uuid(entry.id.rawValue)
            w.uuid(entry.ticketID.rawValue)
            w.string(entry.field.rawValue)
            w.optionalString(entry.oldValue)
            w.optionalString(entry.newValue)
            w.performer(entry.performer)
            w.date(entry.at)
        }
    }

    /// Reads an audit entry.
    static func decodeAuditEntry(from r: inout ByteReader) throws(MalformedBytes) -> AuditEntry {
        var g = try r.group()
        return AuditEntry(
            id: try g.id(), ticketID: try g.id(), field: try g.raw(), oldValue: try g.optionalString(),
            newValue: try g.optionalString(), performer: try g.performer(), at: try g.date())
    }

    /// Appends a comment.
    static func encode(_ comment: Comment, to w: inout ByteWriter) {
        w.group { w in
            w.uuid(comment.id.rawValue)
            w.uuid(comment.ticketID.rawValue)
            w.performer(comment.author)
            w.string(comment.body)
            w.string(comment.visibility.rawValue)
            w.attachments(comment.attachments)
            w.date(comment.createdAt)
            w.optionalID(comment.mergedFrom)
        }
    }

    /// Reads a comment.
    static func decodeComment(from r: inout ByteReader) throws(MalformedBytes) -> Comment {
        var g = try r.group()
        return Comment(
            id: try g.id(), ticketID: try g.id(), author: try g.performer(), body: try g.string(),
            visibility: try g.raw(), attachments: try g.attachments(), createdAt: try g.date(),
            mergedFrom: try g.optionalID())
    }
}
