/// Reads the event outbox.
public protocol OutboxRepository: Sendable {
    /// Up to `limit` unacknowledged events, lowest sequence first.
    func undeliveredEvents(limit: Int) async throws -> [OutboxEvent]
    /// The sequence number of the last committed event, or 0 when none was ever committed.
    func lastEventSequence() async throws -> UInt64
}
