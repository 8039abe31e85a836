import Foundation

/// Where the client's approval of a ticket's paid work stands.
public enum ApprovalDecision: String, CaseIterable, Hashable, Sendable, Codable {
    /// Asked for, not yet decided: the work cannot be settled.
    case requested
    /// The client agreed to pay for the work as specified.
    case approved
    /// The client refused; the work cannot be settled until the lines change and it is asked again.
    case declined
}

/// The client's approval of a specification's paid (billable) lines, as they stand.
///
/// Any change to the lines after the request puts the approval back to ``ApprovalDecision/requested``:
/// an approval always speaks for the current lines.
public struct SpecificationApproval: Hashable, Sendable, Codable {
    /// The decision so far.
    public var decision: ApprovalDecision
    /// The specification version the decision (or request) was recorded at.
    public var version: Int
    /// When approval was (last) asked for.
    public var requestedAt: Date
    /// Who asked for it.
    public var requestedBy: Performer
    /// When the client decided.
    public var decidedAt: Date?
    /// Who decided: a contact allowed to approve paid work, or an employee who settles work.
    public var decidedBy: Performer?
    /// Why the work was declined (or a remark on the approval).
    public var remark: String?

    /// Describes an approval.
    public init(
        decision: ApprovalDecision, version: Int, requestedAt: Date, requestedBy: Performer, decidedAt: Date? = nil,
        decidedBy: Performer? = nil, remark: String? = nil
    ) {
        self.decision = decision
        self.version = version
        self.requestedAt = requestedAt
        self.requestedBy = requestedBy
        self.decidedAt = decidedAt
        self.decidedBy = decidedBy
        self.remark = remark
    }
}
