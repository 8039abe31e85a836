import Foundation
import HelpDeskKit

extension ScriptedDay {
    /// 15:00–16:20: a warehouse contact files a ticket in the client portal; the toner it needs is
    /// paid work that waits for the approval of Northwind's office manager, who declines the first
    /// bill, approves a smaller one, and only then is it charged.
    mutating func paidWorkApproval() async throws(HelpDeskError) {
        let clients = demo.clients
        at(15, 0)
        let id = try await fileFromTheWarehouse()
        let number = try await desk.ticket(id, as: .system).number
        at(15, 10)
        _ = try await desk.assign(
            id, to: staff.ben.id, group: demo.groups.fieldEngineers.id, by: .employee(staff.olga.id))
        say("\(staff.olga.name) assigns \(number) to \(staff.ben.name) (\(demo.groups.fieldEngineers.name))")
        at(15, 40)
        try await move(id, to: .inProgress, by: staff.ben)
        try await write("The toner is nearly empty. We suggest two cartridges, one as a spare.", on: id, by: staff.ben)
        let toner = clients.tonerCartridge
        let first = try await desk.addSpecificationLine(
            to: id, NewSpecificationLine(itemID: toner.id, quantity: 2, coverage: .billable),
            by: .employee(staff.ben.id))
        say("\(staff.ben.name) puts 2 x \(toner.name) on the bill of \(number): \(try Self.totals(first))")
        at(15, 45)
        _ = try await desk.requestApproval(of: id, by: .employee(staff.olga.id))
        say("\(staff.olga.name) asks Northwind to approve the paid work on \(number)")
        then("until a contact allowed to approve paid work agrees, the bill cannot be charged")
        try await showClientNotices(about: id)
        at(15, 50)
        say("\(staff.olga.name) tries to charge the bill of \(number) all the same")
        do {
            _ = try await desk.settle(id, by: .employee(staff.olga.id))
            then("WARNING: unapproved paid work was charged")
        } catch {
            then("refused: \(error)")
        }
        pause()

        at(16, 0)
        let elena = desk.portal(for: clients.elena.id)
        let asked = try await elena.ticket(id)
        say("\(clients.elena.name), Northwind's office manager, opens \(number) in the client portal")
        then(asked.awaitsMyApproval ? "it awaits her approval: \(Self.bill(asked))" : "WARNING: no approval awaited")
        let reason = "One cartridge is enough; we keep no spares."
        _ = try await elena.declinePaidWork(of: id, reason: reason)
        say("\(clients.elena.name) declines the paid work in the portal: \"\(reason)\"")
        then("\(number) cannot be charged until its bill changes and she agrees")
        at(16, 10)
        let one = try await desk.addSpecificationLine(
            to: id, NewSpecificationLine(itemID: toner.id, quantity: 1, coverage: .billable),
            by: .employee(staff.ben.id))
        if let two = one.lines.first(where: { $0.quantity == 2 }) {
            _ = try await desk.removeSpecificationLine(two.id, from: id, by: .employee(staff.ben.id))
        }
        let changed = try await elena.ticket(id)
        say("\(staff.ben.name) changes the bill of \(number) to one cartridge: \(Self.bill(changed))")
        then(
            changed.awaitsMyApproval
                ? "each change to the bill sends it to the client again: it waits for \(clients.elena.name) once more"
                : "WARNING: a changed bill needs no approval")
        at(16, 15)
        let approved = try await elena.approvePaidWork(of: id)
        say("\(clients.elena.name) approves the paid work of \(number) in the portal: \(Self.bill(approved))")
        at(16, 20)
        try await write("New cartridge fitted; the pages print dark again.", on: id, by: staff.ben)
        try await move(id, to: .resolved, by: staff.ben)
        try await showSettlement(of: id)
        try await showRatingRequest(of: id)
        pause()
    }

    /// Igor looks at the portal's new-ticket form (an internal category is not offered) and files
    /// the warehouse's faded printing there; returns the ticket.
    private mutating func fileFromTheWarehouse() async throws(HelpDeskError) -> TicketID {
        let igor = demo.clients.igor
        let portal = desk.portal(for: igor.id)
        let offered = try await portal.categories()
        say("\(igor.name) opens the client portal to report a problem at Northwind's warehouse")
        then("the form offers \(offered.count) categories: \(offered.map(\.name).joined(separator: ", "))")
        for hidden in demo.catalog.all where !offered.contains(where: { $0.id == hidden.id }) {
            then("\"\(hidden.name)\" is internal to the desk: the portal does not list it")
        }
        let place = try await portal.locations().first
        let filed = try await portal.file(
            PortalTicketRequest(
                title: "Warehouse printer prints faded pages", categoryID: demo.catalog.printers.id,
                locationID: place?.id))
        tickets.warehousePrinter = filed.id
        let ticket = try await desk.ticket(filed.id, as: .system)
        say("\(ticket.number) \"\(ticket.title)\" arrives by portal from \(igor.name), \(place?.name ?? "Northwind")")
        let category = filed.categoryName ?? "-"
        then("\(ticket.priority) priority, category \(category): routed by default to \(routing(of: ticket))")
        showDebtorPolicy(of: ticket)
        return ticket.id
    }

    /// The paid work as the client sees it: `1 x Toner cartridge HP 59A, 4200.00 RUB`.
    static func bill(_ ticket: PortalTicket) -> String {
        guard let work = ticket.paidWork else { return "nothing yet" }
        let lines = work.lines.map { "\($0.quantity) x \($0.description)" }.joined(separator: ", ")
        let total = work.chargedTotals.map(\.description).joined(separator: ", ")
        return "\(lines), \(total.isEmpty ? "nothing to pay" : total)"
    }

    /// The billable totals of a specification, in words.
    static func totals(_ specification: TicketSpecification) throws(HelpDeskError) -> String {
        do {
            return try specification.totals(.billable).map(\.description).joined(separator: ", ")
        } catch {
            throw .money(error)
        }
    }

    /// The messages the latest event about `id` sends to the client's people (the host mails
    /// them): who is told, and the first line, rendered from what the client may see.
    private mutating func showClientNotices(about id: TicketID) async throws(HelpDeskError) {
        let waiting = try await desk.undeliveredEvents(limit: 10_000, as: .system)
        guard let latest = waiting.last(where: { $0.event.ticketID == id }) else { return }
        for notice in try await desk.clientNotices(for: latest, as: .system) {
            let line = notice.body.split(separator: "\n").first.map(String.init) ?? ""
            then("\(demo.directory.name(of: notice.recipient)) is told by mail: \"\(line)\"")
        }
    }
}
