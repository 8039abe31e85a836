/// The `capacity` best `(score, document)` pairs seen, in a binary heap whose root is the worst kept.
///
/// Better means a higher score, or an equal score and a lower document number (upserted earlier).
struct TopHits {
    private(set) var heap: [(score: Double, document: Int32)] = []
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(0, capacity)
        heap.reserveCapacity(min(self.capacity, 1_024))
    }

    static func isBetter(_ a: (score: Double, document: Int32), than b: (score: Double, document: Int32)) -> Bool {
        a.score > b.score || (a.score == b.score && a.document < b.document)
    }

    mutating func offer(score: Double, document: Int32) {
        guard capacity > 0 else { return }
        let candidate = (score: score, document: document)
        if heap.count < capacity {
            heap.append(candidate)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.isBetter(heap[parent], than: heap[child]) else { break }
                heap.swapAt(parent, child)
                child = parent
            }
        } else if Self.isBetter(candidate, than: heap[0]) {
            heap[0] = candidate
            var parent = 0
            while true {
                let left = 2 * parent + 1
                guard left < heap.count else { break }
                let right = left + 1
                var worse = left
                if right < heap.count, Self.isBetter(heap[left], than: heap[right]) { worse = right }
                guard Self.isBetter(heap[parent], than: heap[worse]) else { break }
                heap.swapAt(parent, worse)
                parent = worse
            }
        }
    }

    /// The kept pairs, best first.
    func sorted() -> [(score: Double, document: Int32)] { heap.sorted { Self.isBetter($0, than: $1) } }
}
