/// One capability of the desk as the engine core sees it: its hooks and the tables it stores.
///
/// A capability declares itself once, in its own folder (`extension Capability { static let … }`),
/// and is registered by one line in ``Capabilities/all``.
struct Capability: Sendable {
    /// A short name for logs and documentation.
    let name: String
    /// The in-memory tables of what it stores in units of work and snapshots, when it stores
    /// something beyond the core's shared records.
    var tables: (any CapabilityTable.Type)? = nil
    /// Run on every recorded ticket change.
    var ticketHooks: [TicketHook] = []
    /// Run by every ``HelpDesk/tick(now:)``.
    var tickHooks: [TickHook] = []
    /// Run on a command's whole unit before it commits, when its notes ask for it.
    var unitHooks: [UnitHook] = []
    /// The lanes of this engine a unit with this capability's changes must hold when it commits
    /// (``HelpDesk/waitedForImpliedLanes(_:)``).
    var impliedLanes: (@Sendable (UnitOfWork) -> [String])? = nil
}

/// The one list a capability registers in. Hooks run in the order of this list (and of each
/// capability's own hooks): SLA clocks are set before a rating request or settlement looks at the
/// ticket; postponed tickets return before SLA announcements are made.
enum Capabilities {
    /// Every capability, in the order their hooks run.
    static let all: [Capability] = [
        .tickets, .automation, .sla, .labor, .ratings, .billing, .clients, .allowances, .roles, .assignment, .knowledge,
        .trail, .notifications, .cannedAnswers, .email, .visits, .maintenance, .idempotency,
    ]

    /// Run on every recorded ticket change, in this order.
    static let ticketHooks: [TicketHook] = all.flatMap(\.ticketHooks)
    /// Run by every ``HelpDesk/tick(now:)``, in this order: the capabilities' order, except that hooks
    /// that act on the others' results (``TickHook/runsAfterOthers``, time rules) come last.
    static let tickHooks: [TickHook] = {
        let hooks = all.flatMap(\.tickHooks)
        return hooks.filter { !$0.runsAfterOthers } + hooks.filter(\.runsAfterOthers)
    }()
    /// Run on a command's unit before it commits, in this order (``UnitHook``).
    static let unitHooks: [UnitHook] = all.flatMap(\.unitHooks)
    /// The lanes each capability's changes imply (``Capability/impliedLanes``).
    static let impliedLanes: [@Sendable (UnitOfWork) -> [String]] = all.compactMap(\.impliedLanes)
    /// The in-memory tables of every capability that stores something.
    static let tableTypes: [any CapabilityTable.Type] = all.compactMap(\.tables)
    /// The change types units of work may hold, in the order they are encoded and applied.
    static let changeTypes: [any CapabilityChanges.Type] = tableTypes.map { $0.changesType }
    /// The image types a store image may hold.
    static let imageTypes: [any CapabilityImage.Type] = tableTypes.map { $0.imageType }
}

extension CapabilityTable {
    /// The image type, reachable from an existential metatype.
    static var imageType: Image.Type { Image.self }
}
