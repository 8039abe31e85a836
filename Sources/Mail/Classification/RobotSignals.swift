import Foundation

/// The header and text evidence that a robot wrote a message: automatic-reply headers, absence
/// wording (English and Russian), list headers.
enum RobotSignals {
    /// Headers whose presence alone says the sender is a robot (any value but `no`/`false`).
    static let robotHeaders = ["X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress"]

    /// Evidence of an automatic message: `Auto-Submitted` other than `no`, the robot headers,
    /// `Precedence: auto_reply`.
    static func automaticEvidence(_ headers: MailHeaders) -> [String] {
        var reasons: [String] = []
        if let value = headers["Auto-Submitted"] {
            let token = firstToken(value)
            if !token.isEmpty && token != "no" { reasons.append("Auto-Submitted: \(token)") }
        }
        for name in robotHeaders {
            if let value = headers[name] {
                let token = firstToken(value)
                if token != "no" && token != "false" { reasons.append("\(name): \(value)") }
            }
        }
        if headers.values("Precedence").contains(where: { firstToken($0) == "auto_reply" }) {
            reasons.append("Precedence: auto_reply")
        }
        return reasons
    }

    /// Evidence of a list or bulk sender.
    static func listEvidence(_ headers: MailHeaders) -> [String] {
        var reasons: [String] = []
        for name in ["List-Id", "List-Unsubscribe", "List-Post"] where headers.contains(name) { reasons.append(name) }
        for value in headers.values("Precedence") {
            let token = firstToken(value)
            if ["bulk", "list", "junk"].contains(token) { reasons.append("Precedence: \(token)") }
        }
        return reasons
    }

    /// Subjects that are absence notices whatever the headers say (at the subject's start).
    static let unmistakableSubjects = [
        "out of office", "out of the office", "automatic reply:", "autoreply:", "auto-reply:", "auto reply:",
        "автоответ", "автоматический ответ", "нет на месте", "отсутствую",
    ]
    /// Wording of an absence notice, looked for in the subject and the text's beginning.
    static let absenceWords = [
        "out of office", "out of the office", "automatic reply", "autoreply", "auto-reply", "i am out of the office",
        "i'm out of the office", "i am away", "i'm away", "on vacation", "on holiday", "on leave",
        "away from the office",
        "автоответ", "автоматический ответ", "нет на месте", "в отпуске", "отсутствую", "не в офисе", "в командировке",
        "вне офиса",
    ]

    static let absenceWordBytes = absenceWords.map { Array($0.utf8) }

    /// `true` when `needle` occurs in `haystack` (bytes: faster than `String.contains` on Cyrillic).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == first {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// Evidence of an absence notice: a robot header plus absence wording (or `Auto:` subject), or an
    /// unmistakable subject alone.
    static func absenceEvidence(_ message: MailMessage, hasRobotHeader: Bool) -> [String] {
        let subject = message.subject.lowercased().trimmingCharacters(in: .whitespaces)
        if let prefix = unmistakableSubjects.first(where: { subject.hasPrefix($0) }) {
            return ["absence subject: \(prefix)"]
        }
        guard hasRobotHeader else { return [] }
        if subject.hasPrefix("auto:") { return ["absence subject: auto:"] }
        if let word = absenceWords.first(where: { subject.contains($0) }) { return ["absence subject: \(word)"] }
        let text = Array(String(message.text.prefix(2_000)).lowercased().utf8)
        if let index = absenceWordBytes.firstIndex(where: { contains(text, $0) }) {
            return ["absence text: \(absenceWords[index])"]
        }
        return []
    }

    /// A header value's first token, lowercased (`auto-replied; owner=…` → `auto-replied`).
    static func firstToken(_ value: String) -> String {
        let token = value.split(whereSeparator: { $0 == ";" || $0 == " " || $0 == "\t" || $0 == "(" }).first ?? ""
        return token.lowercased()
    }
}
