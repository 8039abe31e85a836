import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Leaks the matrix's probes found beyond its fixture (first pinned as known issues, now fixed):
/// each test states what the portal must do.
@Suite("Portal leak findings stay fixed")
struct PortalLeakFindingsTests {
    /// A category visible to clients under a hidden one: the portal does not hand out the hidden
    /// parent's identifier (nor any category's routing or SLA settings).
    @Test func aVisibleCategoryUnderAHiddenOneDoesNotRevealItsParent() async throws {
        let f = try await PortalLeakFixture.make()
        let hidden = f.b.hiddenCategory
        let child = try await f.b.desk.addCategory(
            NewServiceCategory(name: "Portal requests", parentID: hidden.id), by: .system)
        let categories = try await f.b.desk.portal(for: f.contact("Nonesuch/Owen")).categories()
        #expect(categories.contains { $0.id == child.id } && !categories.contains { $0.id == hidden.id })
        let listed = Set(categories.map(\.id))
        #expect(categories.allSatisfy { $0.parentID.map(listed.contains) ?? true })
        LeakCheck.expectClean(categories, [hidden.id.description], "the categories")
        let raw = try await f.b.desk.categories(as: .contact(f.contact("Nonesuch/Owen")))
        #expect(raw.allSatisfy { $0.defaultAssigneeID == nil && $0.defaultGroupID == nil && $0.slaPolicyID == nil })
        #expect(!raw.contains { $0.id == hidden.id } && raw.allSatisfy { $0.parentID.map(listed.contains) ?? true })
    }

    /// Internal activity (an internal note, a reassignment, a new watcher) does not show in the
    /// client's list: every ticket edit sets `Ticket.updatedAt`, so the portal neither shows it nor
    /// sorts by it. Every order the portal offers stays put.
    @Test func internalActivityDoesNotShowInTheClientsLastChange() async throws {
        let f = try await PortalLeakFixture.make()
        let desk = f.b.desk
        let portal = desk.portal(for: f.contact("Nonesuch/Owen"))
        let (older, newer) = (f.ticket("[N1]"), f.ticket("[N3]"))
        /// Owen's list, most recently changed first.
        func rows() async throws -> [[PortalTicketSummary]] {
            var lists: [[PortalTicketSummary]] = []
            for sort in PortalSort.allCases {
                lists.append(try await portal.tickets(PortalTicketQuery(sort: sort)).tickets)
            }
            return lists
        }
        let before = try await rows()
        #expect(before[0].map(\.id) == [newer.id, older.id])
        f.b.test.clock.advance(by: 3_600)
        _ = try await desk.logTime(
            on: older.id, NewTimeEntry(workDate: LeakDeskBuilder.today, minutes: 5), by: f.b.anna)
        #expect(try await rows() == before, "logging time shows in the client's list")
        let internalChanges: [(String, () async throws -> Void)] = [
            (
                "an internal note",
                { _ = try await desk.comment(on: older.id, NewComment("Quiet", visibility: .internal), by: f.b.anna) }
            ),
            (
                "a reassignment",
                { _ = try await desk.assign(older.id, to: f.b.test.boris.id, group: nil, by: f.b.anna) }
            ),
            ("a new watcher", { _ = try await desk.addWatchers([f.b.test.anna.id], to: older.id, by: f.b.anna) }),
        ]
        for (what, change) in internalChanges {
            let baseline = try await rows()
            f.b.test.clock.advance(by: 600)
            try await change()
            let after = try await rows()
            #expect(after == baseline, "\(what) shows in the client's list")
        }
    }

    /// Copying a colleague on a new portal ticket: a contact of another company is refused like an
    /// unknown contact, so the portal is no oracle for other companies' contacts.
    @Test func copyingAnotherCompanysContactLooksLikeCopyingAnUnknownOne() async throws {
        let f = try await PortalLeakFixture.make()
        let portal = f.b.desk.portal(for: f.contact("Nonesuch/Owen"))
        let before = try await f.b.test.snapshot()
        let foreign = await LeakCheck.outcome { () async throws(HelpDeskError) in
            try await portal.file(PortalTicketRequest(title: "Copy", ccContactIDs: [f.contact("Permember/Owen")]))
        }
        let unknown = await LeakCheck.outcome { () async throws(HelpDeskError) in
            try await portal.file(PortalTicketRequest(title: "Copy", ccContactIDs: [ContactID(UUID())]))
        }
        #expect(foreign.error != nil && unknown.error?.code == .notFound)
        #expect(try await f.b.test.snapshot() == before)
        #expect(foreign.error?.code == unknown.error?.code, "\(String(describing: foreign.error?.message))")
    }

    /// Staff moving a ticket to another company (new requester, company, no contract or copies) is
    /// refused, as `merge` refuses merging across companies: the new company's contacts would read
    /// the old client's conversation and paid work. Nothing changes.
    @Test func aTicketMovedToAnotherCompanyDoesNotCarryTheOldClientsConversation() async throws {
        let f = try await PortalLeakFixture.make()
        let desk = f.b.desk
        let ticket = f.ticket("[N1]")
        let secret = "OWEN-PRIVATE-0c1d the alarm code is 4711"
        _ = try await desk.portal(for: f.contact("Nonesuch/Owen")).reply(to: ticket.id, secret)
        let moved = await LeakCheck.outcome { () async throws(HelpDeskError) in
            try await desk.updateTicket(
                ticket.id,
                TicketUpdate(
                    requester: .freeText("Walk-in of Allshare"), companyID: .some(f.companies[2]),
                    locationID: .some(nil),
                    contractID: .some(nil), ccContactIDs: []),
                by: f.b.anna)
        }
        #expect(moved.error == .ticketBelongsToAnotherClient(ticket.number, company: ticket.companyID!))
        let carla = desk.portal(for: f.contact("Allshare/Carla"))
        let seen = await LeakCheck.outcome { () async throws(HelpDeskError) in try await carla.ticket(ticket.id) }
        #expect(seen.error == .ticketNotFound(ticket.id))
    }
}
