import Foundation
import HelpDeskKit

/// The compact binary encoding of a ``Ticket`` in snapshots: a protobuf-like field table.
///
/// Each field is a key `tag << 2 | wireType` followed by its value; a key of 0 ends the ticket.
/// Absent optionals and empty collections are omitted. A decoder skips unknown tags (by wire
/// type) and gives every missing optional field its default, so adding a field to `Ticket` means
/// adding a new tag here and never reusing or renumbering an old one (see Storage.md).
enum TicketCodec {
    /// How a value is framed, so that unknown fields can be skipped.
    enum Wire: UInt64 {
        case varint = 0, fixed64 = 1, delimited = 2, fixed128 = 3
    }

    /// Field tags. Never renumber or reuse a tag.
    enum Tag: UInt64, CaseIterable {
        case id = 1, number, title, description, channel, categoryID, priority, status, requester
        case assigneeID, groupID, watcherIDs, attachments, customFields, links, postponedUntil
        case firstResponseAt, resolvedAt, closedAt, createdAt, updatedAt, revision
        case companyID, locationID, contractID, assetIDs, sla, ccContactIDs
    }

    /// Number of stored properties of `Ticket` this codec writes; a test compares it with
    /// `Mirror(reflecting:)` so a new `Ticket` field cannot be silently dropped.
    static let fieldCount = Tag.allCases.count

    // MARK: Encoding

    /// Appends `ticket` to `writer`; `scratch` is reused for nested values.
    static func encode(_ ticket: Ticket, to w: inout ByteWriter, scratch s: inout ByteWriter) {
        func key(_ tag: Tag, _ wire: Wire) { w.varint(tag.rawValue << 2 | wire.rawValue) }
        func uuid(_ tag: Tag, _ value: UUID?) {
            guard let value else { return }
            key(tag, .fixed128)
            w.uuid(value)
        }
        func date(_ tag: Tag, _ value: Date?) {
            guard let value else { return }
            key(tag, .fixed64)
            w.date(value)
        }
        func string(_ tag: Tag, _ value: String) {
            key(tag, .delimited)
            w.string(value)
        }
        func nested(_ tag: Tag, _ body: (inout ByteWriter) -> Void) {
            s.bytes.removeAll(keepingCapacity: true)
            body(&s)
            key(tag, .delimited)
            w.blob(s.bytes)
        }
        uuid(.id, ticket.id.rawValue)
        key(.number, .varint)
        w.int(ticket.number.rawValue)
        string(.title, ticket.title)
        if !ticket.description.isEmpty { string(.description, ticket.description) }
        string(.channel, ticket.channel.rawValue)
        uuid(.categoryID, ticket.categoryID?.rawValue)
        key(.priority, .varint)
        w.int(ticket.priority.rawValue)
        string(.status, ticket.status.rawValue)
        nested(.requester) { s in s.requester(ticket.requester) }
        uuid(.assigneeID, ticket.assigneeID?.rawValue)
        uuid(.groupID, ticket.groupID?.rawValue)
        if !ticket.watcherIDs.isEmpty {
            nested(.watcherIDs) { s in s.ids(ticket.watcherIDs) }
        }
        if !ticket.attachments.isEmpty {
            nested(.attachments) { s in s.attachments(ticket.attachments) }
        }
        if !ticket.customFields.isEmpty {
            nested(.customFields) { s in
                s.varint(UInt64(ticket.customFields.count))
                for (name, value) in ticket.customFields.sorted(by: { $0.key < $1.key }) {
                    s.string(name)
                    switch value {
                    case .text(let text):
                        s.u8(0)
                        s.string(text)
                    case .integer(let number):
                        s.u8(1)
                        s.u64(UInt64(bitPattern: number))
                    case .flag(let flag):
                        s.u8(2)
                        s.u8(flag ? 1 : 0)
                    case .instant(let instant):
                        s.u8(3)
                        s.date(instant)
                    }
                }
            }
        }
        if !ticket.links.isEmpty {
            nested(.links) { s in
                s.varint(UInt64(ticket.links.count))
                for link in ticket.links {
                    s.string(link.kind.rawValue)
                    s.uuid(link.ticketID.rawValue)
                }
            }
        }
        date(.postponedUntil, ticket.postponedUntil)
        date(.firstResponseAt, ticket.firstResponseAt)
        date(.resolvedAt, ticket.resolvedAt)
        date(.closedAt, ticket.closedAt)
        date(.createdAt, ticket.createdAt)
        date(.updatedAt, ticket.updatedAt)
        key(.revision, .varint)
        w.int(ticket.revision)
        uuid(.companyID, ticket.companyID?.rawValue)
        uuid(.locationID, ticket.locationID?.rawValue)
        uuid(.contractID, ticket.contractID?.rawValue)
        if !ticket.assetIDs.isEmpty {
            nested(.assetIDs) { s in s.ids(ticket.assetIDs) }
        }
        if let sla = ticket.sla { nested(.sla) { s in SLACodec.encode(sla, to: &s) } }
        if !ticket.ccContactIDs.isEmpty {
            nested(.ccContactIDs) { s in s.ids(ticket.ccContactIDs) }
        }
        w.varint(0)
    }
}
