import Foundation

/// The ticket-level money commands' audit entries and events: specification changes and
/// settlements are recorded on the ticket's audit trail in the unit of work that makes them.
extension HelpDesk {
    /// Adds the ``AuditField/specification`` entry and the
    /// ``DomainEvent/specificationChanged(ticket:number:version:)`` event of a change from `old`
    /// (`nil`: the specification is new) to `new`.
    func auditSpecificationChange(
        from old: TicketSpecification?, to new: TicketSpecification, on ticket: Ticket, by performer: Performer,
        at now: Date, into work: inout UnitOfWork
    ) {
        let before = Set(old?.lines.map(\.id) ?? [])
        let after = Set(new.lines.map(\.id))
        let added = new.lines.filter { !before.contains($0.id) }.map { "+" + Self.auditText(of: $0) }
        let removed = (old?.lines ?? []).filter { !after.contains($0.id) }.map { "−" + Self.auditText(of: $0) }
        let lines = (added + removed).joined(separator: ", ")
        work.auditEntries.append(
            AuditEntry(
                id: nextID(), ticketID: ticket.id, field: .specification, oldValue: old.map(Self.auditSummary),
                newValue: Self.auditSummary(of: new) + (lines.isEmpty ? "" : "; " + lines), performer: performer,
                at: now))
        let event = DomainEvent.specificationChanged(ticket: ticket.id, number: ticket.number, version: new.version)
        work.events.append(
            PendingEvent(
                id: nextID(), event: event, performer: performer,
                audience: audience(of: event, on: ticket, performer: performer), occurredAt: now))
    }

    /// Adds the ``AuditField/settlement`` entry and the ``DomainEvent/workSettled(ticket:number:version:)``
    /// event of `settled` (a specification whose ``TicketSpecification/settlement`` is set).
    func auditSettlement(
        _ settled: TicketSpecification, on ticket: Ticket, by performer: Performer, at instant: Date,
        into work: inout UnitOfWork
    ) {
        guard let settlement = settled.settlement else { return }
        let charged = settlement.charged.map(\.description).joined(separator: " + ")
        let owed = settlement.receivable.map(\.description).joined(separator: " + ")
        var text = "v\(settlement.version) charged \(charged.isEmpty ? "nothing" : charged)"
        if !owed.isEmpty { text += "; owed \(owed)" }
        work.auditEntries.append(
            AuditEntry(
                id: nextID(), ticketID: ticket.id, field: .settlement, oldValue: nil, newValue: text,
                performer: performer, at: instant))
        let event = DomainEvent.workSettled(ticket: ticket.id, number: ticket.number, version: settlement.version)
        work.events.append(
            PendingEvent(
                id: nextID(), event: event, performer: performer,
                audience: audience(of: event, on: ticket, performer: performer), occurredAt: instant))
    }

    /// `v3: 13133.33 RUB billable`: the version and the billable totals.
    private static func auditSummary(of specification: TicketSpecification) -> String {
        let totals = (try? specification.totals(.billable))?.map(\.description).joined(separator: " + ") ?? ""
        return "v\(specification.version): \(totals.isEmpty ? "nothing" : totals) billable"
    }

    /// `Toner cartridge 85A ×2 at 4900.00 RUB`.
    private static func auditText(of line: SpecificationLine) -> String {
        let quantity = line.pricing == .perHour ? "\(line.quantity) min" : "×\(line.quantity)"
        let covered = line.coverage == .inContract ? " (in contract)" : ""
        return "\(line.description) \(quantity) at \(line.unitPrice)\(covered)"
    }
}
