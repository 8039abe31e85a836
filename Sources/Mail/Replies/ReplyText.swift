import Foundation

/// A reply's text split into what the writer wrote, the quoted earlier mail and the signature.
public struct ReplyText: Hashable, Sendable {
    /// What the writer wrote, without the quote and the signature, trimmed.
    public var reply: String
    /// The quoted earlier mail (from its header line, e.g. «пишет:», on), or `nil`.
    public var quote: String?
    /// The signature (after `-- `, «С уважением», "Sent from my iPhone", …), or `nil`.
    public var signature: String?

    /// Describes a split text.
    public init(reply: String, quote: String? = nil, signature: String? = nil) {
        self.reply = reply
        self.quote = quote
        self.signature = signature
    }

    /// Splits `text`, a message's text body (Gmail, Outlook, Apple Mail, Yandex, Mail.ru and
    /// Thunderbird quoting in Russian and English). The reply is the text above the first quote
    /// header (or the trailing `>` block) and above the signature, trimmed; it is never empty when
    /// the text has content, and splitting a reply again gives it back unchanged.
    public static func split(_ text: String) -> ReplyText {
        let lines = TextLines(text)
        var end = lines.count
        var quoteStart: Int?
        var signatureStart: Int?
        let firstMarker = QuoteMarkers.firstMarker(lines)
        let delimiter = SignatureMarkers.delimiter(lines)
        // Cutting a signature can leave a `>` block at the new end: repeat until nothing is cut.
        while true {
            var cut = false
            if let start = QuoteMarkers.start(lines, end: end, firstMarker: firstMarker) {
                end = start
                quoteStart = start
                cut = true
            }
            if let start = SignatureMarkers.start(lines, end: end, delimiter: delimiter) {
                end = start
                signatureStart = start
                cut = true
            }
            if !cut { break }
        }
        let quote = quoteStart.map { start in
            lines.text(from: start, to: signatureStart.map { $0 > start ? $0 : lines.count } ?? lines.count)
        }
        let signature = signatureStart.map { start in
            lines.text(from: start, to: quoteStart.map { $0 > start ? $0 : lines.count } ?? lines.count)
        }
        return ReplyText(
            reply: lines.text(from: 0, to: end), quote: quote.flatMap { $0.isEmpty ? nil : $0 },
            signature: signature.flatMap { $0.isEmpty ? nil : $0 })
    }
}

/// A text's lines (split at CRLF, CR or LF) with where each starts, for cutting the text itself.
struct TextLines {
    let text: String
    /// Each line without its line end.
    private(set) var lines: [Substring] = []
    /// Where each line starts in ``text``.
    private(set) var starts: [String.Index] = []
    /// The first line with content (``count`` when there is none).
    private(set) var firstContent = 0

    init(_ text: String) {
        self.text = text
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\n" || character == "\r\n" || character == "\r" {
                lines.append(text[start..<index])
                starts.append(start)
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        lines.append(text[start...])
        starts.append(start)
        firstContent = lines.firstIndex { !$0.allSatisfy(\.isWhitespace) } ?? lines.count
    }

    var count: Int { lines.count }

    subscript(index: Int) -> Substring { lines[index] }

    /// Line `index` without surrounding white space.
    func trimmed(_ index: Int) -> String {
        let line = lines[index]
        guard let first = line.firstIndex(where: { !$0.isWhitespace }),
            let last = line.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(line[first...last])
    }

    /// `true` when line `index` has nothing but white space.
    func isBlank(_ index: Int) -> Bool { lines[index].allSatisfy(\.isWhitespace) }

    /// `true` when a line before `index` has content.
    func hasContent(before index: Int) -> Bool { firstContent < index }

    /// Lines `from..<to` of the original text, trimmed.
    func text(from: Int, to: Int) -> String {
        let upper = to < count ? starts[to] : text.endIndex
        return text[starts[from]..<upper].trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
