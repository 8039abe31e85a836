import Synchronization

/// Per-document accumulators a search reuses: all zero between searches, reset through the
/// lists of the documents it touched, so a search costs what it walks, not the index's size.
struct SearchScratch: Sendable {
    /// By document number: the score so far.
    var scores: [Double] = []
    /// By document number: the query positions matched so far.
    var matched: [Int32] = []
    /// By document number: the best contribution of a prefix's expansions.
    var best: [Double] = []
    /// Documents whose `scores`/`matched` are set.
    var touched: [Int32] = []
    /// Documents whose `best` is set.
    var bestTouched: [Int32] = []
    /// One term's candidates and their saturated frequencies, until its `n` (and so its idf) is known.
    var pendingDocuments: [Int32] = []
    var pendingSaturations: [Double] = []

    mutating func grow(to documents: Int) {
        guard scores.count < documents else { return }
        let more = documents - scores.count
        scores.append(contentsOf: repeatElement(0, count: more))
        matched.append(contentsOf: repeatElement(0, count: more))
        best.append(contentsOf: repeatElement(0, count: more))
    }

    /// Zeroes what the last search set.
    mutating func reset() {
        for document in touched {
            scores[Int(document)] = 0
            matched[Int(document)] = 0
        }
        for document in bestTouched { best[Int(document)] = 0 }
        touched.removeAll(keepingCapacity: true)
        bestTouched.removeAll(keepingCapacity: true)
    }
}

/// A few scratch sets shared by the copies of one index; concurrent searches each take their own.
final class SearchScratchPool: Sendable {
    private let free = Mutex<[SearchScratch]>([])

    /// A zeroed scratch set for at least `documents` document numbers.
    func take(documents: Int) -> SearchScratch {
        var scratch = free.withLock { $0.popLast() } ?? SearchScratch()
        scratch.grow(to: documents)
        return scratch
    }

    /// Returns a scratch set after ``SearchScratch/reset()``.
    func give(_ scratch: SearchScratch) {
        free.withLock { pool in
            if pool.count < 4 { pool.append(scratch) }
        }
    }
}
