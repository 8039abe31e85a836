import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Leaks the matrix's probes found beyond its fixture, each pinned as a known issue: the
/// expectation states what the portal should do, `withKnownIssue` records that it does not yet.
/// When one is fixed its test reports the known issue as missing; drop the wrapper then.
@Suite("Portal leak findings (known issues)")
struct PortalLeakFindingsTests {
    /// A category visible to clients under a hidden one: the portal should not hand out the hidden
    /// parent's identifier (`HelpDesk+PortalDirectory.swift`, `portalCategories` copies `parentID`).
    @Test func aVisibleCategoryUnderAHiddenOneDoesNotRevealItsParent() async throws {
        let f = try await PortalLeakFixture.make()
        let hidden = f.b.hiddenCategory
        let child = try await f.b.desk.addCategory(
            NewServiceCategory(name: "Portal requests", parentID: hidden.id), by: .system)
        let categories = try await f.b.desk.portal(for: f.contact("Nonesuch/Owen")).categories()
        #expect(categories.contains { $0.id == child.id } && !categories.contains { $0.id == hidden.id })
        withKnownIssue("portalCategories returns the hidden parent's id as parentID") {
            let listed = Set(categories.map(\.id))
            #expect(categories.allSatisfy { $0.parentID.map(listed.contains) ?? true })
            LeakCheck.expectClean(categories, [hidden.id.description], "the categories")
        }
    }

    /// Internal activity (an internal note, a reassignment, a new watcher) should not show in the
    /// client's `updatedAt` nor reorder its `.recentlyUpdated` list; every ticket edit sets
    /// `updatedAt` (`TicketEdit.swift`, `record(_:into:)`), which the portal shows as is
    /// (`HelpDesk+PortalReads.swift`, `portalTickets`). Logging time leaves it alone already.
    @Test func internalActivityDoesNotShowInTheClientsLastChange() async throws {
        let f = try await PortalLeakFixture.make()
        let desk = f.b.desk
        let portal = desk.portal(for: f.contact("Nonesuch/Owen"))
        let (older, newer) = (f.ticket("[N1]"), f.ticket("[N3]"))
        /// Owen's list, most recently changed first.
        func rows() async throws -> [PortalTicketSummary] {
            try await portal.tickets(PortalTicketQuery(sort: .recentlyUpdated)).tickets
        }
        let before = try await rows()
        #expect(before.map(\.id) == [newer.id, older.id])
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
            withKnownIssue("every ticket edit, internal ones too, moves the updatedAt clients see") {
                #expect(after == baseline, "\(what) shows: \(after.map { ($0.title, $0.updatedAt) })")
            }
        }
    }

    /// Copying a colleague on a new portal ticket: a contact of another company should be refused
    /// like an unknown contact, so the portal is no oracle for other companies' contacts; today it is
    /// `invalidInput` "contact … does not belong to company …" (`HelpDesk+TicketLinks.swift`,
    /// `check`) against `notFound` for an unknown one (`portalFile` does not check copies itself).
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
        withKnownIssue("a foreign contact is reported as a cross-company link, an unknown one as not found") {
            #expect(foreign.error?.code == unknown.error?.code, "\(String(describing: foreign.error?.message))")
        }
    }

    /// Staff moving a ticket to another company (new requester, company, no contract or copies): the
    /// new company's contacts should not read the old client's conversation and paid work — `merge`
    /// refuses exactly this (`mergeAcrossCompanies`, "one client would read the other's
    /// conversation"), `updateTicket` (`HelpDesk+Editing.swift`) does not.
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
        let carla = desk.portal(for: f.contact("Allshare/Carla"))
        let seen = await LeakCheck.outcome { () async throws(HelpDeskError) in try await carla.ticket(ticket.id) }
        withKnownIssue("updateTicket moves a client's conversation and paid work to another company") {
            let leaked = (try? seen.get()).map {
                LeakCheck.leaks(in: $0, [secret, "Owen of Nonesuch", "Cecil of Nonesuch", "Work on [N1]"])
            }
            #expect(moved.error != nil || leaked == [], "Allshare's Carla reads \(leaked ?? [])")
        }
    }
}
