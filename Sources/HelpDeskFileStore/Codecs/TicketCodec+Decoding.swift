import Foundation
import HelpDeskKit

extension TicketCodec {
    /// Reads one ticket written by ``encode(_:to:scratch:)`` (or by an older or newer version of it).
    static func decode(from r: inout ByteReader) throws(MalformedBytes) -> Ticket {
        var id: UUID?
        var number: Int?
        var title: String?
        var description = ""
        var channel: Channel?
        var categoryID: CategoryID?
        var priority = Priority.normal
        var status: StatusCode?
        var requester: Requester?
        var assigneeID: EmployeeID?
        var groupID: GroupID?
        var watcherIDs: [EmployeeID] = []
        var attachments: [Attachment] = []
        var customFields: [String: CustomFieldValue] = [:]
        var links: [TicketLink] = []
        var postponedUntil: Date?
        var firstResponseAt: Date?
        var resolvedAt: Date?
        var closedAt: Date?
        var createdAt: Date?
        var updatedAt: Date?
        var revision = 1
        var companyID: CompanyID?
        var locationID: LocationID?
        var contractID: ContractID?
        var assetIDs: [AssetID] = []
        var ccContactIDs: [ContactID] = []
        var sla: TicketSLA?

        while true {
            let start = r.position
            let key = try r.varint()
            if key == 0 { break }
            guard let wire = Wire(rawValue: key & 3) else {
                throw MalformedBytes(offset: start, reason: "bad wire type")
            }
            guard let tag = Tag(rawValue: key >> 2) else {
                try skip(wire, in: &r)
                continue
            }
            func malformed(_ why: String) -> MalformedBytes { MalformedBytes(offset: start, reason: "\(tag): \(why)") }
            switch (tag, wire) {
            case (.id, .fixed128): id = try r.uuid()
            case (.number, .varint): number = try r.int()
            case (.title, .delimited): title = try r.string()
            case (.description, .delimited): description = try r.string()
            case (.channel, .delimited):
                guard let value = Channel(rawValue: try r.string()) else { throw malformed("unknown channel") }
                channel = value
            case (.categoryID, .fixed128): categoryID = CategoryID(try r.uuid())
            case (.priority, .varint):
                guard let value = Priority(rawValue: try r.int()) else { throw malformed("unknown priority") }
                priority = value
            case (.status, .delimited): status = StatusCode(rawValue: try r.string())
            case (.requester, .delimited):
                var n = try nested(&r)
                requester = try n.requester()
            case (.assigneeID, .fixed128): assigneeID = EmployeeID(try r.uuid())
            case (.groupID, .fixed128): groupID = GroupID(try r.uuid())
            case (.watcherIDs, .delimited):
                var n = try nested(&r)
                watcherIDs = try n.ids()
            case (.attachments, .delimited):
                var n = try nested(&r)
                attachments = try n.attachments()
            case (.customFields, .delimited):
                var n = try nested(&r)
                for _ in 0..<(try n.length()) {
                    let name = try n.string()
                    switch try n.u8() {
                    case 0: customFields[name] = .text(try n.string())
                    case 1: customFields[name] = .integer(Int64(bitPattern: try n.u64()))
                    case 2: customFields[name] = .flag(try n.u8() != 0)
                    case 3: customFields[name] = .instant(try n.date())
                    default: throw malformed("unknown custom field kind")
                    }
                }
            case (.links, .delimited):
                var n = try nested(&r)
                for _ in 0..<(try n.length()) {
                    guard let kind = LinkKind(rawValue: try n.string()) else { throw malformed("unknown link kind") }
                    links.append(TicketLink(kind, to: TicketID(try n.uuid())))
                }
            case (.postponedUntil, .fixed64): postponedUntil = try r.date()
            case (.firstResponseAt, .fixed64): firstResponseAt = try r.date()
            case (.resolvedAt, .fixed64): resolvedAt = try r.date()
            case (.closedAt, .fixed64): closedAt = try r.date()
            case (.createdAt, .fixed64): createdAt = try r.date()
            case (.updatedAt, .fixed64): updatedAt = try r.date()
            case (.revision, .varint): revision = try r.int()
            case (.companyID, .fixed128): companyID = CompanyID(try r.uuid())
            case (.locationID, .fixed128): locationID = LocationID(try r.uuid())
            case (.contractID, .fixed128): contractID = ContractID(try r.uuid())
            case (.assetIDs, .delimited):
                var n = try nested(&r)
                assetIDs = try n.ids()
            case (.ccContactIDs, .delimited):
                var n = try nested(&r)
                ccContactIDs = try n.ids()
            case (.sla, .delimited):
                var n = try nested(&r)
                sla = try SLACodec.decode(from: &n)
            default: throw malformed("unexpected wire type \(wire)")
            }
        }
        guard let id, let number, let title, let channel, let status, let requester, let createdAt else {
            throw MalformedBytes(offset: r.position, reason: "ticket lacks a required field")
        }
        return Ticket(
            id: TicketID(id), number: TicketNumber(number), title: title, description: description,
            channel: channel, categoryID: categoryID, priority: priority, status: status, requester: requester,
            companyID: companyID, locationID: locationID, contractID: contractID, assetIDs: assetIDs,
            assigneeID: assigneeID, groupID: groupID, watcherIDs: watcherIDs, ccContactIDs: ccContactIDs,
            attachments: attachments,
            customFields: customFields, links: links, postponedUntil: postponedUntil,
            firstResponseAt: firstResponseAt, resolvedAt: resolvedAt, closedAt: closedAt, sla: sla,
            createdAt: createdAt,
            updatedAt: updatedAt ?? createdAt, revision: revision)
    }

    /// A reader over the next length-delimited value, advancing `r` past it.
    private static func nested(_ r: inout ByteReader) throws(MalformedBytes) -> ByteReader {
        let count = try r.length()
        let start = r.position
        _ = try r.bytes(count)
        return ByteReader(UnsafeRawBufferPointer(rebasing: r.buffer[..<(start + count)]), position: start)
    }

    /// Skips a value of an unknown field.
    private static func skip(_ wire: Wire, in r: inout ByteReader) throws(MalformedBytes) {
        switch wire {
        case .varint: _ = try r.varint()
        case .fixed64: _ = try r.bytes(8)
        case .fixed128: _ = try r.bytes(16)
        case .delimited: _ = try r.bytes(try r.length())
        }
    }
}
