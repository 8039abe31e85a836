/// Why a recurrence rule or schedule was rejected.
public enum RecurrenceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Text that is not RRULE syntax, or a part this subset does not support.
    case malformed(String)
    /// A part whose value is outside its allowed range.
    case outOfRange(part: String, value: String)
    /// Parts that may not be combined (e.g. COUNT with UNTIL, BYSETPOS alone).
    case conflicting(String)

    /// A readable explanation.
    public var description: String {
        switch self {
        case .malformed(let reason): return "malformed recurrence rule: \(reason)"
        case .outOfRange(let part, let value): return "\(part)=\(value) is out of range"
        case .conflicting(let reason): return "conflicting recurrence parts: \(reason)"
        }
    }
}
