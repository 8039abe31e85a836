import Foundation
import Mail

/// A received message on its way through ``HelpDesk/receiveEmail(_:by:)``: parsed, classified,
/// its raw bytes and files already in the blob store.
struct ReceivedLetter: Sendable {
    let message: MailMessage
    let classification: MailClassification
    /// The raw message's blob checksum.
    let rawChecksum: String
    /// The message's files, stored.
    let attachments: [Attachment]
    /// The sender's bounce mark, lifted when the message becomes a ticket or a comment: the address works again.
    var liftedBounce: BouncedAddress?

    /// The message's key: its Message-ID, or its raw checksum when it has none (at most 998 characters).
    var key: String {
        guard let id = message.messageID?.trimmingCharacters(in: .whitespaces), !id.isEmpty else { return rawChecksum }
        return String(id.prefix(998))
    }

    /// The record of this message.
    func record(id: EmailRecordID, sender: String, at instant: Date, match: EmailThreadMatch, outcome: EmailOutcome)
        -> EmailRecord
    {
        EmailRecord(
            id: id, messageKey: key, sender: String(sender.prefix(320)), subject: String(message.subject.prefix(998)),
            receivedAt: instant, rawChecksum: rawChecksum, byteCount: message.byteCount, kind: classification.kind,
            match: match, outcome: outcome, problems: Array(Set(message.problems.map(\.kind))).sorted { $0.rawValue < $1.rawValue })
    }

    /// The receipt for `record`.
    func receipt(_ record: EmailRecord, isDuplicate: Bool) -> EmailReceipt {
        EmailReceipt(
            record: record, isDuplicate: isDuplicate, classification: classification, problems: message.problems)
    }

    /// The record of an earlier receipt of this message, or `nil`: checked again inside each
    /// command's attempt, so a copy that arrived meanwhile (on any engine: the store refuses a
    /// second record of a key, and the retry lands here) is answered as a duplicate.
    func earlier(in desk: isolated HelpDesk) async throws(HelpDeskError) -> EmailRecord? {
        let records = try desk.feature((any EmailRepository).self)
        return try await desk.storage { try await records.emailRecord(messageKey: key) }
    }
}
