import Foundation

/// The golden corpus (`Tests/MailTests/Corpus`): each `NN-name.eml` with its expected parse `NN-name.json`.
enum GoldenCorpus {
    /// The keys an expected-parse file may hold (see the corpus README).
    static let knownKeys: Set<String> = [
        "subject", "from", "to", "cc", "replyTo", "date", "messageID", "inReplyTo", "references", "returnPath",
        "text", "textContains", "textLacks", "hasHTML", "attachments", "problems", "classification",
        "failedRecipients", "reply", "hasQuote", "hasSignature",
    ]

    /// The keys an expected attachment may hold.
    static let attachmentKeys: Set<String> = ["fileName", "mediaType", "byteCount", "headHex", "contentID", "isInline"]

    /// The corpus folder inside the test bundle.
    static var folder: URL? { Bundle.module.url(forResource: "Corpus", withExtension: nil) }

    /// The messages' names without extension (`01-utf8-plain`), sorted.
    static let names: [String] = {
        guard let folder, let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            return []
        }
        return files.filter { $0.hasSuffix(".eml") }.map { String($0.dropLast(4)) }.sorted()
    }()

    /// The bytes of message `name`, or `nil` when it cannot be read.
    static func message(_ name: String) -> [UInt8]? {
        guard let folder,
            let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name + ".eml").path)
        else { return nil }
        return [UInt8](data)
    }

    /// The expected parse of message `name` (a JSON object), or `nil` when missing or not an object.
    static func expected(_ name: String) -> [String: Any]? {
        guard let folder,
            let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name + ".json").path),
            let object = try? JSONSerialization.jsonObject(with: data)
        else { return nil }
        return object as? [String: Any]
    }

    /// Every message of the corpus, in name order.
    static func allMessages() -> [(name: String, bytes: [UInt8])] {
        names.compactMap { name in message(name).map { (name, $0) } }
    }

    /// `text` with CRLF turned into LF and white space trimmed at both ends, as the corpus compares texts.
    static func normalized(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// An instant as the corpus writes it: ISO 8601 in UTC, whole seconds (`2026-12-01T06:15:00Z`).
    static func iso(_ date: Date?) -> String? {
        guard let date else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// A JSON value that is a string or `null`, as `String?` (`nil` for null); `.none` when it is neither.
    static func optionalString(_ value: Any?) -> String?? {
        if value is NSNull { return .some(nil) }
        if let string = value as? String { return .some(string) }
        return .none
    }

    /// The first ≤ 8 bytes in lowercase hex.
    static func headHex(_ bytes: [UInt8]) -> String {
        bytes.prefix(8).map { String(format: "%02x", $0) }.joined()
    }
}
