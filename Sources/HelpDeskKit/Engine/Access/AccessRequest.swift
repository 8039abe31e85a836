/// What a principal asks to do, and the record it concerns: the question an ``AccessPolicy`` answers.
public struct AccessRequest: Hashable, Sendable, CustomStringConvertible {
    /// The kind of access.
    public var action: AccessAction
    /// The ticket concerned, if any (as stored before the command).
    public var ticket: Ticket?
    /// The client company concerned, if any: the ticket's, the account's, the contract's.
    public var companyID: CompanyID?

    /// Describes a request.
    public init(_ action: AccessAction, ticket: Ticket? = nil, companyID: CompanyID? = nil) {
        self.action = action
        self.ticket = ticket
        self.companyID = companyID ?? ticket?.companyID
    }

    public var description: String {
        if let ticket { return "\(action) \(ticket.number)" }
        if let companyID { return "\(action) of company \(companyID)" }
        return action.description
    }
}

/// A kind of access. A struct of named constants rather than an enum, so a capability can add
/// its own kinds without breaking a host's policy.
public struct AccessAction: Hashable, Sendable, CustomStringConvertible {
    /// A stable name, e.g. `ticket.comment`.
    public let name: String

    /// A kind of access named `name` (use a `capability.verb` form).
    public init(_ name: String) {
        self.name = name
    }

    public var description: String { name }

    /// File a new ticket (for `companyID`, when set).
    public static let createTicket = AccessAction("ticket.create")
    /// See a ticket, its public comments and attachments.
    public static let readTicket = AccessAction("ticket.read")
    /// Change a ticket's fields, status, assignment, watchers or links.
    public static let editTicket = AccessAction("ticket.edit")
    /// Attach files to a ticket.
    public static let attachFiles = AccessAction("ticket.attach")
    /// Write a public reply.
    public static let replyPublicly = AccessAction("ticket.reply")
    /// Write an internal note.
    public static let writeInternalNote = AccessAction("ticket.note")
    /// See what only staff sees: internal notes, the audit trail, labor, specifications, ratings.
    public static let readInternal = AccessAction("ticket.readInternal")
    /// Log, edit or delete time.
    public static let logTime = AccessAction("labor.log")
    /// Manage employees, groups, the service catalog and rates.
    public static let manageDirectory = AccessAction("directory.manage")
    /// See employees and groups.
    public static let readDirectory = AccessAction("directory.read")
    /// See the service catalog (categories a ticket can be filed under).
    public static let readCatalog = AccessAction("catalog.read")
    /// Manage client companies, locations, contacts, contracts and equipment.
    public static let manageClients = AccessAction("clients.manage")
    /// See client companies, contracts and equipment.
    public static let readClients = AccessAction("clients.read")
    /// See prices, balances and debts.
    public static let readBilling = AccessAction("billing.read")
    /// Read and acknowledge the event outbox.
    public static let deliverEvents = AccessAction("outbox.deliver")
    /// Run reports over the whole desk.
    public static let readReports = AccessAction("reports.read")
}
