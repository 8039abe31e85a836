import Foundation

/// Applies units of work atomically.
public protocol UnitOfWorkCommitting: Sendable {
    /// Applies every change in `work` or none of them.
    ///
    /// Must throw ``StorageError`` with kind `.conflict` when a ticket's stored revision differs
    /// from the expected one, a new ticket's identifier or number is taken, or a comment or audit
    /// entry names a ticket that is neither stored nor inserted by the same unit; and must assign
    /// outbox sequence numbers in commit order.
    func commit(_ work: UnitOfWork) async throws
}

/// Everything an adapter implements: all repositories plus atomic commits.
///
/// Run `HelpDeskTestSupport`'s contract suite against every adapter.
public protocol HelpDeskStore: TicketRepository, CommentRepository, AuditLogRepository, DirectoryRepository,
    OutboxRepository, CompanyRepository, ContractRepository, AssetRepository, LaborRepository, RatingRepository,
    BillingRepository, IdempotencyRepository,
    UnitOfWorkCommitting
{}
