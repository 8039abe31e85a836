/// Turns spent minutes into charged minutes: rounded **up** to the next multiple of the step.
///
/// A step of 0 or 1 charges exactly what was spent. With a 15-minute step: 1 → 15, 15 → 15,
/// 16 → 30, 50 → 60. Rounding applies per entry, never to a ticket's total.
public enum LaborRounding {
    /// The charged minutes for `spent` minutes with `step` (both non-negative); `Int.max` when the
    /// rounded-up value does not fit (never for entries within ``LaborConfiguration/maximumEntryMinutes``).
    public static func charged(spentMinutes spent: Int, step: Int) -> Int {
        guard step > 1, spent > 0 else { return spent }
        let (whole, rest) = spent.quotientAndRemainder(dividingBy: step)
        let (steps, o1) = whole.addingReportingOverflow(rest == 0 ? 0 : 1)
        let (charged, o2) = steps.multipliedReportingOverflow(by: step)
        return o1 || o2 ? .max : charged
    }
}

/// Which rounding step applies to a ticket, by precedence: contract > desk default.
///
/// Contracts arrive with the client/contract work: it fills ``contract`` from the ticket's
/// contract, and the engine's `roundingStep(for:)` is the only place that needs to change.
public struct LaborRoundingChoice: Hashable, Sendable {
    /// The step of the ticket's contract, when it has one with its own step.
    public var contract: Int?
    /// The desk's ``LaborConfiguration/roundingStepMinutes``.
    public var deskDefault: Int

    /// Describes the candidates.
    public init(contract: Int? = nil, deskDefault: Int) {
        self.contract = contract
        self.deskDefault = deskDefault
    }

    /// The step in force.
    public var resolved: Int { contract ?? deskDefault }
}
