import Foundation

extension ReportEngine {
    /// Calls `body` with every ticket created in the request's period that passes its filter, and the
    /// index of its creation bucket among `buckets`.
    ///
    /// One scan the store answers (``TicketRepository/tickets(in:)``) and one pass; tickets are
    /// borrowed, not copied.
    ///
    /// - Complexity: O(*n* log *b*) for *n* tickets the store returns and *b* buckets.
    func scanCreated(_ request: ReportRequest, buckets: ReportBuckets, _ body: (Ticket, Int) throws -> Void) async throws {
        let scan = TicketScan(createdIn: request.period, filter: request.filter)
        let tickets = try await store.tickets(in: scan)
        try tickets.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                guard scan.matches(buffer[index]), let bucket = buckets.index(of: buffer[index].createdAt) else {
                    continue
                }
                try body(buffer[index], bucket)
            }
        }
    }



    /// Like ``scanCreated(_:buckets:_:)``, but splits the stored tickets into contiguous parts (one
    /// per core, at most `maximumParts`, a single part under 100,000 tickets), folds each part into its
    /// own partial result concurrently, and returns the partials **in part order**, so a merge that
    /// is order-independent (or folds them in the given order) is deterministic.
    ///
    /// - Complexity: O(*n* log *b* ÷ *p*) wall time on *p* free cores.
    func scanCreatedInParts<Partial: Sendable>(
        _ request: ReportRequest, buckets: ReportBuckets, maximumParts: Int = 4,
        initial: @escaping @Sendable () -> Partial,
        _ body: @escaping @Sendable (inout Partial, Ticket, Int) throws -> Void
    ) async throws -> [Partial] {
        let scan = TicketScan(createdIn: request.period, filter: request.filter)
        let tickets = try await store.tickets(in: scan)
        let cores = max(1, min(maximumParts, ProcessInfo.processInfo.activeProcessorCount))
        let parts = tickets.count < 100_000 ? 1 : cores
        @Sendable func fold(_ range: Range<Int>) throws -> Partial {
            var partial = initial()
            try tickets.withUnsafeBufferPointer { buffer in
                for index in range {
                    guard scan.matches(buffer[index]), let bucket = buckets.index(of: buffer[index].createdAt) else {
                        continue
                    }
                    try body(&partial, buffer[index], bucket)
                }
            }
            return partial
        }
        let size = (tickets.count + parts - 1) / max(parts, 1)
        let ranges = (0..<parts).map { part in min(part * size, tickets.count)..<min((part + 1) * size, tickets.count) }
        guard ranges.count > 1 else { return [try fold(ranges.first ?? 0..<0)] }
        return try await withThrowingTaskGroup(of: (Int, Partial).self) { group in
            for (part, range) in ranges.enumerated() { group.addTask { (part, try fold(range)) } }
            var partials: [(Int, Partial)] = []
            for try await result in group { partials.append(result) }
            return partials.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// Every stored ticket passing the request's filter and created before the period ends.
    func ticketsCreatedBeforeEnd(_ request: ReportRequest) async throws -> [Ticket] {
        let scan = TicketScan(createdIn: Date.distantPast..<request.period.upperBound, filter: request.filter)
        return try await store.tickets(in: scan).filter(scan.matches)
    }
}

/// Accumulators grouped by key, with a dense array for trend buckets.
struct Groups<Accumulator> {
    private(set) var byKey: [ReportGroupKey: Accumulator] = [:]
    private var byBucket: [Accumulator?]
    private let empty: Accumulator

    init(empty: Accumulator, buckets: Int) {
        self.empty = empty
        self.byBucket = Array(repeating: nil, count: buckets)
    }

    /// Updates the accumulator of `key`, creating it empty first.
    mutating func update(_ key: ReportGroupKey, _ change: (inout Accumulator) -> Void) {
        if case .bucket(let index) = key {
            if byBucket[index] == nil { byBucket[index] = empty }
            change(&byBucket[index]!)
        } else {
            let empty = self.empty
            change(&byKey[key, default: empty])
        }
    }

    /// Folds `other` into these groups key by key (`combine` receives this side first).
    mutating func merge(_ other: Groups, _ combine: (inout Accumulator, Accumulator) -> Void) {
        let empty = self.empty
        for (key, value) in other.byKey { combine(&byKey[key, default: empty], value) }
        for (index, value) in other.byBucket.enumerated() {
            guard let value else { continue }
            if byBucket[index] == nil { byBucket[index] = empty }
            combine(&byBucket[index]!, value)
        }
    }

    /// All groups, trend buckets included.
    var all: [ReportGroupKey: Accumulator] {
        var result = byKey
        for (index, value) in byBucket.enumerated() { if let value { result[.bucket(index)] = value } }
        return result
    }
}

extension Groups: Sendable where Accumulator: Sendable {}
