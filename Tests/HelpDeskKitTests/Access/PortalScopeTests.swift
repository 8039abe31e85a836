import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// A contact's portal scope: ``PortalScope/ownTickets`` (the default) covers the tickets it
/// requested, ``PortalScope/location`` also its company's tickets at its location,
/// ``PortalScope/company`` every ticket of its company. Reads, replies, attachments and lists cover
/// exactly that set (``AccessFixture/sees(_:)``); every other ticket is not found, for reads and
/// commands alike; a covered ticket may be read but not changed.
@Suite("A contact's portal scope decides exactly which tickets it sees")
struct PortalScopeTests {
    /// Each contact, and why its list disagrees with its reads today (`nil`: they agree).
    static let contacts: [(String, @Sendable (AccessFixture) -> Performer, String?)] = [
        ("Alice (own tickets)", { $0.asAlice }, nil),
        ("Carl (company)", { $0.asCarl }, nil),
        ("Lena (location: the warehouse)", { $0.asLena }, nil),
        ("Petr (own tickets, no location)", { $0.asPetr }, nil),
        ("Bob (Beta, own tickets)", { $0.asBob }, nil),
    ]

    @Test(arguments: 0..<contacts.count)
    func aContactReadsAndListsExactlyItsScope(_ index: Int) async throws {
        let (name, viewer, hole) = Self.contacts[index]
        let f = try await AccessFixture.make()
        let performer = viewer(f)
        let sees = try #require(f.sees(performer))
        for ticket in f.allTickets {
            if sees.contains(ticket.id) {
                #expect(try await f.desk.ticket(ticket.id, as: performer).id == ticket.id)
                #expect(try await f.desk.ticket(number: ticket.number, as: performer).id == ticket.id)
                _ = try await f.desk.comments(on: ticket.id, as: performer)
            } else {
                await #expect(throws: HelpDeskError.ticketNotFound(ticket.id), "\(name) reads \(ticket.title)") {
                    try await f.desk.ticket(ticket.id, as: performer)
                }
                await #expect(
                    throws: HelpDeskError.ticketNumberNotFound(ticket.number), "\(name) reads \(ticket.title) by number"
                ) {
                    try await f.desk.ticket(number: ticket.number, as: performer)
                }
                await #expect(
                    throws: HelpDeskError.ticketNotFound(ticket.id), "\(name) reads the comments of \(ticket.title)"
                ) {
                    try await f.desk.comments(on: ticket.id, as: performer)
                }
            }
        }
        let page = try await f.desk.tickets(matching: TicketQuery(limit: TicketQuery.maximumLimit), as: performer)
        let listed = Set(page.tickets.map(\.id))
        let titles = { (ids: Set<TicketID>) in f.allTickets.filter { ids.contains($0.id) }.map(\.title) }
        #expect(
            listed.isSubset(of: sees), "\(name) lists tickets outside its scope: \(titles(listed.subtracting(sees)))")
        await AccessCheck.withHole(hole) {
            #expect(listed == sees, "\(name)'s list omits \(titles(sees.subtracting(listed)))")
            #expect(page.totalCount == sees.count)
        }
    }

    @Test(arguments: 0..<contacts.count)
    func aContactRepliesWithinItsScopeAndFindsNothingOutsideIt(_ index: Int) async throws {
        let (name, viewer, _) = Self.contacts[index]
        let f = try await AccessFixture.make()
        let performer = viewer(f)
        let sees = try #require(f.sees(performer))
        let before = try await f.test.snapshot()
        for ticket in f.allTickets {
            let hidden = Expected.error(.ticketNotFound(ticket.id))
            let edit = await Outcome.of {
                _ = try await f.desk.updateTicket(ticket.id, TicketUpdate(priority: .high), by: performer)
                return []
            }
            AccessCheck.expect(
                edit, sees.contains(ticket.id) ? .forbidden(performer) : hidden, "\(name) edits \(ticket.title)")
            let status = await Outcome.of {
                _ = try await f.desk.changeStatus(ticket.id, to: .inProgress, by: performer)
                return []
            }
            AccessCheck.expect(
                status, sees.contains(ticket.id) ? .forbidden(performer) : hidden, "\(name) moves \(ticket.title)")
            guard !sees.contains(ticket.id) else { continue }
            let reply = await Outcome.of {
                _ = try await f.desk.comment(on: ticket.id, NewComment("Me too"), by: performer)
                return []
            }
            AccessCheck.expect(reply, hidden, "\(name) replies on \(ticket.title)")
            let attach = await Outcome.of {
                _ = try await f.desk.attach([AccessFixture.file], to: ticket.id, by: performer)
                return []
            }
            AccessCheck.expect(attach, hidden, "\(name) attaches to \(ticket.title)")
        }
        #expect(try await f.test.snapshot() == before, "a refused command changed the store (or its outbox)")
        for ticket in f.allTickets where sees.contains(ticket.id) {
            let reply = try await f.desk.comment(on: ticket.id, NewComment("Any news?"), by: performer)
            #expect(try await f.desk.comments(on: ticket.id, as: f.anna).last == reply)
            let attached = try await f.desk.attach([AccessFixture.file], to: ticket.id, by: performer)
            #expect(attached.attachments.contains(AccessFixture.file))
        }
    }

    /// A `.location` contact sees its location's tickets and its own, in reads and lists alike: it
    /// files only at its locations, and a ticket staff file for it elsewhere is still its own.
    @Test func aLocationContactFilesOnlyAtItsLocationAndSeesItsOwnTickets() async throws {
        let f = try await AccessFixture.make()
        let before = try await f.test.snapshot()
        let elsewhere = NewTicket(
            title: "Office projector", channel: .portal, requester: .contact(f.lena.id), locationID: f.alphaOffice.id)
        await #expect(throws: HelpDeskError.self) { _ = try await f.desk.createTicket(elsewhere, by: f.asLena) }
        #expect(try await f.test.snapshot() == before)
        var here = elsewhere
        here.locationID = nil
        let filed = try await f.desk.createTicket(here, by: f.asLena)
        #expect(filed.locationID == f.lena.locationID, "a contact's ticket is filed at its location")
        #expect(try await f.desk.ticket(filed.id, as: f.asLena).id == filed.id)
        let listed = try await f.desk.tickets(matching: TicketQuery(limit: TicketQuery.maximumLimit), as: f.asLena)
            .tickets
        #expect(Set(listed.map(\.id)) == [f.aWarehouse.id, f.aLena.id, filed.id])
        #expect(try await f.desk.ticket(f.aLena.id, as: f.asLena).locationID == f.alphaOffice.id)
    }

    /// The scope is read from the directory on every call: a change applies at once.
    @Test func aScopeChangeAppliesAtOnceToReadsAndLists() async throws {
        let f = try await AccessFixture.make()
        let cases: [(String, Performer, ContactUpdate, [Ticket])] = [
            ("Alice widened to her company", f.asAlice, ContactUpdate(portalScope: .company), f.alphaTickets),
            (
                "Alice widened to her location (the office)", f.asAlice, ContactUpdate(portalScope: .location),
                [f.a1, f.a2, f.a3, f.aResolved, f.aLena]
            ),
            ("Carl narrowed to his own tickets (none)", f.asCarl, ContactUpdate(portalScope: .ownTickets), []),
            // Without a location, a location scope covers only the contact's own tickets.
            ("Lena without a location", f.asLena, ContactUpdate(locationID: .some(nil)), [f.aLena]),
        ]
        for (name, performer, update, expected) in cases {
            guard case .contact(let id) = performer else { continue }
            _ = try await f.desk.updateContact(id, update, by: f.anna)
            let wanted = Set(expected.map(\.id))
            let listed = try await f.desk.tickets(matching: TicketQuery(limit: TicketQuery.maximumLimit), as: performer)
                .tickets
            AccessCheck.expect(.returned(listed), .tickets(wanted), "\(name): the list")
            for ticket in f.allTickets {
                let read = await Outcome.of { [try await f.desk.ticket(ticket.id, as: performer)] }
                AccessCheck.expect(
                    read, wanted.contains(ticket.id) ? .allowed : .error(.ticketNotFound(ticket.id)),
                    "\(name): reads \(ticket.title)")
            }
        }
    }
}
