extension HelpDeskError {
    /// The ticket has no planned visit (none yet, or it was cancelled).
    public static func visitNotFound(_ number: TicketNumber) -> HelpDeskError { HelpDeskError(.visitNotFound(number)) }
    /// The ticket already has a planned visit: reschedule or cancel it instead.
    public static func visitAlreadyPlanned(_ number: TicketNumber) -> HelpDeskError {
        HelpDeskError(.visitAlreadyPlanned(number))
    }
    /// The ticket's visit was changed since it was read: it is now at `revision`.
    public static func visitChanged(_ number: TicketNumber, revision: Int) -> HelpDeskError {
        HelpDeskError(.visitChanged(number, revision: revision))
    }
    /// The ticket is out of work (resolved or cancelled): reopen it to plan or move its visit.
    public static func visitTicketNotInWork(_ number: TicketNumber, status: StatusCode) -> HelpDeskError {
        HelpDeskError(.visitTicketNotInWork(number, status: status))
    }
}
