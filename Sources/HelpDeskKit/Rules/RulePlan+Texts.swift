/// The texts a plan's rules ask for (``RuleCondition/textContains(_:)``, folded by
/// ``RuleText``), as one automaton, and per text the `all` rules it keys.
///
/// An `all` rule with at least one text condition that must be found (not negated) gets one of
/// them, its longest, as its key: the rule cannot hold unless the ticket contains that text. So a
/// ticket's candidates can be narrowed to the rules without a key and the rules whose key was
/// found, looking only at the (usually few) texts found; 200 rules that only ask for texts are
/// then as cheap as 200 rules a field mask excludes. The key condition stays in the rule's check.
struct PlannedTexts: Sendable {
    /// The distinct folded texts; a text's index is its bit in what a scan finds.
    let automaton: RuleTextAutomaton
    /// Per text, the rules (bit positions) whose key it is.
    let keyed: [[Int]]
    /// The rules without a key text.
    let unkeyed: [UInt64]
    /// `true` when some rule has a key text.
    let hasKeys: Bool

    /// The plan's `texts` and the key text of each rule (`nil`: none), over masks of `wordCount` words.
    init(_ texts: [[UInt8]], keys: [Int?], wordCount: Int) {
        var keyed = [[Int]](repeating: [], count: texts.count)
        var unkeyed = [UInt64](repeating: 0, count: wordCount)
        for (rule, key) in keys.enumerated() {
            if let key { keyed[key].append(rule) } else { unkeyed.insertBit(rule) }
        }
        self.automaton = RuleTextAutomaton(texts: texts)
        self.keyed = keyed
        self.unkeyed = unkeyed
        self.hasKeys = keys.contains { $0 != nil }
    }

    /// Per text, whether `ticket`'s folded title or folded description contains it.
    func find(in ticket: Ticket) -> [UInt64] {
        let count = automaton.texts.count
        var found = [UInt64](repeating: 0, count: (count + 63) / 64)
        var missing = count
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(ticket.title.utf8.count, ticket.description.utf8.count))
        for text in [ticket.title, ticket.description] where missing > 0 {
            bytes.removeAll(keepingCapacity: true)
            RuleText.append(text, to: &bytes)
            missing -= bytes.withUnsafeBufferPointer { automaton.scan($0, into: &found, missing: missing) }
        }
        return found
    }

    /// The rules a ticket in which `found` texts were found may match: those without a key text
    /// and those whose key was found.
    func allowed(found: [UInt64]) -> [UInt64] {
        var allowed = unkeyed
        for (word, bits) in found.enumerated() where bits != 0 {
            var bits = bits
            while bits != 0 {
                for rule in keyed[word << 6 + bits.trailingZeroBitCount] { allowed.insertBit(rule) }
                bits &= bits - 1
            }
        }
        return allowed
    }
}

/// The distinct folded texts of a plan, numbered in the order first asked for.
struct TextIndices {
    /// The texts by number.
    private(set) var list: [[UInt8]] = []
    private var indices: [[UInt8]: Int] = [:]

    /// The number of `folded`, added when new; `nil` for an empty text.
    mutating func index(of folded: [UInt8]) -> Int? {
        guard !folded.isEmpty else { return nil }
        if let index = indices[folded] { return index }
        list.append(folded)
        indices[folded] = list.count - 1
        return list.count - 1
    }

    /// The key text of an `all` rule whose remaining conditions are `conditions`: the longest text
    /// it requires to be found (the first of equals), or `nil`.
    func key(of conditions: [PlannedCondition]) -> Int? {
        var key: Int?
        for case .text(let index, present: true) in conditions
        where key.map({ list[index].count > list[$0].count }) ?? true {
            key = index
        }
        return key
    }
}
