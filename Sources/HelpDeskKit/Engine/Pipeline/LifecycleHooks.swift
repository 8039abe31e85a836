import Foundation

/// A capability's part in every ticket change: it may adjust the edit before it is recorded and
/// add to the unit of work before it is committed (SLA clocks, rating requests, settlement).
struct TicketHook: Sendable {
    /// Adjusts an edit before its audit entries and events are derived.
    typealias Prepare = @Sendable (isolated HelpDesk, inout TicketEdit) async throws(HelpDeskError) -> Void
    /// Adds to the unit of work once the edit is recorded; `ticket` is the ticket as it will be stored.
    typealias WillCommit =
        @Sendable (isolated HelpDesk, TicketEdit, _ ticket: Ticket, inout UnitOfWork) async throws(HelpDeskError) ->
        Void

    /// A short name for logs and documentation.
    let name: String
    /// Runs before the edit is recorded.
    var prepare: Prepare?
    /// Runs after the edit is recorded, before the commit.
    var willCommit: WillCommit?
}

/// A capability's time-driven work, run by ``HelpDesk/tick(now:)`` in registration order.
struct TickHook: Sendable {
    /// Does the work due by `now` and reports it.
    typealias Run = @Sendable (isolated HelpDesk, _ now: Date, inout TickReport) async throws(HelpDeskError) -> Void

    /// A short name for logs and documentation.
    let name: String
    /// `true` for work that acts on what the other hooks of the same tick changed: it runs after
    /// them all (time rules see the tick's returns to work and SLA announcements).
    var runsAfterOthers = false
    /// The work.
    let run: Run
}

/// A capability's work on a whole unit of work: run once per attempt of a command, after the
/// command decided and before its unit commits, when the unit's ``UnitNotes`` ask for it (a
/// member's slot freed up: the group's backlog drains in the same unit). It may hold lanes and
/// add to the unit.
struct UnitHook: Sendable {
    /// Adds to the command's unit of work.
    typealias Run = @Sendable (isolated HelpDesk, inout CommandContext) async throws(HelpDeskError) -> Void

    /// A short name for logs and documentation.
    let name: String
    /// The work.
    let run: Run
}

extension HelpDesk {
    /// Runs every registered ``TickHook`` up to `now`: postponed tickets return to work, SLA
    /// warnings and breaches are announced, contract reminders go out; each announcement is made
    /// once, and ticking twice is harmless.
    @discardableResult
    public func tick(now: Date) async throws(HelpDeskError) -> TickReport {
        try Validate.instant(now, field: "now")
        var report = TickReport()
        for hook in Capabilities.tickHooks { try await hook.run(self, now, &report) }
        return report
    }
}
