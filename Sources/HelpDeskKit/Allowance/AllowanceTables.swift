/// The in-memory store's allowance usage records.
struct AllowanceTables: CapabilityTable {
    /// Every record by ``key(of:)``.
    var usages: [String: AllowanceUsage] = [:]

    /// The key of a record: its contract, period and measure.
    static func key(of usage: AllowanceUsage) -> String { key(usage.contractID, usage.periodID, usage.measure) }

    /// The key of `period` of `contract` in `measure`.
    static func key(_ contract: ContractID, _ period: ServicePeriodID, _ measure: AllowanceMeasure) -> String {
        "\(contract)/\(period)/\(measure.rawValue)"
    }

    /// Checks each write against the stored revision: a new record must not exist yet, a change
    /// must be based on the stored revision.
    func validate(_ changes: AllowanceChanges, of work: UnitOfWork, in store: InMemoryStore.State)
        throws(StorageError)
    {
        for write in changes.usageWrites {
            let key = Self.key(of: write.usage)
            switch (write.expectedRevision, usages[key]) {
            case (nil, nil): continue
            case (nil, .some): throw StorageError(.conflict, "allowance usage \(key) already exists")
            case (.some, nil): throw StorageError(.conflict, "allowance usage \(key) does not exist")
            case (let expected?, let current?):
                guard current.revision == expected else {
                    throw StorageError(
                        .conflict, "allowance usage \(key) is at revision \(current.revision), not \(expected)")
                }
            }
        }
    }

    /// Applies the writes of a validated unit.
    mutating func apply(_ changes: AllowanceChanges) {
        for write in changes.usageWrites { usages[Self.key(of: write.usage)] = write.usage }
    }

    var image: AllowanceImage {
        AllowanceImage(usages: usages.values.sorted(by: AllowanceUsage.areInIncreasingOrder))
    }

    init(image: AllowanceImage) {
        for usage in image.usages { usages[Self.key(of: usage)] = usage }
    }
}

extension InMemoryStore: AllowanceRepository {
    public func allowanceUsage(contract: ContractID, period: ServicePeriodID, measure: AllowanceMeasure)
        async throws -> AllowanceUsage?
    {
        state.withLock { $0.table(AllowanceTables.self).usages[AllowanceTables.key(contract, period, measure)] }
    }

    public func allowanceUsages(of contract: ContractID) async throws -> [AllowanceUsage] {
        state.withLock { $0.table(AllowanceTables.self).image.usages.filter { $0.contractID == contract } }
    }

    public func allowanceUsages() async throws -> [AllowanceUsage] {
        state.withLock { $0.table(AllowanceTables.self).image.usages }
    }
}
