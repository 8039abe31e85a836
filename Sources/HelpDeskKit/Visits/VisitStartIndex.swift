import Foundation

/// Active visits by start, then ticket: a sorted list kept in chunks of at most ``chunkLimit``
/// keys, so inserting or removing one key moves at most a chunk (not the whole list) and a range
/// is found by two binary searches. 100,000 visits cost about 200 chunks.
struct VisitStartIndex: Sendable {
    /// One entry: a visit's start and ticket.
    typealias Key = (start: Date, ticket: TicketID)

    /// The chunks, each sorted and non-empty, in order.
    private var chunks: [[Key]] = []
    /// The size at which a chunk splits in two.
    static let chunkLimit = 512

    /// Builds the index of `keys` (in any order).
    init(_ keys: [Key] = []) {
        let sorted = keys.sorted { Self.less($0, $1) }
        var at = 0
        while at < sorted.count {
            let end = min(sorted.count, at + Self.chunkLimit / 2)
            chunks.append(Array(sorted[at..<end]))
            at = end
        }
    }

    /// The number of keys.
    var count: Int { chunks.reduce(0) { $0 + $1.count } }

    static func less(_ a: Key, _ b: Key) -> Bool { a.start != b.start ? a.start < b.start : a.ticket < b.ticket }

    /// The first chunk whose last key is not before `key` (`chunks.count` when every key is before it).
    private func chunk(for key: Key) -> Int {
        var (low, high) = (0, chunks.count)
        while low < high {
            let mid = (low + high) / 2
            if let last = chunks[mid].last, Self.less(last, key) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The first position in `chunk` whose key is not before `key`.
    private static func position(of key: Key, in chunk: [Key]) -> Int {
        var (low, high) = (0, chunk.count)
        while low < high {
            let mid = (low + high) / 2
            if less(chunk[mid], key) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Adds `key` (which must not be in the index).
    mutating func insert(_ key: Key) {
        guard !chunks.isEmpty else {
            chunks = [[key]]
            return
        }
        let index = min(chunk(for: key), chunks.count - 1)
        chunks[index].insert(key, at: Self.position(of: key, in: chunks[index]))
        if chunks[index].count > Self.chunkLimit {
            let upper = Array(chunks[index][(Self.chunkLimit / 2)...])
            chunks[index].removeSubrange((Self.chunkLimit / 2)...)
            chunks.insert(upper, at: index + 1)
        }
    }

    /// Removes `key` when present.
    mutating func remove(_ key: Key) {
        let index = chunk(for: key)
        guard index < chunks.count else { return }
        let at = Self.position(of: key, in: chunks[index])
        guard at < chunks[index].count, chunks[index][at].ticket == key.ticket, chunks[index][at].start == key.start
        else { return }
        chunks[index].remove(at: at)
        if chunks[index].isEmpty { chunks.remove(at: index) }
    }

    /// The tickets whose keys start in `[from, before)`, in order.
    func tickets(startingFrom from: Date, before: Date) -> [TicketID] {
        guard from < before else { return [] }
        var (low, high) = (0, chunks.count)
        while low < high {
            let mid = (low + high) / 2
            if let last = chunks[mid].last, last.start < from { low = mid + 1 } else { high = mid }
        }
        var index = low
        var result: [TicketID] = []
        guard index < chunks.count else { return result }
        var at = chunks[index].partition { $0.start >= from }
        while index < chunks.count {
            let chunk = chunks[index]
            while at < chunk.count {
                guard chunk[at].start < before else { return result }
                result.append(chunk[at].ticket)
                at += 1
            }
            index += 1
            at = 0
        }
        return result
    }

    /// Every key in order (for tests).
    var keys: [Key] { chunks.flatMap { $0 } }
}

extension Array {
    /// The first index whose element satisfies `isAbove`, for a predicate false then true along the array.
    fileprivate func partition(where isAbove: (Element) -> Bool) -> Int {
        var (low, high) = (0, count)
        while low < high {
            let mid = (low + high) / 2
            if isAbove(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
