/// The permissions a role grants are ``AccessAction``s: the same names the engine asks the access
/// policy about, so a refusal names the permission that was missing.
extension AccessAction: Codable {
    /// Decodes a permission from its name.
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the permission's name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}

extension AccessAction {
    /// Merge tickets: the rest of "full" ticket access.
    public static let manageTickets = AccessAction("ticket.manage")

    /// Top up a client's prepaid balance.
    public static let topUpBalance = AccessAction("billing.topUp")
    /// Adjust a balance by hand (a correction with a reason).
    public static let adjustBalance = AccessAction("billing.adjust")
    /// Price, approve and settle the paid work of a ticket (its specification).
    public static let settleWork = AccessAction("billing.settle")
    /// Approve or decline a ticket's paid work as the client (a contact with
    /// ``Contact/mayApprovePaidWork``); staff decide with ``settleWork``.
    public static let approvePaidWork = AccessAction("billing.approve")
    /// Record the score of a resolved ticket without a token: the client who requested it, or staff
    /// relaying the client's score; ratings by token need none.
    public static let rateTicket = AccessAction("ticket.rate")
    /// Invoice service periods and record payments.
    public static let invoice = AccessAction("billing.invoice")
    /// Edit price lists.
    public static let editPriceList = AccessAction("billing.priceList")

    /// Log time for employees other than oneself.
    public static let logTimeForOthers = AccessAction("labor.logForOthers")
    /// See labor costs: employees' rates and the cost of their time.
    public static let readLaborCosts = AccessAction("labor.readCosts")

    /// Change the desk's workflow (statuses and transitions).
    public static let configureWorkflow = AccessAction("config.workflow")
    /// Change SLA policies.
    public static let configureSLA = AccessAction("config.sla")
    /// Change working calendars.
    public static let configureCalendars = AccessAction("config.calendars")
    /// Define roles and grant them to employees.
    public static let manageRoles = AccessAction("config.roles")
    /// Define, change and read automation rules.
    public static let configureAutomation = AccessAction("config.automation")

    /// Read the knowledge base at all (public articles). Not a role permission: the standard policy
    /// lets every active employee, contact and free-text client read; a custom policy may refuse it.
    public static let readKnowledge = AccessAction("kb.read")
    /// Read the internal sections of the knowledge base.
    public static let readInternalKnowledge = AccessAction("kb.readInternal")
    /// Write and publish knowledge-base articles.
    public static let editKnowledge = AccessAction("kb.edit")

    /// What a ticket permission concerns: these are checked against the ticket's group, category
    /// and assignee; every other permission concerns the desk as a whole.
    public static let ticketPermissions: Set<AccessAction> = [
        .readTicket, .createTicket, .editTicket, .replyPublicly, .attachFiles, .writeInternalNote, .readInternal,
        .manageTickets, .logTime, .logTimeForOthers, .settleWork, .rateTicket,
    ]

    /// Every permission the engine checks.
    public static let allPermissions: Set<AccessAction> = ticketPermissions.union([
        .readCatalog, .readDirectory, .manageDirectory, .readClients, .manageClients, .readBilling,
        .topUpBalance, .adjustBalance, .invoice, .editPriceList, .readLaborCosts, .readReports, .deliverEvents,
        .configureWorkflow, .configureSLA, .configureCalendars, .manageRoles, .readInternalKnowledge, .editKnowledge,
        .configureAutomation, .handleEmail, .planWork,
    ])

    /// The ticket levels of Zammad-style group access: read, create, change, full.
    public enum TicketLevel: String, CaseIterable, Hashable, Sendable, Codable {
        /// See tickets and their public conversation.
        case read
        /// See them and file new ones.
        case create
        /// Also reply, attach, write internal notes and change fields and status.
        case change
        /// Everything, including merging, linking and moving tickets between clients.
        case full

        /// The ticket permissions of this level (internal notes and labor are granted separately
        /// below `change`).
        public var permissions: Set<AccessAction> {
            switch self {
            case .read: [.readTicket, .readCatalog]
            case .create: [.readTicket, .readCatalog, .createTicket]
            case .change:
                [.readTicket, .readCatalog, .createTicket, .editTicket, .replyPublicly, .attachFiles, .writeInternalNote,
                 .readInternal, .logTime]
            case .full: TicketLevel.change.permissions.union([.manageTickets])
            }
        }
    }
}
