extension TickHook {
    /// Announces contract reminders (ending contracts, service periods to invoice or unpaid).
    static let contractReminders = TickHook(name: "contract-reminders") { desk, now, report throws(HelpDeskError) in
        try await desk.sendContractReminders(now: now, report: &report)
    }
}

extension Capability {
    /// Clients and contracts: reminders before a contract ends; engineers told of a debtor's ticket.
    static let clients = Capability(name: "clients", ticketHooks: [.debtorWarning], tickHooks: [.contractReminders])
}
