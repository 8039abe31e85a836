/// A binary min-heap of (expiry instant, pending transfer id), soonest first.
///
/// Entries are never removed when a pending transfer is posted or voided; the ledger skips
/// resolved ones when it pops (lazy deletion).
struct ExpiryHeap: Sendable {
    /// Heap-ordered entries.
    private(set) var items: [(expiresAt: UInt64, id: TransferID)] = []

    /// The number of queued entries (including stale ones).
    var count: Int { items.count }

    /// The soonest entry, if any.
    var first: (expiresAt: UInt64, id: TransferID)? { items.first }

    /// Adds an entry.
    /// - Complexity: O(log n).
    mutating func push(expiresAt: UInt64, id: TransferID) {
        items.append((expiresAt, id))
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child].expiresAt < items[parent].expiresAt else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the soonest entry.
    /// - Complexity: O(log n).
    mutating func popFirst() -> (expiresAt: UInt64, id: TransferID)? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < items.count else { break }
            var smallest = left
            if left + 1 < items.count, items[left + 1].expiresAt < items[left].expiresAt { smallest = left + 1 }
            guard items[smallest].expiresAt < items[parent].expiresAt else { break }
            items.swapAt(parent, smallest)
            parent = smallest
        }
        return top
    }
}
