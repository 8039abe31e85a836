/// How far a client company's contacts see each other's tickets in the portal.
///
/// Zammad's "shared organization" is all-or-nothing; here the company chooses between no sharing,
/// each contact's own ``Contact/portalScope``, and sharing everything.
public enum TicketSharing: String, CaseIterable, Hashable, Sendable, Codable {
    /// Every contact sees only the tickets it requested or is copied on, whatever its portal scope.
    case none
    /// Each contact sees what its ``Contact/portalScope`` says (the default).
    case perMember
    /// Every contact sees every ticket of the company.
    case all
}
