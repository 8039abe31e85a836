/// A failure reported by a storage adapter.
public struct StorageError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The broad kind of failure, which decides what a caller can do about it.
    public enum Kind: String, Hashable, Sendable, Codable {
        /// Another writer changed the data first (revision mismatch, taken key): retry the command.
        case conflict
        /// The store cannot be reached or is closed.
        case unavailable
        /// Stored data failed an integrity check.
        case corrupted
        /// The operating system reported an I/O failure.
        case ioFailure
        /// Anything else.
        case other
    }

    /// The kind of failure.
    public var kind: Kind
    /// A human-readable explanation for logs.
    public var message: String
    /// The adapter's own error behind this one (a file-store or database error), kept as a value.
    /// Not part of equality: two failures of the same kind and message are equal.
    public var cause: (any Error & Sendable)?

    /// Describes a storage failure.
    public init(_ kind: Kind, _ message: String, cause: (any Error & Sendable)? = nil) {
        self.kind = kind
        self.message = message
        self.cause = cause
    }

    public static func == (lhs: StorageError, rhs: StorageError) -> Bool {
        lhs.kind == rhs.kind && lhs.message == rhs.message
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(message)
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}
