import Foundation

/// Reads and writes lists of calendar exceptions (a production calendar) as CSV or JSON.
///
/// CSV format, UTF-8, one exception per line:
///
///     # comments and blank lines are ignored; an optional header line starts with "date,"
///     date,kind,intervals,note
///     2027-01-01,holiday,,New Year Holidays
///     2027-02-20,working,,Transferred working day
///     2027-03-05,shortened,09:00-13:00 14:00-17:00,Pre-holiday day
///     2027-12-31,working,10:00-15:00
///     2027-11-03,shortened,-01:00,Pre-holiday day: the usual day one hour shorter
///
/// - `date`: ISO `YYYY-MM-DD` local date;
/// - `kind`: `holiday` (no intervals), `shortened` (intervals, or a cut, required) or `working`
///   (an extra working day: intervals optional, empty means the schedule's standard workday);
/// - `intervals`: zero or more `HH:MM-HH:MM` (seconds optional) separated by spaces or `;`; or,
///   for `shortened`, a cut `-HH:MM`: the date's usual intervals (its weekday's, else the
///   standard workday) with that much taken off the end of the day;
/// - `note`: optional free text, the rest of the line (it may contain commas).
///
/// JSON format: an array of objects `{"date", "kind", "intervals"?, "note"?}` with the same
/// meanings, as produced by `JSONEncoder` for `[CalendarException]`.
public enum ExceptionFile {
    /// Parses the CSV format; errors carry the 1-based line number.
    ///
    /// - Complexity: O(n) in the length of the text.
    public static func parseCSV(_ text: String) throws(WorkingTimeError) -> [CalendarException] {
        var result: [CalendarException] = []
        var seen: [LocalDate: Int] = [:]
        var sawData = false
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if !sawData, line.lowercased().hasPrefix("date,") {
                sawData = true
                continue
            }
            sawData = true
            let exception: CalendarException
            do { exception = try parseLine(line) } catch {
                if case .malformed(_, let reason) = error { throw .malformed(line: lineNumber, reason: reason) }
                throw .malformed(line: lineNumber, reason: error.description)
            }
            if let first = seen[exception.date] {
                throw .malformed(line: lineNumber, reason: "duplicate date \(exception.date) (first on line \(first))")
            }
            seen[exception.date] = lineNumber
            result.append(exception)
        }
        return result
    }

    /// Reads and parses a CSV file.
    public static func parseCSV(contentsOf url: URL) throws(WorkingTimeError) -> [CalendarException] {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw .malformed(line: 0, reason: "cannot read \(url.path): \(error.localizedDescription)")
        }
        return try parseCSV(text)
    }

    /// Parses the JSON format (an array of exception objects).
    public static func parseJSON(_ data: Data) throws(WorkingTimeError) -> [CalendarException] {
        do { return try JSONDecoder().decode([CalendarException].self, from: data) } catch {
            throw .malformed(line: 0, reason: "invalid exception JSON: \(error)")
        }
    }

    /// Writes exceptions in the CSV format, with a header line, sorted by date.
    public static func formatCSV(_ exceptions: [CalendarException]) -> String {
        var text = "date,kind,intervals,note\n"
        for exception in exceptions.sorted(by: { $0.date < $1.date }) {
            let intervals =
                exception.cutText.map { "-" + $0 }
                ?? (exception.explicitIntervals ?? []).map(\.description).joined(separator: " ")
            let note = exception.note.replacingOccurrences(of: "\n", with: " ")
            text += "\(exception.date),\(exception.kindName),\(intervals)\(note.isEmpty ? "" : ",\(note)")\n"
        }
        return text
    }

    private static func parseLine(_ line: String) throws(WorkingTimeError) -> CalendarException {
        let fields = line.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard fields.count >= 2 else {
            throw .malformed(line: 0, reason: "expected date,kind[,intervals[,note]]")
        }
        let date = try LocalDate(parsing: fields[0])
        var intervals: [LocalInterval]? = nil
        var cut: WorkingDuration? = nil
        if fields.count >= 3, fields[2].hasPrefix("-") {
            cut = try LocalInterval.parseCut(String(fields[2].dropFirst()))
        } else if fields.count >= 3, !fields[2].isEmpty {
            var list: [LocalInterval] = []
            for token in fields[2].split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "\t" }) {
                list.append(try LocalInterval(parsing: String(token)))
            }
            intervals = list
        }
        let kind = try CalendarException.kind(named: fields[1].lowercased(), intervals: intervals, cut: cut)
        return CalendarException(date: date, kind: kind, note: fields.count == 4 ? fields[3] : "")
    }
}
