import Foundation
import HelpDeskKit

extension ScriptedDay {
    /// Narrates what a dispatcher sees before saving a ticket for `contact`: contracts and their
    /// current period, debts, installed equipment and open tickets.
    mutating func showHints(for contact: Contact, by dispatcher: Employee) async throws(HelpDeskError) {
        let hints = try await desk.registrationHints(contact: contact.id, as: .system)
        say("\(dispatcher.name) looks up \(contact.name) before saving the call (registration hints):")
        then("client \(hints.company.name), location \(hints.location?.name ?? "-")")
        for hint in hints.contracts {
            let period = hint.currentPeriod.map {
                "current period \(DemoTime.dayAndMonth($0.startsAt)) - \(DemoTime.dayAndMonth($0.endsAt.addingTimeInterval(-1)))"
                    + ", " + DemoClients.payment($0, at: demo.clock.now)
            }
            then("contract \(hint.contract.number): \(period ?? "no current period")")
        }
        if let debtor = hints.debtor {
            let totals = debtor.totals.map(\.description).joined(separator: ", ")
            then(
                "DEBTOR: \(totals) unpaid, the oldest invoice overdue for \(debtor.maximumDaysOverdue) days: warn the engineer"
            )
        }
        let models = try await desk.assetModels(as: .system)
        for asset in hints.installedAssets {
            let model = models.first { $0.id == asset.modelID }?.name ?? "?"
            then("installed: \(model), serial \(asset.serialNumber), inventory \(asset.inventoryNumber ?? "-")")
        }
        then("open tickets of \(hints.company.name): \(hints.openTickets.count)")
    }
}
