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

/// Everything an adapter implements: the core repositories plus atomic commits, and the feature
/// stores of the capabilities it supports (``feature(_:)``).
///
/// Run `HelpDeskTestSupport`'s contract suite against every adapter.
public protocol HelpDeskStore: TicketRepository, CommentRepository, AuditLogRepository, DirectoryRepository,
    OutboxRepository, UnitOfWorkCommitting
{
    /// The store's implementation of a capability's repository (for example
    /// `(any RatingRepository).self`), or `nil` when the adapter does not offer that capability.
    ///
    /// An adapter that offers a feature also stores its ``CapabilityChanges`` in ``commit(_:)``;
    /// one that does not must refuse units holding them rather than drop them.
    func feature<Feature>(_ feature: Feature.Type) throws(StorageError) -> Feature?
}

extension HelpDeskStore {
    /// The store itself, when it conforms to `Feature`.
    public func feature<Feature>(_ feature: Feature.Type) throws(StorageError) -> Feature? {
        self as? Feature
    }
}
