import Foundation

/// The search index's partitions of the knowledge base: one per visibility state and audience, so
/// what a reader may see is a set of whole partitions, decided by the same rule every read uses.
/// Partitions are numbered in order of first use and never reused, so a number means the same
/// state and audience for the life of an index.
struct KnowledgePartitions: Sendable {
    /// What a partition holds: articles in one state, filed for one audience.
    struct Key: Hashable, Sendable {
        var state: KnowledgeVisibility
        var audience: KnowledgeAudience
    }

    private(set) var keys: [Key] = []
    private var numbers: [Key: Int] = [:]

    /// The partition of articles in `state` filed for `audience`, numbered on first use.
    mutating func number(_ state: KnowledgeVisibility, _ audience: KnowledgeAudience) -> Int {
        let key = Key(state: state, audience: audience)
        if let number = numbers[key] { return number }
        keys.append(key)
        numbers[key] = keys.count - 1
        return keys.count - 1
    }

    /// Every partition whose state and audience `mayRead` allows.
    func visible(where mayRead: (KnowledgeVisibility, KnowledgeAudience) -> Bool) -> Set<Int> {
        Set(keys.indices.filter { mayRead(keys[$0].state, keys[$0].audience) })
    }

}
