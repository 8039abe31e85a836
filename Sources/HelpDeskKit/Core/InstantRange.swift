import Foundation
import WorkingTime

/// The instants the desk accepts in commands and reads: WorkingTime's supported range,
/// 1900-01-01T00:00:00Z ..< 2400-01-01T00:00:00Z (``SupportedInstants``).
///
/// Between two such instants every count of days or seconds, every ledger timestamp and every
/// working-time computation fits its integer type, so a checked instant cannot trap later. An
/// instant outside the range (or not finite) is rejected with
/// `.invalidInput(field:problem: .outOfRange(InstantRange.seconds))`: the bounds are whole seconds
/// since 1970. Work dates (``LocalDate``) are held to the same years, ``workDateYears``.
public enum InstantRange {
    /// The accepted instants as whole seconds since 1970-01-01T00:00:00Z, as reported in the error.
    public static let seconds = Int(SupportedInstants.seconds.lowerBound)...Int(SupportedInstants.seconds.upperBound)
    /// The years a work date may be in, as reported in the error.
    public static let workDateYears = 1900...2399

    /// `true` when `instant` may be given to the desk as an instant.
    public static func contains(_ instant: Date) -> Bool { SupportedInstants.contains(instant) }

    /// `true` when `end` may be given as the exclusive end of a period (the range's end included).
    public static func containsEnd(_ end: Date) -> Bool { contains(end) || end == SupportedInstants.upperBound }

    /// Whole days from `start` to `end`, truncated toward zero; saturates at `Int.min` / `Int.max`
    /// when the span does not fit (only instants far outside the range are that far apart, e.g.
    /// records stored before the range was checked), and is 0 for a span that is not a number.
    static func wholeDays(from start: Date, to end: Date) -> Int {
        let days = (end.timeIntervalSince(start) / 86_400).rounded(.towardZero)
        if days.isNaN { return 0 }
        return Int(exactly: days) ?? (days < 0 ? .min : .max)
    }

    /// The error for an instant outside the range.
    static func error(_ field: String) -> HelpDeskError { .invalidInput(field: field, problem: .outOfRange(seconds)) }
}

extension Validate {
    /// Rejects an instant outside ``InstantRange``.
    static func instant(_ instant: Date, field: String) throws(HelpDeskError) {
        guard InstantRange.contains(instant) else { throw InstantRange.error(field) }
    }

    /// Rejects an instant outside ``InstantRange``; `nil` passes.
    static func instant(_ instant: Date?, field: String) throws(HelpDeskError) {
        if let instant { try Validate.instant(instant, field: field) }
    }

    /// Rejects an exclusive end outside ``InstantRange`` (the range's own end is accepted); `nil` passes.
    static func end(_ end: Date?, field: String) throws(HelpDeskError) {
        if let end, !InstantRange.containsEnd(end) { throw InstantRange.error(field) }
    }

    /// Rejects a half-open period whose start or end lies outside ``InstantRange``.
    static func period(_ period: Range<Date>, field: String) throws(HelpDeskError) {
        guard InstantRange.contains(period.lowerBound), InstantRange.containsEnd(period.upperBound) else {
            throw InstantRange.error(field)
        }
    }

    /// Rejects a work date outside ``InstantRange/workDateYears``.
    static func workDate(_ date: LocalDate, field: String) throws(HelpDeskError) {
        guard InstantRange.workDateYears.contains(date.year) else {
            throw .invalidInput(field: field, problem: .outOfRange(InstantRange.workDateYears))
        }
    }
}
