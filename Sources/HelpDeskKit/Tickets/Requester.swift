/// Who asked for the work: a registered contact, or free text such as a caller's name and phone.
public enum Requester: Hashable, Sendable, Codable, CustomStringConvertible {
    /// A registered contact of a client company.
    case contact(ContactID)
    /// Free text, e.g. "Ivan Petrov, +7 912 000-00-00"; never blank.
    case freeText(String)

    /// The requester as a performer of actions (a client).
    public var performer: Performer {
        switch self {
        case .contact(let id): .contact(id)
        case .freeText(let text): .client(name: text)
        }
    }

    /// A deterministic sort key: contacts (by identifier) before free-text requesters (by text).
    public var sortKey: String {
        switch self {
        case .contact(let id): "0" + id.description
        case .freeText(let text): "1" + text.lowercased()
        }
    }

    public var description: String {
        switch self {
        case .contact(let id): "contact:\(id)"
        case .freeText(let text): text
        }
    }
}
