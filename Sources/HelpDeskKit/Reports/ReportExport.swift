import Foundation

/// A report row that can be written as CSV and JSON.
///
/// A new row type belongs in ``ReportExport/rowTypes``; the test suite checks its columns
/// (snake_case names, units in the name) from there.
public protocol ReportRow: Encodable, Sendable {
    /// The CSV columns, in order: names and units.
    static var csvColumns: [ReportColumn] { get }
    /// This row's CSV fields, in ``csvColumns`` order.
    var csvFields: [String] { get }
}

extension ReportRow {
    /// The CSV column names, in order.
    public static var csvHeader: [String] { csvColumns.map(\.name) }
}

/// Writes report rows as CSV (RFC 4180) or JSON.
public enum ReportExport {
    /// Every row type the reports of ``ReportEngine`` return, i.e. every CSV a host can export.
    public static var rowTypes: [any ReportRow.Type] {
        [
            SLAComplianceRow.self, ResponseTimeRow.self, BacklogRow.self, ResolutionQualityRow.self,
            SatisfactionRow.self, FeedbackCommentRow.self, EmployeeRankingRow.self, LaborRow.self,
            ProfitabilityRow.self, TicketCountRow.self,
        ]
    }

    /// CSV in UTF-8: a header line, then one line per row; fields containing a comma, quote, CR or LF
    /// are quoted with inner quotes doubled; every line ends with CRLF.
    ///
    /// - Complexity: O(total text length).
    public static func csv<Row: ReportRow>(_ rows: [Row]) -> String {
        var text = line(Row.csvHeader)
        for row in rows { text += line(row.csvFields) }
        return text
    }

    /// The CSV bytes (UTF-8) of `rows`.
    public static func csvData<Row: ReportRow>(_ rows: [Row]) -> Data { Data(csv(rows).utf8) }

    /// One CSV field, quoted when it must be.
    public static func field(_ value: String) -> String {
        let needsQuotes = value.utf8.contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 13 || $0 == 10
        }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// Deterministic JSON: sorted keys, ISO 8601 instants, the rows as an array.
    public static func json<Row: ReportRow>(_ rows: [Row]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(rows)
    }
}

/// CSV text of common field types.
enum CSVText {
    static func of(_ value: Int?) -> String { value.map(String.init) ?? "" }
    static func of(_ value: Int64?) -> String { value.map(String.init) ?? "" }
    /// A fraction or mean with up to four decimals, fixed so output is stable.
    static func of(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "" }
    static func of(_ value: Date?) -> String {
        value.map { $0.formatted(.iso8601) } ?? ""
    }
    static func key(_ key: ReportKey) -> [String] { [key.dimension.rawValue, key.value ?? "", key.label ?? ""] }
    /// The columns of ``key(_:)``: the dimension, the key's value and its label.
    static let keyColumns = [
        ReportColumn("dimension", .text), ReportColumn("key", .text), ReportColumn("label", .text),
    ]
}
