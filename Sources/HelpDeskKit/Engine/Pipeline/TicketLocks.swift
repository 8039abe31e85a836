/// Per-ticket locks held by the engine's commands: two commands on one ticket run one after the
/// other (first come, first served), commands on different tickets run side by side.
///
/// Actor-owned state: only ``HelpDesk`` touches it, from its own isolation, so acquiring and
/// releasing are plain mutations; a waiter is resumed by the release that hands it the lock.
struct TicketLocks {
    /// Held tickets, each with the commands waiting for it in arrival order.
    private var waiters: [TicketID: [CheckedContinuation<Void, Never>]] = [:]

    /// Takes the lock on `ticket` when it is free; `false` when another command holds it.
    mutating func tryAcquire(_ ticket: TicketID) -> Bool {
        guard waiters[ticket] == nil else { return false }
        waiters[ticket] = []
        return true
    }

    /// Queues `waiter` for `ticket`, which another command holds.
    mutating func enqueue(_ waiter: CheckedContinuation<Void, Never>, for ticket: TicketID) {
        waiters[ticket, default: []].append(waiter)
    }

    /// Releases `ticket`: the longest-waiting command gets it, or it becomes free.
    mutating func release(_ ticket: TicketID) {
        guard var queue = waiters[ticket], !queue.isEmpty else {
            waiters[ticket] = nil
            return
        }
        let next = queue.removeFirst()
        waiters[ticket] = queue
        next.resume()
    }

    /// `true` when no command holds or waits for any ticket.
    var isIdle: Bool { waiters.isEmpty }
}

extension HelpDesk {
    /// Takes the locks on `tickets` in a fixed order (so two commands never wait for each other)
    /// and returns them, deduplicated, for ``unlock(_:)``.
    func lock(_ tickets: [TicketID]) async -> [TicketID] {
        let ordered = tickets.count > 1 ? Array(Set(tickets)).sorted() : tickets
        for ticket in ordered where !ticketLocks.tryAcquire(ticket) {
            await withCheckedContinuation { waiter in ticketLocks.enqueue(waiter, for: ticket) }
        }
        return ordered
    }

    /// Releases locks taken by ``lock(_:)``.
    func unlock(_ tickets: [TicketID]) {
        for ticket in tickets.reversed() { ticketLocks.release(ticket) }
    }
}
