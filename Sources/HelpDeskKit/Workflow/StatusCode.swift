/// The code of a host-configured ticket status, e.g. `in_progress`.
public struct StatusCode: RawRepresentable, Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The code text.
    public let rawValue: String

    /// Wraps a code.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Wraps a code.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        rawValue = value
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// The fixed meaning behind every configurable status.
public enum StatusCategory: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// Registered, nobody has started.
    case new
    /// In work.
    case open
    /// The clock is paused: waiting for the client, or postponed until a date.
    case waiting
    /// Work is done; the client may still object.
    case resolved
    /// Finished for good; the ticket is locked.
    case closed
    /// Withdrawn without work.
    case cancelled

    /// `true` while work is expected: `new`, `open` or `waiting`.
    public var isActive: Bool { self == .new || self == .open || self == .waiting }

    public var description: String { rawValue }
}

/// A status the host configures: labels for agents and clients, and its fixed category.
public struct TicketStatus: Hashable, Sendable, Codable {
    /// The status code stored on tickets.
    public var code: StatusCode
    /// Label shown to employees.
    public var agentLabel: String
    /// Label shown to clients.
    public var customerLabel: String
    /// The fixed meaning of the status.
    public var category: StatusCategory

    /// Describes a status.
    public init(_ code: StatusCode, agentLabel: String, customerLabel: String, category: StatusCategory) {
        self.code = code
        self.agentLabel = agentLabel
        self.customerLabel = customerLabel
        self.category = category
    }
}
