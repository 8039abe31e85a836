import Foundation

extension HelpDesk {
    /// Up to `limit` events not yet acknowledged, oldest first. Events are delivered at least once:
    /// they come back on every call until ``acknowledgeEvents(_:)`` removes them.
    public func undeliveredEvents(limit: Int = 100, as viewer: Performer) async throws(HelpDeskError) -> [OutboxEvent] {
        _ = try await authorize(viewer, .deliverEvents)
        let limits = 1...10_000
        guard limits.contains(limit) else { throw .invalidInput(field: "limit", problem: .outOfRange(limits)) }
        return try await storage { try await store.undeliveredEvents(limit: limit) }
    }

    /// Marks events as delivered. Acknowledging an event twice is harmless; a sequence that was
    /// never issued is rejected and nothing is acknowledged.
    public func acknowledgeEvents(_ sequences: [UInt64], by performer: Performer, idempotencyKey: IdempotencyKey? = nil)
        async throws(HelpDeskError)
    {
        let _: Done = try await perform(
            by: performer,
            command: "acknowledgeEvents", key: idempotencyKey, inputs: [sequences]
        ) { context throws(HelpDeskError) in
            try authorize(context.principal, AccessRequest(.deliverEvents))
            let last = try await storage { try await store.lastEventSequence() }
            if let unknown = sequences.first(where: { $0 == 0 || $0 > last }) { throw .unknownEventSequence(unknown) }
            context.work.acknowledgedEvents = sequences
            return Done()
        }
    }
}
