/// Reads the usage of contracts' service-period allowances. Writes go through a ``UnitOfWork``
/// (``AllowanceChanges``).
public protocol AllowanceRepository: Sendable {
    /// The usage record of `period` of `contract`, or `nil` when nothing was tracked yet.
    func allowanceUsage(contract: ContractID, period: ServicePeriodID) async throws -> AllowanceUsage?
    /// Every usage record of `contract`, by period identifier.
    func allowanceUsages(of contract: ContractID) async throws -> [AllowanceUsage]
    /// Every usage record, by contract, then period identifier.
    func allowanceUsages() async throws -> [AllowanceUsage]
}
