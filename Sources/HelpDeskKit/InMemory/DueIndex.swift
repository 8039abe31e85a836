import Foundation

/// Tickets keyed by an instant at which something is due (a postponement ends, an SLA needs a
/// look), answering "which are due by now?" without scanning every ticket.
///
/// A min-heap with lazy deletion: changing or clearing an instant leaves the old heap entry
/// behind, and lookups skip entries that no longer match; the heap is rebuilt when stale entries
/// outnumber live ones.
struct DueIndex: Sendable {
    private struct Entry: Sendable {
        var instant: Date
        var id: TicketID
    }

    private var current: [TicketID: Date] = [:]
    private var heap: [Entry] = []

    /// An empty index.
    init() {}

    /// An index of `entries` (distinct tickets), built in linear time.
    init(bulk entries: [(TicketID, Date)]) {
        current.reserveCapacity(entries.count)
        for (id, instant) in entries { current[id] = instant }
        heap = entries.map { Entry(instant: $0.1, id: $0.0) }
        for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { return }
            let right = left + 1
            let child = right < heap.count && heap[right].instant < heap[left].instant ? right : left
            guard heap[child].instant < heap[parent].instant else { return }
            heap.swapAt(child, parent)
            parent = child
        }
    }

    /// Records that `id` is due at `instant`, or no longer due when `instant` is `nil`.
    mutating func set(_ id: TicketID, to instant: Date?) {
        if instant == nil, current.isEmpty { return }
        guard current[id] != instant else { return }
        if let instant {
            current[id] = instant
            push(Entry(instant: instant, id: id))
        } else {
            current.removeValue(forKey: id)
        }
        if heap.count > 2 * current.count + 1_024 { rebuild() }
    }

    /// Every ticket due at or before `instant`, in no particular order.
    ///
    /// - Complexity: O(*k* + *s*) for *k* due tickets and *s* stale entries above them.
    func due(by instant: Date) -> [TicketID] {
        var found: [TicketID] = []
        var seen = Set<TicketID>()
        var stack = heap.isEmpty ? [] : [0]
        while let index = stack.popLast() {
            let entry = heap[index]
            guard entry.instant <= instant else { continue }
            if current[entry.id] == entry.instant, seen.insert(entry.id).inserted { found.append(entry.id) }
            for child in [2 * index + 1, 2 * index + 2] where child < heap.count { stack.append(child) }
        }
        return found
    }

    private mutating func push(_ entry: Entry) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].instant < heap[parent].instant else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func rebuild() {
        heap = []
        for (id, instant) in current { push(Entry(instant: instant, id: id)) }
    }
}
