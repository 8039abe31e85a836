/// Maps values to small dense integer keys, so table columns can hold integers instead of values.
///
/// Key 0 stands for `nil`; the first interned value gets key 1.
struct Interner<Value: Hashable & Sendable>: Sendable {
    private(set) var values: [Value] = []
    private var keys: [Value: Int32] = [:]
    /// The most recently interned value and its key: consecutive rows often repeat a value, and
    /// an equality check is cheaper than hashing.
    private var recent: (value: Value, key: Int32)?

    /// The key of `value`, interning it on first sight; 0 for `nil`.
    mutating func key(for value: Value?) -> Int32 {
        guard let value else { return 0 }
        if let recent, recent.value == value { return recent.key }
        let key: Int32
        if let existing = keys[value] {
            key = existing
        } else {
            values.append(value)
            key = Int32(values.count)
            keys[value] = key
        }
        recent = (value, key)
        return key
    }

    /// The key of `value` if it was ever interned; 0 for `nil`.
    func existingKey(for value: Value?) -> Int32? {
        guard let value else { return 0 }
        return keys[value]
    }

    /// Number of keys including the `nil` key.
    var keyCount: Int { values.count + 1 }

    /// A membership table indexed by key for the values in `set` (which may contain `nil`).
    func mask(for set: Set<Value?>) -> [Bool] {
        var mask = [Bool](repeating: false, count: keyCount)
        for value in set {
            if let key = existingKey(for: value) { mask[Int(key)] = true }
        }
        return mask
    }

    /// The rank of every key when values are ordered by `areInIncreasingOrder`; `nil` (key 0) ranks first.
    func ranks(by areInIncreasingOrder: (Value, Value) -> Bool) -> [Int32] {
        let order = values.indices.sorted { areInIncreasingOrder(values[$0], values[$1]) }
        var ranks = [Int32](repeating: 0, count: keyCount)
        var rank: Int32 = 0
        for (position, index) in order.enumerated() {
            if position == 0 || areInIncreasingOrder(values[order[position - 1]], values[index]) { rank += 1 }
            ranks[index + 1] = rank
        }
        return ranks
    }
}
