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
    /// A state: its edges, failure link, the text ending there and its report link.
    private struct Node {
        /// Its edges are `edges[firstEdge..<endEdge]`.
        var firstEdge = 0
        var endEdge = 0
        /// The state of its longest proper suffix that is a prefix of some text (the root's is the root).
        var failure = 0
        /// The text that ends here, or -1.
        var ending = -1
        /// The nearest state on its failure chain (itself included) where a text ends, or -1.
        var report = -1
    }

    /// An edge: the byte and the state it leads to.
    private struct Edge {
        var byte: UInt8
        var target: Int
    }

    /// The states; the root is state 0.
    private let nodes: [Node]
    private let edges: [Edge]
    /// The root's next state for each byte (0: the root itself).
    private let rootNext: [Int]

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
        var nodes = ending.map { Node(ending: $0) }
        var queue = children[0].values.sorted()
        for state in queue where ending[state] >= 0 { nodes[state].report = state }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for (byte, child) in children[state].sorted(by: { $0.key < $1.key }) {
                var link = nodes[state].failure
                while link != 0, children[link][byte] == nil { link = nodes[link].failure }
                let target = children[link][byte] ?? 0
                nodes[child].failure = target
                nodes[child].report = ending[child] >= 0 ? child : nodes[target].report
                queue.append(child)
            }
        }
        var rootNext = [Int](repeating: 0, count: 256)
        for (byte, child) in children[0] { rootNext[Int(byte)] = child }
        var edges: [Edge] = []
        for (state, outgoing) in children.enumerated() {
            nodes[state].firstEdge = edges.count
            for (byte, child) in outgoing.sorted(by: { $0.key < $1.key }) {
                edges.append(Edge(byte: byte, target: child))
            }
            nodes[state].endEdge = edges.count
        }
        self.texts = texts
        self.nodes = nodes
        self.edges = edges
        self.rootNext = rootNext
    }

    /// Sets in `found` (one bit per text, ``texts```.count` bits) the bit of every text that occurs
    /// in `haystack`; returns how many bits it set. Stops early once `missing` texts were found.
    func scan(_ haystack: UnsafeBufferPointer<UInt8>, into found: inout [UInt64], missing: Int) -> Int {
        nodes.withUnsafeBufferPointer { nodes in
            edges.withUnsafeBufferPointer { edges in
                rootNext.withUnsafeBufferPointer { rootNext in
                    var newlyFound = 0
                    var state = 0
                    for byte in haystack {
                        // The next state: along the failure chain until a state has an edge for the byte.
                        var next = -1
                        while state != 0 {
                            let node = nodes[state]
                            for edge in node.firstEdge..<node.endEdge where edges[edge].byte == byte {
                                next = edges[edge].target
                                break
                            }
                            if next >= 0 { break }
                            state = node.failure
                        }
                        state = next >= 0 ? next : rootNext[Int(byte)]
                        var reported = nodes[state].report
                        while reported >= 0 {
                            let text = nodes[reported].ending
                            let bit: UInt64 = 1 << UInt64(text & 63)
                            // Everything further along this chain was found with this text.
                            if found[text >> 6] & bit != 0 { break }
                            found[text >> 6] |= bit
                            newlyFound += 1
                            if newlyFound == missing { return newlyFound }
                            reported = nodes[nodes[reported].failure].report
                        }
                    }
                    return newlyFound
                }
            }
        }
    }
}
