/// The host's ticket workflow: statuses, allowed transitions and the statuses the engine uses itself.
///
/// A workflow is validated when it is built, so the engine never meets a dangling status code.
public struct Workflow: Hashable, Sendable, Codable {
    /// All statuses, in display order (also the order used when sorting tickets by status).
    public let statuses: [TicketStatus]
    /// Allowed manual transitions: from a status to the set of statuses it may move to.
    public let transitions: [StatusCode: Set<StatusCode>]
    /// Status of a newly registered ticket (category `new` or `open`).
    public let initialStatus: StatusCode
    /// Status a postponed ticket waits in (category `waiting`).
    public let postponedStatus: StatusCode
    /// Status a postponed ticket returns to when its date comes (category `open`).
    public let returnToWorkStatus: StatusCode
    /// Status a ticket merged into another ends in (category `closed` or `cancelled`).
    public let mergedStatus: StatusCode
    /// Where a client's comment moves a ticket, by current status (e.g. resolved → in progress).
    /// Each pair must be an allowed transition. Empty to switch reopening off.
    public let clientReplyTransitions: [StatusCode: StatusCode]

    private let indexByCode: [StatusCode: Int]

    /// Builds and validates a workflow.
    public init(
        statuses: [TicketStatus],
        transitions: [StatusCode: Set<StatusCode>],
        initialStatus: StatusCode,
        postponedStatus: StatusCode,
        returnToWorkStatus: StatusCode,
        mergedStatus: StatusCode,
        clientReplyTransitions: [StatusCode: StatusCode] = [:]
    ) throws(WorkflowError) {
        var index: [StatusCode: Int] = [:]
        for (position, status) in statuses.enumerated() {
            guard !status.code.rawValue.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw .blankStatusCode
            }
            guard index.updateValue(position, forKey: status.code) == nil else {
                throw .duplicateStatus(status.code)
            }
            guard !status.agentLabel.isBlank, !status.customerLabel.isBlank else {
                throw .blankLabel(status.code)
            }
        }
        func category(of code: StatusCode) throws(WorkflowError) -> StatusCategory {
            guard let position = index[code] else { throw .unknownStatus(code) }
            return statuses[position].category
        }
        for (from, targets) in transitions {
            if try category(of: from) == .closed, !targets.isEmpty { throw .transitionFromClosed(from) }
            for target in targets {
                _ = try category(of: target)
                if target == from { throw .selfTransition(from) }
            }
        }
        func require(_ code: StatusCode, role: WorkflowError.Role, in allowed: Set<StatusCategory>)
            throws(WorkflowError)
        {
            let actual = try category(of: code)
            guard allowed.contains(actual) else { throw .wrongCategory(code, role: role, actual: actual) }
        }
        try require(initialStatus, role: .initial, in: [.new, .open])
        try require(postponedStatus, role: .postponed, in: [.waiting])
        try require(returnToWorkStatus, role: .returnToWork, in: [.open])
        try require(mergedStatus, role: .merged, in: [.closed, .cancelled])
        for (from, to) in clientReplyTransitions {
            _ = try category(of: from)
            _ = try category(of: to)
            guard transitions[from]?.contains(to) == true else { throw .clientReplyNotAllowed(from: from, to: to) }
        }
        self.init(
            unchecked: statuses, transitions: transitions, initialStatus: initialStatus,
            postponedStatus: postponedStatus, returnToWorkStatus: returnToWorkStatus, mergedStatus: mergedStatus,
            clientReplyTransitions: clientReplyTransitions)
    }

    /// A workflow taken as given, for constants a test validates (``standard``): never for input.
    init(
        unchecked statuses: [TicketStatus], transitions: [StatusCode: Set<StatusCode>], initialStatus: StatusCode,
        postponedStatus: StatusCode, returnToWorkStatus: StatusCode, mergedStatus: StatusCode,
        clientReplyTransitions: [StatusCode: StatusCode]
    ) {
        var index: [StatusCode: Int] = [:]
        for (position, status) in statuses.enumerated() where index[status.code] == nil {
            index[status.code] = position
        }
        self.statuses = statuses
        self.transitions = transitions
        self.initialStatus = initialStatus
        self.postponedStatus = postponedStatus
        self.returnToWorkStatus = returnToWorkStatus
        self.mergedStatus = mergedStatus
        self.clientReplyTransitions = clientReplyTransitions
        self.indexByCode = index
    }

    /// The status with `code`, if the workflow has it.
    public func status(_ code: StatusCode) -> TicketStatus? {
        indexByCode[code].map { statuses[$0] }
    }

    /// The category of `code`; `nil` for a code the workflow does not know.
    public func category(of code: StatusCode) -> StatusCategory? {
        indexByCode[code].map { statuses[$0].category }
    }

    /// The display position of `code`, used to sort by status.
    public func position(of code: StatusCode) -> Int? {
        indexByCode[code]
    }

    /// All codes whose category is in `categories`.
    public func codes(in categories: Set<StatusCategory>) -> Set<StatusCode> {
        Set(statuses.lazy.filter { categories.contains($0.category) }.map(\.code))
    }

    /// `true` when a manual move from `from` to `to` is allowed.
    public func allows(from: StatusCode, to: StatusCode) -> Bool {
        transitions[from]?.contains(to) == true
    }
}

