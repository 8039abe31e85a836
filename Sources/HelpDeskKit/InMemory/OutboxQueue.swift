/// The in-memory outbox: events in sequence order, dropped once acknowledged.
struct OutboxQueue: Sendable {
    /// Slot `i` holds the event with sequence `firstSequence + i`, or `nil` once acknowledged.
    private var slots: [OutboxEvent?] = []
    private var firstSequence: UInt64 = 1
    /// Index of the first slot that may still be unacknowledged.
    private var head = 0

    /// The sequence of the last event ever appended, or 0.
    private(set) var lastSequence: UInt64 = 0

    /// An empty queue.
    init() {}

    /// A queue holding `undelivered` (sorted by sequence) after `lastSequence` was issued.
    init(undelivered: [OutboxEvent], lastSequence: UInt64) {
        self.lastSequence = lastSequence
        guard let first = undelivered.first else {
            firstSequence = lastSequence + 1
            return
        }
        firstSequence = first.sequence
        slots = [OutboxEvent?](repeating: nil, count: Int(lastSequence - first.sequence + 1))
        for event in undelivered { slots[Int(event.sequence - first.sequence)] = event }
    }

    /// Appends `event` with the next sequence number.
    mutating func append(_ event: PendingEvent) {
        lastSequence += 1
        slots.append(OutboxEvent(sequence: lastSequence, pending: event))
    }

    /// Up to `limit` unacknowledged events, oldest first.
    func undelivered(limit: Int) -> [OutboxEvent] {
        var result: [OutboxEvent] = []
        var index = head
        while index < slots.count, result.count < limit {
            if let event = slots[index] { result.append(event) }
            index += 1
        }
        return result
    }

    /// Removes the event with `sequence`; unknown or already acknowledged sequences are ignored.
    mutating func acknowledge(_ sequence: UInt64) {
        guard sequence >= firstSequence else { return }
        let index = Int(sequence - firstSequence)
        guard index < slots.count else { return }
        slots[index] = nil
        while head < slots.count, slots[head] == nil { head += 1 }
        if head > 4096, head * 2 > slots.count {
            slots.removeFirst(head)
            firstSequence += UInt64(head)
            head = 0
        }
    }
}
