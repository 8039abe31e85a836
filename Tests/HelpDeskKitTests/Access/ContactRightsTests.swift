import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// A contact's filing right as the client directory records it: a contact files a ticket only as
/// its own requester, for its own company, and only when ``Contact/mayFileTickets`` allows it.
/// (What it sees is ``PortalScopeTests``.)
@Suite("A contact files tickets only as their requester, when allowed to")
struct ContactRightsTests {
    static func ticket(_ requester: Requester, company: CompanyID? = nil, location: LocationID? = nil) -> NewTicket {
        NewTicket(title: "X", channel: .portal, requester: requester, companyID: company, locationID: location)
    }

    @Test func aContactCannotFileATicketNamingAnotherRequester() async throws {
        let f = try await AccessFixture.make()
        let before = try await f.test.snapshot()
        let onBehalf: [(String, NewTicket)] = [
            ("for a colleague", Self.ticket(.contact(f.carl.id))),
            ("for a colleague who may not file", Self.ticket(.contact(f.petr.id))),
            ("for a colleague, naming the company", Self.ticket(.contact(f.carl.id), company: f.alpha.id)),
            ("for another company's contact", Self.ticket(.contact(f.bob.id))),
            ("for a name at the company", Self.ticket(.freeText("Visitor"), company: f.alpha.id)),
            ("for a name at her office", Self.ticket(.freeText("Visitor"), location: f.alphaOffice.id)),
            ("for a name, without a company", Self.ticket(.freeText("Visitor"))),
            ("under her own name as free text", Self.ticket(.freeText("Alice"))),
        ]
        for (name, request) in onBehalf {
            let outcome = await Outcome.of {
                _ = try await f.desk.createTicket(request, by: f.asAlice)
                return []
            }
            AccessCheck.expect(outcome, .forbidden(f.asAlice), "Alice files \(name)")
        }
        // Naming herself for another company is a contradiction in the input.
        await #expect(throws: HelpDeskError.crossCompanyLink(.contact(f.alice.id), expected: f.beta.id)) {
            try await f.desk.createTicket(Self.ticket(.contact(f.alice.id), company: f.beta.id), by: f.asAlice)
        }
        #expect(try await f.test.snapshot() == before)

        // The control: as herself she files at her office; elsewhere only once she looks after it too.
        let own = try await f.desk.createTicket(Self.ticket(.contact(f.alice.id)), by: f.asAlice)
        #expect(
            own.requester == .contact(f.alice.id) && own.companyID == f.alpha.id && own.locationID == f.alphaOffice.id)
        let atWarehouse = Self.ticket(.contact(f.alice.id), location: f.alphaWarehouse.id)
        let untouched = try await f.test.snapshot()
        await #expect(throws: HelpDeskError.self) { try await f.desk.createTicket(atWarehouse, by: f.asAlice) }
        #expect(try await f.test.snapshot() == untouched)
        _ = try await f.desk.updateContact(
            f.alice.id, ContactUpdate(additionalLocationIDs: [f.alphaWarehouse.id]), by: f.anna)
        let elsewhere = try await f.desk.createTicket(atWarehouse, by: f.asAlice)
        #expect(elsewhere.locationID == f.alphaWarehouse.id)
        #expect(try await f.desk.ticket(elsewhere.id, as: f.asAlice).id == elsewhere.id)
    }

    @Test func aContactWhoMayNotFileTicketsFilesNone() async throws {
        let f = try await AccessFixture.make()
        let petr = f.asPetr
        #expect(!f.petr.mayFileTickets)
        let before = try await f.test.snapshot()
        await #expect(throws: HelpDeskError.contactMayNotFileTickets(f.petr.id)) {
            try await f.desk.createTicket(Self.ticket(.contact(f.petr.id)), by: petr)
        }
        await #expect(throws: HelpDeskError.contactMayNotFileTickets(f.petr.id)) {
            try await f.desk.createTicket(Self.ticket(.contact(f.petr.id), company: f.alpha.id), by: petr)
        }
        let onBehalf: [(String, NewTicket)] = [
            ("for a colleague", Self.ticket(.contact(f.alice.id))),
            ("for a name at the company", Self.ticket(.freeText("Visitor"), company: f.alpha.id)),
            ("for a name, without a company", Self.ticket(.freeText("Visitor"))),
        ]
        for (name, request) in onBehalf {
            let outcome = await Outcome.of {
                _ = try await f.desk.createTicket(request, by: petr)
                return []
            }
            AccessCheck.expect(outcome, .forbidden(petr), "Petr files \(name)")
        }
        #expect(try await f.test.snapshot() == before)
        // He still replies on his own ticket; and once allowed, he files as himself.
        _ = try await f.desk.comment(on: f.aWarehouse.id, NewComment("The door still sticks."), by: petr)
        _ = try await f.desk.updateContact(f.petr.id, ContactUpdate(mayFileTickets: true), by: f.anna)
        let filed = try await f.desk.createTicket(Self.ticket(.contact(f.petr.id)), by: petr)
        #expect(filed.requester == .contact(f.petr.id) && filed.companyID == f.alpha.id)
    }
}
