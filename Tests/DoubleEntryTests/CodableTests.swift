import DoubleEntry
import Foundation
import Testing

@Suite struct CodableTests {
    @Test func roundTripRebuildsTheSameLedger() throws {
        var ledger = try makeLedger()
        try ledger.submit(.single(id: 1, debit: 1, credit: 2, amount: 100), now: at(10))
        try ledger.submit([
            .pending(id: 2, debit: 2, credit: 3, amount: 25, expiresAt: at(35)),
            .pending(id: 3, debit: 2, credit: 3, amount: 25, expiresAt: at(100)),
            .pending(id: 4, debit: 2, credit: 3, amount: 5),
        ], now: at(30))
        try ledger.expirePending(now: at(40))
        try ledger.submit(.post(id: 5, pending: 4, amount: 2), now: at(50))
        let data = try JSONEncoder().encode(ledger)
        var decoded = try JSONDecoder().decode(Ledger.self, from: data)
        #expect(decoded == ledger)
        for account in ledger.accounts {
            #expect(decoded.balance(of: account.id) == ledger.balance(of: account.id))
            #expect(decoded.entries(of: account.id) == ledger.entries(of: account.id))
        }
        #expect(decoded.pendingStatus(of: 2) == .expired(at: at(40)))
        #expect(decoded.nextExpiry == at(100))
        #expect(decoded.lastTimestamp == ledger.lastTimestamp)
        // The decoded ledger keeps working and keeps idempotency.
        #expect(try decoded.submit(.post(id: 5, pending: 4, amount: 2), now: at(60)) == .alreadyExists(at(50)))
        #expect(try decoded.expirePending(now: at(100)) == [3])
    }

    @Test func corruptJournalIsRejected() throws {
        var ledger = try makeLedger()
        try ledger.submit(.single(id: 1, debit: 1, credit: 2, amount: 100), now: at(10))
        try ledger.submit(.single(id: 2, debit: 2, credit: 3, amount: 100), now: at(20))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = try #require(String(data: encoder.encode(ledger), encoding: .utf8))
        // Make the second transfer overdraw account 2.
        let overdrawn = json.replacingOccurrences(of: #""amount":100,"credit":3"#, with: #""amount":101,"credit":3"#)
        #expect(overdrawn != json)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Ledger.self, from: Data(overdrawn.utf8)) }
        // Reorder history: the second transfer claims an earlier timestamp than the first.
        let reordered = json.replacingOccurrences(of: "20000000000", with: "5000000000")
        #expect(reordered != json)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Ledger.self, from: Data(reordered.utf8)) }
    }
}
