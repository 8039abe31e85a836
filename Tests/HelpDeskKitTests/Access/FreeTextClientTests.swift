import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Clients known only by name (`.client(name:)`), with free-text clients allowed and not.
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
        for ticket in [f.f2, f.a1, f.b1] {
            let outcome = await Outcome.of { _ = try await f.desk.comment(on: ticket.id, NewComment("Hi"), by: Self.ivan); return [] }
            AccessCheck.expect(outcome, .forbidden(Self.ivan), "Ivan replies on \(ticket.title)")
            let attach = await Outcome.of { _ = try await f.desk.attach([AccessFixture.file], to: ticket.id, by: Self.ivan); return [] }
            AccessCheck.expect(attach, .forbidden(Self.ivan), "Ivan attaches to \(ticket.title)")
            await #expect(throws: HelpDeskError.ticketNotFound(ticket.id)) { try await f.desk.ticket(ticket.id, as: Self.ivan) }
        }
        // A name differing only in case or spacing is another client.
        for name in ["ivan petrov", "Ivan Petrov ", "Ivan  Petrov"] {
            let outcome = await Outcome.of { _ = try await f.desk.comment(on: f.f1.id, NewComment("Hi"), by: .client(name: name)); return [] }
            AccessCheck.expect(outcome, .forbidden(.client(name: name)), "\(name) replies on Ivan's ticket")
        }
        await #expect(throws: HelpDeskError.clientCannotWriteInternalNote) {
            try await f.desk.comment(on: f.f1.id, NewComment("note", visibility: .internal), by: Self.ivan)
        }
        let listed = try await f.desk.tickets(matching: TicketQuery(companyIDs: [nil]), as: Self.ivan).tickets
        #expect(Set(listed.map(\.id)) == [f.f1.id, filed.id])
        #expect(try await f.test.snapshot() == before)
    }

    @Test func itMayNotFileForACompanyOrReadStaffData() async throws {
        let f = try await AccessFixture.make()
        let before = try await f.test.snapshot()
        let requests: [NewTicket] = [
            NewTicket(title: "X", channel: .email, requester: .freeText(AccessFixture.ivan), companyID: f.alpha.id),
            NewTicket(title: "X", channel: .email, requester: .contact(f.alice.id)),
            NewTicket(title: "X", channel: .email, requester: .freeText(AccessFixture.ivan), locationID: f.alphaOffice.id),
        ]
        for request in requests {
            let outcome = await Outcome.of { _ = try await f.desk.createTicket(request, by: Self.ivan); return [] }
            AccessCheck.expect(outcome, .forbidden(Self.ivan), "Ivan files \(request)")
        }
        for entry in AccessCatalog.entries where !entry.employeeOnly && entry.hole == nil && entry.foreign.isForbidden {
            if entry.api == "createTicket(_:by:)" { continue }
            let outcome = await Outcome.of { try await entry.run(f, Self.ivan) }
            AccessCheck.expect(outcome, entry.clientRefusal.map(Expected.error) ?? .forbidden(Self.ivan), "Ivan: \(entry.label)")
        }
        #expect(try await f.test.snapshot() == before)
    }

    @Test func withFreeTextClientsOffItIsRefusedEverywhere() async throws {
        let f = try await AccessFixture.make().with(access: StandardAccessPolicy(freeTextClients: false))
        let before = try await f.test.snapshot()
        let attempts: [(String, () async throws -> [Ticket])] = [
            ("reply on its own ticket", { _ = try await f.desk.comment(on: f.f1.id, NewComment("Hi"), by: Self.ivan); return [] }),
            ("attach to its own ticket", { _ = try await f.desk.attach([AccessFixture.file], to: f.f1.id, by: Self.ivan); return [] }),
            ("file a ticket", {
                _ = try await f.desk.createTicket(NewTicket(title: "X", channel: .email, requester: .freeText(AccessFixture.ivan)), by: Self.ivan)
                return []
            }),
            ("read the catalog", { _ = try await f.desk.categories(as: Self.ivan); return [] }),
        ]
        for (name, attempt) in attempts {
            AccessCheck.expect(await Outcome.of(attempt), .forbidden(Self.ivan), "Ivan may not \(name)")
        }
        await #expect(throws: HelpDeskError.ticketNotFound(f.f1.id)) { try await f.desk.ticket(f.f1.id, as: Self.ivan) }
        await #expect(throws: HelpDeskError.ticketNumberNotFound(f.f1.number)) { try await f.desk.ticket(number: f.f1.number, as: Self.ivan) }
        let page = try await f.desk.tickets(matching: TicketQuery(), as: Self.ivan)
        #expect(page.tickets.isEmpty && page.totalCount == 0)
        #expect(try await f.test.snapshot() == before)
        // Contacts and staff are not affected.
        _ = try await f.desk.comment(on: f.a1.id, NewComment("Hello"), by: f.asAlice)
        _ = try await f.desk.comment(on: f.f1.id, NewComment("Hello"), by: f.anna)
    }
}

extension AccessEntry.ForeignOutcome {
    var isForbidden: Bool {
        if case .forbidden = self { true } else { false }
    }
}
