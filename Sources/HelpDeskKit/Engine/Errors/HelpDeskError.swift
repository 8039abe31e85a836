/// Why a help-desk command or read was rejected. A rejected command changes nothing.
///
/// Shaped like swift-nio's `FileSystemError`: switch on the small, stable ``code`` (it is a
/// struct, so a new code never breaks a host's `switch`), show ``message``, and look at
/// ``field``, ``record``, ``cause`` or the precise ``reason`` when a host needs more.
public struct HelpDeskError: Error, Hashable, Sendable {
    /// The precise reason; every other property is derived from it.
    public let reason: Reason

    /// Wraps `reason`.
    public init(_ reason: Reason) {
        self.reason = reason
    }

    /// The broad kind of failure, which decides what a caller can do about it.
    public var code: Code { reason.code }

    /// A one-line English explanation for logs and simple hosts.
    public var message: String { reason.description }

    /// The request field at fault, for input errors.
    public var field: String? {
        if case .invalidInput(let field, _) = reason { field } else { nil }
    }

    /// The record the error is about (not found, inactive, locked, …), when there is one.
    public var record: RecordReference? { reason.record }

    /// The lower-layer failure behind this error (a ``StorageError``, a `LedgerError`, a
    /// ``MoneyError`` or a `WorkingTimeError`), kept as a value.
    public var cause: (any Error & Sendable)? {
        switch reason {
        case .storage(let error): error
        case .ledger(let error): error
        case .money(let error): error
        case .slaCalendar(let error): error
        default: nil
        }
    }
}

extension HelpDeskError {
    /// A stable, extensible error code: the part of an error a host maps to a response.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Hashable, Sendable {
            case notFound, invalidInput, forbidden, alreadyExists, conflict, locked, rejected
            case unavailable, storage, misconfigured
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// A record the request names does not exist (HTTP 404).
        public static let notFound = Code(.notFound)
        /// A request field is malformed, out of range or inconsistent (HTTP 400/422).
        public static let invalidInput = Code(.invalidInput)
        /// The performer may not do this, or may not see the record (HTTP 403).
        public static let forbidden = Code(.forbidden)
        /// A record with the same unique key already exists (HTTP 409).
        public static let alreadyExists = Code(.alreadyExists)
        /// Another writer changed the data first and retries did not get through: retry later (HTTP 409).
        public static let conflict = Code(.conflict)
        /// The record accepts no changes (a closed ticket, a settled specification) (HTTP 423).
        public static let locked = Code(.locked)
        /// A business rule refuses the change in the record's current state (HTTP 409/422).
        public static let rejected = Code(.rejected)
        /// The store cannot be reached or is closed (HTTP 503).
        public static let unavailable = Code(.unavailable)
        /// The store failed or holds damaged data (HTTP 500).
        public static let storage = Code(.storage)
        /// The host's configuration or wiring is incomplete (HTTP 500).
        public static let misconfigured = Code(.misconfigured)

        public var description: String { value.rawValue }
    }

    /// A record named by an error: its kind and its identifier or number, as text.
    public struct RecordReference: Hashable, Sendable, CustomStringConvertible {
        /// The kind of record (`ticket`, `employee`, `contact`, …).
        public var kind: String
        /// Its identifier, number or code.
        public var id: String

        /// Names a record.
        public init(_ kind: String, _ id: some CustomStringConvertible) {
            self.kind = kind
            self.id = id.description
        }

        public var description: String { "\(kind) \(id)" }
    }
}

extension HelpDeskError: CustomStringConvertible {
    public var description: String { message }
}

