import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Filing through ``ClientPortal/file(_:idempotencyKey:)``: categories visible to clients, the
/// contact's own locations and equipment, the portal channel, the contact as requester, and
/// colleagues copied in.
@Suite("Filing a ticket through the client portal")
struct PortalFilingTests {
    typealias Fixture = PortalBehaviourFixture

    /// The locations (by name) each contact files at, spelled out rather than derived from the engine.
    static func expectedLocations(_ f: Fixture) -> [ContactID: [Location]] {
        [
            f.alice.id: [f.office],
            f.carl.id: [f.depot, f.office, f.warehouse],
            f.lena.id: [f.depot, f.warehouse],
            // No location at all: every location of the company.
            f.petr.id: [f.depot, f.office, f.warehouse],
            f.bob.id: [f.betaOffice],
        ]
    }

    /// The equipment each contact may name: what stands at its locations.
    static func expectedEquipment(_ f: Fixture) -> [ContactID: Set<AssetID>] {
        [
            f.alice.id: [f.printer.id],
            f.carl.id: [f.printer.id, f.scanner.id, f.camera.id],
            f.lena.id: [f.scanner.id, f.camera.id],
            f.petr.id: [f.printer.id, f.scanner.id, f.camera.id],
            f.bob.id: [f.betaPrinter.id],
        ]
    }

