import Foundation
import Templating

/// The client notices of a ticket's visit: planned, moved, cancelled. Client templates, checked
/// against ``NoticeTemplate/visitSchema``: the client paths and the visit's own.
public struct VisitNoticeTemplates: Hashable, Sendable {
    /// Sent when a visit is planned; `nil` sends none.
    public var planned: NoticeTemplate?
    /// Sent when a visit's time, engineers, site or window change; `nil` sends none.
    public var rescheduled: NoticeTemplate?
    /// Sent when a visit is called off; `nil` sends none.
    public var cancelled: NoticeTemplate?

    /// Describes the templates.
    public init(planned: NoticeTemplate?, rescheduled: NoticeTemplate?, cancelled: NoticeTemplate?) {
        self.planned = planned
        self.rescheduled = rescheduled
        self.cancelled = cancelled
    }

    /// The built-in notices.
    public static let standard = VisitNoticeTemplates(
        planned: .standardVisitPlanned, rescheduled: .standardVisitRescheduled, cancelled: .standardVisitCancelled)

    /// No visit notices (the events still name the client).
    public static let none = VisitNoticeTemplates(planned: nil, rescheduled: nil, cancelled: nil)

    /// Throws unless every template fits ``NoticeTemplate/visitSchema``.
    public func validate() throws(TemplateError) {
        for template in [planned, rescheduled, cancelled].compactMap({ $0 }) {
            try template.subject.validate(against: NoticeTemplate.visitSchema)
            try template.body.validate(against: NoticeTemplate.visitSchema)
        }
    }
}

extension NoticeTemplate {
    /// Every path a visit notice may use: the client's, and `visit.when` (`Tue 12 May 10:00–12:00
    /// (Europe/Moscow)`, in the site's zone), `visit.engineers` (display names), `visit.site` (the
    /// site's name, when named), `visit.previousWhen` (before a move or a cancellation).
    public static let visitSchema = TemplateSchema(
        clientSchema.paths.merging(
            [
                "visit.when": .always, "visit.engineers": .always, "visit.site": .optional,
                "visit.previousWhen": .optional,
            ],
            uniquingKeysWith: { _, visit in visit }))

    /// The client is told when the engineer comes.
    public static let standardVisitPlanned = builtIn(
        subject: "[{{ticket.number}}] Engineer visit: {{visit.when}}",
        body: """
            Hello, {{recipient.firstName | "there"}}!

            For your request {{ticket.number}} "{{ticket.title}}" an engineer visit is planned: {{visit.when}}.
            Engineers: {{visit.engineers}}. Site: {{visit.site | "as agreed"}}.

            {{desk.name}}
            """)

    /// The client is told of the visit's new time (or crew, or site).
    public static let standardVisitRescheduled = builtIn(
        subject: "[{{ticket.number}}] Engineer visit moved: {{visit.when}}",
        body: """
            Hello, {{recipient.firstName | "there"}}!

            The engineer visit for your request {{ticket.number}} "{{ticket.title}}" has changed: \
            now {{visit.when}} (was {{visit.previousWhen | "another time"}}).
            Engineers: {{visit.engineers}}. Site: {{visit.site | "as agreed"}}.

            {{desk.name}}
            """)

    /// The client is told the visit is called off.
    public static let standardVisitCancelled = builtIn(
        subject: "[{{ticket.number}}] Engineer visit cancelled",
        body: """
            Hello, {{recipient.firstName | "there"}}!

            The engineer visit for your request {{ticket.number}} "{{ticket.title}}" \
            ({{visit.previousWhen | "as planned"}}) is cancelled. We will get back to you.

            {{desk.name}}
            """)
}
