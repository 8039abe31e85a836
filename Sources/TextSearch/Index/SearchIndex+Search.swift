import Foundation

extension SearchIndex {
    /// The page of `query`'s ranked hits and the number of visible documents it matches (see the type's ranking).
    public func search(_ query: SearchQuery) -> SearchResult<Key> {
        let empty = SearchResult<Key>(hits: [], total: 0)
        let fieldCount = fields.count
        var visible = [Bool](repeating: false, count: slotDocuments.count + 1)
        var visibleDocuments = 0
        var visibleLengths = [Int](repeating: 0, count: fieldCount)
        for partition in query.partitions {
            guard let slot = slotOfPartition[partition] else { continue }
            visible[Int(slot) + 1] = true
            visibleDocuments += slotDocuments[Int(slot)]
            for field in 0..<fieldCount { visibleLengths[field] += slotLengths[Int(slot) * fieldCount + field] }
        }
        guard visibleDocuments > 0 else { return empty }

        let plan = QueryPlan(query, analyzer: analyzer)
        var positions: [[Int32]] = []
        for term in plan.terms {
            if let number = terms.number(of: term), Int(number) < postings.count {
                positions.append([number])
            } else if query.match == .all {
                return empty
            }
        }
        if let prefix = plan.prefix {
            var expansions: [Int32] = []
            terms.forEachTerm(withPrefix: prefix) { if Int($0) < postings.count { expansions.append($0) } }
            if let stem = terms.number(of: analyzer.stem(prefix)), Int(stem) < postings.count,
                !expansions.contains(stem)
            {
                expansions.append(stem)
            }
            if !expansions.isEmpty {
                positions.append(expansions)
            } else if query.match == .all {
                return empty
            }
        }
        guard !positions.isEmpty else { return empty }
        if query.match == .all {
            // Rarest first: later positions then only probe the few documents still in the running.
            positions.sort { cost($0) < cost($1) }
        }

        let ranking = Ranking(
            weights: weights, stride: stride, visible: visible, documents: visibleDocuments,
            averageLengths: visibleLengths.map { Double($0) / Double(visibleDocuments) },
            everyDocumentVisible: visibleDocuments == count, requireAll: query.match == .all)
        var scratch = scratch.take(documents: keys.count)
        defer {
            scratch.reset()
            self.scratch.give(scratch)
        }
        for (index, position) in positions.enumerated() {
            guard ranking.score(position, index: Int32(index), in: self, &scratch) || query.match == .any else {
                return empty
            }
        }

        let required = query.match == .all ? Int32(positions.count) : 1
        let offset = max(0, query.offset)
        let wanted = offset.addingReportingOverflow(max(0, query.limit))
        var top = TopHits(capacity: query.limit <= 0 ? 0 : (wanted.overflow ? Int.max : wanted.partialValue))
        var total = 0
        for document in scratch.touched where scratch.matched[Int(document)] >= required {
            total += 1
            top.offer(score: Double(scratch.scores[Int(document)]) * SearchScratch.scoreUnit, document: document)
        }
        // Touched documents are visible, so live: every one has its key.
        let hits = top.sorted().dropFirst(offset).compactMap { hit in
            keys[Int(hit.document)].map { SearchHit(key: $0, score: hit.score) }
        }
        return SearchResult(hits: hits, total: total)
    }
}

extension SearchIndex {
    /// The postings a position's terms hold, in words.
    func cost(_ position: [Int32]) -> Int { position.reduce(0) { $0 + postings[Int($1)].count } }
}

/// One search's statistics over the visible partitions, and the walk that scores a query position.
struct Ranking {
    let weights: [Double]
    let stride: Int
    /// By partition slot + 1 (0: removed documents).
    let visible: [Bool]
    /// `N`: the visible documents.
    let documents: Int
    let averageLengths: [Double]
    /// Every live document is visible: a term's `n` is its posting count when none are removed.
    let everyDocumentVisible: Bool
    let requireAll: Bool

    /// Adds the position's contribution to every visible document holding one of its terms (the best
    /// term's, when it has several) and counts the position as matched there; in `.all` mode only
    /// documents that matched every earlier position. Returns whether any visible document holds a term.
    func score<Key>(_ terms: [Int32], index: Int32, in source: SearchIndex<Key>, _ scratch: inout SearchScratch)
        -> Bool
    {
        var found = false
        let single = terms.count == 1
        scratch.candidates.removeAll(keepingCapacity: true)
        if requireAll, index > 0 {
            for document in scratch.touched where scratch.matched[Int(document)] == index {
                scratch.candidates.append(document)
            }
            scratch.candidates.sort()
        }
        for term in terms {
            let postings = source.postings[Int(term)]
            if everyDocumentVisible, source.removedCount == 0 {
                // `n` is the posting count: score in the same walk.
                let n = postings.count / stride
                guard n > 0 else { continue }
                found = true
                _ = gather(term, postings, idf: idf(n), index: index, single: single, in: source, &scratch)
                continue
            }
            let n = gather(term, postings, idf: nil, index: index, single: single, in: source, &scratch)
            guard n > 0 else { continue }
            found = true
            let idf = idf(n)
            for entry in scratch.pendingDocuments.indices {
                let document = scratch.pendingDocuments[entry]
                take(Int(document), document, idf * scratch.pendingSaturations[entry], index, single, &scratch)
            }
        }
        guard !single else { return found }
        // Fold the prefix's best contributions into the scores.
        for document in scratch.bestTouched {
            let number = Int(document)
            credit(number, document, scratch.best[number], index: index, &scratch)
            scratch.best[number] = 0
        }
        scratch.bestTouched.removeAll(keepingCapacity: true)
        return found
    }

