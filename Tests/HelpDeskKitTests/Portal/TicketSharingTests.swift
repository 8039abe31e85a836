import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// A company's ``Company/ticketSharing`` decides, with each contact's portal scope, which of the
/// company's tickets its contacts list and read; a change applies to the next call.
@Suite("Company ticket sharing in the client portal")
struct TicketSharingTests {
    typealias Fixture = PortalBehaviourFixture

    /// Tickets of both companies, filed by staff.
    struct Tickets {
        let byAlice, byCarl, byLena, atDepotByPetr, walkIn, aliceAtDepotCopyingPetr, byName, byBob: Ticket
        /// Every ticket, in a fixed order.
        var all: [Ticket] { [byAlice, byCarl, byLena, atDepotByPetr, walkIn, aliceAtDepotCopyingPetr, byName, byBob] }
        /// Alpha's tickets.
        var alpha: [Ticket] { Array(all.dropLast()) }

        /// Files the tickets.
        init(_ f: Fixture) async throws {
            byAlice = try await f.staffTicket("Alice's printer", for: f.alice)
            byCarl = try await f.staffTicket("Carl's laptop", for: f.carl)
            byLena = try await f.staffTicket("Warehouse dock", for: f.lena)
            atDepotByPetr = try await f.staffTicket("Depot gate", for: f.petr, at: f.depot)
            /// A ticket staff file for a caller known by name under Alpha.
            func byName(_ title: String, at location: Location?) async throws -> Ticket {
                try await f.desk.createTicket(
                    NewTicket(
                        title: title, channel: .phone, requester: .freeText("Caller"), companyID: f.alpha.id,
                        locationID: location?.id), by: f.anna)
            }
            walkIn = try await byName("Warehouse walk-in", at: f.warehouse)
            aliceAtDepotCopyingPetr = try await f.staffTicket("Depot scanner", for: f.alice, at: f.depot, cc: [f.petr])
            self.byName = try await byName("Phone call", at: nil)
            byBob = try await f.staffTicket("Beta printer", for: f.bob)
        }
    }

    /// Who sees what under each mode, spelled out.
    static func expected(_ f: Fixture, _ t: Tickets, _ sharing: TicketSharing) -> [ContactID: [Ticket]] {
        switch sharing {
        case .none:
            [
                f.alice.id: [t.byAlice, t.aliceAtDepotCopyingPetr], f.carl.id: [t.byCarl], f.lena.id: [t.byLena],
                f.petr.id: [t.atDepotByPetr, t.aliceAtDepotCopyingPetr], f.bob.id: [t.byBob],
            ]
        case .perMember:
            [
                f.alice.id: [t.byAlice, t.aliceAtDepotCopyingPetr], f.carl.id: t.alpha,
                // The warehouse and the depot are Lena's: her own, Petr's, the walk-in, Alice's depot ticket.
                f.lena.id: [t.byLena, t.atDepotByPetr, t.walkIn, t.aliceAtDepotCopyingPetr],
                // Location scope without a location: his own and the one copying him.
                f.petr.id: [t.atDepotByPetr, t.aliceAtDepotCopyingPetr], f.bob.id: [t.byBob],
            ]
        case .all:
            [f.alice.id: t.alpha, f.carl.id: t.alpha, f.lena.id: t.alpha, f.petr.id: t.alpha, f.bob.id: [t.byBob]]
        }
    }

    /// Under each mode, in turn, every contact lists and reads exactly the expected tickets.
    @Test func eachModeShowsTheSameContactsExactlyTheExpectedTicketsAndAChangeAppliesAtOnce() async throws {
        let f = try await Fixture.make()
        let t = try await Tickets(f)
        let contacts = f.alphaContacts + [f.bob]
        // Beta shares everything throughout: Bob still sees nothing of Alpha.
        _ = try await f.desk.updateCompany(f.beta.id, CompanyUpdate(ticketSharing: .all), by: .system)
        for sharing in [TicketSharing.perMember, .none, .all, .perMember, .all, .none] {
            let company = try await f.desk.updateCompany(f.alpha.id, CompanyUpdate(ticketSharing: sharing), by: .system)
            #expect(company.ticketSharing == sharing)
            let expected = Self.expected(f, t, sharing)
            for contact in contacts {
                let wanted = Set((expected[contact.id] ?? []).map(\.id))
                #expect(try await f.listed(by: contact) == wanted, "\(sharing): \(contact.name) lists")
                #expect(try await f.read(by: contact, among: t.all) == wanted, "\(sharing): \(contact.name) reads")
                let page = try await f.portal(contact).tickets(PortalTicketQuery(requestedByMe: true, limit: 200))
                let own = t.all.filter { $0.requester == .contact(contact.id) }.map(\.id)
                #expect(Set(page.tickets.map(\.id)) == Set(own), "\(sharing): \(contact.name)'s own tickets")
            }
        }
    }

