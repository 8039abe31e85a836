import HelpDeskKit

/// Display names of employees, groups, categories and tickets, for printing.
struct Directory: Sendable {
    private var employees: [EmployeeID: String] = [:]
    private var groups: [GroupID: String] = [:]
    private var categories: [CategoryID: String] = [:]
    private var numbers: [TicketID: TicketNumber] = [:]
    private var contacts: [ContactID: String] = [:]
    /// Each employee's hourly rates on the day the desk was opened.
    var rates: [EmployeeID: EmployeeRate] = [:]

    /// Indexes the given records by identifier.
    init(employees: [Employee], groups: [SupportGroup], categories: [ServiceCategory]) {
        for employee in employees { self.employees[employee.id] = employee.name }
        for group in groups { self.groups[group.id] = group.name }
        for category in categories { self.categories[category.id] = category.name }
    }

    /// Remembers the names of client contacts.
    mutating func remember(_ contacts: [Contact]) {
        for contact in contacts { self.contacts[contact.id] = contact.name }
    }

    /// A requester by name: the contact's name, or the free text.
    func name(of requester: Requester) -> String {
        switch requester {
        case .contact(let id): contacts[id] ?? id.description
        case .freeText(let text): text
        }
    }

    /// Remembers the numbers of `tickets`, so links and merges print as `#1004`.
    mutating func remember(_ tickets: [Ticket]) {
        for ticket in tickets { numbers[ticket.id] = ticket.number }
    }

    /// The employee's name, or `-` for nobody.
    func name(of id: EmployeeID?) -> String {
        guard let id else { return "-" }
        return employees[id] ?? id.description
    }

    /// The group's name, or `-` for none.
    func name(of id: GroupID?) -> String {
        guard let id else { return "-" }
        return groups[id] ?? id.description
    }

    /// The category's name, or `-` for none.
    func name(of id: CategoryID?) -> String {
        guard let id else { return "-" }
        return categories[id] ?? id.description
    }

    /// The ticket's number as `#1004`, or its identifier when unknown.
    func number(of id: TicketID) -> String {
        numbers[id]?.description ?? id.description
    }

    /// Who performed an action, in words.
    func name(of performer: Performer) -> String {
        switch performer {
        case .employee(let id): name(of: id)
        case .client(let name): name + " (client)"
        case .contact(let id): contacts[id] ?? "contact \(id)"
        case .system: "system"
        }
    }

    /// The agent label of a status, e.g. `Waiting for client`.
    static func label(of status: StatusCode, in workflow: Workflow) -> String {
        workflow.status(status)?.agentLabel ?? status.rawValue
    }

    /// A channel in words, e.g. `web form`.
    static func label(of channel: Channel) -> String {
        switch channel {
        case .webForm: "web form"
        case .api: "API"
        default: channel.rawValue
        }
    }
}
