/// An in-memory inverted index over documents with weighted text fields, ranked by BM25F, searched
/// within the partitions a reader may see.
///
/// **Ranking.** BM25F with `k1` = 1.2 and `b` = 0.75. For each query term `t` and document `d`:
///
///     tf~(t, d) = Σ_f  w_f · tf_f(t, d) / (1 − b + b · len_f(d) / avglen_f)     (fields with tf_f > 0)
///     idf(t)    = ln(1 + (N − n(t) + 0.5) / (n(t) + 0.5))
///     score(d) += idf(t) · tf~ · (k1 + 1) / (tf~ + k1)
///
/// where `len_f` counts the field's terms (after analysis), `N` is the number of documents, `n(t)`
/// the number of documents holding `t` in any field, and `avglen_f` the mean `len_f`. Distinct
/// query terms count once each, in order of appearance (at most ``SearchQuery/maximumTerms``).
/// An as-you-type prefix is one more query position, last: it expands to every indexed term
/// whose UTF-8 bytes start with the folded prefix, plus the prefix's stem, and a document scores
/// the **best** (largest) contribution of any expansion it holds — not their sum, so a short
/// prefix with many expansions does not outweigh whole words.
///
/// **Visibility before ranking and counting.** `N`, `n(t)`, `avglen_f` and the result's `total`
/// count only documents in the query's visible partitions, so a reader's hits, scores and totals
/// are exactly those of an index holding only what they may see.
///
/// **Order.** Best score first; equal scores in the order the documents were upserted, earlier
/// first (upserting an existing key again moves it to the end). Scores of equal documents are
/// computed by the same operations, so equal documents tie exactly.
///
/// **Walk.** An `.all` query walks its rarest position first; when every document is visible, the
/// later positions probe only the documents still in the running, by binary search in their
/// postings. Contributions are summed in fixed point (units of 2⁻⁴⁴), so a score does not depend on
/// the order the positions were walked in — which depends on all partitions' postings.
///
/// Postings are contiguous arrays per term of dense document numbers with per-field frequencies
/// packed in bytes; a removed or replaced document is a tombstone until half the numbers are dead,
/// then the postings are compacted. Searching allocates no memory per posting.
public struct SearchIndex<Key: Hashable & Sendable>: Sendable {
    /// The most fields an index may have.
    public static var maximumFields: Int { 16 }

    /// BM25's term-frequency saturation.
    static var k1: Double { 1.2 }
    /// BM25's length normalisation.
    static var b: Double { 0.75 }
    /// A document count at which removed numbers are compacted once they are half of all numbers.
    static var compactionFloor: Int { 16 }

    /// The fields every document has, in order, with their weights.
    public let fields: [SearchField]
    /// The analyzer that turns documents and queries into terms.
    public let analyzer: TextAnalyzer

    let weights: [Double]
    /// 32-bit words per posting: the document number, then the field frequencies four bytes a word.
    let stride: Int
    var terms = TermDictionary()
    /// By term number: `stride` words per posting, in increasing document number.
    var postings: [[UInt32]] = []
    /// Frequencies of 255 or more (the posting's byte holds 255).
    var bigFrequencies: [BigFrequency: UInt32] = [:]
    /// By document number: the key, `nil` once removed.
    var keys: [Key?] = []
    var numbers: [Key: Int32] = [:]
    /// By document number: its partition's slot + 1, or 0 once removed.
    var slots: [UInt32] = []
    /// By document number × field count + field: the field's length in terms.
    var lengths: [UInt32] = []
    var slotOfPartition: [Int: UInt32] = [:]
    /// By slot: the partition's live documents.
    var slotDocuments: [Int] = []
    /// By slot × field count + field: the sum of the partition's field lengths.
    var slotLengths: [Int] = []
    var removedCount = 0
    let scratch = SearchScratchPool()

    /// A frequency too large for a posting's byte.
    struct BigFrequency: Hashable, Sendable {
        var term: Int32
        var document: Int32
        var field: Int32
    }

    /// An empty index of documents with `fields`, analyzed by `analyzer`.
    public init(fields: [SearchField], analyzer: TextAnalyzer = TextAnalyzer()) throws(SearchIndexError) {
        guard (1...Self.maximumFields).contains(fields.count) else { throw .fieldCount(fields.count) }
        for field in fields {
            guard field.weight.isFinite, field.weight >= 1e-6, field.weight <= SearchField.maximumWeight else {
                throw .invalidWeight(field: field.name)
            }
        }
        self.fields = fields
        self.analyzer = analyzer
        weights = fields.map(\.weight)
        stride = 1 + (fields.count + 3) / 4
    }

    /// The number of documents the index holds.
    public var count: Int { numbers.count }

    /// Whether the index holds a document for `key`.
    public func contains(_ key: Key) -> Bool { numbers[key] != nil }

