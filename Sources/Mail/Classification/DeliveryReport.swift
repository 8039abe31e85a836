import Foundation

/// Delivery failure reports: a DSN (`multipart/report; report-type=delivery-status`, RFC 3464) read
/// per recipient, or a mailer daemon's bounce from the null return path with a failure subject.
enum DeliveryReport {
    /// Subjects of mailer-daemon bounces (lowercased, looked for anywhere in the subject).
    static let failureSubjects = [
        "undelivered mail returned to sender", "delivery status notification (failure)", "mail delivery failed",
        "undeliverable", "delivery failure", "delivery has failed", "returned mail", "failure notice",
        "mail delivery subsystem", "could not be delivered", "недоставленное сообщение", "не удалось доставить",
        "сообщение не доставлено", "ошибка доставки",
    ]
    /// Local parts of bounce senders.
    static let daemonLocalParts = ["mailer-daemon", "postmaster", "mail-daemon", "mailerdaemon"]

    /// The bounce classification of `message`, or `nil` when it is not a delivery failure report.
    static func bounce(_ message: MailMessage) -> MailClassification? {
        let parts = message.root.allParts
        let isReport =
            message.root.mediaType == "multipart/report"
            && message.root.parameters["report-type"]?.lowercased() == "delivery-status"
        let statusParts = parts.filter {
            $0.mediaType == "message/delivery-status" || $0.mediaType == "message/global-delivery-status"
        }
        if isReport || !statusParts.isEmpty {
            var reasons = [isReport ? "multipart/report; report-type=delivery-status" : "message/delivery-status part"]
            var failed = statusParts.flatMap { failedRecipients(String(decoding: $0.body, as: UTF8.self)) }
            if failed.isEmpty { failed = headerRecipients(message.headers) }
            if failed.isEmpty { reasons.append("no failed recipient reported") }
            return MailClassification(kind: .bounce, failedRecipients: unique(failed), reasons: reasons)
        }
        guard message.returnPath == nil || message.returnPath == "" else { return nil }
        let senders = message.from + (message.sender.map { [$0] } ?? [])
        guard let daemon = senders.first(where: { daemonLocalParts.contains($0.localPart.lowercased()) }) else {
            return nil
        }
        let subject = message.subject.lowercased()
        guard let phrase = failureSubjects.first(where: { subject.contains($0) }) else { return nil }
        var failed = headerRecipients(message.headers)
        if failed.isEmpty { failed = textRecipients(message.text, excluding: senders.map(\.normalized)) }
        let path = message.returnPath == nil ? "no return path" : "null return path"
        return MailClassification(
            kind: .bounce, failedRecipients: unique(failed),
            reasons: [path, "sender \(daemon.normalized)", "failure subject: \(phrase)"])
    }

    /// The recipients a `message/delivery-status` body reports as failed (`Action: failed` or a
    /// `5.x.x` status), by `Final-Recipient` (else `Original-Recipient`), lowercased.
    static func failedRecipients(_ report: String) -> [String] {
        var result: [String] = []
        for group in fieldGroups(report) {
            let action = group["action"]?.lowercased() ?? ""
            let status = group["status"] ?? ""
            guard action.hasPrefix("failed") || (action.isEmpty && status.hasPrefix("5")) else { continue }
            guard let recipient = group["final-recipient"] ?? group["original-recipient"] else { continue }
            let address = typedAddress(recipient)
            if !address.isEmpty { result.append(address) }
        }
        return result
    }

    /// The report's field groups (separated by blank lines), folded lines joined, names lowercased.
    static func fieldGroups(_ report: String) -> [[String: String]] {
        var groups: [[String: String]] = []
        var current: [String: String] = [:]
        var lastName: String?
        for raw in report.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = String(raw)
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if !current.isEmpty { groups.append(current) }
                current = [:]
                lastName = nil
            } else if line.first == " " || line.first == "\t", let name = lastName {
                current[name, default: ""] += " " + line.trimmingCharacters(in: .whitespaces)
            } else if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                if current[name] == nil {
                    current[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                lastName = name
            }
        }
        if !current.isEmpty { groups.append(current) }
        return groups
    }

    /// `rfc822; <User@Example.com>` → `user@example.com`.
    static func typedAddress(_ value: String) -> String {
        let address =
            value.split(separator: ";", maxSplits: 1).count == 2
            ? String(value.split(separator: ";", maxSplits: 1)[1]) : value
        return address.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "<>\"")))
            .lowercased()
    }

    /// `X-Failed-Recipients` (Exim, Gmail), comma-separated.
    static func headerRecipients(_ headers: MailHeaders) -> [String] {
        headers.values("X-Failed-Recipients").flatMap { $0.split(separator: ",") }.map { typedAddress(String($0)) }
            .filter { $0.contains("@") }
    }

    /// Addresses named in a bounce's explanation (before the returned message starts), excluding the daemon's own.
    static func textRecipients(_ text: String, excluding: [String]) -> [String] {
        let stops = [
            "original message", "returned message", "this is a copy", "received:", "return-path:", "message-id:",
            "исходное сообщение", "заголовки",
        ]
        var result: [String] = []
        for line in text.split(whereSeparator: \.isNewline).prefix(60) {
            let lowered = line.lowercased()
            if stops.contains(where: { lowered.contains($0) }) { break }
            for token in lowered.split(whereSeparator: { " <>()[]\"',;:".contains($0) }) where token.contains("@") {
                let address = token.trimmingCharacters(in: CharacterSet(charactersIn: ".")).lowercased()
                let local = address.split(separator: "@").first.map(String.init) ?? ""
                guard address.split(separator: "@").count == 2, !daemonLocalParts.contains(local),
                    !excluding.contains(address)
                else { continue }
                result.append(address)
            }
        }
        return Array(result.prefix(20))
    }

    static func unique(_ addresses: [String]) -> [String] {
        var seen = Set<String>()
        return addresses.filter { seen.insert($0).inserted }
    }
}