    /// One walk of a term's postings with the visibility filter: returns `n(t)`, the visible documents
    /// holding the term, and leaves in the scratch each candidate's saturated frequency
    /// `tf~ · (k1 + 1) / (tf~ + k1)` (in `.all` mode only documents that matched every earlier position).
    ///
    /// With `idf` known up front (every live document visible), it credits the documents directly instead.
    private func gather<Key>(
        _ term: Int32, _ postings: [UInt32], idf: Double?, index: Int32, single: Bool, in source: SearchIndex<Key>,
        _ scratch: inout SearchScratch
    ) -> Int {
        let fieldCount = weights.count
        let k1 = SearchIndex<Key>.k1
        let b = SearchIndex<Key>.b
        var n = 0
        scratch.pendingDocuments.removeAll(keepingCapacity: true)
        scratch.pendingSaturations.removeAll(keepingCapacity: true)
        postings.withUnsafeBufferPointer { words in
            source.slots.withUnsafeBufferPointer { slots in
                source.lengths.withUnsafeBufferPointer { lengths in
                    /// `tf~ · (k1 + 1) / (tf~ + k1)` of the posting at word `at`.
                    func saturation(at: Int, _ number: Int, _ document: Int32) -> Double {
                        var tfTilde = 0.0
                        for field in 0..<fieldCount {
                            let byte = (words[at + 1 + field / 4] >> (8 * UInt32(field % 4))) & 0xFF
                            guard byte != 0 else { continue }
                            var frequency = Double(byte)
                            if byte == 255 {
                                let key = SearchIndex<Key>.BigFrequency(
                                    term: term, document: document, field: Int32(field))
                                frequency = Double(source.bigFrequencies[key] ?? 255)
                            }
                            let length = Double(lengths[number * fieldCount + field])
                            tfTilde += weights[field] * frequency / (1 - b + b * length / averageLengths[field])
                        }
                        return tfTilde * (k1 + 1) / (tfTilde + k1)
                    }
                    let count = words.count / stride
                    if let idf, requireAll, index > 0, scratch.candidates.count * 16 < count {
                        // Few documents are still in the running: find each by binary search.
                        var low = 0
                        for document in scratch.candidates {
                            var high = count
                            while low < high {
                                let middle = (low + high) / 2
                                if Int32(bitPattern: words[middle * stride]) < document {
                                    low = middle + 1
                                } else {
                                    high = middle
                                }
                            }
                            guard low < count, Int32(bitPattern: words[low * stride]) == document else { continue }
                            let number = Int(document)
                            take(
                                number, document, idf * saturation(at: low * stride, number, document), index, single,
                                &scratch)
                        }
                        n = count
                        return
                    }
                    var at = 0
                    while at < words.count {
                        defer { at += stride }
                        let document = Int32(bitPattern: words[at])
                        let number = Int(document)
                        guard visible[Int(slots[number])] else { continue }
                        n += 1
                        if requireAll, scratch.matched[number] != index { continue }
                        let saturation = saturation(at: at, number, document)
                        if let idf {
                            take(number, document, idf * saturation, index, single, &scratch)
                        } else {
                            scratch.pendingDocuments.append(document)
                            scratch.pendingSaturations.append(saturation)
                        }
                    }
                }
            }
        }
        return n
    }

    /// `idf(t)` for a term in `n` of the visible documents.
    private func idf(_ n: Int) -> Double { log(1 + (Double(documents) - Double(n) + 0.5) / (Double(n) + 0.5)) }

    /// Credits a whole-word position's contribution, or keeps the best of a prefix's expansions.
    @inline(__always)
    private func take(
        _ number: Int, _ document: Int32, _ contribution: Double, _ index: Int32, _ single: Bool,
        _ scratch: inout SearchScratch
    ) {
        if single {
            credit(number, document, contribution, index: index, &scratch)
        } else if contribution > scratch.best[number] {
            if scratch.best[number] == 0 { scratch.bestTouched.append(document) }
            scratch.best[number] = contribution
        }
    }

    /// Adds `contribution` to the document's score and counts the position matched.
    @inline(__always)
    private func credit(
        _ number: Int, _ document: Int32, _ contribution: Double, index: Int32, _ scratch: inout SearchScratch
    ) {
        if scratch.matched[number] == 0 {
            scratch.touched.append(document)
        }
        let units = (contribution / SearchScratch.scoreUnit).rounded()
        scratch.scores[number] &+= units.magnitude < 0x1p62 ? Int64(units) : 0
        scratch.matched[number] += 1
    }
}
