import DoubleEntry
import Foundation
import SeededRandom
import Testing

/// Seeded random operation sequences checked against ``ReferenceModel`` and the ledger invariants.
@Suite struct RandomizedTests {
    static let accounts: [Account] = [
        Account(id: 1, unit: "RUB", code: 1),
        Account(id: 2, unit: "RUB", limit: .debitsMustNotExceedCredits),
        Account(id: 3, unit: "RUB", limit: .debitsMustNotExceedCredits),
        Account(id: 4, unit: "RUB", limit: .debitsMustNotExceedCredits),
        Account(id: 5, unit: "RUB", limit: .debitsMustNotExceedCredits(overdraft: 500)),
        Account(id: 6, unit: "RUB", limit: .creditsMustNotExceedDebits),
        Account(id: 7, unit: "RUB", limit: .creditsMustNotExceedDebits(overdraft: 300)),
        Account(id: 8, unit: "RUB", code: 8),
        Account(id: 9, unit: "RUB", code: 9),
        Account(id: 11, unit: "points", code: 1),
        Account(id: 12, unit: "points", limit: .debitsMustNotExceedCredits),
        Account(id: 13, unit: "points", limit: .debitsMustNotExceedCredits),
        Account(id: 14, unit: "points", limit: .creditsMustNotExceedDebits(overdraft: 50)),
    ]
    /// Every id the generator uses as an account, including one that does not exist.
    static let accountIDs: [AccountID] = accounts.map(\.id) + [99]

    /// The random sequence driver: one ledger, one model, one generator.
    struct Run {
        var ledger = Ledger()
        var model = ReferenceModel()
        var rng: SplitMix64
        var now: UInt64 = 1_000_000_000_000
        var nextID: UInt64 = 1
        var created: [Transfer] = []
        var pendingIDs: [TransferID] = []
        var batchPendingIDs: [TransferID] = []
        var rejected = 0
        var reasons: [String: Int] = [:]
        var committed = 0

        init(seed: UInt64) throws {
            rng = SplitMix64(seed: seed)
            try ledger.createAccounts(RandomizedTests.accounts)
            for account in RandomizedTests.accounts { model.addAccount(account) }
        }

        /// A random account id: 1 % of the time one that does not exist.
        mutating func account() -> AccountID {
            if rng.chance(1) { return 99 }
            return RandomizedTests.accounts[Int(rng.below(UInt64(RandomizedTests.accounts.count)))].id
        }

        /// Another random account id: the same one only 2 % of the time, another unit 2 % of the time.
        mutating func account(besides other: AccountID) -> AccountID {
            let unit = RandomizedTests.accounts.first { $0.id == other }?.unit
            var id = account()
            while (id == other && !rng.chance(2))
                || (unit != nil && model.accounts[id]?.account.unit != unit && !rng.chance(2))
            {
                id = account()
            }
            return id
        }

        /// A pending transfer created earlier, or earlier in the batch being built.
        mutating func pendingTarget() -> TransferID {
            let pool = pendingIDs.count + batchPendingIDs.count
            let i = Int(rng.below(UInt64(pool)))
            return i < pendingIDs.count ? pendingIDs[i] : batchPendingIDs[i - pendingIDs.count]
        }

        mutating func amount() -> Amount {
            if rng.below(400) == 0 { return 0 }
            return Amount(rng.below(rng.chance(20) ? 2_000 : 200) + 1)
        }

        mutating func freshID() -> TransferID {
            defer { nextID += 1 }
            return TransferID(nextID)
        }

