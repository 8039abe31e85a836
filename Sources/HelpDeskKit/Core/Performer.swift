/// Who performed an action: an employee, a client, or the engine itself.
public enum Performer: Hashable, Sendable, Codable, CustomStringConvertible {
    /// An employee of the service company.
    case employee(EmployeeID)
    /// A registered contact of a client company.
    case contact(ContactID)
    /// A client not (yet) registered as a contact, e.g. the sender of an email.
    case client(name: String)
    /// The engine's own time-driven work (postponed tickets returning, SLA, reminders).
    case system

    /// `true` for the client side: a contact or an unregistered client.
    public var isClient: Bool {
        switch self {
        case .contact, .client: true
        case .employee, .system: false
        }
    }

    /// The employee behind the action, if any.
    public var employeeID: EmployeeID? {
        if case .employee(let id) = self { id } else { nil }
    }

    public var description: String {
        switch self {
        case .employee(let id): "employee:\(id)"
        case .contact(let id): "contact:\(id)"
        case .client(let name): "client:\(name)"
        case .system: "system"
        }
    }
}
