import DoubleEntry
import Foundation
import HelpDeskKit

/// Throughput of the in-memory `DoubleEntry.Ledger`: batched single transfers and two-phase
/// (pending then post) transfers between limit-checked wallet accounts.
func ledgerBenchmarks() -> [BenchmarkResult] {
    let accounts = 10_000
    let batchSize = 4_000
    let batches = 125  // 500,000 transfers per figure
    var results: [BenchmarkResult] = []

    var rng = SplitMix64(seed: 0x5EED_1ED6)
    var ledger = ledgerBenchSetUp(accounts: accounts)
    var clock: UInt64 = 1_800_000_000_000_000_000
    var nextID: UInt64 = 1_000_000

    // Single transfers in linked batches.
    var workload: [[Transfer]] = []
    for _ in 0..<batches {
        var batch: [Transfer] = []
        batch.reserveCapacity(batchSize)
        for _ in 0..<batchSize {
            let (debit, credit) = rng.pair(below: UInt64(accounts))
            nextID += 1
            batch.append(.single(id: TransferID(nextID), debit: AccountID(debit), credit: AccountID(credit),
                                 amount: Amount(rng.next() % 100 + 1), code: 2))
        }
        workload.append(batch)
    }
    let singles = Measure.seconds {
        for batch in workload {
            clock += 1_000_000
            _ = try! ledger.submit(batch, now: LedgerTimestamp(nanosecondsSinceEpoch: clock))
        }
    }
    let singleCount = Double(batches * batchSize)
    results.append(BenchmarkResult(
        name: "ledger.transfers.batched", value: singleCount / singles, unit: "transfers/s",
        target: 500_000, higherIsBetter: true,
        notes: "\(batches) batches x \(batchSize) single transfers, \(accounts) limit-checked accounts, release build"
    ))

    // Two-phase: a batch of pending transfers, then a batch posting them (every other one partially).
    var pendingBatches: [[Transfer]] = []
    var postBatches: [[Transfer]] = []
    for _ in 0..<(batches / 2) {
        var pendings: [Transfer] = []
        var posts: [Transfer] = []
        pendings.reserveCapacity(batchSize)
        posts.reserveCapacity(batchSize)
        for k in 0..<batchSize {
            let (debit, credit) = rng.pair(below: UInt64(accounts))
            nextID += 1
            let pendingID = TransferID(nextID)
            let amount = rng.next() % 100 + 2
            pendings.append(.pending(id: pendingID, debit: AccountID(debit), credit: AccountID(credit),
                                     amount: Amount(amount), expiresAt: LedgerTimestamp(nanosecondsSinceEpoch: .max - 1)))
            nextID += 1
            posts.append(.post(id: TransferID(nextID), pending: pendingID, amount: k % 2 == 0 ? nil : Amount(amount / 2)))
        }
        pendingBatches.append(pendings)
        postBatches.append(posts)
    }
    let twoPhase = Measure.seconds {
        for (pendings, posts) in zip(pendingBatches, postBatches) {
            clock += 1_000_000
            _ = try! ledger.submit(pendings, now: LedgerTimestamp(nanosecondsSinceEpoch: clock))
            _ = try! ledger.submit(posts, now: LedgerTimestamp(nanosecondsSinceEpoch: clock))
        }
    }
    let twoPhaseCount = Double(pendingBatches.count * batchSize * 2)
    results.append(BenchmarkResult(
        name: "ledger.transfers.two-phase", value: twoPhaseCount / twoPhase, unit: "transfers/s",
        target: nil, higherIsBetter: true,
        notes: "pending batch then post batch of \(batchSize) each (half partial posts), counted per transfer"
    ))

    // Rejection: a batch whose last transfer overdraws is rejected atomically.
    var rejected = workload[0]
    let broke = AccountID(UInt64(accounts + 1))
    _ = try? ledger.createAccount(Account(id: broke, unit: "RUB", limit: .debitsMustNotExceedCredits))
    nextID += 1
    rejected[rejected.count - 1] = .single(id: TransferID(nextID), debit: broke, credit: 0, amount: 1)
    for i in 0..<(rejected.count - 1) {
        nextID += 1
        rejected[i].id = TransferID(nextID)
    }
    let rejections = 20
    let rejectTime = Measure.seconds {
        for _ in 0..<rejections {
            clock += 1_000_000
            _ = try? ledger.submit(rejected, now: LedgerTimestamp(nanosecondsSinceEpoch: clock))
        }
    }
    results.append(BenchmarkResult(
        name: "ledger.batch.rejected", value: rejectTime / Double(rejections) * 1_000, unit: "ms",
        target: nil, higherIsBetter: false,
        notes: "a \(batchSize)-transfer batch failing at its last transfer, validated and discarded"
    ))

    // As-of balance lookups by binary search over per-account history.
    let lookups = 200_000
    var sink: UInt64 = 0
    let asOfTime = Measure.seconds {
        for _ in 0..<lookups {
            let account = AccountID(rng.next() % UInt64(accounts))
            let instant = LedgerTimestamp(nanosecondsSinceEpoch: 1_800_000_000_000_000_000 + rng.next() % (clock - 1_800_000_000_000_000_000))
            sink &+= ledger.balance(of: account, asOf: instant)?.debitsPosted ?? 0
        }
    }
    results.append(BenchmarkResult(
        name: "ledger.balance.as-of", value: Double(lookups) / asOfTime, unit: "lookups/s",
        target: nil, higherIsBetter: true,
        notes: "random account and instant over \(ledger.transferCount) transfers (checksum \(sink % 1000))"
    ))
    return results
}

/// A ledger with one unlimited funding account (id 0) and `accounts - 1` funded wallets that
/// must not go negative.
private func ledgerBenchSetUp(accounts: Int) -> Ledger {
    var ledger = Ledger()
    var list = [Account(id: 0, unit: "RUB", code: 1)]
    for i in 1..<accounts {
        list.append(Account(id: AccountID(UInt64(i)), unit: "RUB", code: 2, limit: .debitsMustNotExceedCredits))
    }
    _ = try! ledger.createAccounts(list)
    let funding = (1..<accounts).map { i in
        Transfer.single(id: TransferID(UInt64(i)), debit: 0, credit: AccountID(UInt64(i)), amount: 1_000_000_000, code: 1)
    }
    _ = try! ledger.submit(funding, now: LedgerTimestamp(nanosecondsSinceEpoch: 1_700_000_000_000_000_000))
    return ledger
}

extension SplitMix64 {
    /// Two distinct wallet ids in `1..<bound`.
    mutating func pair(below bound: UInt64) -> (UInt64, UInt64) {
        let a = next() % (bound - 1) + 1
        var b = next() % (bound - 1) + 1
        if b == a { b = b % (bound - 1) + 1 }
        return (a, b)
    }
}