    /// Adds the document `key` in `partition` with one text per field, replacing any document of that key.
    public mutating func upsert(_ key: Key, partition: Int, fields texts: [String]) throws(SearchIndexError) {
        let fieldCount = fields.count
        guard texts.count == fieldCount else { throw .fieldMismatch(expected: fieldCount, got: texts.count) }
        guard let document = Int32(exactly: keys.count), document < Int32.max else { throw .capacityExceeded }
        // Occurrences as term << 8 | field, sorted, so equal terms and fields run together.
        var occurrences: [UInt64] = []
        var fieldLengths = [UInt32](repeating: 0, count: fieldCount)
        var full = false
        for (field, text) in texts.enumerated() {
            var length = 0
            analyzer.forEachTerm(in: text) { term in
                guard let number = terms.intern(term) else {
                    full = true
                    return
                }
                occurrences.append(UInt64(number) << 8 | UInt64(field))
                length += 1
            }
            guard length <= Int(Int32.max) else { throw .fieldTooLong }
            fieldLengths[field] = UInt32(length)
        }
        guard !full else { throw .capacityExceeded }
        if let old = numbers[key] { tombstone(old) }

        let slot = slotOfPartition[partition] ?? newSlot(for: partition)
        keys.append(key)
        numbers[key] = document
        slots.append(slot + 1)
        lengths.append(contentsOf: fieldLengths)
        slotDocuments[Int(slot)] += 1
        for field in 0..<fieldCount { slotLengths[Int(slot) * fieldCount + field] += Int(fieldLengths[field]) }
        while postings.count < terms.count { postings.append([]) }

        occurrences.sort()
        var index = 0
        var entry = [UInt32](repeating: 0, count: stride)
        while index < occurrences.count {
            let term = Int32(truncatingIfNeeded: occurrences[index] >> 8)
            for word in 1..<stride { entry[word] = 0 }
            entry[0] = UInt32(document)
            while index < occurrences.count, Int32(truncatingIfNeeded: occurrences[index] >> 8) == term {
                let field = Int(occurrences[index] & 0xFF)
                var end = index
                while end < occurrences.count, occurrences[end] == occurrences[index] { end += 1 }
                let frequency = end - index
                if frequency >= 255 {
                    let big = BigFrequency(term: term, document: document, field: Int32(field))
                    bigFrequencies[big] = UInt32(frequency)
                }
                entry[1 + field / 4] |= UInt32(min(frequency, 255)) << (8 * UInt32(field % 4))
                index = end
            }
            postings[Int(term)].append(contentsOf: entry)
        }
        compactIfHalfRemoved()
    }

    /// Removes the document `key`, if the index holds it.
    public mutating func remove(_ key: Key) {
        guard let document = numbers[key] else { return }
        tombstone(document)
        compactIfHalfRemoved()
    }

    /// Bytes the index holds, roughly: postings, per-document arrays, the term dictionary and key tables.
    public var estimatedByteCount: Int {
        let postingBytes = postings.reduce(postings.capacity * 8) { $0 + $1.capacity * 4 + 32 }
        let keyBytes = keys.capacity * MemoryLayout<Key?>.stride + numbers.capacity * (MemoryLayout<Key>.stride + 12)
        let documentBytes = slots.capacity * 4 + lengths.capacity * 4
        return postingBytes + keyBytes + documentBytes + terms.estimatedByteCount + bigFrequencies.capacity * 24
    }

    mutating func newSlot(for partition: Int) -> UInt32 {
        let slot = UInt32(slotDocuments.count)
        slotOfPartition[partition] = slot
        slotDocuments.append(0)
        slotLengths.append(contentsOf: repeatElement(0, count: fields.count))
        return slot
    }

    /// Takes `document` out of the statistics and marks it removed; its postings stay until compaction.
    private mutating func tombstone(_ document: Int32) {
        let index = Int(document)
        let slot = Int(slots[index]) - 1
        let fieldCount = fields.count
        slotDocuments[slot] -= 1
        for field in 0..<fieldCount {
            slotLengths[slot * fieldCount + field] -= Int(lengths[index * fieldCount + field])
        }
        if let key = keys[index] { numbers[key] = nil }
        keys[index] = nil
        slots[index] = 0
        removedCount += 1
    }

    private mutating func compactIfHalfRemoved() {
        if removedCount >= Self.compactionFloor, removedCount * 2 >= keys.count { compact() }
    }

    /// Renumbers the live documents densely (keeping their order), drops removed ones' postings and terms.
    private mutating func compact() {
        let fieldCount = fields.count
        var renumbered = [Int32](repeating: -1, count: keys.count)
        var next: Int32 = 0
        for document in keys.indices where slots[document] != 0 {
            renumbered[document] = next
            next += 1
        }
        for term in postings.indices {
            let kept = postings[term].withUnsafeMutableBufferPointer { words in
                var write = 0
                var read = 0
                while read < words.count {
                    let new = renumbered[Int(words[read])]
                    if new >= 0 {
                        words[write] = UInt32(new)
                        for word in 1..<stride { words[write + word] = words[read + word] }
                        write += stride
                    }
                    read += stride
                }
                return write
            }
            postings[term].removeLast(postings[term].count - kept)
        }
        // Terms only removed documents held are dropped; the rest keep their order.
        var survivors = TermDictionary()
        var renamed = [Int32](repeating: -1, count: postings.count)
        var kept: [[UInt32]] = []
        for term in postings.indices where !postings[term].isEmpty {
            renamed[term] = survivors.intern(terms.term(Int32(term))) ?? -1
            kept.append(postings[term])
        }
        terms = survivors
        postings = kept
        var big: [BigFrequency: UInt32] = [:]
        for (entry, frequency) in bigFrequencies where renumbered[Int(entry.document)] >= 0 {
            let moved = BigFrequency(
                term: renamed[Int(entry.term)], document: renumbered[Int(entry.document)], field: entry.field)
            big[moved] = frequency
        }
        bigFrequencies = big
        var newKeys: [Key?] = []
        var newSlots: [UInt32] = []
        var newLengths: [UInt32] = []
        newKeys.reserveCapacity(Int(next))
        for document in keys.indices where renumbered[document] >= 0 {
            newKeys.append(keys[document])
            newSlots.append(slots[document])
            newLengths.append(contentsOf: lengths[(document * fieldCount)..<((document + 1) * fieldCount)])
            if let key = keys[document] { numbers[key] = renumbered[document] }
        }
        keys = newKeys
        slots = newSlots
        lengths = newLengths
        removedCount = 0
    }
}
