import Foundation

/// What one attempt of a command builds: its unit of work and the ticket numbers it reserved.
///
/// The pipeline gives every attempt a fresh context; a command reads what it needs, decides, and
/// adds its changes to ``work``. The pipeline commits the unit, or gives the numbers back when
/// the attempt fails.
struct CommandContext {
    /// Who performs the command.
    let performer: Performer
    /// The performer as resolved for this attempt (the pipeline sets it before the command runs).
    var principal = Principal.system
    /// The changes the command makes, committed together.
    var work = UnitOfWork()
    /// Ticket numbers reserved by this attempt (given back if it fails).
    var reservedNumbers: [TicketNumber] = []
    /// Lanes the command holds until it ends, kept across its attempts (``HelpDesk/holdLanes(_:in:)``).
    var lanes: [String] = []
    /// Tickets the attempt locked besides the command's own (backlog tickets an automatic drain
    /// assigns), released when the attempt ends.
    var extraTickets: [TicketID] = []

    init(performer: Performer) {
        self.performer = performer
    }
}
