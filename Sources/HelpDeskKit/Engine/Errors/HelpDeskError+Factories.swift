import Templating
import DoubleEntry
import Foundation
import WorkingTime

// One factory per reason, so commands write `throw .ticketNotFound(id)` and tests compare with
// `==` as before the error became a struct. Keep in step with `Reason`.
extension HelpDeskError {
    /// No ticket has this identifier.
    public static func ticketNotFound(_ value: TicketID) -> HelpDeskError { HelpDeskError(.ticketNotFound(value)) }
    /// No ticket has this number.
    public static func ticketNumberNotFound(_ value: TicketNumber) -> HelpDeskError {
        HelpDeskError(.ticketNumberNotFound(value))
    }
    /// No employee has this identifier.
    public static func employeeNotFound(_ value: EmployeeID) -> HelpDeskError {
        HelpDeskError(.employeeNotFound(value))
    }
    /// The employee has left and cannot act or be given work.
    public static func employeeInactive(_ value: EmployeeID) -> HelpDeskError {
        HelpDeskError(.employeeInactive(value))
    }
    /// No group has this identifier.
    public static func groupNotFound(_ value: GroupID) -> HelpDeskError { HelpDeskError(.groupNotFound(value)) }
    /// No service category has this identifier.
    public static func categoryNotFound(_ value: CategoryID) -> HelpDeskError {
        HelpDeskError(.categoryNotFound(value))
    }
    /// A field of the request is unacceptable.
    public static func invalidInput(field: String, problem: InputProblem) -> HelpDeskError {
        HelpDeskError(.invalidInput(field: field, problem: problem))
    }
    /// No company has this identifier.
    public static func companyNotFound(_ value: CompanyID) -> HelpDeskError { HelpDeskError(.companyNotFound(value)) }
    /// No location has this identifier.
    public static func locationNotFound(_ value: LocationID) -> HelpDeskError {
        HelpDeskError(.locationNotFound(value))
    }
    /// No contact has this identifier.
    public static func contactNotFound(_ value: ContactID) -> HelpDeskError { HelpDeskError(.contactNotFound(value)) }
    /// The contact has left the company.
    public static func contactInactive(_ value: ContactID) -> HelpDeskError { HelpDeskError(.contactInactive(value)) }
    /// The contact may not file tickets.
    public static func contactMayNotFileTickets(_ value: ContactID) -> HelpDeskError {
        HelpDeskError(.contactMayNotFileTickets(value))
    }
    /// No contract has this identifier.
    public static func contractNotFound(_ value: ContractID) -> HelpDeskError {
        HelpDeskError(.contractNotFound(value))
    }
    /// The contract has no period with this identifier.
    public static func servicePeriodNotFound(_ value: ServicePeriodID) -> HelpDeskError {
        HelpDeskError(.servicePeriodNotFound(value))
    }
    /// No equipment model has this identifier.
    public static func assetModelNotFound(_ value: AssetModelID) -> HelpDeskError {
        HelpDeskError(.assetModelNotFound(value))
    }
    /// No asset has this identifier.
    public static func assetNotFound(_ value: AssetID) -> HelpDeskError { HelpDeskError(.assetNotFound(value)) }
    /// Records linked together belong to different client companies.
    public static func crossCompanyLink(_ value0: LinkedRecord, expected: CompanyID) -> HelpDeskError {
        HelpDeskError(.crossCompanyLink(value0, expected: expected))
    }
    /// Another contract already has this number.
    public static func duplicateContractNumber(_ value: String) -> HelpDeskError {
        HelpDeskError(.duplicateContractNumber(value))
    }
    /// Another asset of the same model has this serial number.
    public static func duplicateSerialNumber(_ value: String) -> HelpDeskError {
        HelpDeskError(.duplicateSerialNumber(value))
    }
    /// The asset is retired: it stays readable, but new tickets cannot name it and it no longer changes.
    public static func assetRetired(_ value: AssetID) -> HelpDeskError { HelpDeskError(.assetRetired(value)) }
    /// The contract lists its locations and `location` is not one of them.
    public static func contractDoesNotCover(_ value: ContractID, location: LocationID) -> HelpDeskError {
        HelpDeskError(.contractDoesNotCover(value, location: location))
    }
    /// The new period overlaps an existing period of the contract.
    public static func overlappingServicePeriod(_ value: ServicePeriodID) -> HelpDeskError {
        HelpDeskError(.overlappingServicePeriod(value))
    }
    /// The contract may not move between these statuses.
    public static func contractTransitionNotAllowed(from: ContractStatus, to: ContractStatus) -> HelpDeskError {
        HelpDeskError(.contractTransitionNotAllowed(from: from, to: to))
    }
    /// The company cannot be deleted while tickets refer to it.
    public static func companyHasTickets(_ value0: CompanyID, count: Int) -> HelpDeskError {
        HelpDeskError(.companyHasTickets(value0, count: count))
    }
    /// The workflow has no status with this code.
    public static func unknownStatus(_ value: StatusCode) -> HelpDeskError { HelpDeskError(.unknownStatus(value)) }
    /// The workflow does not allow this move.
    public static func transitionNotAllowed(ticket: TicketNumber, from: StatusCode, to: StatusCode) -> HelpDeskError {
        HelpDeskError(.transitionNotAllowed(ticket: ticket, from: from, to: to))
    }
    /// The ticket is in a `closed` status and accepts no changes.
    public static func ticketLocked(_ value0: TicketNumber, status: StatusCode) -> HelpDeskError {
        HelpDeskError(.ticketLocked(value0, status: status))
    }
    /// The employee is not a member of the group the ticket is given to.
    public static func assigneeNotInGroup(_ value0: EmployeeID, _ value1: GroupID) -> HelpDeskError {
        HelpDeskError(.assigneeNotInGroup(value0, value1))
    }
    /// Another employee already uses this email.
    public static func duplicateEmail(_ value: String) -> HelpDeskError { HelpDeskError(.duplicateEmail(value)) }
    /// Another record of the same kind already has this name.
    public static func duplicateName(_ value: String) -> HelpDeskError { HelpDeskError(.duplicateName(value)) }
    /// A client tried to write an internal note.
    public static var clientCannotWriteInternalNote: HelpDeskError { HelpDeskError(.clientCannotWriteInternalNote) }
    /// A ticket cannot be linked to or merged into itself.
    public static func selfReference(_ value: TicketNumber) -> HelpDeskError { HelpDeskError(.selfReference(value)) }
    /// The two tickets are already linked.
    public static func alreadyLinked(_ value0: TicketNumber, _ value1: TicketNumber) -> HelpDeskError {
        HelpDeskError(.alreadyLinked(value0, value1))
    }
    /// The two tickets are not linked.
    public static func notLinked(_ value0: TicketNumber, _ value1: TicketNumber) -> HelpDeskError {
        HelpDeskError(.notLinked(value0, value1))
    }
    /// The child already has a parent.
    public static func alreadyHasParent(_ value: TicketNumber) -> HelpDeskError {
        HelpDeskError(.alreadyHasParent(value))
    }
    /// The parent link would make a ticket its own ancestor.
    public static func linkCycle(_ value0: TicketNumber, _ value1: TicketNumber) -> HelpDeskError {
        HelpDeskError(.linkCycle(value0, value1))
    }
    /// The ticket was already merged into another one.
    public static func alreadyMerged(_ value: TicketNumber) -> HelpDeskError { HelpDeskError(.alreadyMerged(value)) }
    /// The configuration has no SLA policy with this code.
    public static func unknownSLAPolicy(_ value: SLAPolicyID) -> HelpDeskError {
        HelpDeskError(.unknownSLAPolicy(value))
    }
    /// An SLA deadline could not be computed in the policy's calendar.
    public static func slaCalendar(_ value: WorkingTimeError) -> HelpDeskError { HelpDeskError(.slaCalendar(value)) }
    /// The store does not offer a feature the command needs.
    public static func storeLacksFeature(_ feature: String) -> HelpDeskError {
        HelpDeskError(.storeLacksFeature(feature))
    }
    /// An acknowledged event sequence was never issued.
    public static func unknownEventSequence(_ value: UInt64) -> HelpDeskError {
        HelpDeskError(.unknownEventSequence(value))
    }
    /// The activity code is not in the labor configuration.
    public static func unknownActivity(_ value: String) -> HelpDeskError { HelpDeskError(.unknownActivity(value)) }
    /// No time entry has this identifier (it may have been deleted).
    public static func timeEntryNotFound(_ value: TimeEntryID) -> HelpDeskError {
        HelpDeskError(.timeEntryNotFound(value))
    }
    /// The work date is later than today in the labor time zone.
    public static func workDateInFuture(_ value0: LocalDate, today: LocalDate) -> HelpDeskError {
        HelpDeskError(.workDateInFuture(value0, today: today))
    }
    /// No rating request has this token.
    public static var ratingTokenUnknown: HelpDeskError { HelpDeskError(.ratingTokenUnknown) }
    /// The rating request of this ticket expired at the instant given.
    public static func ratingTokenExpired(_ value0: TicketNumber, expiredAt: Date) -> HelpDeskError {
        HelpDeskError(.ratingTokenExpired(value0, expiredAt: expiredAt))
    }
    /// This resolution of the ticket was already rated.
    public static func ratingTokenUsed(_ value: TicketNumber) -> HelpDeskError {
        HelpDeskError(.ratingTokenUsed(value))
    }
    /// The ticket was reopened or resolved again since the request was issued.
    public static func ratingTokenWithdrawn(_ value: TicketNumber) -> HelpDeskError {
        HelpDeskError(.ratingTokenWithdrawn(value))
    }
    /// A money computation overflowed or mixed currencies.
    public static func money(_ value: MoneyError) -> HelpDeskError { HelpDeskError(.money(value)) }
    /// overdraft, a transfer id reused with other fields); nothing was posted.
    public static func ledger(_ value: LedgerError) -> HelpDeskError { HelpDeskError(.ledger(value)) }
    /// No price-list item has this identifier.
    public static func priceListItemNotFound(_ value: PriceListItemID) -> HelpDeskError {
        HelpDeskError(.priceListItemNotFound(value))
    }
    /// No price-list item has this code.
    public static func priceListCodeNotFound(_ code: String) -> HelpDeskError {
        HelpDeskError(.priceListCodeNotFound(code))
    }
    /// The price-list item's price is not valid at this instant.
    public static func priceNotValid(_ value0: PriceListItemID, at: Date) -> HelpDeskError {
        HelpDeskError(.priceNotValid(value0, at: at))
    }
    /// A price or amount is in another unit than required.
    public static func unitMismatch(expected: BillingUnit, actual: BillingUnit) -> HelpDeskError {
        HelpDeskError(.unitMismatch(expected: expected, actual: actual))
    }
    /// The ticket has no specification.
    public static func specificationNotFound(_ value: TicketNumber) -> HelpDeskError {
        HelpDeskError(.specificationNotFound(value))
    }
    /// The specification has no line with this identifier.
    public static func specificationLineNotFound(_ value: SpecificationLineID) -> HelpDeskError {
        HelpDeskError(.specificationLineNotFound(value))
    }
    /// The ticket's specification was settled at this version and can no longer be edited.
    public static func specificationSettled(_ value0: TicketNumber, version: Int) -> HelpDeskError {
        HelpDeskError(.specificationSettled(value0, version: version))
    }
    /// The ticket's specification was already settled at this version.
    public static func alreadySettled(_ value0: TicketNumber, version: Int) -> HelpDeskError {
        HelpDeskError(.alreadySettled(value0, version: version))
    }
    /// No client approval of the ticket's paid work is awaited.
    public static func approvalNotAwaited(_ value: TicketNumber) -> HelpDeskError {
        HelpDeskError(.approvalNotAwaited(value))
    }
    /// The ticket's paid work awaits approval or was declined, so it cannot be settled.
    public static func paidWorkNotApproved(_ value0: TicketNumber, decision: ApprovalDecision) -> HelpDeskError {
        HelpDeskError(.paidWorkNotApproved(value0, decision: decision))
    }
    /// A ticket never moves from one client company to another.
    public static func ticketBelongsToAnotherClient(_ value0: TicketNumber, company: CompanyID) -> HelpDeskError {
        HelpDeskError(.ticketBelongsToAnotherClient(value0, company: company))
    }
    /// The workflow does not let a client reopen a ticket in this status.
    public static func reopenNotAllowed(_ value0: TicketNumber, status: StatusCode) -> HelpDeskError {
        HelpDeskError(.reopenNotAllowed(value0, status: status))
    }
    /// The ticket has no rating request its requester can answer.
    public static func ratingNotRequested(_ value: TicketNumber) -> HelpDeskError {
        HelpDeskError(.ratingNotRequested(value))
    }
    /// Billable lines need a client company on the ticket.
    public static func ticketHasNoClient(_ value: TicketNumber) -> HelpDeskError {
        HelpDeskError(.ticketHasNoClient(value))
    }
    /// The storage adapter failed; for `.conflict`, retrying the command may succeed.
    public static func storage(_ value: StorageError) -> HelpDeskError { HelpDeskError(.storage(value)) }
    /// The access policy does not let the performer do this (or see the record).
    public static func forbidden(_ performer: Performer, action: String) -> HelpDeskError {
        HelpDeskError(.forbidden(performer, action: action))
    }
    /// The idempotency key was used before for another command or other input.
    public static func idempotencyKeyReused(_ key: IdempotencyKey) -> HelpDeskError {
        HelpDeskError(.idempotencyKeyReused(key))
    }
    /// The company cannot be deleted while its ledger accounts or invoiced periods are open.
    public static func companyHasOpenBalance(
        _ company: CompanyID, accounts: [AccountID], unpaidPeriods: [ServicePeriodID]
    ) -> HelpDeskError {
        HelpDeskError(.companyHasOpenBalance(company, accounts: accounts, unpaidPeriods: unpaidPeriods))
    }
    /// The next ticket number would not fit in an `Int`.
    public static var ticketNumbersExhausted: HelpDeskError { HelpDeskError(.ticketNumbersExhausted) }
    /// Tickets of different client companies cannot be merged.
    public static func mergeAcrossCompanies(_ source: TicketNumber, _ target: TicketNumber) -> HelpDeskError {
        HelpDeskError(.mergeAcrossCompanies(source, target))
    }
    /// No role has this identifier.
    public static func roleNotFound(_ id: RoleID) -> HelpDeskError { HelpDeskError(.roleNotFound(id)) }

