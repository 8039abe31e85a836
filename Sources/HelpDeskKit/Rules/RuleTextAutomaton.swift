/// The folded texts of a rule plan's text conditions as one Aho–Corasick automaton: one pass over
/// a ticket's folded title and one over its folded description find every text it contains, however
/// many rules ask for texts.
///
/// The states are the prefixes of the texts (a trie). Each has its outgoing bytes, a failure link
/// (the state of its longest proper suffix that is a prefix of some text) and a report link (the
/// nearest state on its failure chain, itself included, where a text ends). The root keeps a table
/// of all 256 bytes; other states keep their few edges in one flat array, so memory grows with the
/// texts' total length. A pass reads each byte once, following failure links (amortised O(1) per
/// byte); reporting stops at a text already found, since everything on its report chain was found
/// with it, so a pass costs O(bytes + texts).
struct RuleTextAutomaton: Sendable {
    /// The texts, folded (``RuleText/folded(_:)``), distinct and non-empty; a text's index is its
    /// bit in ``scan(_:into:)``'s result.
    let texts: [[UInt8]]
    /// The root's next state for each byte (0: the root itself).
    private let rootNext: [Int]
    /// Per state, where its edges start in ``edgeBytes``/``edgeTargets``; one entry more than states.
    private let edgeStart: [Int]
    private let edgeBytes: [UInt8]
    private let edgeTargets: [Int]
    /// Per state, its failure link (the root's is the root).
    private let failure: [Int]
    /// Per state, the text that ends there, or -1.
    private let ending: [Int]
    /// Per state, the nearest state on its failure chain (itself included) where a text ends, or -1.
    private let report: [Int]

    /// The automaton of `texts` (distinct, non-empty folded texts).
    init(texts: [[UInt8]]) {
        var children: [[UInt8: Int]] = [[:]]
        var ending = [-1]
        for (index, text) in texts.enumerated() {
            var state = 0
            for byte in text {
                if let next = children[state][byte] {
                    state = next
                } else {
                    children.append([:])
                    ending.append(-1)
                    children[state][byte] = children.count - 1
                    state = children.count - 1
                }
            }
            if ending[state] < 0 { ending[state] = index }
        }
        // Failure and report links breadth first, so a state's links are known before its children's.
        var failure = [Int](repeating: 0, count: children.count)
        var report = [Int](repeating: -1, count: children.count)
        var queue = children[0].values.sorted()
        for state in queue { report[state] = ending[state] >= 0 ? state : -1 }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for (byte, child) in children[state].sorted(by: { $0.key < $1.key }) {
                var link = failure[state]
                while link != 0, children[link][byte] == nil { link = failure[link] }
                let target = children[link][byte] ?? 0
                failure[child] = target
                report[child] = ending[child] >= 0 ? child : report[target]
                queue.append(child)
            }
        }
        var rootNext = [Int](repeating: 0, count: 256)
        for (byte, child) in children[0] { rootNext[Int(byte)] = child }
        var edgeStart: [Int] = []
        var edgeBytes: [UInt8] = []
        var edgeTargets: [Int] = []
        edgeStart.reserveCapacity(children.count + 1)
        for edges in children {
            edgeStart.append(edgeBytes.count)
            for (byte, child) in edges.sorted(by: { $0.key < $1.key }) {
                edgeBytes.append(byte)
                edgeTargets.append(child)
            }
        }
        edgeStart.append(edgeBytes.count)
        self.texts = texts
        self.rootNext = rootNext
        self.edgeStart = edgeStart
        self.edgeBytes = edgeBytes
        self.edgeTargets = edgeTargets
        self.failure = failure
        self.ending = ending
        self.report = report
    }

    /// Sets in `found` (one bit per text, ``texts```.count` bits) the bit of every text that occurs
    /// in `haystack`; returns how many bits it set. Stops early once `missing` texts were found.
    func scan(_ haystack: UnsafeBufferPointer<UInt8>, into found: inout [UInt64], missing: Int) -> Int {
        var newlyFound = 0
        var state = 0
        for byte in haystack {
            state = next(from: state, byte)
            var reported = report[state]
            while reported >= 0 {
                let text = ending[reported]
                let bit: UInt64 = 1 << UInt64(text & 63)
                // Everything further along this chain was found with this text.
                if found[text >> 6] & bit != 0 { break }
                found[text >> 6] |= bit
                newlyFound += 1
                if newlyFound == missing { return newlyFound }
                reported = report[failure[reported]]
            }
        }
        return newlyFound
    }

    /// The state after reading `byte` in `state`.
    private func next(from state: Int, _ byte: UInt8) -> Int {
        var state = state
        while state != 0 {
            for edge in edgeStart[state]..<edgeStart[state + 1] where edgeBytes[edge] == byte {
                return edgeTargets[edge]
            }
            state = failure[state]
        }
        return rootNext[Int(byte)]
    }
}
