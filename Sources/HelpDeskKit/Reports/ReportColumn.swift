/// What the values of one CSV column measure, so a reader knows the unit without the documentation.
///
/// Column names are snake_case, and every quantity with a unit says it in the name's last word:
/// money `…_minor`, durations `…_seconds`, `…_minutes` or `…_hours`, shares `…_percent`, instants `…_at`.
public enum ReportUnit: String, CaseIterable, Hashable, Sendable, Codable {
    /// Text: a dimension, a key, a label, an identifier or a comment.
    case text
    /// A whole number of things (tickets, clocks, entries, ratings).
    case count
    /// A 1-based position.
    case rank
    /// Points on a rating scale (e.g. 1…5).
    case score
    /// A share in percent, 0…100, printed with four decimals; the name ends in `_percent`.
    case percent
    /// Money as whole minor units (kopecks, cents) of the row's `currency` column; the name ends in `_minor`.
    case minorUnits
    /// An ISO 4217 currency code; the column is named `currency`.
    case currency
    /// A duration in seconds; the name ends in `_seconds`.
    case seconds
    /// A duration in whole minutes; the name ends in `_minutes`.
    case minutes
    /// A duration in hours, printed with four decimals; the name ends in `_hours`.
    case hours
    /// An instant in ISO 8601 UTC; the name ends in `_at`.
    case instant
    /// `true` or `false`.
    case flag
}

/// One CSV column of a report: its snake_case name and the unit of its values.
public struct ReportColumn: Hashable, Sendable {
    /// The header text, snake_case.
    public let name: String
    /// What the values measure.
    public let unit: ReportUnit

    /// Describes a column.
    public init(_ name: String, _ unit: ReportUnit) {
        self.name = name
        self.unit = unit
    }
}
