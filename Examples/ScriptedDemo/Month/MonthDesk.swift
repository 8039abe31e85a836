import Foundation
import HelpDeskKit

/// The desk of the simulated month: the scripted day's seeding (`DemoDesk`) up to 1 March 2026,
/// other seeds, and an April service period for every contract (so renewal reminders stay quiet).
enum MonthDesk {
    /// The identifier seed of the month (unlike the scripted day's, so nobody mixes their output up).
    static let identifierSeed: UInt64 = 2026_04_01
    /// The seed of the rating tokens.
    static let tokenSeed: UInt64 = 0x5EED_70CE

    /// The month simulated: March 2026, midnight to midnight in Moscow time.
    static let month = DemoClients.march..<DemoClients.april

    /// Builds a fresh in-memory desk seeded like the scripted day, with February's invoices and
    /// payments done and the clock at 1 March 00:00; March's follow `DemoBilling` during the month.
    static func seeded() async throws -> DemoDesk {
        let demo = try await DemoDesk.seeded(
            store: InMemoryStore(), until: month.lowerBound, identifierSeed: identifierSeed, randomSeed: tokenSeed)
        for company in [demo.clients.acme, demo.clients.northwind, demo.clients.contoso] {
            for contract in try await demo.desk.contracts(of: company.id, as: .system) {
                guard let last = contract.periods.last else { continue }
                _ = try await demo.desk.addServicePeriod(
                    to: contract.id,
                    NewServicePeriod(
                        startsAt: DemoClients.april, endsAt: DemoClients.may, fee: last.fee,
                        includedLaborMinutes: 1_200, laborRoundingStepMinutes: 15, laborAlertPercent: 80,
                        paymentDueAt: DemoClients.dueDate(of: DemoClients.april)), by: .system)
            }
        }
        return demo
    }
}
