/// Reads the usage of contracts' service-period allowances. Writes go through a ``UnitOfWork``
/// (``AllowanceChanges``).
public protocol AllowanceRepository: Sendable {
    /// The usage record of `period` of `contract` in `measure`, or `nil` when nothing was tracked yet.
    func allowanceUsage(contract: ContractID, period: ServicePeriodID, measure: AllowanceMeasure) async throws
        -> AllowanceUsage?
    /// Every usage record of `contract`, by period identifier, then measure.
    func allowanceUsages(of contract: ContractID) async throws -> [AllowanceUsage]
    /// Every usage record, by contract, period identifier and measure (``AllowanceUsage/areInIncreasingOrder(_:_:)``).
    func allowanceUsages() async throws -> [AllowanceUsage]
}
