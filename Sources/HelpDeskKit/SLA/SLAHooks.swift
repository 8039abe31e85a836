extension TicketHook {
    /// Keeps a ticket's SLA clocks in step with each change (pauses, reaction, resolution).
    static let slaClocks = TicketHook(name: "sla-clocks") { desk, edit throws(HelpDeskError) in
        try await desk.syncSLA(&edit)
    }
}

extension TickHook {
    /// Announces SLA warnings and breaches that came due.
    static let slaAnnouncements = TickHook(name: "sla-announcements") { desk, now, report throws(HelpDeskError) in
        try await desk.checkSLAs(now: now, report: &report)
    }
}

extension Capability {
    /// SLA deadlines: clocks set on every ticket change, warnings and breaches announced by `tick`.
    static let sla = Capability(name: "sla", ticketHooks: [.slaClocks], tickHooks: [.slaAnnouncements])
}
