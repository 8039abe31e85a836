/// Where a reply's quoted earlier mail starts: an attribution line (`On … wrote:`, «… пишет:»,
/// Mail.ru's «… от Иван <a@b.ru>:», also wrapped over two lines), an Outlook separator or header
/// block (`From:`/«От:» followed by `Sent:`/«Отправлено:»/`Date:`), or the trailing `>` block.
enum QuoteMarkers {
    static let attributionEndings = [
        "wrote:", "writes:", "wrote :", "пишет:", "написал:", "написала:", "написал(а):", "написал(-а):", "писал:",
        "писал(а):", "пишет :",
    ]
    static let separators = ["original message", "исходное сообщение", "оригинальное сообщение", "original-nachricht"]
    static let forwards = [
        "forwarded message", "begin forwarded message", "пересылаемое сообщение", "переадресованное сообщение",
        "forwarded by", "пересланное сообщение",
    ]

    /// How far ``isMarker(_:_:end:)`` looks ahead: a line further than this before `end` is a marker
    /// or not whatever `end` is.
    static let lookahead = 5

    /// The first marker line of the whole text, or `nil` (the start of every later search).
    static func firstMarker(_ lines: TextLines) -> Int? {
        (0..<lines.count).first { isMarker(lines, $0, end: lines.count) }
    }

    /// The first line of the quote within lines `0..<end`, or `nil` when there is none or nothing is
    /// above it. `firstMarker` is ``firstMarker(_:)``: a shorter region only loses markers (their
    /// look-ahead is cut), so only the last lines before `end` are looked at again.
    static func start(_ lines: TextLines, end: Int, firstMarker: Int?) -> Int? {
        var marker: Int?
        if let first = firstMarker {
            let settled = end - lookahead
            marker = first < settled ? first : (max(0, settled)..<end).first { isMarker(lines, $0, end: end) }
        }
        let block = trailingBlock(lines, end: end)
        let candidates = [marker, block].compactMap { $0 }
        guard let first = candidates.min(), lines.hasContent(before: first) else { return nil }
        return first
    }

    /// The first line of the `>` lines (blank lines between allowed) that run to `end`.
    static func trailingBlock(_ lines: TextLines, end: Int) -> Int? {
        var first: Int?
        var index = end - 1
        while index >= 0 {
            if lines.isBlank(index) {
            } else if lines.trimmed(index).hasPrefix(">") {
                first = index
            } else {
                break
            }
            index -= 1
        }
        return first
    }

    static func isMarker(_ lines: TextLines, _ index: Int, end: Int) -> Bool {
        let line = lines.trimmed(index)
        if line.isEmpty || line.hasPrefix(">") { return false }
        if line.hasPrefix("---") {
            let lowered = line.lowercased()
            if separators.contains(where: { lowered.contains($0) }) { return true }
        }
        if isAttribution(line) { return true }
        if index + 1 < end && !line.hasSuffix(":") {
            let next = lines.trimmed(index + 1)
            if next.hasSuffix(":") && mayStartAttribution(line) && isAttribution(line + " " + next) { return true }
        }
        if line.count >= 10 && line.allSatisfy({ $0 == "_" }) {
            if followsForward(lines, index) { return false }
            let next = (index + 1..<min(index + 4, end)).first { !lines.isBlank($0) }
            return next.map { isFromLine(lines.trimmed($0)) } ?? false
        }
        if isFromLine(line) {
            if followsForward(lines, index) { return false }
            return (index + 1..<min(index + 5, end)).contains { isSentLine(lines.trimmed($0)) }
        }
        return false
    }

    /// `On 1 Dec 2026, at 10:00, Name <a@b> wrote:`, `01.12.2026 10:00, Иван пишет:`, or Mail.ru's
    /// and Yandex's date-and-address line ending in `>:`.
    static func isAttribution(_ line: String) -> Bool {
        guard line.hasSuffix(":"), line.utf8.count <= 600 else { return false }
        let lowered = line.lowercased()
        if attributionEndings.contains(where: { lowered.hasSuffix($0) }) {
            return line.hasPrefix("On ") || line.contains { $0.isNumber } || line.contains("@")
        }
        return line.hasSuffix(">:") && line.contains("@") && line.contains { $0.isNumber }
    }

    static func mayStartAttribution(_ line: String) -> Bool {
        line.utf8.count <= 400 && (line.hasPrefix("On ") || line.contains { $0.isNumber })
    }

    /// `From:`, «От:» (also Outlook's bold `*From:*` in text).
    static func isFromLine(_ line: String) -> Bool {
        let lowered = line.drop { $0 == "*" }.lowercased()
        return lowered.hasPrefix("from:") || lowered.hasPrefix("от:") || lowered.hasPrefix("от кого:")
    }

    static func isSentLine(_ line: String) -> Bool {
        let lowered = line.drop { $0 == "*" }.lowercased()
        return ["sent:", "отправлено:", "date:", "дата:"].contains { lowered.hasPrefix($0) }
    }

    /// `true` when the nearest line above with content announces a forwarded message (kept as content).
    static func followsForward(_ lines: TextLines, _ index: Int) -> Bool {
        guard let previous = (0..<index).last(where: { !lines.isBlank($0) }) else { return false }
        let lowered = lines.trimmed(previous).lowercased()
        return forwards.contains { lowered.contains($0) }
    }
}
