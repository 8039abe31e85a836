/// What a command's ticket edits ask the engine to do before their unit commits (drain the backlog
/// of groups where a member's slot freed up), with the open loads the unit changes.
///
/// Bookkeeping beside a ``UnitOfWork``, never stored, encoded or compared: two units with the same
/// changes are equal whatever their notes.
struct UnitNotes: Hashable, Sendable {
    /// How the unit's recorded edits change each employee's open tickets, by priority.
    var openLoad: [EmployeeID: [Priority: Int]] = [:]
    /// Employees an edit took an open ticket from (resolved, closed, cancelled or given to someone else).
    var freedEmployees: Set<EmployeeID> = []
    /// Groups whose backlog must drain before the unit commits (a cap raised, draining turned on).
    var drainGroups: Set<GroupID> = []
    /// The unit answers mail a robot wrote (an auto-reply, a list): it sends clients no notices,
    /// so two robots never answer each other.
    var answersRobot = false
    /// Visit changes whose audit entry, events and client notices the visits' unit hook writes.
    var visitChanges: [VisitChangeNote] = []
    /// Tickets an edit took out of work (resolved, closed or cancelled), as they will be stored:
    /// their visits still ahead are called off.
    var endedTickets: [TicketID: TicketTakenOutOfWork] = [:]

    /// `true` when the unit hooks have something to do.
    var asksForUnitHooks: Bool {
        !freedEmployees.isEmpty || !drainGroups.isEmpty || !visitChanges.isEmpty || !endedTickets.isEmpty
    }

    static func == (_: UnitNotes, _: UnitNotes) -> Bool { true }

    func hash(into hasher: inout Hasher) {}
}
