/// One mailbox of an address header: `"Иван Петров" <ivan@example.ru>`.
public struct MailAddress: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The display name, decoded (RFC 2047) and unquoted; `nil` when there is none.
    public var name: String?
    /// The address as written, `local@domain` (no angle brackets); may lack a domain in broken mail.
    public var address: String

    /// Describes a mailbox.
    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }

    /// The address lowercased, for comparisons (mail addresses are matched case-insensitively).
    public var normalized: String { address.lowercased() }

    /// The part before the last `@` (the whole address when there is none).
    public var localPart: Substring {
        guard let at = address.lastIndex(of: "@") else { return address[...] }
        return address[..<at]
    }

    /// The part after the last `@`, or an empty string.
    public var domain: Substring {
        guard let at = address.lastIndex(of: "@") else { return "" }
        return address[address.index(after: at)...]
    }

    public var description: String {
        guard let name, !name.isEmpty else { return "<\(address)>" }
        return "\(name) <\(address)>"
    }
}
