/// Splits a service period's tracked entries into the part its allowance covers and the part
/// beyond it.
///
/// Frozen uses (their ticket's specification is settled) keep their split and consume first;
/// the others consume what is left in ``AllowanceUse/consumesBefore(_:_:)`` order, each taking
/// as much as remains. With nothing frozen the covered total is `min(logged, included)`,
/// whatever order the entries were logged in.
public enum AllowanceAllocation {
    /// `uses` re-allocated against `included` units, in consumption order.
    public static func allocate(_ uses: [AllowanceUse], included: Int) -> [AllowanceUse] {
        var remaining = max(included, 0)
        for use in uses where use.isFrozen { remaining -= min(use.covered, remaining) }
        return uses.sorted(by: AllowanceUse.consumesBefore).map { use in
            guard !use.isFrozen else { return use }
            var allocated = use
            allocated.covered = min(use.units, remaining)
            allocated.excess = use.units - allocated.covered
            remaining -= allocated.covered
            return allocated
        }
    }

    /// The alert thresholds (percent) that `consumed` of `included` reaches and that were not
    /// announced yet: the configured alert percentage, then 100.
    public static func thresholdsReached(
        consumed: Int, included: Int, alertPercent: Int?, alreadySent: [Int]
    ) -> [Int] {
        let thresholds = Set([alertPercent, 100].compactMap { $0 }).sorted()
        return thresholds.filter { threshold in
            !alreadySent.contains(threshold) && reaches(consumed, threshold, of: included)
        }
    }

    /// `true` when `consumed` is at least `percent` % of `included` (exact in integers; an
    /// allowance of nothing is reached by the first consumption attempt).
    static func reaches(_ consumed: Int, _ percent: Int, of included: Int) -> Bool {
        let left = consumed.multipliedFullWidth(by: 100)
        let right = included.multipliedFullWidth(by: percent)
        return (left.high, left.low) >= (right.high, right.low)
    }
}
