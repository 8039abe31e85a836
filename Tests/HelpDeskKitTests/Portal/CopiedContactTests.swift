import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Contacts copied on a ticket (``Ticket/ccContactIDs``): they read and list it whatever their
/// scope and their company's sharing, until staff take them off; every change is audited.
@Suite("Contacts copied on a ticket")
struct CopiedContactTests {
    typealias Fixture = PortalBehaviourFixture

    /// Every portal scope under every sharing mode.
    static let cases: [(PortalScope, TicketSharing)] = PortalScope.allCases.flatMap { scope in
        TicketSharing.allCases.map { (scope, $0) }
    }

    /// Alice, at the office, copied on Carl's ticket at the depot, sees it; taken off, she sees it
    /// only where her scope reaches the depot anyway (company scope, sharing per member or all).
    @Test(arguments: 0..<cases.count)
    func aCopiedContactSeesTheTicketInEveryScopeUntilTakenOff(_ index: Int) async throws {
        let (scope, sharing) = Self.cases[index]
        let f = try await Fixture.make()
        _ = try await f.desk.updateCompany(f.alpha.id, CompanyUpdate(ticketSharing: sharing), by: .system)
        _ = try await f.desk.updateContact(f.alice.id, ContactUpdate(portalScope: scope), by: .system)
        let other = try await f.staffTicket("Carl's own", for: f.carl, at: f.depot)
        let ticket = try await f.staffTicket("Depot projector", for: f.carl, at: f.depot, cc: [f.alice])
        let label = "\(scope) under \(sharing)"
        #expect(try await f.listed(by: f.alice).contains(ticket.id), "\(label): listed")
        let view = try await f.portal(f.alice).ticket(ticket.id)
        #expect(view.copiedContactNames == ["Alice"] && view.requesterName == "Carl", "\(label)")
        let reply = try await f.portal(f.alice).reply(to: ticket.id, "I am copied and I agree")
        #expect(reply.isFromClient && reply.authorName == "Alice", "\(label): a copied contact replies")
        let reachesDepot = scope == .company && sharing != .none || sharing == .all
        #expect(try await f.listed(by: f.alice).contains(other.id) == reachesDepot, "\(label): the uncopied ticket")

        f.test.clock.advance(by: 60)
        _ = try await f.desk.updateTicket(ticket.id, TicketUpdate(ccContactIDs: []), by: f.anna)
        let entry = try #require(try await f.desk.auditTrail(of: ticket.id, as: .system).last { $0.field != .comment })
        #expect(entry.field == .ccContactIDs && entry.oldValue == f.alice.id.description && entry.newValue == nil)
        #expect(entry.performer == f.anna && entry.at == f.test.clock.now)
        #expect(try await f.listed(by: f.alice).contains(ticket.id) == reachesDepot, "\(label): listed after removal")
        #expect(try await f.read(by: f.alice, among: [ticket]) == (reachesDepot ? [ticket.id] : []), "\(label)")
        #expect(try await f.desk.ticket(ticket.id, as: .system).ccContactIDs == [])
    }

    /// Staff copy only active contacts of the ticket's company; a contact who left may stay copied.
    @Test func copyingIsValidatedWhenStaffChangeIt() async throws {
        let f = try await Fixture.make()
        let ticket = try await f.staffTicket("Shared drive", for: f.alice, cc: [f.lena])
        let before = try await f.test.snapshot()
        await #expect(throws: HelpDeskError.crossCompanyLink(.contact(f.bob.id), expected: f.alpha.id)) {
            _ = try await f.desk.updateTicket(ticket.id, TicketUpdate(ccContactIDs: [f.lena.id, f.bob.id]), by: f.anna)
        }
        await #expect(throws: HelpDeskError.contactInactive(f.alexei.id)) {
            _ = try await f.desk.updateTicket(ticket.id, TicketUpdate(ccContactIDs: [f.alexei.id]), by: f.anna)
        }
        let error = await Fixture.error {
            _ = try await f.desk.updateTicket(
                ticket.id, TicketUpdate(ccContactIDs: [f.carl.id]), by: .contact(f.alice.id))
        }
        #expect(error?.code == .forbidden, "a contact may not change who is copied")
        #expect(try await f.test.snapshot() == before)
        // Lena leaves the company but stays copied while the list is edited around her.
        _ = try await f.desk.updateContact(f.lena.id, ContactUpdate(isActive: false), by: .system)
        let edited = try await f.desk.updateTicket(
            ticket.id, TicketUpdate(ccContactIDs: [f.petr.id, f.lena.id, f.petr.id]), by: f.anna)
        #expect(edited.ccContactIDs == [f.lena.id, f.petr.id].sorted())
        let entry = try #require(try await f.desk.auditTrail(of: ticket.id, as: .system).last)
        #expect(entry.field == .ccContactIDs && entry.oldValue == f.lena.id.description)
        #expect(entry.newValue == [f.lena.id, f.petr.id].sorted().map(\.description).joined(separator: ","))
        #expect(try await f.listed(by: f.petr).contains(ticket.id))
    }

    /// A copied contact reads, lists and may reopen the ticket, but neither rates nor edits it.
    @Test func aCopiedContactReadsButMayNeitherRateNorChangeTheTicket() async throws {
        let f = try await Fixture.make()
        let ticket = try await f.staffTicket("Meeting room", for: f.alice, cc: [f.petr])
        _ = try await f.desk.changeStatus(ticket.id, to: .resolved, by: f.anna)
        let view = try await f.portal(f.petr).ticket(ticket.id)
        #expect(view.mayReopen && !view.mayRate)
        let before = try await f.test.snapshot()
        let rate = await Fixture.error { _ = try await f.portal(f.petr).rate(ticket.id, score: 5) }
        #expect(rate?.code == .forbidden)
        let edit = await Fixture.error {
            _ = try await f.desk.updateTicket(ticket.id, TicketUpdate(priority: .critical), by: .contact(f.petr.id))
        }
        #expect(edit?.code == .forbidden)
        #expect(try await f.test.snapshot() == before)
        // Copied contacts of the same company read the ticket through the staff-side API as well.
        #expect(try await f.desk.ticket(ticket.id, as: .contact(f.petr.id)).id == ticket.id)
        let page = try await f.desk.tickets(matching: TicketQuery(limit: 50), as: .contact(f.petr.id))
        #expect(page.tickets.map(\.id) == [ticket.id])
    }
}
