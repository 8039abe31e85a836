/// Where a signature starts: the `-- ` line, a mobile client's line («Отправлено с iPhone», "Sent
/// from my Android"), or a closing («С уважением,», "Best regards,") followed by at most six
/// short lines to the end.
enum SignatureMarkers {
    /// Closings that may carry a name on the same line (`С уважением, Иван`).
    static let closings = [
        "с уважением", "best regards", "kind regards", "regards", "best wishes", "warm regards", "with best regards",
        "sincerely", "yours sincerely", "cheers", "всего доброго", "всего хорошего", "с наилучшими пожеланиями",
        "с уважением и наилучшими пожеланиями",
    ]
    /// Closings that only count alone on their line and followed by a name (`Спасибо,` / `Иван`).
    static let thanks = ["спасибо", "thanks", "thank you", "заранее спасибо", "thanks in advance", "best"]
    static let mobile = [
        "sent from my ", "sent from mail for windows", "sent from outlook", "sent from yahoo", "sent via ",
        "get outlook for ", "отправлено с ", "отправлено из ", "sent from samsung", "sent from gmail",
    ]

    /// The first `-- ` line with content above it, or `nil` (a delimiter counts wherever it is).
    static func delimiter(_ lines: TextLines) -> Int? {
        (0..<lines.count).first { lines[$0] == "-- " && lines.hasContent(before: $0) }
    }

    /// The first signature line within lines `0..<end` (something must be above it), or `nil`.
    /// Besides the `-- ` delimiter (``delimiter(_:)``), a marker needs at most six lines with content
    /// after it, so only the last seven such lines before `end` are looked at.
    static func start(_ lines: TextLines, end: Int, delimiter: Int?) -> Int? {
        var window = end
        var seen = 0
        while window > 0 {
            if !lines.isBlank(window - 1) {
                seen += 1
                if seen > 7 { break }
            }
            window -= 1
        }
        let marker = (window..<end).first { isMarker(lines, $0, end: end) }
        guard let delimiter, delimiter < end else { return marker }
        return min(delimiter, marker ?? delimiter)
    }

    /// `true` when line `index` starts a signature of the region `0..<end`.
    static func isMarker(_ lines: TextLines, _ index: Int, end: Int) -> Bool {
        guard lines.hasContent(before: index) else { return false }
        let raw = lines[index]
        if raw == "-- " { return true }
        let line = lines.trimmed(index)
        let lowered = line.lowercased()
        if raw == "--" { return shortTail(lines, after: index, end: end, minimum: 0) }
        if line.count <= 80 && mobile.contains(where: { lowered.hasPrefix($0) }) {
            return shortTail(lines, after: index, end: end, minimum: 0)
        }
        let bare = String(lowered.reversed().drop { ",.!:;".contains($0) || $0 == " " }.reversed())
        if thanks.contains(bare) { return shortTail(lines, after: index, end: end, minimum: 1) }
        if closings.contains(bare) { return shortTail(lines, after: index, end: end, minimum: 0) }
        if let closing = closings.first(where: { bare.hasPrefix($0 + ",") }) {
            let name = bare.dropFirst(closing.count + 1).trimmingCharacters(in: .whitespaces)
            let isName = !name.isEmpty && name.count <= 40 && name.split(separator: " ").count <= 4
            return isName && shortTail(lines, after: index, end: end, minimum: 0)
        }
        return false
    }

    /// `true` when lines after `index` up to `end` hold between `minimum` and 6 non-blank lines of at most 72 characters.
    static func shortTail(_ lines: TextLines, after index: Int, end: Int, minimum: Int) -> Bool {
        var count = 0
        for line in index + 1..<max(index + 1, end) where !lines.isBlank(line) {
            count += 1
            if count > 6 || lines.trimmed(line).count > 72 { return false }
        }
        return count >= minimum
    }
}
