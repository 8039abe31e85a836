import Foundation

/// The instants the precomputed tables cover, as whole seconds since 1970 UTC.
enum SupportedRange {
    /// 1900-01-01T00:00:00Z.
    static let lower: Int64 = -2_208_988_800
    /// 2400-01-01T00:00:00Z (exclusive).
    static let upper: Int64 = 13_569_465_600

    /// The whole second at or before `date` (sub-second parts are truncated toward the past).
    static func seconds(_ date: Date) throws(WorkingTimeError) -> Int64 {
        let t = date.timeIntervalSince1970
        guard t.isFinite, t >= Double(lower), t < Double(upper) else { throw .instantOutOfRange(date) }
        return Int64(t.rounded(.down))
    }

    /// Like `seconds(_:)` but clamps to `lower ... upper` instead of throwing (NaN gives `nil`).
    static func clampedSeconds(_ date: Date) -> Int64? {
        let t = date.timeIntervalSince1970
        if t.isNaN { return nil }
        if t < Double(lower) { return lower }
        if t >= Double(upper) { return upper }
        return Int64(t.rounded(.down))
    }

    /// The `Date` of whole second `seconds`.
    static func date(_ seconds: Int64) -> Date { Date(timeIntervalSince1970: Double(seconds)) }
}

/// The instants every WorkingTime operation accepts: 1900-01-01T00:00:00Z ..< 2400-01-01T00:00:00Z.
///
/// Inputs outside it are rejected with ``WorkingTimeError/instantOutOfRange(_:)``. Higher layers
/// check their own inputs against it, so an instant they accept never fails here and every day
/// or second count between two such instants fits comfortably in 64 bits.
public enum SupportedInstants {
    /// The first supported instant, 1900-01-01T00:00:00Z.
    public static let lowerBound = SupportedRange.date(SupportedRange.lower)
    /// The first instant after the range, 2400-01-01T00:00:00Z (the exclusive end).
    public static let upperBound = SupportedRange.date(SupportedRange.upper)
    /// The supported whole seconds since 1970-01-01T00:00:00Z (closed: the last second of 2399 included).
    public static let seconds: ClosedRange<Int64> = SupportedRange.lower...(SupportedRange.upper - 1)

    /// `true` when `instant` is finite and within `lowerBound ..< upperBound`.
    public static func contains(_ instant: Date) -> Bool {
        let t = instant.timeIntervalSince1970
        return t.isFinite && t >= Double(SupportedRange.lower) && t < Double(SupportedRange.upper)
    }
}

/// Floor division for `Int64` (rounds toward negative infinity).
@inline(__always)
func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

/// Index of the first element `> value` in an ascending array (`count` if none).
///
/// - Complexity: O(log n).
@inline(__always)
func upperBound(_ array: [Int64], _ value: Int64) -> Int {
    array.withUnsafeBufferPointer { buffer in
        var low = 0
        var high = buffer.count
        while low < high {
            let mid = (low + high) >> 1
            if buffer[mid] <= value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

/// Index of the first element `>= value` in an ascending array (`count` if none).
///
/// - Complexity: O(log n).
@inline(__always)
func lowerBound(_ array: [Int64], _ value: Int64) -> Int {
    array.withUnsafeBufferPointer { buffer in
        var low = 0
        var high = buffer.count
        while low < high {
            let mid = (low + high) >> 1
            if buffer[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
