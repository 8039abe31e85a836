import Foundation
import HelpDeskKit
import WorkingTime

extension StoreContract {
    static func allowanceUsage(
        contract: ContractID, period: ServicePeriodID, ids: inout SeededIdentifierSource, uses count: Int
    ) throws -> AllowanceUsage {
        let uses = try (0..<count).map { index in
            AllowanceUse(
                entryID: ids.next(), ticketID: ids.next(), workDate: try LocalDate(year: 2026, month: 3, day: 1 + index),
                loggedAt: Date(timeIntervalSince1970: 1_772_442_000.25 + Double(index)), units: 45 + index,
                covered: 40, excess: 5 + index, isFrozen: index == 0)
        }
        return AllowanceUsage(
            contractID: contract, periodID: period, measure: count.isMultiple(of: 2) ? .laborMinutes : .visits, uses: uses,
            alertsSent: [80, 100], revision: 1)
    }

    static let allowanceChecks: [ContractCheck] = [
        ContractCheck("allowance usage round-trips per contract and period, sorted, and a change replaces it") { store in
            let allowances = try requireFeature((any AllowanceRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 120)
            let (first, second): (ContractID, ContractID) = (ids.next(), ids.next())
            let (early, late): (ServicePeriodID, ServicePeriodID) = (ids.next(), ids.next())
            let a = try allowanceUsage(contract: first, period: early, ids: &ids, uses: 3)
            let b = try allowanceUsage(contract: first, period: late, ids: &ids, uses: 0)
            let c = try allowanceUsage(contract: second, period: early, ids: &ids, uses: 1)
            var work = UnitOfWork()
            work.allowanceUsageWrites = [c, b, a].map { AllowanceUsageWrite(usage: $0, expectedRevision: nil) }
            try await store.commit(work)
            // The same period's other measure is a record of its own.
            let other = AllowanceUsage(contractID: first, periodID: early, measure: .laborMinutes, revision: 1)
            var more = UnitOfWork()
            more.allowanceUsageWrites = [AllowanceUsageWrite(usage: other, expectedRevision: nil)]
            try await store.commit(more)
            let sorted = [a, b, c, other].sorted(by: AllowanceUsage.areInIncreasingOrder)
            try requireEqual(try await allowances.allowanceUsages(), sorted, "all, by contract, period and measure")
            try requireEqual(
                try await allowances.allowanceUsages(of: first), sorted.filter { $0.contractID == first }, "of a contract")
            try requireEqual(
                try await allowances.allowanceUsage(contract: first, period: early, measure: a.measure), a, "by key")
            try requireEqual(
                try await allowances.allowanceUsage(contract: second, period: late, measure: .visits), nil, "unknown key")
            var changed = a
            changed.uses.removeLast()
            changed.alertsSent = [80]
            changed.revision = 2
            var change = UnitOfWork()
            change.allowanceUsageWrites = [AllowanceUsageWrite(usage: changed, expectedRevision: 1)]
            try await store.commit(change)
            try requireEqual(
                try await allowances.allowanceUsage(contract: first, period: early, measure: a.measure), changed, "replaced")
            try requireEqual(
                try await allowances.allowanceUsage(contract: first, period: early, measure: .laborMinutes), other,
                "the other measure is untouched")
        },
        ContractCheck("an allowance usage write under a stale revision, or a second first write, is a conflict") {
            store in
            let allowances = try requireFeature((any AllowanceRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 121)
            let usage = try allowanceUsage(contract: ids.next(), period: ids.next(), ids: &ids, uses: 2)
            var work = UnitOfWork()
            work.allowanceUsageWrites = [AllowanceUsageWrite(usage: usage, expectedRevision: nil)]
            try await store.commit(work)
            let before = try await StoreSnapshot.capture(store)
            var again = usage
            again.uses = []
            for expected in [nil, 0, 2] as [Int?] {
                var stale = UnitOfWork()
                stale.allowanceUsageWrites = [AllowanceUsageWrite(usage: again, expectedRevision: expected)]
                try await requireStorageError(.conflict) { try await store.commit(stale) }
            }
            var missing = UnitOfWork()
            let unknown = try allowanceUsage(contract: ids.next(), period: ids.next(), ids: &ids, uses: 1)
            missing.allowanceUsageWrites = [AllowanceUsageWrite(usage: unknown, expectedRevision: 1)]
            try await requireStorageError(.conflict) { try await store.commit(missing) }
            try requireEqual(try await StoreSnapshot.capture(store), before, "refused units change nothing")
            try requireEqual(
                try await allowances.allowanceUsage(
                    contract: usage.contractID, period: usage.periodID, measure: usage.measure), usage)
        },
    ]
}