    /// Setting the same mode changes nothing, and contacts may not change the mode.
    @Test func changingSharingChangesNothingButTheCompany() async throws {
        let f = try await Fixture.make()
        _ = try await Tickets(f)
        let before = try await f.test.snapshot()
        _ = try await f.desk.updateCompany(f.alpha.id, CompanyUpdate(ticketSharing: .perMember), by: .system)
        #expect(try await f.test.snapshot() == before, "setting the mode it has is no change")
        let error = await Fixture.error {
            _ = try await f.desk.updateCompany(f.alpha.id, CompanyUpdate(ticketSharing: .all), by: .contact(f.carl.id))
        }
        #expect(error?.code == .forbidden, "a contact may not change its company's sharing")
        #expect(try await f.test.snapshot() == before)
    }

    /// Whether `contact` should see `ticket` when its company shares as `sharing`: the rules of
    /// Documentation, restated independently of the engine's clauses.
    static func sees(_ contact: Contact, _ ticket: Ticket, _ sharing: TicketSharing) -> Bool {
        guard ticket.companyID == contact.companyID else { return false }
        if ticket.requester == .contact(contact.id) || ticket.ccContactIDs.contains(contact.id) { return true }
        switch sharing {
        case .none: return false
        case .all: return true
        case .perMember:
            switch contact.portalScope {
            case .ownTickets: return false
            case .company: return true
            case .location:
                var mine = Set(contact.additionalLocationIDs)
                if let location = contact.locationID { mine.insert(location) }
                return ticket.locationID.map(mine.contains) ?? false
            }
        }
    }

    /// Random tickets, scopes, further locations and sharing modes: every contact lists and reads
    /// exactly what the rules say.
    @Test(arguments: 0..<5 as Range<UInt64>)
    func randomDirectoriesAgreeWithTheRules(_ seed: UInt64) async throws {
        let f = try await Fixture.make()
        var random = SplitMix64(seed: 3_300 + seed)
        let requesters = f.alphaContacts.map { Requester.contact($0.id) } + [.freeText("Caller")]
        let alphaLocations: [Location?] = [f.office, f.warehouse, f.depot, nil]
        var tickets: [Ticket] = [try await f.staffTicket("Beta", for: f.bob, cc: [])]
        for index in 0..<14 {
            let copied = f.alphaContacts.filter { _ in random.next() % 5 == 0 }.map(\.id)
            tickets.append(
                try await f.desk.createTicket(
                    NewTicket(
                        title: "Random \(index)", channel: .email, requester: requesters.randomElement(using: &random)!,
                        companyID: f.alpha.id, locationID: alphaLocations.randomElement(using: &random)!?.id,
                        ccContactIDs: copied), by: f.anna))
        }
        for round in 0..<6 {
            let sharing = TicketSharing.allCases.randomElement(using: &random)!
            _ = try await f.desk.updateCompany(f.alpha.id, CompanyUpdate(ticketSharing: sharing), by: .system)
            var contacts = [f.bob]
            for contact in f.alphaContacts {
                let scope = PortalScope.allCases.randomElement(using: &random)!
                let further = [f.office, f.warehouse, f.depot].filter { _ in random.next() % 3 == 0 }.map(\.id)
                contacts.append(
                    try await f.desk.updateContact(
                        contact.id, ContactUpdate(portalScope: scope, additionalLocationIDs: further), by: .system))
            }
            for current in contacts {
                let wanted = Set(tickets.filter { Self.sees(current, $0, sharing) }.map(\.id))
                let label = "seed \(seed) round \(round): \(sharing), \(current.name) \(current.portalScope)"
                #expect(try await f.listed(by: current) == wanted, "\(label): lists")
                #expect(try await f.read(by: current, among: tickets) == wanted, "\(label): reads")
            }
        }
    }
}
