/// An amount of working time in whole seconds (never floating point).
///
/// `.days(n)` means `n × 86 400` seconds of *working time*, not `n` working days:
/// with an 8-hour workday, `.days(1)` takes three working days to elapse.
///
/// The factories and `+`/`-` saturate at `Int64.min`/`Int64.max` seconds instead of trapping:
/// such a duration lies billions of years beyond the supported range, so any deadline built
/// from it fails with ``WorkingTimeError/resultOutOfRange`` just as the exact value would.
public struct WorkingDuration: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The number of seconds; may be negative as a value, but operations reject negative inputs.
    public var seconds: Int64

    /// Creates a duration of `seconds` seconds.
    public init(seconds: Int64) { self.seconds = seconds }

    /// No working time.
    public static let zero = WorkingDuration(seconds: 0)

    /// A duration of `n` seconds.
    public static func seconds(_ n: Int64) -> WorkingDuration { WorkingDuration(seconds: n) }
    /// A duration of `n` minutes (saturating).
    public static func minutes(_ n: Int64) -> WorkingDuration { scaled(n, by: 60) }
    /// A duration of `n` hours (saturating).
    public static func hours(_ n: Int64) -> WorkingDuration { scaled(n, by: 3_600) }
    /// A duration of `n × 24` hours of working time (not `n` working days; saturating).
    public static func days(_ n: Int64) -> WorkingDuration { scaled(n, by: 86_400) }

    /// `n × unit` seconds, saturating (`unit` is positive).
    private static func scaled(_ n: Int64, by unit: Int64) -> WorkingDuration {
        let (product, overflow) = n.multipliedReportingOverflow(by: unit)
        return WorkingDuration(seconds: overflow ? (n < 0 ? .min : .max) : product)
    }

    /// Orders durations by their length.
    public static func < (lhs: WorkingDuration, rhs: WorkingDuration) -> Bool { lhs.seconds < rhs.seconds }
    /// The sum of two durations (saturating).
    public static func + (lhs: WorkingDuration, rhs: WorkingDuration) -> WorkingDuration {
        let (sum, overflow) = lhs.seconds.addingReportingOverflow(rhs.seconds)
        return WorkingDuration(seconds: overflow ? (rhs.seconds < 0 ? .min : .max) : sum)
    }
    /// The difference of two durations (saturating).
    public static func - (lhs: WorkingDuration, rhs: WorkingDuration) -> WorkingDuration {
        let (difference, overflow) = lhs.seconds.subtractingReportingOverflow(rhs.seconds)
        return WorkingDuration(seconds: overflow ? (rhs.seconds < 0 ? .max : .min) : difference)
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
        let h = magnitude / 3_600
        let m = magnitude / 60 % 60
        let s = magnitude % 60
        return "\(sign)\(h):\(m < 10 ? "0" : "")\(m):\(s < 10 ? "0" : "")\(s)"
    }
}
