extension HelpDeskError.Reason: CustomStringConvertible {
    /// A one-line English explanation for logs and simple hosts.
    public var description: String {
        switch self {
        case .ticketNotFound(let id): "No ticket has the identifier \(id)."
        case .ticketNumberNotFound(let number): "No ticket has the number \(number)."
        case .employeeNotFound(let id): "No employee has the identifier \(id)."
        case .employeeInactive(let id): "Employee \(id) has left and cannot act or take work."
        case .groupNotFound(let id): "No group has the identifier \(id)."
        case .categoryNotFound(let id): "No service category has the identifier \(id)."
        case .invalidInput(let field, let problem): "Invalid \(field): \(problem)."
        case .companyNotFound(let id): "No company has the identifier \(id)."
        case .locationNotFound(let id): "No location has the identifier \(id)."
        case .contactNotFound(let id): "No contact has the identifier \(id)."
        case .contactInactive(let id): "Contact \(id) has left the company."
        case .contactMayNotFileTickets(let id): "Contact \(id) may not file tickets."
        case .contractNotFound(let id): "No contract has the identifier \(id)."
        case .servicePeriodNotFound(let id): "The contract has no service period \(id)."
        case .assetModelNotFound(let id): "No equipment model has the identifier \(id)."
        case .assetNotFound(let id): "No asset has the identifier \(id)."
        case .crossCompanyLink(let record, let company): "\(record) does not belong to company \(company)."
        case .duplicateContractNumber(let number): "Another contract has the number '\(number)'."
        case .duplicateSerialNumber(let serial): "Another asset of this model has the serial number '\(serial)'."
        case .assetRetired(let id): "Asset \(id) is retired: new tickets cannot name it and it no longer changes."
        case .contractDoesNotCover(let contract, let location):
            "Contract \(contract) does not cover location \(location)."
        case .overlappingServicePeriod(let id): "The period overlaps the contract's period \(id)."
        case .contractTransitionNotAllowed(let from, let to): "A contract cannot move from \(from) to \(to)."
        case .companyHasTickets(let id, let count): "Company \(id) has \(count) ticket(s) and cannot be deleted."
        case .companyHasOpenBalance(let id, let accounts, let periods):
            "Company \(id) has \(accounts.count) ledger account(s) with a balance or reservation and \(periods.count) unpaid service period(s) and cannot be deleted."
        case .unknownStatus(let code): "The workflow has no status '\(code)'."
        case .transitionNotAllowed(let ticket, let from, let to):
            "The workflow does not allow \(ticket) to move from '\(from)' to '\(to)'."
        case .ticketLocked(let number, let status): "Ticket \(number) is '\(status)' and accepts no changes."
        case .assigneeNotInGroup(let employee, let group): "Employee \(employee) is not a member of group \(group)."
        case .duplicateEmail(let email): "The email \(email) is already in use."
        case .duplicateName(let name): "'\(name)' is already in use."
        case .clientCannotWriteInternalNote: "Clients can write public replies only."
        case .selfReference(let number): "Ticket \(number) cannot be linked to or merged into itself."
        case .alreadyLinked(let a, let b): "Tickets \(a) and \(b) are already linked."
        case .notLinked(let a, let b): "Tickets \(a) and \(b) are not linked."
        case .alreadyHasParent(let number): "Ticket \(number) already has a parent."
        case .linkCycle(let child, let parent): "Making \(parent) the parent of \(child) would create a cycle."
        case .alreadyMerged(let number): "Ticket \(number) was already merged into another ticket."
        case .unknownSLAPolicy(let id): "No SLA policy has the code '\(id)'."
        case .slaCalendar(let error): "An SLA deadline could not be computed: \(error)."
        case .storeLacksFeature(let feature):
            "The store does not offer \(feature); use an adapter that implements it."
        case .unknownEventSequence(let sequence): "No event with sequence \(sequence) was ever issued."
        case .unknownActivity(let code): "The labor configuration has no activity '\(code)'."
        case .timeEntryNotFound(let id): "No time entry has the identifier \(id)."
        case .workDateInFuture(let date, let today): "The work date \(date) is after today (\(today))."
        case .ratingTokenUnknown: "No rating request has this token."
        case .ratingTokenExpired(let number, let instant):
            "The rating request of \(number) expired at \(instant.formatted(.iso8601))."
        case .ratingTokenUsed(let number): "This resolution of \(number) was already rated."
        case .ratingTokenWithdrawn(let number):
            "Ticket \(number) was reopened or resolved again; this rating link no longer works."
        case .money(let error): "A money computation failed: \(error)."
        case .ledger(let error): "The ledger rejected the operation: \(error)."
        case .priceListItemNotFound(let id): "No price-list item has the identifier \(id)."
        case .priceListCodeNotFound(let code): "No price-list item has the code '\(code)'."
        case .priceNotValid(let id, let instant):
            "The price of item \(id) is not valid at \(instant.formatted(.iso8601))."
        case .unitMismatch(let expected, let actual): "Expected an amount in \(expected), got \(actual)."
        case .specificationNotFound(let number): "Ticket \(number) has no specification."
        case .specificationLineNotFound(let id): "The specification has no line \(id)."
        case .specificationSettled(let number, let version):
            "The specification of \(number) was settled at version \(version) and cannot be edited."
        case .alreadySettled(let number, let version):
            "The specification of \(number) was already settled at version \(version)."
        case .ticketHasNoClient(let number): "Ticket \(number) has no client company to bill."
        case .approvalNotAwaited(let number): "No client approval of the paid work of \(number) is awaited."
        case .paidWorkNotApproved(let number, let decision):
            "The paid work of \(number) is \(decision == .declined ? "declined" : "awaiting the client's approval")."
        case .ticketBelongsToAnotherClient(let number, let company):
            "Ticket \(number) belongs to client \(company): register a new ticket for the other client."
        case .reopenNotAllowed(let number, let status): "A client cannot reopen \(number) in status \(status)."
        case .ratingNotRequested(let number): "Ticket \(number) has no open rating request."
        case .storage(let error): "Storage failure: \(error)."
        case .forbidden(let performer, let action): "\(performer) may not \(action)."
        case .idempotencyKeyReused(let key):
            "The idempotency key '\(key)' was already used for another command or other input."
        case .ticketNumbersExhausted: "The next ticket number would not fit in an integer."
        case .mergeAcrossCompanies(let source, let target):
            "Tickets \(source) and \(target) belong to different clients and cannot be merged."
        case .roleNotFound(let id): "No role has the identifier \(id)."
        case .ruleNotFound(let id): "No automation rule has the identifier \(id)."
        case .rulePriorityTaken(let priority, let rule): "Rule \(rule) already runs at priority \(priority)."
        case .invalidTemplate(let field, let error): "The template in \(field) is not valid: \(error.message)"
        case .ruleCascadeTooDeep(let number, let passes):
            "The automation rules kept changing \(number) for more than \(passes) passes; nothing was saved."
        case .roleIsBuiltIn(let id): "Role \(id) is built in and cannot be changed."
        case .lastAdministrator(let id):
            "Employee \(id) is the last active administrator; grant the role to someone else first."
        case .knowledgeSectionNotFound(let id): "No knowledge-base section has the identifier \(id)."
        case .knowledgeArticleNotFound(let id): "No knowledge-base article has the identifier \(id)."
        case .knowledgeVersionNotFound(let id, let number): "Article \(id) has no version \(number)."
        case .knowledgeArticleNotReadableByRequester(let id, let number):
            "The requester of \(number) may not read article \(id); a public reply cannot cite it."
        case .cannedAnswerNotFound(let id): "No canned answer has the identifier \(id)."
        case .cannedAnswerChanged(let id, let revision):
            "Canned answer \(id) was changed since it was read (it is now at revision \(revision))."
        case .cannedAnswerRetired(let id): "Canned answer \(id) is retired."
        case .maintenancePlanNotFound(let id): "No maintenance plan has the identifier \(id)."
        case .maintenancePlanChanged(let id, let revision):
            "Maintenance plan \(id) was changed since it was read (it is now at revision \(revision))."
        case .maintenancePlanEnded(let id): "Maintenance plan \(id) has ended."
        case .attachmentNotUploaded(let checksum): "No uploaded file matches the attachment \(checksum); upload it first."
        case .attachmentNotFound(let checksum): "No file \(checksum) is attached where you may read it."
        case .visitNotFound(let number): "Ticket \(number) has no planned visit."
        case .visitAlreadyPlanned(let number): "Ticket \(number) already has a planned visit; reschedule or cancel it."
        case .visitTicketNotInWork(let number, let status):
            "Ticket \(number) is '\(status)', out of work: reopen it to plan or move its visit."
        case .visitChanged(let number, let revision):
            "The visit of ticket \(number) was changed since it was read (it is now at revision \(revision))."
        case .levellingSuggestionStale(let id, let why): "The levelling suggestion for ticket \(id) is stale: \(why)."
        }
    }
}

extension InputProblem: CustomStringConvertible {
    /// A short English explanation.
    public var description: String {
        switch self {
        case .blank: "must not be blank"
        case .tooLong(let maximum): "must be at most \(maximum) characters"
        case .outOfRange(let range): "must be between \(range.lowerBound) and \(range.upperBound)"
        case .negative: "must not be negative"
        case .malformed(let expected): "must have the form \(expected)"
        case .notInFuture(let instant): "must be later than now (got \(instant.formatted(.iso8601)))"
        case .notAfterStart: "must be later than the start"
        }
    }
}
