import Synchronization

/// Per-document accumulators a search reuses: all zero between searches, reset through the
/// lists of the documents it touched, so a search costs what it walks, not the index's size.
struct SearchScratch: Sendable {
    /// By document number: the score so far, in units of ``SearchScratch/scoreUnit``. Integers add
    /// up the same in any order, so a document's score does not depend on the order positions are
    /// walked in (rarest first, which depends on every partition's postings).
    var scores: [Int64] = []
    /// The fixed-point unit of ``scores``: 2⁻⁴⁴. A contribution is at most idf · (k1 + 1) < 60 and a
    /// query has at most 1,024 positions, so a sum stays below 2⁶⁰.
    static let scoreUnit = 0x1p-44
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
    /// In `.all` mode, the documents that matched every earlier position, in increasing order.
    var candidates: [Int32] = []

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
