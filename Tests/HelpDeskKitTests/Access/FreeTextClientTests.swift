import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Clients known only by name (`.client(name:)`), with free-text clients allowed and not: such a
/// client files only as its own free-text requester without a company, and reads, replies and
/// attaches only on tickets requested under its exact name that belong to no company. Any other
/// ticket is not found to it, for reads and commands alike.
@Suite("A free-text client acts only on tickets requested by its name")
struct FreeTextClientTests {
    static let ivan = Performer.client(name: AccessFixture.ivan)

    @Test func itRepliesToAndReadsItsOwnTicketsOnly() async throws {
        let f = try await AccessFixture.make()
        let reply = try await f.desk.comment(on: f.f1.id, NewComment("Still no mail."), by: Self.ivan)
        #expect(try await f.desk.comments(on: f.f1.id, as: f.anna).last == reply)
        _ = try await f.desk.attach([AccessFixture.file], to: f.f1.id, by: Self.ivan)
        #expect(try await f.desk.ticket(f.f1.id, as: Self.ivan).attachments == [AccessFixture.file])
        let filed = try await f.desk.createTicket(
            NewTicket(title: "Printer", channel: .email, requester: .freeText(AccessFixture.ivan)), by: Self.ivan)
        #expect(filed.companyID == nil)

        let before = try await f.test.snapshot()
        // Olga's ticket, Alpha's ticket filed under Ivan's name (it has a company), Alice's and Bob's.
        for ticket in [f.f2, f.aByName, f.a1, f.b1] {
            let hidden = Expected.error(.ticketNotFound(ticket.id))
            let outcome = await Outcome.of {
                _ = try await f.desk.comment(on: ticket.id, NewComment("Hi"), by: Self.ivan)
                return []
            }
            AccessCheck.expect(outcome, hidden, "Ivan replies on \(ticket.title)")
            let attach = await Outcome.of {
                _ = try await f.desk.attach([AccessFixture.file], to: ticket.id, by: Self.ivan)
                return []
            }
            AccessCheck.expect(attach, hidden, "Ivan attaches to \(ticket.title)")
            let edit = await Outcome.of {
                _ = try await f.desk.updateTicket(ticket.id, TicketUpdate(priority: .high), by: Self.ivan)
                return []
            }
            AccessCheck.expect(edit, hidden, "Ivan edits \(ticket.title)")
            await #expect(throws: HelpDeskError.ticketNotFound(ticket.id)) {
                try await f.desk.ticket(ticket.id, as: Self.ivan)
            }
            await #expect(throws: HelpDeskError.ticketNumberNotFound(ticket.number)) {
                try await f.desk.ticket(number: ticket.number, as: Self.ivan)
            }
        }
        // On his own ticket he may reply but not change it.
        let edit = await Outcome.of {
            _ = try await f.desk.updateTicket(f.f1.id, TicketUpdate(priority: .high), by: Self.ivan)
            return []
        }
        AccessCheck.expect(edit, .forbidden(Self.ivan), "Ivan edits his own ticket")
        // A name differing only in case or spacing is another client, who does not see Ivan's ticket.
        for name in ["ivan petrov", "Ivan Petrov ", "Ivan  Petrov"] {
            let outcome = await Outcome.of {
                _ = try await f.desk.comment(on: f.f1.id, NewComment("Hi"), by: .client(name: name))
                return []
            }
            AccessCheck.expect(outcome, .error(.ticketNotFound(f.f1.id)), "\(name) replies on Ivan's ticket")
        }
        await #expect(throws: HelpDeskError.clientCannotWriteInternalNote) {
            try await f.desk.comment(on: f.f1.id, NewComment("note", visibility: .internal), by: Self.ivan)
        }
        // His lists hold exactly his company-less tickets, whatever the filter asks for.
        let queries = [
            TicketQuery(limit: TicketQuery.maximumLimit), TicketQuery(companyIDs: [nil]),
            TicketQuery(companyIDs: [f.alpha.id, nil]),
            TicketQuery(requesters: [.freeText(AccessFixture.ivan)]),
        ]
        for query in queries {
            let page = try await f.desk.tickets(matching: query, as: Self.ivan)
            #expect(Set(page.tickets.map(\.id)) == [f.f1.id, filed.id], "\(query)")
            #expect(page.totalCount == 2, "\(query)")
        }
        let alphas = try await f.desk.tickets(matching: TicketQuery(companyIDs: [f.alpha.id]), as: Self.ivan)
        #expect(alphas.tickets.isEmpty && alphas.totalCount == 0)
        #expect(try await f.test.snapshot() == before)
    }

    @Test func itMayNotFileForACompanyOrReadStaffData() async throws {
        let f = try await AccessFixture.make()
        let before = try await f.test.snapshot()
        let requests: [NewTicket] = [
            NewTicket(title: "X", channel: .email, requester: .freeText(AccessFixture.ivan), companyID: f.alpha.id),
            NewTicket(title: "X", channel: .email, requester: .contact(f.alice.id)),
            NewTicket(
                title: "X", channel: .email, requester: .freeText(AccessFixture.ivan), locationID: f.alphaOffice.id),
            NewTicket(title: "X", channel: .email, requester: .freeText(AccessFixture.olga)),
            NewTicket(title: "X", channel: .email, requester: .freeText("ivan petrov")),
        ]
        for request in requests {
            let outcome = await Outcome.of {
                _ = try await f.desk.createTicket(request, by: Self.ivan)
                return []
            }
            AccessCheck.expect(outcome, .forbidden(Self.ivan), "Ivan files \(request)")
        }
        // Every catalogue entry on Alpha's records or on staff data: Alpha's tickets are not found
        // to him, everything else is forbidden.
        for entry in AccessCatalog.entries where entry.hole == nil {
            let expected: Expected
            switch entry.foreign {
            case .forbidden: expected = .forbidden(Self.ivan)
            case .hidden(let error): expected = .error(error(f))
            case .narrowed, .allowed: continue
            }
            let outcome = await Outcome.of { try await entry.run(f, Self.ivan) }
            AccessCheck.expect(outcome, entry.clientRefusal.map(Expected.error) ?? expected, "Ivan: \(entry.label)")
        }
        #expect(try await f.test.snapshot() == before)
    }

    @Test func withFreeTextClientsOffItIsRefusedEverywhere() async throws {
        let f = try await AccessFixture.make().with(access: StandardAccessPolicy(freeTextClients: false))
        let before = try await f.test.snapshot()
        // Its own ticket is not even readable now, so commands on it report it as not found.
        let hidden = Expected.error(.ticketNotFound(f.f1.id))
        let attempts: [(String, Expected, () async throws -> [Ticket])] = [
            (
                "reply on its own ticket", hidden,
                {
                    _ = try await f.desk.comment(on: f.f1.id, NewComment("Hi"), by: Self.ivan)
                    return []
                }
            ),
            (
                "attach to its own ticket", hidden,
                {
                    _ = try await f.desk.attach([AccessFixture.file], to: f.f1.id, by: Self.ivan)
                    return []
                }
            ),
            (
                "file a ticket", .forbidden(Self.ivan),
                {
                    _ = try await f.desk.createTicket(
                        NewTicket(title: "X", channel: .email, requester: .freeText(AccessFixture.ivan)), by: Self.ivan)
                    return []
                }
            ),
            (
                "read the catalog", .forbidden(Self.ivan),
                {
                    _ = try await f.desk.categories(as: Self.ivan)
                    return []
                }
            ),
        ]
        for (name, expected, attempt) in attempts {
            AccessCheck.expect(await Outcome.of(attempt), expected, "Ivan may not \(name)")
        }
        await #expect(throws: HelpDeskError.ticketNotFound(f.f1.id)) { try await f.desk.ticket(f.f1.id, as: Self.ivan) }
        await #expect(throws: HelpDeskError.ticketNumberNotFound(f.f1.number)) {
            try await f.desk.ticket(number: f.f1.number, as: Self.ivan)
        }
        let page = try await f.desk.tickets(matching: TicketQuery(), as: Self.ivan)
        #expect(page.tickets.isEmpty && page.totalCount == 0)
        #expect(try await f.test.snapshot() == before)
        // Contacts and staff are not affected.
        _ = try await f.desk.comment(on: f.a1.id, NewComment("Hello"), by: f.asAlice)
        _ = try await f.desk.comment(on: f.f1.id, NewComment("Hello"), by: f.anna)
    }
}
