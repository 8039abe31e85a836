/// How urgent a ticket is; ordered from `low` to `critical`.
public enum Priority: Int, CaseIterable, Comparable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// Can wait.
    case low = 0
    /// The usual case.
    case normal = 1
    /// Work of the client is impaired.
    case high = 2
    /// Work of the client has stopped.
    case critical = 3

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .low: "low"
        case .normal: "normal"
        case .high: "high"
        case .critical: "critical"
        }
    }
}
