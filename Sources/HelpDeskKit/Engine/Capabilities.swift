/// The one list a capability registers in: its ticket hooks and its tick hooks, in the order they
/// run. The engine core names no capability; adding one means adding its hooks here.
enum Capabilities {
    /// Run on every recorded ticket change, in this order.
    static let ticketHooks: [TicketHook] = [.slaClocks, .ratingRequests, .settlement]
    /// Run by every ``HelpDesk/tick(now:)``, in this order.
    static let tickHooks: [TickHook] = [
        .postponedReturn, .slaAnnouncements, .contractReminders, .idempotencySweep,
    ]
}
