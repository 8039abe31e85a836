import Templating
import DoubleEntry
import Foundation
import WorkingTime

extension HelpDeskError {
    /// The precise reason behind an error, with the records it names.
    ///
    /// New features add reasons: match one with `if case`, and switch on ``HelpDeskError/code``,
    /// which stays small and stable.
    public enum Reason: Hashable, Sendable {
        /// No ticket has this identifier.
        case ticketNotFound(TicketID)
        /// No ticket has this number.
        case ticketNumberNotFound(TicketNumber)
        /// No employee has this identifier.
        case employeeNotFound(EmployeeID)
        /// The employee has left and cannot act or be given work.
        case employeeInactive(EmployeeID)
        /// No group has this identifier.
        case groupNotFound(GroupID)
        /// No service category has this identifier.
        case categoryNotFound(CategoryID)
        /// A field of the request is unacceptable.
        case invalidInput(field: String, problem: InputProblem)
        /// No company has this identifier.
        case companyNotFound(CompanyID)
        /// No location has this identifier.
        case locationNotFound(LocationID)
        /// No contact has this identifier.
        case contactNotFound(ContactID)
        /// The contact has left the company.
        case contactInactive(ContactID)
        /// The contact may not file tickets.
        case contactMayNotFileTickets(ContactID)
        /// No contract has this identifier.
        case contractNotFound(ContractID)
        /// The contract has no period with this identifier.
        case servicePeriodNotFound(ServicePeriodID)
        /// No equipment model has this identifier.
        case assetModelNotFound(AssetModelID)
        /// No asset has this identifier.
        case assetNotFound(AssetID)
        /// Records linked together belong to different client companies.
        case crossCompanyLink(LinkedRecord, expected: CompanyID)
        /// Another contract already has this number.
        case duplicateContractNumber(String)
        /// Another asset of the same model has this serial number.
        case duplicateSerialNumber(String)
        /// The asset is retired: it stays readable, but new tickets cannot name it and it no longer changes.
        case assetRetired(AssetID)
        /// The contract lists its locations and `location` is not one of them.
        case contractDoesNotCover(ContractID, location: LocationID)
        /// The new period overlaps an existing period of the contract.
        case overlappingServicePeriod(ServicePeriodID)
        /// The contract may not move between these statuses.
        case contractTransitionNotAllowed(from: ContractStatus, to: ContractStatus)
        /// The company cannot be deleted while tickets refer to it.
        case companyHasTickets(CompanyID, count: Int)
        /// The company cannot be deleted while its ledger `accounts` hold a balance or a pending
        /// reservation, or while `unpaidPeriods` (invoiced, with a fee) are not paid.
        case companyHasOpenBalance(CompanyID, accounts: [AccountID], unpaidPeriods: [ServicePeriodID])
        /// The workflow has no status with this code.
        case unknownStatus(StatusCode)
        /// The workflow does not allow this move.
        case transitionNotAllowed(ticket: TicketNumber, from: StatusCode, to: StatusCode)
        /// The ticket is in a `closed` status and accepts no changes.
        case ticketLocked(TicketNumber, status: StatusCode)
        /// The employee is not a member of the group the ticket is given to.
        case assigneeNotInGroup(EmployeeID, GroupID)
        /// Another employee already uses this email.
        case duplicateEmail(String)
        /// Another record of the same kind already has this name.
        case duplicateName(String)
        /// A client tried to write an internal note.
        case clientCannotWriteInternalNote
        /// A ticket cannot be linked to or merged into itself.
        case selfReference(TicketNumber)
        /// The two tickets are already linked.
        case alreadyLinked(TicketNumber, TicketNumber)
        /// The two tickets are not linked.
        case notLinked(TicketNumber, TicketNumber)
        /// The child already has a parent.
        case alreadyHasParent(TicketNumber)
        /// The parent link would make a ticket its own ancestor.
        case linkCycle(TicketNumber, TicketNumber)
        /// The ticket was already merged into another one.
        case alreadyMerged(TicketNumber)
        /// The configuration has no SLA policy with this code.
        case unknownSLAPolicy(SLAPolicyID)
        /// An SLA deadline could not be computed in the policy's calendar.
        case slaCalendar(WorkingTimeError)
        /// The store does not offer a feature the command needs (a capability's repository).
        case storeLacksFeature(String)
        /// An acknowledged event sequence was never issued.
        case unknownEventSequence(UInt64)
        /// The activity code is not in the labor configuration.
        case unknownActivity(String)
        /// No time entry has this identifier (it may have been deleted).
        case timeEntryNotFound(TimeEntryID)
        /// The work date is later than today in the labor time zone.
        case workDateInFuture(LocalDate, today: LocalDate)
        /// No rating request has this token.
        case ratingTokenUnknown
        /// The rating request of this ticket expired at the instant given.
        case ratingTokenExpired(TicketNumber, expiredAt: Date)
        /// This resolution of the ticket was already rated.
        case ratingTokenUsed(TicketNumber)
        /// The ticket was reopened or resolved again since the request was issued.
        case ratingTokenWithdrawn(TicketNumber)
        /// A money computation overflowed or mixed currencies.
        case money(MoneyError)
        /// The ledger rejected the operation (zero or negative amount, unknown account, unit mismatch,
        /// overdraft, a transfer id reused with other fields); nothing was posted.
        case ledger(LedgerError)
        /// No price-list item has this identifier.
        case priceListItemNotFound(PriceListItemID)
        /// No price-list item has this code.
        case priceListCodeNotFound(String)
        /// The price-list item's price is not valid at this instant.
        case priceNotValid(PriceListItemID, at: Date)
        /// A price or amount is in another unit than required.
        case unitMismatch(expected: BillingUnit, actual: BillingUnit)
        /// The ticket has no specification.
        case specificationNotFound(TicketNumber)
        /// The specification has no line with this identifier.
        case specificationLineNotFound(SpecificationLineID)
        /// The ticket's specification was settled at this version and can no longer be edited.
        case specificationSettled(TicketNumber, version: Int)
        /// The ticket's specification was already settled at this version.
        case alreadySettled(TicketNumber, version: Int)
        /// No client approval of the ticket's paid work is awaited (none was requested, or it was decided).
        case approvalNotAwaited(TicketNumber)
        /// The ticket's paid work awaits the client's approval, or was declined, so it cannot be settled.
        case paidWorkNotApproved(TicketNumber, decision: ApprovalDecision)
        /// A ticket never moves from one client company to another: its conversation would go with it.
        case ticketBelongsToAnotherClient(TicketNumber, company: CompanyID)
        /// The workflow does not let a client reopen a ticket in this status.
        case reopenNotAllowed(TicketNumber, status: StatusCode)
        /// The ticket has no rating request its requester can answer (none issued, used, withdrawn or expired).
        case ratingNotRequested(TicketNumber)
        /// Billable lines need a client company on the ticket.
        case ticketHasNoClient(TicketNumber)
        /// The storage adapter failed; for `.conflict`, retrying the command may succeed.
        case storage(StorageError)
        /// The access policy does not let the performer do this (or see the record).
        case forbidden(Performer, action: String)
        /// The idempotency key was used before for another command or other input.
        case idempotencyKeyReused(IdempotencyKey)
        /// The next ticket number would not fit in an `Int`.
        case ticketNumbersExhausted
        /// Tickets of different client companies (or of two requesters without a company) cannot be
        /// merged: one client would read the other's conversation.
        case mergeAcrossCompanies(TicketNumber, TicketNumber)
        /// No role has this identifier.
        case roleNotFound(RoleID)
        /// No automation rule has this identifier.
        case ruleNotFound(AutomationRuleID)
        /// Another rule already runs at this priority (rules run in priority order, never name order).
        case rulePriorityTaken(Int, by: AutomationRuleID)
        /// The rules kept changing the ticket for more passes than ``RuleSettings/maximumPasses``.
        case ruleCascadeTooDeep(TicketNumber, passes: Int)
        /// A notice template is malformed or uses a placeholder its reader may not see (or an
        /// optional one without a fallback); the template error lists each placeholder.
        case invalidTemplate(field: String, TemplateError)
        /// A built-in role cannot be changed.
        case roleIsBuiltIn(RoleID)
        /// The change would leave no active employee holding the administrator role desk-wide.
        case lastAdministrator(EmployeeID)
        /// No knowledge-base section has this identifier.
        case knowledgeSectionNotFound(KnowledgeSectionID)
        /// No knowledge-base article has this identifier, or the reader may not read it.
        case knowledgeArticleNotFound(KnowledgeArticleID)
        /// The article has no version with this number.
        case knowledgeVersionNotFound(KnowledgeArticleID, number: Int)
        /// A public reply may cite only articles the ticket's requester may read.
        case knowledgeArticleNotReadableByRequester(KnowledgeArticleID, TicketNumber)
        /// No canned answer has this identifier (or it is another employee's personal answer).
        case cannedAnswerNotFound(CannedAnswerID)
        /// The canned answer was changed since it was read: it is now at this revision.
        case cannedAnswerChanged(CannedAnswerID, revision: Int)
        /// The canned answer is retired and can no longer be used or changed.
        case cannedAnswerRetired(CannedAnswerID)
        /// An attachment names a `sha256:` file the store's blob store does not hold with that
        /// size: upload it first (``HelpDesk/uploadAttachment(_:fileName:mediaType:by:idempotencyKey:)``).
        case attachmentNotUploaded(String)
        /// No file with this checksum is attached where the viewer may read it.
        case attachmentNotFound(String)
        /// No maintenance plan has this identifier.
        case maintenancePlanNotFound(MaintenancePlanID)
        /// The maintenance plan changed since it was read; it is now at `revision`.
        case maintenancePlanChanged(MaintenancePlanID, revision: Int)
        /// The maintenance plan has ended and can no longer change.
        case maintenancePlanEnded(MaintenancePlanID)
        /// The ticket has no planned visit (none yet, or it was cancelled).
        case visitNotFound(TicketNumber)
        /// The ticket already has a planned visit: reschedule or cancel it instead.
        case visitAlreadyPlanned(TicketNumber)
        /// The ticket is out of work (resolved or cancelled): reopen it to plan or move its visit.
        case visitTicketNotInWork(TicketNumber, status: StatusCode)
        /// The ticket's visit was changed since it was read: it is now at this revision.
        case visitChanged(TicketNumber, revision: Int)
        /// A levelling suggestion no longer fits the visit or the calendar (see ``StaleSuggestion``).
        case levellingSuggestionStale(TicketID, StaleSuggestion)
    }
}

/// What is wrong with an input field.
public enum InputProblem: Hashable, Sendable {
    /// Empty or only white space.
    case blank
    /// Longer than the allowed number of characters.
    case tooLong(maximum: Int)
    /// Outside the allowed range.
    case outOfRange(ClosedRange<Int>)
    /// Negative where only zero or more is allowed.
    case negative
    /// Not of the expected form (the string says which form).
    case malformed(expected: String)
    /// An instant that must be later than now is not.
    case notInFuture(Date)
    /// An end that must be later than its start is not.
    case notAfterStart
}

/// A record a ticket or asset can be linked to, named in ``HelpDeskError/crossCompanyLink(_:expected:)``.
public enum LinkedRecord: Hashable, Sendable {
    case contact(ContactID)
    case location(LocationID)
    case contract(ContractID)
    case asset(AssetID)
}
