import Foundation

/// The value of a host-defined custom field on a ticket.
public enum CustomFieldValue: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Free text.
    case text(String)
    /// A whole number.
    case integer(Int64)
    /// Yes or no.
    case flag(Bool)
    /// A point in time.
    case instant(Date)

    public var description: String {
        switch self {
        case .text(let value): value
        case .integer(let value): String(value)
        case .flag(let value): value ? "true" : "false"
        case .instant(let value): value.formatted(.iso8601)
        }
    }
}
