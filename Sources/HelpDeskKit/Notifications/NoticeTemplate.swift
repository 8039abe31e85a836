import Foundation
import Templating

/// A notice's subject and text as templates, written for one kind of reader.
///
/// Placeholders are checked when the template is saved, against the paths its reader may see
/// (``NoticeTemplate/clientSchema`` or ``NoticeTemplate/staffSchema``): a client template naming
/// `ticket.priority` or an internal field is refused, so it can never render one.
public struct NoticeTemplate: Hashable, Sendable, Codable {
    /// The subject line.
    public var subject: Template
    /// The text.
    public var body: Template

    /// Describes a notice template from parsed templates.
    public init(subject: Template, body: Template) {
        self.subject = subject
        self.body = body
    }

    /// Parses a notice template; malformed text fails with a ``TemplateError``.
    public init(subject: String, body: String) throws(TemplateError) {
        self.init(subject: try Template(parsing: subject), body: try Template(parsing: body))
    }

    /// Every path a client template may use. Values come from what the client sees in the portal:
    /// the workflow's client label of the status, the category only when clients may see it, public
    /// replies only.
    public static let clientSchema = TemplateSchema(
        always: [
            "ticket.number", "ticket.title", "ticket.status", "ticket.createdAt", "recipient.name", "desk.name",
        ],
        optional: [
            "recipient.firstName", "ticket.description", "ticket.category", "ticket.location", "company.name",
            "ticket.lastReply", "ticket.dueAt",
        ])

    /// Every path a staff template may use: the client's paths and what only employees see.
    public static let staffSchema = TemplateSchema(
        clientSchema.paths.filter { !$0.key.hasPrefix("recipient.") }.merging(
            [
                "ticket.priority": .always, "ticket.channel": .always, "ticket.requester": .always,
                "ticket.agentStatus": .always, "ticket.group": .optional, "ticket.assignee": .optional,
                "sla.breachedClocks": .optional, "rule.name": .optional, "rating.score": .optional,
                "rating.comment": .optional,
            ], uniquingKeysWith: { _, staff in staff }))

    /// The schema of `reader`.
    public static func schema(for reader: NoticeReader) -> TemplateSchema {
        switch reader {
        case .client: clientSchema
        case .staff: staffSchema
        }
    }

    /// Throws unless both templates fit the paths `reader` may see.
    public func validate(for reader: NoticeReader) throws(TemplateError) {
        try subject.validate(against: Self.schema(for: reader))
        try body.validate(against: Self.schema(for: reader))
    }
}

/// Who a rule's notice goes to.
public enum NoticeRecipient: Hashable, Sendable, Codable {
    /// The ticket's requester (a contact or a free-text requester).
    case requester
    /// The requester and the contacts copied on the ticket.
    case clients
    /// The ticket's assignee (nobody while unassigned).
    case assignee
    /// The employees watching the ticket.
    case watchers
    /// The ticket's group.
    case group
    /// The lead of the ticket's group (nobody when the group has none).
    case groupLead
    /// Named employees (a manager).
    case employees([EmployeeID])

    /// Whether the recipient reads as a client or as staff.
    public var reader: NoticeReader {
        switch self {
        case .requester, .clients: .client
        case .assignee, .watchers, .group, .groupLead, .employees: .staff
        }
    }
}