        /// A random transfer: mostly valid-looking, with a share of every failure mode.
        mutating func transfer(at nowNS: UInt64) -> Transfer {
            let roll = rng.below(100)
            switch roll {
            case 0..<4 where !created.isEmpty:
                var again = created[Int(rng.below(UInt64(created.count)))]
                if rng.chance(30) { again.reference &+= 1 }
                return again
            case 0..<4, 4..<6:
                // Huge amounts between the two unlimited "whale" accounts, to reach overflow.
                let forward = rng.chance(50)
                return .single(
                    id: freshID(), debit: forward ? 8 : 9, credit: forward ? 9 : 8,
                    amount: Amount(UInt64.max / 4 + rng.below(1000)))
            case 6..<24:
                let expiry: LedgerTimestamp? =
                    rng.chance(60)
                    ? LedgerTimestamp(nanosecondsSinceEpoch: nowNS &+ rng.below(20_000_000_000) &- 1_000_000_000) : nil
                let debit = account()
                let t = Transfer.pending(
                    id: freshID(), debit: debit, credit: account(besides: debit), amount: amount(), expiresAt: expiry,
                    code: UInt32(rng.below(4)))
                batchPendingIDs.append(t.id)
                return t
            case 24..<34 where !pendingIDs.isEmpty || !batchPendingIDs.isEmpty:
                let target = rng.chance(95) ? pendingTarget() : TransferID(rng.below(nextID + 5))
                let postAmount: Amount? = rng.chance(50) ? nil : Amount(rng.below(150))
                return .post(id: freshID(), pending: target, amount: postAmount)
            case 34..<40 where !pendingIDs.isEmpty || !batchPendingIDs.isEmpty:
                return .void(id: freshID(), pending: pendingTarget())
            case 40..<55:
                // Top-ups from the unlimited sources keep the limited wallets moving.
                let points = rng.chance(40)
                return .single(
                    id: freshID(), debit: points ? 11 : 1, credit: account(besides: points ? 11 : 1), amount: amount())
            default:
                let debit = account()
                return .single(
                    id: freshID(), debit: debit, credit: account(besides: debit), amount: amount(),
                    reference: rng.below(3))
            }
        }

        /// One operation: a batch of 1…8 transfers (counted per transfer) or an expiry tick.
        mutating func step() -> Int {
            now = rng.chance(5) ? now - rng.below(3_000_000_000) : now + rng.below(2_000_000_000)
            let instant = LedgerTimestamp(nanosecondsSinceEpoch: now)
            if rng.chance(4) {
                let due = model.due(now: instant)
                let expired = try! ledger.expirePending(now: instant)
                #expect(Set(expired) == due)
                #expect(expired.count == due.count)
                model.expire(expired, now: instant)
                checkAgreement()
                return 1
            }
            let size = rng.chance(60) ? Int(rng.below(2)) + 1 : Int(rng.below(8)) + 1
            var batch: [Transfer] = []
            batchPendingIDs = []
            for _ in 0..<size { batch.append(transfer(at: now)) }
            let countBefore = ledger.transferCount
            let lastBefore = ledger.lastTimestamp
            let expected = model.submit(batch, now: instant)
            let actual: Result<[TransferOutcome], LedgerError>
            do {
                actual = .success(try ledger.submit(batch, now: instant).outcomes)
            } catch {
                actual = .failure(error)
            }
            #expect(actual == expected, "batch \(batch)")
            switch actual {
            case .success(let outcomes):
                committed += 1
                pendingIDs += batchPendingIDs
                if pendingIDs.count > 48 { pendingIDs.removeFirst(pendingIDs.count - 48) }
                for (t, o) in zip(batch, outcomes) where { if case .created = o { true } else { false } }() {
                    created.append(t)
                }
            case .failure(let error):
                rejected += 1
                if case .transferFailed(_, _, let reason) = error {
                    reasons["\(reason)".prefix { $0 != "(" }.description, default: 0] += 1
                }
                #expect(ledger.transferCount == countBefore)
                #expect(ledger.lastTimestamp == lastBefore)
            }
            checkAgreement()
            return size
        }

        /// Balances agree with the model, limits hold, and per unit debits equal credits.
        ///
        /// Runs after every operation, so it collects problems in plain code and expects once.
        func checkAgreement() {
            var problems: [String] = []
            var totals: [LedgerUnit: (dPend: Int128, dPost: Int128, cPend: Int128, cPost: Int128)] = [:]
            for account in RandomizedTests.accounts {
                let balance = ledger.balance(of: account.id)!
                if balance != model.accounts[account.id]!.balance { problems.append("balance of \(account.id)") }
                let debits = Int128(balance.debitsPending) + Int128(balance.debitsPosted)
                let credits = Int128(balance.creditsPending) + Int128(balance.creditsPosted)
                switch account.limit {
                case .unlimited: break
                case .debitsMustNotExceedCredits(let od):
                    if debits > Int128(balance.creditsPosted) + Int128(od.minorUnits) {
                        problems.append("limit of \(account.id)")
                    }
                case .creditsMustNotExceedDebits(let od):
                    if credits > Int128(balance.debitsPosted) + Int128(od.minorUnits) {
                        problems.append("limit of \(account.id)")
                    }
                }
                var t = totals[account.unit] ?? (0, 0, 0, 0)
                t.dPend += Int128(balance.debitsPending)
                t.dPost += Int128(balance.debitsPosted)
                t.cPend += Int128(balance.creditsPending)
                t.cPost += Int128(balance.creditsPosted)
                totals[account.unit] = t
            }
            for (unit, t) in totals where t.dPost != t.cPost || t.dPend != t.cPend {
                problems.append("totals of \(unit)")
            }
            #expect(problems.isEmpty)
        }

