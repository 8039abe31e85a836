extension Ledger: Codable, Equatable {
    private enum CodingKeys: String, CodingKey {
        case accounts, transfers, expirations, nextTimestamp
    }

    /// Encodes the ledger's journal: accounts, transfers and expiry events (balances, history and
    /// indexes are derived and rebuilt on decoding).
    /// - Complexity: O(a + t + e).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(accountList, forKey: .accounts)
        try container.encode(records, forKey: .transfers)
        try container.encode(expirations, forKey: .expirations)
        try container.encode(nextTimestamp, forKey: .nextTimestamp)
    }

    /// Decodes a journal by replaying it through the validating paths: every transfer must be
    /// accepted again with its recorded timestamp and every expiry must release a pending
    /// reservation, otherwise decoding fails with `DecodingError.dataCorrupted`.
    /// - Complexity: O((t + e) log p).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let accounts = try container.decode([Account].self, forKey: .accounts)
        let transfers = try container.decode([TransferRecord].self, forKey: .transfers)
        let expirations = try container.decode([Expiration].self, forKey: .expirations)
        let next = try container.decode(UInt64.self, forKey: .nextTimestamp)
        func corrupt(_ message: String) -> DecodingError {
            .dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: message))
        }
        self.init()
        do {
            try createAccounts(accounts)
        } catch {
            throw corrupt("invalid accounts: \(error)")
        }
        var e = 0
        for record in transfers {
            while e < expirations.count, expirations[e].timestamp < record.timestamp {
                try replayExpiry(expirations[e], corrupt)
                e += 1
            }
            let outcome: TransferOutcome
            do {
                outcome = try submit(record.transfer, now: record.timestamp)
            } catch {
                throw corrupt("transfer \(record.id) rejected on replay: \(error)")
            }
            guard outcome == .created(record.timestamp), self.records.last == record else {
                throw corrupt("transfer \(record.id) replayed differently")
            }
        }
        while e < expirations.count {
            try replayExpiry(expirations[e], corrupt)
            e += 1
        }
        guard next >= nextTimestamp else { throw corrupt("nextTimestamp precedes the journal") }
        nextTimestamp = next
    }

    /// Replays one expiry event.
    private mutating func replayExpiry(_ event: Expiration, _ corrupt: (String) -> DecodingError) throws {
        guard case .pending(let expiresAt?) = pendingStates[event.pending]?.status,
              expiresAt <= event.timestamp, event.timestamp.nanosecondsSinceEpoch >= nextTimestamp,
              event.timestamp < .max
        else { throw corrupt("expiry of \(event.pending) does not apply") }
        expire(event.pending, at: event.timestamp.nanosecondsSinceEpoch)
        nextTimestamp = event.timestamp.nanosecondsSinceEpoch + 1
        pruneExpiryQueue()
    }

    /// Two ledgers are equal when their journals are: same accounts, transfers, expiries and clock.
    /// - Complexity: O(a + t + e).
    public static func == (lhs: Ledger, rhs: Ledger) -> Bool {
        lhs.nextTimestamp == rhs.nextTimestamp && lhs.accountList == rhs.accountList
            && lhs.records == rhs.records && lhs.expirations == rhs.expirations
    }
}
