import Mail

/// What ``HelpDesk/receiveEmail(_:by:)`` did with a message.
public struct EmailReceipt: Hashable, Sendable {
    /// The message's record (for a duplicate, the record of its first receipt).
    public var record: EmailRecord
    /// `true` when the message had been received before and nothing changed.
    public var isDuplicate: Bool
    /// Who wrote it: a person or which kind of robot.
    public var classification: MailClassification
    /// What the parser worked around.
    public var problems: [MailProblem]

    /// Describes a receipt.
    public init(record: EmailRecord, isDuplicate: Bool, classification: MailClassification, problems: [MailProblem]) {
        self.record = record
        self.isDuplicate = isDuplicate
        self.classification = classification
        self.problems = problems
    }
}

extension AccessAction {
    /// Hand received mail to the desk, render its outgoing mail, read the mail log and decide on the quarantine.
    public static let handleEmail = AccessAction("email.handle")
}
