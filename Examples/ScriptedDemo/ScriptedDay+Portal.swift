import Foundation
import HelpDeskKit

extension ScriptedDay {
    /// 17:30: two contacts of Northwind in the client portal see different lists, neither sees an
    /// internal note nor another company's ticket; billing is shown to the contact allowed to see
    /// it only; then a letter is delivered twice.
    mutating func portalAndRetry() async throws(HelpDeskError) {
        at(17, 30)
        try await twoContactsOfOneClient()
        try await northwindsAccount()
        try await repeatedLetter()
        pause()
    }

    /// The shop manager's list (his location) next to the office manager's (the whole company),
    /// the internal note neither reads, the audit trail and another company's ticket refused.
    private mutating func twoContactsOfOneClient() async throws(HelpDeskError) {
        guard let login = tickets.login, let printer = tickets.printer else { return }
        let clients = demo.clients
        let tom = desk.portal(for: clients.tom.id)
        let elena = desk.portal(for: clients.elena.id)
        let his = try await tom.tickets().tickets
        say("\(clients.tom.name), Northwind's shop manager, opens the client portal: he sees his shop's tickets")
        then("\(his.count) tickets, \(Self.places(his)):")
        for row in his {
            let from = row.requesterName == clients.tom.name ? "" : " from \(row.requesterName)"
            let agents = label(try await desk.ticket(row.id, as: .system).status)
            let note = agents == row.status.label ? "" : " (the desk's own label: \(agents))"
            then("  \(row.number) \"\(row.title)\"\(from), \(row.status.label)\(note)")
        }
        let hers = try await elena.tickets().tickets
        let more = hers.filter { row in !his.contains { $0.id == row.id } }
        say("\(clients.elena.name), Northwind's office manager, opens it too: she sees the whole company")
        let extra = more.map { "\($0.requesterName)'s \($0.number) at \($0.locationName ?? "-")" }
        then("\(hers.count) tickets: Tom's \(his.count) and \(extra.joined(separator: ", ")), which Tom does not see")

        let all = try await desk.comments(on: printer, as: .system)
        let shown = [try await tom.ticket(printer).conversation, try await elena.ticket(printer).conversation]
        let number = try await desk.ticket(printer, as: .system).number
        let counts = shown.map(\.count)
        then(
            counts[0] == counts[1]
                ? "on \(number) both read \(counts[0]) of its \(all.count) comments, the public ones:"
                : "on \(number) Tom reads \(counts[0]) and Elena \(counts[1]) of its \(all.count) comments:")
        for note in all where note.visibility == .internal {
            let leaked = shown.contains { $0.contains { $0.body == note.body } }
            let author = demo.directory.name(of: note.author)
            then(
                leaked
                    ? "WARNING: a client read an internal note"
                    : "\(author)'s internal note \"\(note.body)\" is in neither")
        }
        do {
            _ = try await desk.auditTrail(of: printer, as: .contact(clients.elena.id))
            then("WARNING: the audit trail was shown to a client")
        } catch {
            then("the portal has no audit trail; asked directly, the engine answers \(error.code)")
        }
        let other = try await desk.ticket(login, as: .system)
        let owner = try await desk.company(other.companyID ?? clients.acme.id, as: .system).name
        do {
            _ = try await tom.ticket(login)
            then("WARNING: another company's contact read \(other.number)")
        } catch {
            then("\(clients.tom.name) asks for \(other.number) of \(owner): \(error.code), as if it did not exist")
        }
    }

    /// Northwind's balance and invoices for the office manager, who may see billing; refused to the shop manager.
    private mutating func northwindsAccount() async throws(HelpDeskError) {
        let clients = demo.clients
        let elena = desk.portal(for: clients.elena.id)
        let balances = try await elena.balances()
        let invoices = try await elena.invoices()
        say("\(clients.elena.name), who may see billing, opens Northwind's account page")
        let amounts = balances.compactMap { balance -> String? in
            guard let price = balance.price else { return nil }
            return balance.account.role == .receivable ? "owed \(price)" : "prepaid balance \(price)"
        }
        then(amounts.joined(separator: "; "))
        let unpaid = invoices.filter { $0.paidAt == nil }
        let invoiced = Money(minorUnits: unpaid.reduce(0) { $0 + $1.fee.minorUnits }, currency: .rub)
        then("of that, \(invoiced) for \(unpaid.count) unpaid invoices (\(invoices.count) issued), the rest paid work")
        do {
            _ = try await desk.portal(for: clients.tom.id).balances()
            then("WARNING: a contact without the right saw billing")
        } catch {
            then("\(clients.tom.name) asks for the same page: \(error.code), billing is not his to see")
        }
    }

    /// The mail gateway delivers the morning's letter again; the engine knows it by its Message-ID.
    private mutating func repeatedLetter() async throws(HelpDeskError) {
        guard let firstLetter else { return }
        let before = try await desk.undeliveredEvents(limit: 10_000, as: .system).count
        let again = try await desk.receiveEmail(firstLetter)
        let after = try await desk.undeliveredEvents(limit: 10_000, as: .system).count
        let number = try await desk.ticket(again.record.outcome.ticketID ?? TicketID(UUID()), as: .system).number
        say("the mail gateway delivers Anna's 08:42 letter again (Message-ID <\(again.record.messageKey)>)")
        then(
            again.isDuplicate && after == before
                ? "the engine knows it: \(number) stays the only ticket, nothing new in the outbox"
                : "WARNING: the repeated letter changed the desk")
    }

    /// Where the listed tickets are: `all at Shop on Arbat`, or the locations named.
    static func places(_ rows: [PortalTicketSummary]) -> String {
        let names = Set(rows.map { $0.locationName ?? "no location" }).sorted()
        return names.count == 1 ? "all at \(names[0])" : "at \(names.joined(separator: ", "))"
    }
}
