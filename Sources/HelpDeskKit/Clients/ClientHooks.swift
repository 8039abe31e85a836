extension TickHook {
    /// Announces contract reminders (ending contracts, service periods to invoice or unpaid).
    static let contractReminders = TickHook(name: "contract-reminders") { desk, now, report throws(HelpDeskError) in
        try await desk.sendContractReminders(now: now, report: &report)
    }
}
