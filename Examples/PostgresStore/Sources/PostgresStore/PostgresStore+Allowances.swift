import HelpDeskKit
import PostgresNIO

extension PostgresStore: AllowanceRepository {
    /// The usage record of `period` of `contract` in `measure`, or `nil`.
    public func allowanceUsage(contract: ContractID, period: ServicePeriodID, measure: AllowanceMeasure)
        async throws -> AllowanceUsage?
    {
        try await record(
            AllowanceUsage.self,
            """
            SELECT body FROM allowance_usage
            WHERE contract_id = \(contract.uuid) AND period_id = \(period.uuid) AND measure = \(measure.rawValue)
            """)
    }

    /// Every usage record of `contract`, by period identifier, then measure.
    public func allowanceUsages(of contract: ContractID) async throws -> [AllowanceUsage] {
        try await records(AllowanceUsage.self, "SELECT body FROM allowance_usage WHERE contract_id = \(contract.uuid)")
            .sorted(by: AllowanceUsage.areInIncreasingOrder)
    }

    /// Every usage record, by contract, period identifier and measure.
    public func allowanceUsages() async throws -> [AllowanceUsage] {
        try await records(AllowanceUsage.self, "SELECT body FROM allowance_usage")
            .sorted(by: AllowanceUsage.areInIncreasingOrder)
    }

    /// Writes usage records under their expected revisions: a zero-row update (the revision moved)
    /// or an insert of a record that exists is a conflict.
    func writeAllowances(_ changes: AllowanceChanges, on connection: PostgresConnection) async throws {
        for write in changes.usageWrites {
            let usage = write.usage
            let body = try RecordCoding.encode(usage)
            let written: Int
            if let expected = write.expectedRevision {
                written = try await rowCount(
                    """
                    UPDATE allowance_usage SET revision = \(usage.revision), body = \(body)
                    WHERE contract_id = \(usage.contractID.uuid) AND period_id = \(usage.periodID.uuid)
                    AND measure = \(usage.measure.rawValue) AND revision = \(expected) RETURNING 1
                    """, on: connection)
            } else {
                written = try await rowCount(
                    """
                    INSERT INTO allowance_usage (contract_id, period_id, measure, revision, body)
                    VALUES (\(usage.contractID.uuid), \(usage.periodID.uuid), \(usage.measure.rawValue), \(usage.revision), \(body))
                    ON CONFLICT (contract_id, period_id, measure) DO NOTHING RETURNING 1
                    """, on: connection)
            }
            guard written > 0 else {
                throw StorageError(
                    .conflict,
                    "allowance usage \(usage.contractID)/\(usage.periodID)/\(usage.measure.rawValue) is not at revision \(write.expectedRevision.map(String.init) ?? "none")")
            }
        }
    }
}
