import Foundation
import Templating

/// The desk's own notices: which go out, their templates, and the loop protection over them.
public struct NotificationSettings: Hashable, Sendable {
    /// The desk's name as notices sign it (`{{desk.name}}`).
    public var deskName: String
    /// Sent to the client when their ticket is registered through one of ``receiptChannels``;
    /// `nil` sends none. A client template.
    public var receipt: NoticeTemplate?
    /// The channels whose tickets get a receipt (default email and portal: the client wrote and
    /// waits for a sign that someone has it).
    public var receiptChannels: Set<Channel>
    /// When set, the client's status-change message is this template, rendered when the status
    /// changes into one of ``statusChangeCategories`` (and the plain ``DomainEvent/statusChanged(ticket:number:from:to:)``
    /// event no longer names the client). `nil` keeps the built-in message.
    public var statusChange: NoticeTemplate?
    /// The status categories whose entry the status-change template announces.
    public var statusChangeCategories: Set<StatusCategory>
    /// Sent to the rating's escalation managers (``RatingConfiguration``) with a low rating;
    /// `nil` sends only the ``DomainEvent/lowRatingReceived(ticket:number:rating:score:assignee:)`` event. A staff template.
    public var lowRating: NoticeTemplate?
    /// Limits on automatic notices, so two robots never mail each other forever.
    public var loopProtection: LoopProtection
    /// What the client is told when a visit is planned, moved or cancelled (``VisitNoticeTemplates``).
    public var visits: VisitNoticeTemplates = .standard

    /// Describes the settings; the defaults send receipts for email and portal tickets.
    public init(
        deskName: String = "Service desk", receipt: NoticeTemplate? = .standardReceipt,
        receiptChannels: Set<Channel> = [.email, .portal], statusChange: NoticeTemplate? = nil,
        statusChangeCategories: Set<StatusCategory> = [.open, .waiting, .resolved, .closed],
        lowRating: NoticeTemplate? = .standardLowRating, loopProtection: LoopProtection = LoopProtection()
    ) {
        self.deskName = deskName
        self.receipt = receipt
        self.receiptChannels = receiptChannels
        self.statusChange = statusChange
        self.statusChangeCategories = statusChangeCategories
        self.lowRating = lowRating
        self.loopProtection = loopProtection
    }

    /// Throws unless every template fits its reader (receipt and status change: client; low rating: staff).
    public func validate() throws(TemplateError) {
        try receipt?.validate(for: .client)
        try statusChange?.validate(for: .client)
        try lowRating?.validate(for: .staff)
        try visits.validate()
    }
}

/// At most `limit` notices within `minutes`.
public struct NoticeRateWindow: Hashable, Sendable, Codable {
    /// The most notices the window allows.
    public var limit: Int
    /// The window's length in minutes.
    public var minutes: Int

    /// Describes a window.
    public init(limit: Int, minutes: Int) {
        self.limit = limit
        self.minutes = minutes
    }
}

/// Limits on automatic notices: per recipient and per ticket, and never to robots' addresses.
///
/// The defaults follow Zammad's figures: a recipient gets at most 10 automatic notices in 10
/// minutes, 30 in an hour, 60 in 3 hours and 100 in 10 hours; a ticket raises at most 20 in an hour.
/// A notice over a limit is not sent, and the rule firing that asked for it says so in the audit.
public struct LoopProtection: Hashable, Sendable {
    /// Windows per recipient of client notices (counted by email address, else by client).
    public var perRecipient: [NoticeRateWindow]
    /// Windows per ticket, over every automatic notice it raises.
    public var perTicket: [NoticeRateWindow]

    /// Describes the limits.
    public init(
        perRecipient: [NoticeRateWindow] = [
            NoticeRateWindow(limit: 10, minutes: 10), NoticeRateWindow(limit: 30, minutes: 60),
            NoticeRateWindow(limit: 60, minutes: 180), NoticeRateWindow(limit: 100, minutes: 600),
        ],
        perTicket: [NoticeRateWindow] = [NoticeRateWindow(limit: 20, minutes: 60)]
    ) {
        self.perRecipient = perRecipient
        self.perTicket = perTicket
    }

    /// The longest window in seconds: older sends no longer count.
    var horizon: TimeInterval {
        TimeInterval((perRecipient + perTicket).map { max(0, min($0.minutes, 1_000_000)) }.max() ?? 0) * 60
    }

    /// `true` when one more notice after `sent` (send instants) at `instant` stays within `windows`.
    static func allows(_ sent: [Date], at instant: Date, within windows: [NoticeRateWindow]) -> Bool {
        windows.allSatisfy { window in
            let since = instant.addingTimeInterval(-TimeInterval(max(0, min(window.minutes, 1_000_000))) * 60)
            return sent.count(where: { $0 > since }) < window.limit
        }
    }

    /// `true` for addresses robots read: no-reply senders, mailer daemons, postmasters, bounces.
    public static func isRobotAddress(_ address: String) -> Bool {
        let local = address.split(separator: "@").first.map { $0.lowercased() } ?? ""
        let plain = local.split(separator: "+").first.map(String.init) ?? local
        let squeezed = plain.filter { $0 != "-" && $0 != "_" && $0 != "." }
        return ["noreply", "donotreply", "mailerdaemon", "postmaster", "bounce", "bounces", "autoreply", "noanswer"]
            .contains(squeezed) || squeezed.hasPrefix("noreply") || squeezed.hasPrefix("mailerdaemon")
    }
}

extension NoticeTemplate {
    /// The receipt a client gets when their request is registered.
    public static let standardReceipt = builtIn(
        subject: "[{{ticket.number}}] {{ticket.title}}",
        body: """
            Hello, {{recipient.firstName | "there"}}!

            Your request {{ticket.number}} "{{ticket.title}}" is registered ({{ticket.createdAt}}). \
            We will keep you informed; reply to this message to add to it.

            {{desk.name}}
            """)

    /// A status-change notice a desk may switch on (``NotificationSettings/statusChange``).
    public static let standardStatusChange = builtIn(
        subject: "[{{ticket.number}}] {{ticket.status}}",
        body: """
            Hello, {{recipient.firstName | "there"}}!

            Your request {{ticket.number}} "{{ticket.title}}" is now: {{ticket.status}}.

            {{desk.name}}
            """)

    /// The alert management gets with a low rating.
    public static let standardLowRating = builtIn(
        subject: "Low rating {{rating.score | \"?\"}} on {{ticket.number}}",
        body: """
            {{ticket.requester}} rated request {{ticket.number}} "{{ticket.title}}" \
            {{rating.score | "low"}}: {{rating.comment | "no comment"}}.
            Assignee: {{ticket.assignee | "nobody"}}, group: {{ticket.group | "none"}}.
            """)

    /// A template built into the library; the tests prove each parses and fits its schema.
    static func builtIn(subject: String, body: String) -> NoticeTemplate {
        do { return try NoticeTemplate(subject: subject, body: body) } catch {
            preconditionFailure("a built-in notice template does not parse: \(error)")
        }
    }
}