extension HelpDeskError.Reason {
    /// The code of this reason.
    var code: HelpDeskError.Code {
        switch self {
        case .ticketNotFound, .ticketNumberNotFound, .employeeNotFound, .groupNotFound, .categoryNotFound,
            .companyNotFound, .locationNotFound, .contactNotFound, .contractNotFound, .servicePeriodNotFound,
            .assetModelNotFound, .assetNotFound, .timeEntryNotFound, .ratingTokenUnknown, .priceListItemNotFound,
            .priceListCodeNotFound,
            .specificationNotFound, .specificationLineNotFound, .roleNotFound, .ruleNotFound, .knowledgeSectionNotFound,
            .knowledgeArticleNotFound, .knowledgeVersionNotFound, .cannedAnswerNotFound, .attachmentNotFound,
            .maintenancePlanNotFound, .visitNotFound:
            .notFound
        case .invalidInput, .unknownStatus, .unknownSLAPolicy, .unknownActivity, .unknownEventSequence,
            .workDateInFuture, .selfReference, .unitMismatch, .crossCompanyLink, .money, .slaCalendar,
            .idempotencyKeyReused, .invalidTemplate, .attachmentNotUploaded:
            .invalidInput
        case .forbidden, .clientCannotWriteInternalNote, .contactMayNotFileTickets:
            .forbidden
        case .duplicateContractNumber, .duplicateSerialNumber, .duplicateEmail, .duplicateName, .alreadyLinked,
            .alreadySettled, .rulePriorityTaken, .visitAlreadyPlanned:
            .alreadyExists
        case .ticketLocked, .specificationSettled:
            .locked
        case .employeeInactive, .contactInactive, .overlappingServicePeriod, .contractTransitionNotAllowed,
            .companyHasTickets, .companyHasOpenBalance, .transitionNotAllowed, .assigneeNotInGroup, .notLinked,
            .alreadyHasParent,
            .linkCycle, .alreadyMerged, .ratingTokenExpired, .ratingTokenUsed, .ratingTokenWithdrawn, .ledger,
            .priceNotValid, .ticketHasNoClient, .ticketNumbersExhausted, .mergeAcrossCompanies, .roleIsBuiltIn,
            .lastAdministrator, .approvalNotAwaited, .paidWorkNotApproved, .reopenNotAllowed, .ratingNotRequested,
            .ticketBelongsToAnotherClient, .assetRetired, .contractDoesNotCover, .ruleCascadeTooDeep,
            .knowledgeArticleNotReadableByRequester, .cannedAnswerChanged,
            .cannedAnswerRetired, .maintenancePlanChanged, .maintenancePlanEnded, .visitChanged,
            .levellingSuggestionStale, .visitTicketNotInWork:
            .rejected
        case .storeLacksFeature:
            .misconfigured
        case .storage(let error):
            switch error.kind {
            case .conflict: .conflict
            case .unavailable: .unavailable
            case .corrupted, .ioFailure, .other: .storage
            }
        }
    }

    /// The record this reason names, if any.
    var record: HelpDeskError.RecordReference? {
        typealias Record = HelpDeskError.RecordReference
        switch self {
        case .ticketNotFound(let id): return Record("ticket", id)
        case .ticketNumberNotFound(let number), .ticketLocked(let number, _), .alreadyMerged(let number),
            .alreadyHasParent(let number), .selfReference(let number), .specificationNotFound(let number),
            .specificationSettled(let number, _), .alreadySettled(let number, _), .ticketHasNoClient(let number),
            .transitionNotAllowed(let number, _, _), .ratingTokenExpired(let number, _),
            .ratingTokenUsed(let number), .ratingTokenWithdrawn(let number), .mergeAcrossCompanies(let number, _),
            .approvalNotAwaited(let number), .paidWorkNotApproved(let number, _), .reopenNotAllowed(let number, _),
            .ratingNotRequested(let number), .ticketBelongsToAnotherClient(let number, _), .visitNotFound(let number),
            .visitAlreadyPlanned(let number), .visitChanged(let number, _), .visitTicketNotInWork(let number, _):
            return Record("ticket", number)
        case .employeeNotFound(let id), .employeeInactive(let id), .assigneeNotInGroup(let id, _):
            return Record("employee", id)
        case .groupNotFound(let id): return Record("group", id)
        case .categoryNotFound(let id): return Record("category", id)
        case .companyNotFound(let id), .companyHasTickets(let id, _), .companyHasOpenBalance(let id, _, _):
            return Record("company", id)
        case .locationNotFound(let id): return Record("location", id)
        case .contactNotFound(let id), .contactInactive(let id), .contactMayNotFileTickets(let id):
            return Record("contact", id)
        case .contractNotFound(let id): return Record("contract", id)
        case .servicePeriodNotFound(let id), .overlappingServicePeriod(let id): return Record("servicePeriod", id)
        case .assetModelNotFound(let id): return Record("assetModel", id)
        case .assetNotFound(let id), .assetRetired(let id): return Record("asset", id)
        case .contractDoesNotCover(let id, _): return Record("contract", id)
        case .timeEntryNotFound(let id): return Record("timeEntry", id)
        case .priceListItemNotFound(let id), .priceNotValid(let id, _): return Record("priceListItem", id)
        case .specificationLineNotFound(let id): return Record("specificationLine", id)
        case .idempotencyKeyReused(let key): return Record("idempotencyKey", key)
        case .knowledgeSectionNotFound(let id): return Record("knowledgeSection", id)
        case .knowledgeArticleNotFound(let id), .knowledgeVersionNotFound(let id, _),
            .knowledgeArticleNotReadableByRequester(let id, _):
            return Record("knowledgeArticle", id)
        case .cannedAnswerNotFound(let id), .cannedAnswerChanged(let id, _), .cannedAnswerRetired(let id):
            return Record("cannedAnswer", id)
        case .attachmentNotUploaded(let checksum), .attachmentNotFound(let checksum):
            return Record("attachment", checksum)
        case .maintenancePlanNotFound(let id), .maintenancePlanChanged(let id, _), .maintenancePlanEnded(let id):
            return Record("maintenancePlan", id)
        case .levellingSuggestionStale(let id, _): return Record("ticket", id)
        default: return nil
        }
    }
}
