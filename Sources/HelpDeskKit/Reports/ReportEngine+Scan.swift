import Foundation

extension ReportEngine {
    /// Calls `body` with every ticket created in the request's period that passes its filter, and the
    /// index of its creation bucket among `buckets`.
    ///
    /// One bulk read (``TicketRepository/allTickets()``) and one pass; tickets are borrowed, not copied.
    ///
    /// - Complexity: O(*n* log *b*) for *n* stored tickets and *b* buckets.
    func scanCreated(_ request: ReportRequest, buckets: ReportBuckets, _ body: (Ticket, Int) throws -> Void) async throws {
        let tickets = try await store.allTickets()
        let filter = request.filter
        let lower = request.period.lowerBound
        let upper = request.period.upperBound
        try tickets.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                let createdAt = buffer[index].createdAt
                guard createdAt >= lower, createdAt < upper, filter.matches(buffer[index]),
                    let bucket = buckets.index(of: createdAt)
                else { continue }
                try body(buffer[index], bucket)
            }
        }
    }

    /// Every stored ticket passing the request's filter (any creation instant).
    func filteredTickets(_ request: ReportRequest) async throws -> [Ticket] {
        try await store.allTickets().filter(request.filter.matches)
    }
}

/// Accumulators grouped by key, with a dense array for trend buckets.
struct Groups<Accumulator> {
    private(set) var byKey: [GroupKey: Accumulator] = [:]
    private var byBucket: [Accumulator?]
    private let empty: Accumulator

    init(empty: Accumulator, buckets: Int) {
        self.empty = empty
        self.byBucket = Array(repeating: nil, count: buckets)
    }

    /// Updates the accumulator of `key`, creating it empty first.
    mutating func update(_ key: GroupKey, _ change: (inout Accumulator) -> Void) {
        if case .bucket(let index) = key {
            if byBucket[index] == nil { byBucket[index] = empty }
            change(&byBucket[index]!)
        } else {
            let empty = self.empty
            change(&byKey[key, default: empty])
        }
    }

    /// All groups, trend buckets included.
    var all: [GroupKey: Accumulator] {
        var result = byKey
        for (index, value) in byBucket.enumerated() { if let value { result[.bucket(index)] = value } }
        return result
    }
}
