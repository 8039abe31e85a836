/// A performer resolved against the directory: who is acting, with the record behind them.
///
/// The engine resolves every command's and read's ``Performer`` into a principal before it asks
/// the ``AccessPolicy``: an employee must exist and be active, a contact must exist and be
/// active, a free-text client's name must not be blank.
public enum Principal: Hashable, Sendable {
    /// An active employee, with the roles their grants resolve to.
    case employee(Employee, StaffAuthority)
    /// An active contact of a client company, with its portal authority.
    case contact(Contact, ContactAuthority)
    /// A client known only by name (an email sender not registered as a contact).
    case client(name: String)
    /// The engine's own time-driven work, and the host's trusted back office.
    case system

    /// `true` for a contact or a free-text client: someone who sees only what clients may.
    public var isClient: Bool {
        switch self {
        case .contact, .client: true
        case .employee, .system: false
        }
    }

    /// The performer this principal was resolved from.
    public var performer: Performer {
        switch self {
        case .employee(let employee, _): .employee(employee.id)
        case .contact(let contact, _): .contact(contact.id)
        case .client(let name): .client(name: name)
        case .system: .system
        }
    }
}