    /// ``Reason/ruleNotFound(_:)``.
    public static func ruleNotFound(_ id: AutomationRuleID) -> HelpDeskError { HelpDeskError(.ruleNotFound(id)) }

    /// ``Reason/rulePriorityTaken(_:by:)``.
    public static func rulePriorityTaken(_ priority: Int, by rule: AutomationRuleID) -> HelpDeskError {
        HelpDeskError(.rulePriorityTaken(priority, by: rule))
    }

    /// ``Reason/invalidTemplate(field:_:)``.
    public static func invalidTemplate(field: String, _ error: TemplateError) -> HelpDeskError {
        HelpDeskError(.invalidTemplate(field: field, error))
    }

    /// ``Reason/ruleCascadeTooDeep(_:passes:)``.
    public static func ruleCascadeTooDeep(_ number: TicketNumber, passes: Int) -> HelpDeskError {
        HelpDeskError(.ruleCascadeTooDeep(number, passes: passes))
    }
    /// A built-in role cannot be changed.
    public static func roleIsBuiltIn(_ id: RoleID) -> HelpDeskError { HelpDeskError(.roleIsBuiltIn(id)) }
    /// The change would leave the desk without an active administrator.
    public static func lastAdministrator(_ id: EmployeeID) -> HelpDeskError { HelpDeskError(.lastAdministrator(id)) }
    /// A levelling suggestion no longer fits the visit or the calendar.
    public static func levellingSuggestionStale(_ value: TicketID, _ why: StaleSuggestion) -> HelpDeskError {
        HelpDeskError(.levellingSuggestionStale(value, why))
    }
}
