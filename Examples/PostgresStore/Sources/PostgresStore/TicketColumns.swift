import Foundation
import HelpDeskKit

/// The column values of one ticket row: everything ``TicketQuerySQL`` filters and sorts by,
/// computed in Swift so SQL compares exactly what the reference evaluator compares.
struct TicketColumns {
    let id: UUID
    let number: Int
    let revision: Int
    let status: String
    let priority: Int
    let channel: String
    let categoryID: UUID?
    let assigneeID: UUID?
    let groupID: UUID?
    let companyID: UUID?
    let locationID: UUID?
    let contractID: UUID?
    /// ``requesterKey(_:)``: equal exactly when the requesters are equal.
    let requester: Data
    /// `Requester.sortKey` as UTF-8 (NFC), whose byte order is Swift's string order.
    let requesterOrder: Data
    /// `TextMatching.folded(title)`, searched by `titleContains`.
    let titleFolded: Data
    /// The lower-cased title's UTF-8, the first title sort key (`TextMatching.compareTitles`).
    let titleLowered: Data
    /// The title's exact UTF-8, the second title sort key.
    let titleBytes: Data
    let createdAt: Double
    let updatedAt: Double
    let postponedUntil: Double?
    let slaCondition: String
    let slaNextDue: Double?
    let slaNextCheck: Double?
    /// ``SLAOutcomeCode`` of the reaction clock; `nil` without an SLA policy.
    let slaReaction: Int16?
    /// ``SLAOutcomeCode`` of the resolution clock; `nil` without an SLA policy.
    let slaResolution: Int16?
    let assetIDs: [UUID]
    /// ``Ticket/ccContactIDs``.
    let ccContacts: [UUID]
    /// The whole ticket's JSON.
    let body: Data

    /// The columns of `ticket`.
    init(_ ticket: Ticket) throws {
        id = ticket.id.uuid
        number = ticket.number.rawValue
        revision = ticket.revision
        status = ticket.status.rawValue
        priority = ticket.priority.rawValue
        channel = ticket.channel.rawValue
        categoryID = ticket.categoryID?.uuid
        assigneeID = ticket.assigneeID?.uuid
        groupID = ticket.groupID?.uuid
        companyID = ticket.companyID?.uuid
        locationID = ticket.locationID?.uuid
        contractID = ticket.contractID?.uuid
        requester = Self.requesterKey(ticket.requester)
        requesterOrder = Self.orderKey(ticket.requester.sortKey)
        titleFolded = Data(TextMatching.folded(ticket.title))
        titleLowered = Data(ticket.title.lowercased().utf8)
        titleBytes = Data(ticket.title.utf8)
        createdAt = ticket.createdAt.storedSeconds
        updatedAt = ticket.updatedAt.storedSeconds
        postponedUntil = ticket.postponedUntil?.storedSeconds
        slaCondition = (ticket.sla?.condition ?? SLACondition.none).rawValue
        slaNextDue = ticket.sla?.nextDueAt?.storedSeconds
        slaNextCheck = ticket.sla?.nextCheckAt?.storedSeconds
        slaReaction = ticket.sla.map { SLAOutcomeCode($0.reaction).rawValue }
        slaResolution = ticket.sla.map { SLAOutcomeCode($0.resolution).rawValue }
        assetIDs = Array(Set(ticket.assetIDs.map(\.uuid)))
        ccContacts = ticket.ccContactIDs.map(\.uuid)
        body = try RecordCoding.encode(ticket)
    }

    /// An unambiguous encoding of `requester` for equality filters: a contact's identifier, or
    /// the free text in NFC (Swift compares strings by canonical equivalence).
    static func requesterKey(_ requester: Requester) -> Data {
        switch requester {
        case .contact(let id): Data(("c" + id.description).utf8)
        case .freeText(let text): Data(("t" + text.precomposedStringWithCanonicalMapping).utf8)
        }
    }

    /// `text` in NFC as UTF-8: its byte order is Swift's `String` order.
    static func orderKey(_ text: String) -> Data {
        Data(text.precomposedStringWithCanonicalMapping.utf8)
    }
}
