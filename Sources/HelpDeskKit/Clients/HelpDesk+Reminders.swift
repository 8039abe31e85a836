import Foundation

extension HelpDesk {
    /// Announces contract reminders due at `now`, each once, to the contract's manager:
    /// a renewal when the last period ends within the configured days, an unpaid period once it
    /// has started, and the contract's end within the configured days.
    func sendContractReminders(now: Date, report: inout TickReport) async throws(HelpDeskError) {
        let settings = configuration.clients
        for var contract in try await storage({ try await contractStore.contracts() }) where contract.status == .active {
            var due: [ContractReminder] = []
            if let last = contract.periods.last,
                last.endsAt.addingTimeInterval(-Double(settings.renewalReminderDays) * 86_400) <= now, now < last.endsAt
            {
                due.append(.renewalDue(last.id))
            }
            for period in contract.periods where period.startsAt <= now && period.paidAt == nil {
                due.append(.periodUnpaid(period.id))
            }
            if let endsAt = contract.endsAt,
                endsAt.addingTimeInterval(-Double(settings.contractEndingReminderDays) * 86_400) <= now, now < endsAt
            {
                due.append(.contractEnding)
            }
            let fresh = due.filter { !contract.remindersSent.contains($0) }
            guard !fresh.isEmpty else { continue }
            contract.remindersSent += fresh
            try await perform(by: .system) { context throws(HelpDeskError) in
                context.work.clients.contracts = [contract]
                for reminder in fresh {
                    context.work.events.append(
                        PendingEvent(
                            id: nextID(),
                            event: .contractReminder(
                                contract: contract.id, number: contract.number, reminder: reminder),
                            performer: .system, audience: Audience(employeeIDs: contract.managerID.map { [$0] } ?? []),
                            occurredAt: now))
                }
            }
            report.contractReminders += fresh.map { _ in contract.number }
        }
    }
}
