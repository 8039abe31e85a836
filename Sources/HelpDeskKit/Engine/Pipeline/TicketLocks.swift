/// Locks held by the engine's commands, one per key (a ticket, or a shared record's lane): two
/// commands on one key run one after the other (first come, first served), commands on different
/// keys run side by side.
///
/// Actor-owned state: only ``HelpDesk`` touches it, from its own isolation, so acquiring and
/// releasing are plain mutations; a waiter is resumed by the release that hands it the lock.
struct KeyedLocks<Key: Hashable> {
    /// Held keys, each with the commands waiting for it in arrival order.
    private var waiters: [Key: [CheckedContinuation<Void, Never>]] = [:]

    /// Takes the lock on `ticket` when it is free; `false` when another command holds it.
    mutating func tryAcquire(_ ticket: Key) -> Bool {
        guard waiters[ticket] == nil else { return false }
        waiters[ticket] = []
        return true
    }

    /// Queues `waiter` for `ticket`, which another command holds.
    mutating func enqueue(_ waiter: CheckedContinuation<Void, Never>, for ticket: Key) {
        waiters[ticket, default: []].append(waiter)
    }

    /// Releases `ticket`: the longest-waiting command gets it, or it becomes free.
    mutating func release(_ ticket: Key) {
        guard var queue = waiters[ticket], !queue.isEmpty else {
            waiters[ticket] = nil
            return
        }
        let next = queue.removeFirst()
        waiters[ticket] = queue
        next.resume()
    }

    /// `true` when no command holds or waits for any key.
    var isIdle: Bool { waiters.isEmpty }
}

/// Per-ticket locks: commands editing one ticket run one after the other.
typealias TicketLocks = KeyedLocks<TicketID>

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

extension HelpDesk {
    /// Makes the command in `context` hold the lanes `keys` (besides those it holds) until it
    /// ends, so commands of this engine that rewrite one shared record (a service period's
    /// allowance usage) take turns instead of failing each other's commits.
    ///
    /// Lanes are taken after ticket locks and in sorted order; a command that needs a lane below
    /// one it holds gives its lanes back and takes them all again in order, so two commands never
    /// wait for each other.
    func holdLanes(_ keys: Set<String>, in context: inout CommandContext) async {
        let wanted = keys.subtracting(context.lanes)
        guard !wanted.isEmpty else { return }
        if let highest = context.lanes.max(), wanted.contains(where: { $0 < highest }) {
            releaseLanes(context.lanes)
            let all = Set(context.lanes).union(wanted).sorted()
            context.lanes = []
            for key in all { await acquireLane(key, in: &context) }
        } else {
            for key in wanted.sorted() { await acquireLane(key, in: &context) }
        }
    }

    /// Releases lanes taken by ``holdLanes(_:in:)``.
    func releaseLanes(_ lanes: [String]) {
        for lane in lanes.reversed() { laneLocks.release(lane) }
    }

    private func acquireLane(_ key: String, in context: inout CommandContext) async {
        if !laneLocks.tryAcquire(key) {
            await withCheckedContinuation { waiter in laneLocks.enqueue(waiter, for: key) }
        }
        context.lanes.append(key)
    }
}
