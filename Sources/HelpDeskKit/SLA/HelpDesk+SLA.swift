import Foundation
import WorkingTime

extension HelpDesk {
    /// The policy a ticket falls under, by precedence: contract > client > category > desk default;
    /// for a client with overdue periods, the configured debtor policy replaces it.
    func slaPolicy(for ticket: Ticket) async throws(HelpDeskError) -> SLAPolicy? {
        var choice = SLAPolicyChoice(deskDefault: configuration.sla.defaultPolicyID)
        if let categoryID = ticket.categoryID {
            choice.category = try await storage { try await store.category(categoryID) }?.slaPolicyID
        }
        if let companyID = ticket.companyID {
            choice.client = try await storage { try await companyStore.company(companyID) }?.slaPolicyID
            if let debtorPolicy = configuration.clients.debtorSLAPolicyID,
                try await isDebtor(companyID, at: clock.now())
            {
                return configuration.sla.policy(debtorPolicy)
            }
        }
        if let contractID = ticket.contractID {
            choice.contract = try await storage { try await contractStore.contract(contractID) }?.slaPolicyID
        }
        return choice.resolved.flatMap(configuration.sla.policy)
    }

    /// SLA clocks for a ticket being registered, or `nil` when no policy applies.
    @inline(__always)
    func startSLA(for ticket: Ticket) async throws(HelpDeskError) -> TicketSLA? {
        guard !configuration.sla.policies.isEmpty else { return nil }
        guard let policy = try await slaPolicy(for: ticket) else { return nil }
        let clientTime = try await slaClientTime(for: ticket)
        let calendar = try await slaCalendar(policy, clientTime)
        do {
            return try SLAClockwork(policy: policy, calendar: calendar).start(
                priority: ticket.priority, category: ticket.categoryID, at: ticket.createdAt, clientTime: clientTime)
        } catch {
            throw .slaCalendar(error)
        }
    }

    /// Brings the edited ticket's SLA clocks in step with the edit: retargets on a priority or
    /// category change, pauses while waiting, stops on reaction and resolution, restarts on
    /// reopening, and announces every warning or breach due by the edit's instant.
    func syncSLA(_ edit: inout TicketEdit) async throws(HelpDeskError) {
        guard !configuration.sla.policies.isEmpty else { return }
        let old = edit.original
        var ticket = edit.ticket
        let retarget =
            ticket.priority != old.priority || ticket.categoryID != old.categoryID
            || ticket.companyID != old.companyID || ticket.contractID != old.contractID
        var policy = ticket.sla.flatMap { configuration.sla.policy($0.policyID) }
        if retarget || ticket.sla == nil, let chosen = try await slaPolicy(for: ticket) { policy = chosen }
        guard let policy else { return }
        // The clocks keep the time basis chosen when they started, unless the ticket moved to
        // another client, contract or location.
        let rebase =
            ticket.sla == nil || ticket.companyID != old.companyID || ticket.contractID != old.contractID
            || ticket.locationID != old.locationID
        let clientTime = rebase ? try await slaClientTime(for: ticket) : ticket.sla?.clientTime
        let clockwork = SLAClockwork(policy: policy, calendar: try await slaCalendar(policy, clientTime))
        let at = edit.at
        var announcements: [SLAAnnouncement] = []
        do {
            var sla: TicketSLA
            if let existing = ticket.sla {
                sla = existing
            } else {
                sla = try clockwork.start(
                    priority: ticket.priority, category: ticket.categoryID, at: ticket.createdAt, clientTime: clientTime)
            }
            let moved = sla.clientTime != clientTime
            sla.clientTime = clientTime
            if retarget || moved || sla.policyID != policy.id {
                try clockwork.retarget(&sla, priority: ticket.priority, category: ticket.categoryID)
            }
            let before = workflow.category(of: old.status)
            let after = workflow.category(of: ticket.status)
            if before != .waiting, after == .waiting { clockwork.pause(&sla, at: at) }
            if before == .waiting, after != .waiting { try clockwork.resume(&sla, at: at) }
            if let reactedAt = reactionInstant(
                old: old, new: ticket, at: at, before: before, after: after, policy: policy)
            {
                announcements += try clockwork.stop(&sla, .reaction, at: reactedAt)
            }
            let done: Set<StatusCategory?> = [.resolved, .closed, .cancelled]
            if !done.contains(before), done.contains(after) {
                announcements += try clockwork.stop(&sla, .reaction, at: at)
                announcements += try clockwork.stop(&sla, .resolution, at: at)
            }
            if done.contains(before), !done.contains(after) { try clockwork.restart(&sla, .resolution, at: at) }
            announcements += try clockwork.advance(&sla, to: at)
            ticket.sla = sla
        } catch {
            throw .slaCalendar(error)
        }
        edit.ticket = ticket
        for announcement in announcements {
            switch announcement {
            case .warning(let kind, let threshold, let dueAt):
                edit.events.append(
                    .slaWarning(
                        ticket: ticket.id, number: ticket.number, clock: kind, threshold: threshold, dueAt: dueAt))
            case .breach(let kind, let dueAt):
                edit.events.append(.slaBreached(ticket: ticket.id, number: ticket.number, clock: kind, dueAt: dueAt))
            }
        }
    }

    /// When the edit gave the reaction the policy waits for, if it did.
    private func reactionInstant(
        old: Ticket, new: Ticket, at: Date, before: StatusCategory?, after: StatusCategory?, policy: SLAPolicy
    ) -> Date? {
        let responded = old.firstResponseAt == nil ? new.firstResponseAt : nil
        let takenIntoWork = before != .open && after == .open ? at : nil
        switch policy.reactionStop {
        case .firstPublicResponse: return responded
        case .takenIntoWork: return takenIntoWork
        case .whicheverFirst: return responded ?? takenIntoWork
        }
    }

    /// Announces SLA warnings and breaches due by `now` on every ticket that has one.
    func checkSLAs(now: Date, report: inout TickReport) async throws(HelpDeskError) {
        guard !configuration.sla.policies.isEmpty else { return }
        let due = try await storage { try await store.ticketsNeedingSLACheck(dueBy: now) }
        for ticket in due {
            let events = try await perform(by: .system, editing: [ticket.id]) { context throws(HelpDeskError) in
                // Read again under the ticket's lock: a command may have changed it since the scan.
                guard let current = try await storage({ try await store.ticket(ticket.id) }) else {
                    return [DomainEvent]()
                }
                var edit = TicketEdit(current, by: .system, at: now)
                try await record(&edit, into: &context.work)
                return edit.events
            }
            for event in events {
                if case .slaWarning = event { report.slaWarnings.append(ticket.number) }
                if case .slaBreached = event { report.slaBreaches.append(ticket.number) }
            }
        }
    }
}
