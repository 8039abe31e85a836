extension HelpDeskError {
    /// ``Reason/cannedAnswerNotFound(_:)``.
    public static func cannedAnswerNotFound(_ id: CannedAnswerID) -> HelpDeskError {
        HelpDeskError(.cannedAnswerNotFound(id))
    }

    /// ``Reason/cannedAnswerChanged(_:revision:)``.
    public static func cannedAnswerChanged(_ id: CannedAnswerID, revision: Int) -> HelpDeskError {
        HelpDeskError(.cannedAnswerChanged(id, revision: revision))
    }

    /// ``Reason/cannedAnswerRetired(_:)``.
    public static func cannedAnswerRetired(_ id: CannedAnswerID) -> HelpDeskError {
        HelpDeskError(.cannedAnswerRetired(id))
    }
}