/// Why a workflow definition was rejected.
public enum WorkflowError: Error, Hashable, Sendable {
    /// The role a special status plays in the workflow.
    public enum Role: String, Hashable, Sendable {
        case initial, postponed, returnToWork, merged
    }

    /// A status has an empty code.
    case blankStatusCode
    /// Two statuses share a code.
    case duplicateStatus(StatusCode)
    /// A status has a blank agent or customer label.
    case blankLabel(StatusCode)
    /// A transition or role names a code that is not among the statuses.
    case unknownStatus(StatusCode)
    /// A transition leaves a `closed` status, but closed tickets are locked.
    case transitionFromClosed(StatusCode)
    /// A transition leads from a status to itself.
    case selfTransition(StatusCode)
    /// A special status belongs to a category that cannot play its role.
    case wrongCategory(StatusCode, role: Role, actual: StatusCategory)
    /// A client-reply move is not among the allowed transitions.
    case clientReplyNotAllowed(from: StatusCode, to: StatusCode)
}

extension String {
    /// `true` when the string is empty or only white space (Unicode white space included).
    var isBlank: Bool {
        for byte in utf8 {
            switch byte {
            case 0x20, 0x09...0x0D: continue
            case ..<0x80: return false
            default: return unicodeScalars.allSatisfy(\.properties.isWhitespace)
            }
        }
        return true
    }
}

extension Workflow {
    private enum CodingKeys: String, CodingKey {
        case statuses, transitions, initialStatus, postponedStatus, returnToWorkStatus, mergedStatus
        case clientReplyTransitions
    }

    /// Decodes a workflow and validates it exactly like ``init(statuses:transitions:initialStatus:postponedStatus:returnToWorkStatus:mergedStatus:clientReplyTransitions:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let transitions = try container.decode([String: [StatusCode]].self, forKey: .transitions)
        let replies = try container.decode([String: StatusCode].self, forKey: .clientReplyTransitions)
        try self.init(
            statuses: container.decode([TicketStatus].self, forKey: .statuses),
            transitions: Dictionary(uniqueKeysWithValues: transitions.map { (StatusCode($0.key), Set($0.value)) }),
            initialStatus: container.decode(StatusCode.self, forKey: .initialStatus),
            postponedStatus: container.decode(StatusCode.self, forKey: .postponedStatus),
            returnToWorkStatus: container.decode(StatusCode.self, forKey: .returnToWorkStatus),
            mergedStatus: container.decode(StatusCode.self, forKey: .mergedStatus),
            clientReplyTransitions: Dictionary(uniqueKeysWithValues: replies.map { (StatusCode($0.key), $0.value) })
        )
    }

    /// Encodes the workflow with sorted transition targets, so equal workflows encode equally.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(statuses, forKey: .statuses)
        let sortedTransitions = Dictionary(
            uniqueKeysWithValues: transitions.map { ($0.key.rawValue, $0.value.sorted()) })
        try container.encode(sortedTransitions, forKey: .transitions)
        try container.encode(initialStatus, forKey: .initialStatus)
        try container.encode(postponedStatus, forKey: .postponedStatus)
        try container.encode(returnToWorkStatus, forKey: .returnToWorkStatus)
        try container.encode(mergedStatus, forKey: .mergedStatus)
        let replies = Dictionary(uniqueKeysWithValues: clientReplyTransitions.map { ($0.key.rawValue, $0.value) })
        try container.encode(replies, forKey: .clientReplyTransitions)
    }
}
