import Foundation
import SeededRandom
import Testing

@testable import Mail

/// Seeded random texts built from content lines and every kind of marker.
@Suite("Reply splitter: properties")
struct ReplyTextPropertyTests {
    static let content = [
        "Принтер не печатает.", "The VPN drops every hour.", "Добрый день!", "Please call me back.",
        "Спасибо, всё работает.",
        "From the second floor nothing works.", "a", "  indented line", "Счёт № 42 от 1 декабря", "2 + 2 = 4",
        "Thanks, it prints now.", String(repeating: "длинная строка ", count: 8), "🙂", "Ok",
    ]
    static let markers = [
        "On Mon, Dec 1, 2026 at 10:00 AM Help Desk <desk@desk.example> wrote:", "> quoted line", ">> deeper", ">",
        "01.12.2026 10:00, Служба поддержки пишет:", "Понедельник, 1 декабря 2026, 10:00 +03:00 от Иван <a@b.ru>:",
        "-----Original Message-----", "-----Исходное сообщение-----", "________________________________",
        "From: Help Desk",
        "От: Служба поддержки", "Sent: Monday", "Отправлено: понедельник", "Date: today", "-- ", "--",
        "Sent from my iPhone",
        "Отправлено с iPhone", "С уважением,", "С уважением, Иван", "Best regards,", "Regards,", "Спасибо,", "Thanks,",
        "On Mon, Dec 1, 2026 at 10:00 AM Long Name <", "desk@desk.example> wrote:",
        "---------- Forwarded message ---------",
        "", "   ", "\t",
    ]
    static let breaks = ["\n", "\r\n", "\r"]

    static func text(_ random: inout SplitMix64, markers: Bool) -> String {
        var text = ""
        for index in 0..<Int.random(in: 0...14, using: &random) {
            if index > 0 { text += breaks.randomElement(using: &random)! }
            let pool = markers && Bool.random(using: &random) ? Self.markers : Self.content
            text += pool.randomElement(using: &random)!
        }
        if Bool.random(using: &random) { text += "\n" }
        return text
    }

    @Test func replyIsATrimmedPrefixAndSplittingIsIdempotent() {
        var random = SplitMix64(seed: 2026)
        for _ in 0..<5_000 {
            let text = Self.text(&random, markers: true)
            let split = ReplyText.split(text)
            let leadingTrimmed = String(text.drop { $0.isWhitespace || $0.isNewline })
            #expect(leadingTrimmed.hasPrefix(split.reply), "\(text.debugDescription)")
            #expect(split.reply == split.reply.trimmingCharacters(in: .whitespacesAndNewlines))
            let again = ReplyText.split(split.reply)
            #expect(again.reply == split.reply, "\(text.debugDescription)")
            let hasContent = !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            #expect(split.reply.isEmpty == !hasContent, "\(text.debugDescription)")
            for piece in [split.quote, split.signature].compactMap({ $0 }) {
                #expect(text.contains(piece.components(separatedBy: .newlines).first ?? ""))
            }
        }
    }

    @Test func textWithoutMarkersIsUnchanged() {
        var random = SplitMix64(seed: 42)
        for _ in 0..<2_000 {
            let text = Self.text(&random, markers: false)
            let split = ReplyText.split(text)
            #expect(split.reply == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
            #expect(split.quote == nil && split.signature == nil)
        }
    }

    @Test func longHostileTextsStayFast() {
        let lines = (0..<50_000).map { $0 % 3 == 0 ? "From: x" : "С уважением," }.joined(separator: "\n")
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = ReplyText.split(lines) }
        #expect(elapsed < .seconds(5))
        _ = ReplyText.split(String(repeating: "_", count: 100_000))
        _ = ReplyText.split(String(repeating: "\r\n", count: 100_000))
        _ = ReplyText.split("")
    }
}

/// The splitter without its shortcuts: every pass looks at every line of the region.
enum NaiveReplySplit {
    static func reply(_ text: String) -> String {
        let lines = TextLines(text)
        var end = lines.count
        while true {
            var cut = false
            let marker = (0..<end).first { QuoteMarkers.isMarker(lines, $0, end: end) }
            let block = QuoteMarkers.trailingBlock(lines, end: end)
            if let first = [marker, block].compactMap({ $0 }).min(), lines.hasContent(before: first) {
                end = first
                cut = true
            }
            if let start = (0..<end).first(where: { SignatureMarkers.isMarker(lines, $0, end: end) }) {
                end = start
                cut = true
            }
            if !cut { break }
        }
        return lines.text(from: 0, to: end)
    }
}

extension ReplyTextPropertyTests {
    @Test func theShortcutsChangeNothing() {
        var random = SplitMix64(seed: 99)
        for _ in 0..<3_000 {
            let text = Self.text(&random, markers: true)
            #expect(ReplyText.split(text).reply == NaiveReplySplit.reply(text), "\(text.debugDescription)")
        }
    }
}
