import Foundation
import Templating

/// The identifier of a canned answer.
public typealias CannedAnswerID = Identifier<CannedAnswer>

/// Who may use a canned answer.
public enum CannedAnswerAudience: Hashable, Sendable, Codable {
    /// Every employee who may read internal knowledge.
    case everyone
    /// The members of one support group.
    case group(GroupID)
    /// Only its owner: a personal answer.
    case owner(EmployeeID)

    /// `true` for a personal answer.
    public var isPersonal: Bool {
        if case .owner = self { true } else { false }
    }
}

/// What a canned answer says and does: the input of ``HelpDesk/createCannedAnswer(_:by:idempotencyKey:)``.
public struct CannedAnswerDefinition: Hashable, Sendable, Codable {
    /// The name shown in the picker; not blank, at most 200 characters.
    public var name: String
    /// The folder (category) it is filed under, if any; not blank when given, at most 200 characters.
    public var folder: String?
    /// The keyword typed after `::` to insert it: letters, digits, `_`, `-` and `.`, at most 32
    /// characters, unique among active answers ignoring case.
    public var shortcut: String
    /// The text, with placeholders checked against ``CannedAnswer/schema(for:)`` when saved.
    public var body: Template
    /// Whether it makes a public reply or an internal note.
    public var visibility: CommentVisibility
    /// Who may use it.
    public var audience: CannedAnswerAudience
    /// The status the ticket moves to with the answer, when the workflow allows it (`nil`: unchanged).
    public var setStatus: StatusCode?

    /// Describes a canned answer from a parsed template.
    public init(
        name: String, folder: String? = nil, shortcut: String, body: Template, visibility: CommentVisibility = .public,
        audience: CannedAnswerAudience = .everyone, setStatus: StatusCode? = nil
    ) {
        self.name = name
        self.folder = folder
        self.shortcut = shortcut
        self.body = body
        self.visibility = visibility
        self.audience = audience
        self.setStatus = setStatus
    }

    /// Describes a canned answer, parsing its text; malformed text fails with ``HelpDeskError/invalidTemplate(field:_:)``.
    public init(
        name: String, folder: String? = nil, shortcut: String, text: String, visibility: CommentVisibility = .public,
        audience: CannedAnswerAudience = .everyone, setStatus: StatusCode? = nil
    ) throws(HelpDeskError) {
        let body: Template
        do {
            body = try Template(parsing: text)
        } catch {
            throw .invalidTemplate(field: "body", error)
        }
        self.init(
            name: name, folder: folder, shortcut: shortcut, body: body, visibility: visibility, audience: audience,
            setStatus: setStatus)
    }
}

/// A saved reply an employee inserts into a ticket: a template with placeholders, rendered for the
/// ticket and its requester and added as a comment (Zendesk macros, Zammad text modules).
public struct CannedAnswer: Identifiable, Hashable, Sendable, Codable {
    /// The answer's identifier.
    public let id: CannedAnswerID
    /// What it says and does.
    public var definition: CannedAnswerDefinition
    /// Incremented by every committed change; updates and uses are checked against it.
    public var revision: Int
    /// Who created it, and when.
    public var createdBy: Performer
    /// When it was created.
    public var createdAt: Date
    /// Who changed (or retired) it last.
    public var changedBy: Performer
    /// When it was changed (or retired) last.
    public var changedAt: Date
    /// When it was retired: it stays readable but can no longer be used or changed, and frees its shortcut.
    public var retiredAt: Date?

    /// Describes a stored canned answer.
    public init(
        id: CannedAnswerID, definition: CannedAnswerDefinition, revision: Int = 1, createdBy: Performer,
        createdAt: Date, changedBy: Performer? = nil, changedAt: Date? = nil, retiredAt: Date? = nil
    ) {
        self.id = id
        self.definition = definition
        self.revision = revision
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.changedBy = changedBy ?? createdBy
        self.changedAt = changedAt ?? createdAt
        self.retiredAt = retiredAt
    }

    /// The name shown in the picker.
    public var name: String { definition.name }
    /// The `::` keyword.
    public var shortcut: String { definition.shortcut }
    /// The shortcut as compared for uniqueness (lowercased).
    public var foldedShortcut: String { definition.shortcut.lowercased() }
    /// `true` once retired.
    public var isRetired: Bool { retiredAt != nil }
}

extension CannedAnswer {
    /// The paths a public answer may name: what the requester sees of the ticket in the portal (a
    /// client notice's values), with `requester.*` instead of `recipient.*` — a public reply is read
    /// by everyone who reads the ticket, so it names the requester rather than "the recipient" —
    /// and `agent.*`, the employee answering, as the portal shows comment authors.
    public static let publicSchema: TemplateSchema = {
        var paths = NoticeTemplate.clientSchema.paths.filter { !$0.key.hasPrefix("recipient.") }
        paths.merge(sharedPaths) { _, own in own }
        return TemplateSchema(paths)
    }()

    /// The paths an internal note may name: a staff notice's, without the rule and rating paths
    /// (an answer has neither), plus `requester.*` and `agent.*`.
    public static let internalSchema: TemplateSchema = {
        var paths = NoticeTemplate.staffSchema.paths.filter {
            !$0.key.hasPrefix("rule.") && !$0.key.hasPrefix("rating.")
        }
        paths.merge(sharedPaths) { _, own in own }
        return TemplateSchema(paths)
    }()

    /// The paths both kinds add to the notices' schemas.
    private static let sharedPaths: [String: TemplateSchema.Presence] = [
        "requester.name": .always, "requester.firstName": .optional, "agent.name": .always,
        "agent.firstName": .optional,
    ]

    /// The schema an answer of `visibility` is checked against.
    public static func schema(for visibility: CommentVisibility) -> TemplateSchema {
        switch visibility {
        case .public: publicSchema
        case .internal: internalSchema
        }
    }
}

/// A canned answer rendered for one ticket (``HelpDesk/previewCannedAnswer(_:for:as:)``).
public struct CannedAnswerPreview: Hashable, Sendable, Codable {
    /// The answer rendered.
    public var answerID: CannedAnswerID
    /// The answer's revision it was rendered from (pass it back to ``HelpDesk/answerWithCannedAnswer(_:on:extraText:attachments:citing:expectedRevision:by:idempotencyKey:)``).
    public var revision: Int
    /// Public reply or internal note.
    public var visibility: CommentVisibility
    /// The text the comment would get: values inserted as they are.
    public var text: String
    /// The same text for an HTML view: values HTML-escaped, the template's own text as written.
    public var html: String
    /// The status the answer would move the ticket to, if any.
    public var setStatus: StatusCode?
}