        /// Rebuilds every balance from the transfers and expiry events alone and checks it against
        /// the ledger's history at every event (as-of queries) and at the end.
        func checkHistory() {
            var balances: [AccountID: Balance] = [:]
            let transfers = ledger.transfers
            let expiries = ledger.expiryEvents
            var events: [(timestamp: LedgerTimestamp, record: TransferRecord, expiry: Bool)] =
                transfers.map { ($0.timestamp, $0, false) }
                + expiries.map { ($0.timestamp, ledger.transfer($0.pending)!, true) }
            events.sort { $0.timestamp < $1.timestamp }
            for (a, b) in zip(events, events.dropFirst()) { #expect(a.timestamp < b.timestamp) }
            for (i, event) in events.enumerated() {
                let r = event.record
                var d = balances[r.debitAccount] ?? .zero
                var c = balances[r.creditAccount] ?? .zero
                let amount = r.amount.minorUnits
                if event.expiry {
                    d.debitsPending -= amount
                    c.creditsPending -= amount
                } else {
                    switch r.transfer.kind {
                    case .single:
                        d.debitsPosted += amount
                        c.creditsPosted += amount
                    case .pending:
                        d.debitsPending += amount
                        c.creditsPending += amount
                    case .postPending(let pid, _), .voidPending(let pid):
                        let reserved = ledger.transfer(pid)!.amount.minorUnits
                        let posted: UInt64 = if case .voidPending = r.transfer.kind { 0 } else { amount }
                        d.debitsPending -= reserved
                        d.debitsPosted += posted
                        c.creditsPending -= reserved
                        c.creditsPosted += posted
                    }
                }
                balances[r.debitAccount] = d
                balances[r.creditAccount] = c
                if i % 7 == 0 {
                    #expect(ledger.balance(of: r.debitAccount, asOf: event.timestamp) == d)
                    #expect(ledger.balance(of: r.creditAccount, asOf: event.timestamp) == c)
                }
            }
            for account in RandomizedTests.accounts {
                #expect(ledger.balance(of: account.id) == (balances[account.id] ?? .zero))
            }
            for (id, pending) in model.pendings {
                #expect(ledger.pendingStatus(of: id) == pending.status)
            }
        }
    }

    @Test(arguments: [0xD0B1E_E27A as UInt64, 0x5EED_0002])
    func agreesWithTheReferenceModel(seed: UInt64) throws {
        var run = try Run(seed: seed)
        var operations = 0
        while operations < 100_000 { operations += run.step() }
        run.checkHistory()
        // The generator reaches every failure mode (timestampsExhausted has its own unit test).
        let expected: Set<String> = [
            "existsWithDifferentFields", "zeroAmount", "sameAccount", "unknownAccount", "unitMismatch",
            "exceedsCredits", "exceedsDebits", "exceedsOverdraftLimit", "overflow", "expiryNotInFuture",
            "unknownPendingTransfer", "notPending", "postExceedsPending", "pendingAlreadyPosted",
            "pendingAlreadyVoided", "pendingExpired",
        ]
        #expect(Set(run.reasons.keys) == expected)
        #expect(run.ledger.expiryEvents.count > 1_000)
        #expect(run.committed > 1_000 && run.rejected > 1_000)
        #expect(run.ledger.transferCount > 20_000)
    }

    @Test func journalRoundTripsAfterARandomRun() throws {
        var run = try Run(seed: 77)
        var operations = 0
        while operations < 5_000 { operations += run.step() }
        let decoded = try JSONDecoder().decode(Ledger.self, from: JSONEncoder().encode(run.ledger))
        #expect(decoded == run.ledger)
        for account in RandomizedTests.accounts {
            #expect(decoded.balance(of: account.id) == run.ledger.balance(of: account.id))
            #expect(decoded.entries(of: account.id) == run.ledger.entries(of: account.id))
        }
        #expect(decoded.nextExpiry == run.ledger.nextExpiry)
    }
}
