/// An amount of working time in whole seconds (never floating point).
///
/// `.days(n)` means `n × 86 400` seconds of *working time*, not `n` working days:
/// with an 8-hour workday, `.days(1)` takes three working days to elapse.
public struct WorkingDuration: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The number of seconds; may be negative as a value, but operations reject negative inputs.
    public var seconds: Int64

    /// Creates a duration of `seconds` seconds.
    public init(seconds: Int64) { self.seconds = seconds }

    /// No working time.
    public static let zero = WorkingDuration(seconds: 0)

    /// A duration of `n` seconds.
    public static func seconds(_ n: Int64) -> WorkingDuration { WorkingDuration(seconds: n) }
    /// A duration of `n` minutes.
    public static func minutes(_ n: Int64) -> WorkingDuration { WorkingDuration(seconds: n * 60) }
    /// A duration of `n` hours.
    public static func hours(_ n: Int64) -> WorkingDuration { WorkingDuration(seconds: n * 3_600) }
    /// A duration of `n × 24` hours of working time (not `n` working days).
    public static func days(_ n: Int64) -> WorkingDuration { WorkingDuration(seconds: n * 86_400) }

    /// Orders durations by their length.
    public static func < (lhs: WorkingDuration, rhs: WorkingDuration) -> Bool { lhs.seconds < rhs.seconds }
    /// The sum of two durations.
    public static func + (lhs: WorkingDuration, rhs: WorkingDuration) -> WorkingDuration {
        WorkingDuration(seconds: lhs.seconds + rhs.seconds)
    }
    /// The difference of two durations.
    public static func - (lhs: WorkingDuration, rhs: WorkingDuration) -> WorkingDuration {
        WorkingDuration(seconds: lhs.seconds - rhs.seconds)
    }

    /// Encodes as a bare integer number of seconds.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(seconds)
    }

    /// Decodes from a bare integer number of seconds.
    public init(from decoder: any Decoder) throws {
        seconds = try decoder.singleValueContainer().decode(Int64.self)
    }

    /// Renders as `[-]H:MM:SS`, e.g. `8:00:00`.
    public var description: String {
        let sign = seconds < 0 ? "-" : ""
        let magnitude = seconds.magnitude
        let h = magnitude / 3_600, m = magnitude / 60 % 60, s = magnitude % 60
        return "\(sign)\(h):\(m < 10 ? "0" : "")\(m):\(s < 10 ? "0" : "")\(s)"
    }
}
