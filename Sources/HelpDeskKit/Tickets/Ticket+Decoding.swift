import Foundation

extension Ticket {
    /// The coding keys; shared with the synthesized encoder in `Ticket.swift`.
    enum CodingKeys: String, CodingKey {
        case id, number, title, description, channel, categoryID, priority, status, requester
        case companyID, locationID, contractID, assetIDs, assigneeID, groupID, watcherIDs, ccContactIDs, attachments, customFields
        case links, postponedUntil, firstResponseAt, resolvedAt, closedAt, sla, createdAt, updatedAt, revision
    }

    /// Decodes a ticket, giving every field that may be missing its default: optionals are `nil`,
    /// lists and maps are empty. Records written before a field existed therefore still decode;
    /// the rule for new fields is that they are optional or have such a default.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let createdAt = try c.decode(Date.self, forKey: .createdAt)
        self.init(
            id: try c.decode(TicketID.self, forKey: .id),
            number: try c.decode(TicketNumber.self, forKey: .number),
            title: try c.decode(String.self, forKey: .title),
            description: try c.decodeIfPresent(String.self, forKey: .description) ?? "",
            channel: try c.decode(Channel.self, forKey: .channel),
            categoryID: try c.decodeIfPresent(CategoryID.self, forKey: .categoryID),
            priority: try c.decode(Priority.self, forKey: .priority),
            status: try c.decode(StatusCode.self, forKey: .status),
            requester: try c.decode(Requester.self, forKey: .requester),
            companyID: try c.decodeIfPresent(CompanyID.self, forKey: .companyID),
            locationID: try c.decodeIfPresent(LocationID.self, forKey: .locationID),
            contractID: try c.decodeIfPresent(ContractID.self, forKey: .contractID),
            assetIDs: try c.decodeIfPresent([AssetID].self, forKey: .assetIDs) ?? [],
            assigneeID: try c.decodeIfPresent(EmployeeID.self, forKey: .assigneeID),
            groupID: try c.decodeIfPresent(GroupID.self, forKey: .groupID),
            watcherIDs: try c.decodeIfPresent([EmployeeID].self, forKey: .watcherIDs) ?? [],
            ccContactIDs: try c.decodeIfPresent([ContactID].self, forKey: .ccContactIDs) ?? [],
            attachments: try c.decodeIfPresent([Attachment].self, forKey: .attachments) ?? [],
            customFields: try c.decodeIfPresent([String: CustomFieldValue].self, forKey: .customFields) ?? [:],
            links: try c.decodeIfPresent([TicketLink].self, forKey: .links) ?? [],
            postponedUntil: try c.decodeIfPresent(Date.self, forKey: .postponedUntil),
            firstResponseAt: try c.decodeIfPresent(Date.self, forKey: .firstResponseAt),
            resolvedAt: try c.decodeIfPresent(Date.self, forKey: .resolvedAt),
            closedAt: try c.decodeIfPresent(Date.self, forKey: .closedAt),
            sla: try c.decodeIfPresent(TicketSLA.self, forKey: .sla),
            createdAt: createdAt,
            updatedAt: try c.decodeIfPresent(Date.self, forKey: .updatedAt) ?? createdAt,
            revision: try c.decodeIfPresent(Int.self, forKey: .revision) ?? 1)
    }
}