    /// Clients list only visible categories; filing under a hidden one is not found and changes nothing.
    @Test func clientsListAndFileOnlyUnderCategoriesVisibleToThem() async throws {
        let f = try await Fixture.make()
        let visible = try await f.portal(f.alice).categories()
        #expect(Set(visible.map(\.id)) == [f.test.printers.id, f.test.onSite.id])
        #expect(try await f.desk.categories(as: f.anna).contains { $0.id == f.internalAudit.id })
        let before = try await f.test.snapshot()
        await #expect(throws: HelpDeskError.categoryNotFound(f.internalAudit.id)) {
            _ = try await f.portal(f.alice).file(PortalTicketRequest(title: "Audit", categoryID: f.internalAudit.id))
        }
        await #expect(throws: HelpDeskError.categoryNotFound(f.internalAudit.id)) {
            _ = try await f.desk.createTicket(
                NewTicket(
                    title: "Audit", channel: .portal, categoryID: f.internalAudit.id, requester: .contact(f.alice.id)),
                by: .contact(f.alice.id))
        }
        #expect(try await f.test.snapshot() == before, "a refused filing changed the store")
        let filed = try await f.portal(f.alice).file(
            PortalTicketRequest(title: "Toner", categoryID: f.test.printers.id))
        #expect(filed.categoryName == "Printers")
        // Staff may file under an internal category; the client does not see its name.
        let hidden = try await f.desk.createTicket(
            NewTicket(title: "Audit", channel: .email, categoryID: f.internalAudit.id, requester: .contact(f.alice.id)),
            by: f.anna)
        #expect(try await f.portal(f.alice).ticket(hidden.id).categoryName == nil)
    }

    /// The portal offers each contact exactly its locations and the equipment standing there.
    @Test func eachContactFilesAtItsOwnLocationsAndAboutTheEquipmentThere() async throws {
        let f = try await Fixture.make()
        for contact in f.alphaContacts + [f.bob] {
            let locations = try await f.portal(contact).locations()
            #expect(locations.map(\.id) == Self.expectedLocations(f)[contact.id]?.map(\.id), "\(contact.name)")
            let equipment = try await f.portal(contact).equipment()
            #expect(Set(equipment.map(\.id)) == Self.expectedEquipment(f)[contact.id], "\(contact.name)")
        }
    }

    /// A filed ticket has the portal channel, the contact as requester and its colleagues copied.
    @Test func aFiledTicketComesFromTheContactThroughThePortalWithItsColleaguesCopied() async throws {
        let f = try await Fixture.make()
        let request = PortalTicketRequest(
            title: "Printer jams", description: "Page 2 sticks", categoryID: f.test.printers.id, priority: .high,
            locationID: f.office.id, assetIDs: [f.printer.id], ccContactIDs: [f.lena.id, f.carl.id, f.lena.id])
        let view = try await f.portal(f.alice).file(request)
        let stored = try await f.desk.ticket(view.id, as: .system)
        #expect(stored.channel == .portal)
        #expect(stored.requester == .contact(f.alice.id))
        #expect(stored.companyID == f.alpha.id && stored.locationID == f.office.id)
        #expect(stored.assetIDs == [f.printer.id] && stored.priority == .high)
        #expect(stored.ccContactIDs == [f.carl.id, f.lena.id].sorted(), "copied once each, sorted")
        #expect(view.requesterName == "Alice" && view.locationName == "Alpha office")
        #expect(Set(view.copiedContactNames) == ["Carl", "Lena"])
        #expect(view.equipment.map(\.id) == [f.printer.id] && view.status.category == .new)
        let created = try #require(try await f.desk.auditTrail(of: view.id, as: .system).first)
        #expect(created.field == .created && created.performer == .contact(f.alice.id))
        // Without a location, the contact's own location is taken.
        let plain = try await f.portal(f.alice).file(PortalTicketRequest(title: "Monitor"))
        #expect(try await f.desk.ticket(plain.id, as: .system).locationID == f.office.id)
    }

    /// Copying a stranger or a contact who left is refused; a contact who may not file is refused.
    @Test func copyingAnotherCompanysOrAnInactiveContactIsRefusedAndChangesNothing() async throws {
        let f = try await Fixture.make()
        let before = try await f.test.snapshot()
        let cases: [([ContactID], HelpDeskError)] = [
            ([f.carl.id, f.bob.id], .contactNotFound(f.bob.id)),
            ([f.alexei.id], .contactInactive(f.alexei.id)),
            ([f.carl.id, f.alexei.id, f.bob.id], .contactNotFound(f.bob.id)),
        ]
        for (copied, expected) in cases {
            await #expect(throws: expected) {
                _ = try await f.portal(f.alice).file(PortalTicketRequest(title: "Copy", ccContactIDs: copied))
            }
        }
        #expect(try await f.test.snapshot() == before)
        _ = try await f.desk.updateContact(f.petr.id, ContactUpdate(mayFileTickets: false), by: .system)
        await #expect(throws: HelpDeskError.contactMayNotFileTickets(f.petr.id)) {
            _ = try await f.portal(f.petr).file(PortalTicketRequest(title: "Not allowed"))
        }
    }

    /// A contact with further locations files at each of them, and no longer once one is taken away.
    @Test func aContactLookingAfterFurtherLocationsFilesAtEachOfThem() async throws {
        let f = try await Fixture.make()
        let portal = f.portal(f.lena)
        let atWarehouse = try await portal.file(PortalTicketRequest(title: "Dock door", locationID: f.warehouse.id))
        let atDepot = try await portal.file(
            PortalTicketRequest(title: "Scanner", locationID: f.depot.id, assetIDs: [f.scanner.id]))
        #expect(atDepot.locationName == "Alpha depot" && atWarehouse.locationName == "Alpha warehouse")
        let before = try await f.test.snapshot()
        let refused = await Fixture.error {
            _ = try await portal.file(PortalTicketRequest(title: "Office", locationID: f.office.id))
        }
        #expect(refused?.code == .forbidden)
        #expect(try await f.test.snapshot() == before)
        // Carl files at the depot for nobody else: Lena sees it as a ticket at a location she looks after.
        let carls = try await f.portal(f.carl).file(PortalTicketRequest(title: "Depot light", locationID: f.depot.id))
        #expect(try await f.listed(by: f.lena) == [atWarehouse.id, atDepot.id, carls.id])
        // No longer looking after the depot: filing there is refused at once; her own ticket stays hers.
        _ = try await f.desk.updateContact(f.lena.id, ContactUpdate(additionalLocationIDs: []), by: .system)
        let later = await Fixture.error {
            _ = try await portal.file(PortalTicketRequest(title: "Depot again", locationID: f.depot.id))
        }
        #expect(later?.code == .forbidden)
        #expect(try await f.listed(by: f.lena) == [atWarehouse.id, atDepot.id])
    }

    /// A contact files "at its own locations unless company-scoped" (or without a location of its
    /// own), in the portal and through `createTicket` alike: one rule, in `ContactAuthority.files(at:)`.
    @Test func filingAsTheContactOutsideThePortalKeepsToTheSameLocations() async throws {
        let f = try await Fixture.make()
        let viaPortal = await Fixture.error {
            _ = try await f.portal(f.alice).file(PortalTicketRequest(title: "Dock", locationID: f.warehouse.id))
        }
        #expect(viaPortal?.code == .forbidden)
        let before = try await f.test.snapshot()
        let direct = await Fixture.error {
            _ = try await f.desk.createTicket(
                NewTicket(title: "Dock", channel: .portal, requester: .contact(f.alice.id), locationID: f.warehouse.id),
                by: .contact(f.alice.id))
        }
        #expect(direct?.code == .forbidden)
        #expect(try await f.test.snapshot() == before)
    }

    /// Random requests from random contacts: a filing succeeds exactly when its location and every
    /// piece of equipment are among the contact's (and its copied contacts are active colleagues),
    /// and a refused one changes nothing.
    @Test(arguments: 0..<6 as Range<UInt64>)
    func randomFilingsFollowTheContactsLocationsAndEquipment(_ seed: UInt64) async throws {
        let f = try await Fixture.make()
        var random = SplitMix64(seed: 7_100 + seed)
        let contacts = f.alphaContacts + [f.bob]
        let copyable = [f.alice, f.carl, f.lena, f.petr, f.alexei, f.bob]
        let locations = Self.expectedLocations(f)
        let equipment = Self.expectedEquipment(f)
        for round in 0..<24 {
            let contact = contacts.randomElement(using: &random)!
            let location = random.next() % 4 == 0 ? nil : f.locations.randomElement(using: &random)!
            let assets = f.assets.filter { _ in random.next() % 4 == 0 }.map(\.id)
            let copied = copyable.filter { $0.id != contact.id && random.next() % 5 == 0 }
            let request = PortalTicketRequest(
                title: "Round \(round)", locationID: location?.id, assetIDs: assets, ccContactIDs: copied.map(\.id))
            let expected: HelpDeskError?
            if let location, locations[contact.id]?.contains(location) != true {
                expected = .forbidden(
                    .contact(contact.id), action: "\(AccessAction.createTicket) at location \(location.id)")
            } else if let other = assets.first(where: { equipment[contact.id]?.contains($0) != true }) {
                expected = .forbidden(
                    .contact(contact.id), action: "\(AccessAction.createTicket) about equipment \(other)")
            } else if let stranger = copied.first(where: { $0.companyID != contact.companyID }) {
                // Another company's contact looks unknown: the portal is no directory.
                expected = .contactNotFound(stranger.id)
            } else if let inactive = copied.first(where: { !$0.isActive }) {
                expected = .contactInactive(inactive.id)
            } else {
                expected = nil
            }
            let before = try await f.test.snapshot()
            var filed: PortalTicket?
            var error: HelpDeskError?
            do { filed = try await f.portal(contact).file(request) } catch let failure { error = failure }
            #expect(error == expected, "round \(round): \(contact.name) filing \(request)")
            guard let filed else {
                #expect(try await f.test.snapshot() == before, "round \(round): a refused filing changed the store")
                continue
            }
            let stored = try await f.desk.ticket(filed.id, as: .system)
            #expect(stored.channel == .portal && stored.requester == .contact(contact.id))
            #expect(stored.companyID == contact.companyID)
            #expect(stored.locationID == location?.id ?? contact.locationID)
            #expect(stored.assetIDs == Array(Set(assets)).sorted())
            #expect(stored.ccContactIDs == copied.map(\.id).sorted())
            #expect(try await f.listed(by: contact).contains(filed.id), "round \(round): the filer lists its ticket")
        }
    }
}
