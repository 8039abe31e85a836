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

    /// Describes a storage failure.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}
