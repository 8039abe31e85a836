import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Issue #19 point 6: equipment is updated, moved and retired, with history; tickets keep
/// pointing at it; pickers and hints offer only equipment in service.
@Suite("Equipment lifecycle")
struct AssetLifecycleTests {
    struct Setup {
        let f: TrailFixture
        let model: AssetModel
        let printer: Asset
        let scanner: Asset
        let ivan: Contact
    }

    static func setup() async throws -> Setup {
        let f = try await TrailFixture.make()
        let model = try await f.desk.addAssetModel(name: "HP LaserJet", kind: "printer", by: .system)
        func asset(_ serial: String) async throws -> Asset {
            try await f.desk.addAsset(
                NewAsset(
                    modelID: model.id, serialNumber: serial, locationID: f.office.id, contractID: f.contract.id,
                    inServiceSince: TestDesk.start),
                by: .system)
        }
        let ivan = try await f.desk.addContact(
            NewContact(companyID: f.alpha.id, locationID: f.office.id, name: "Ivan", portalScope: .company), by: .system)
        return Setup(f: f, model: model, printer: try await asset("SN-1"), scanner: try await asset("SN-2"), ivan: ivan)
    }

    @Test func updatesAreCheckedLikeAdditions() async throws {
        let s = try await Self.setup()
        let f = s.f
        let updated = try await f.desk.updateAsset(
            s.printer.id, AssetUpdate(serialNumber: "SN-9", inventoryNumber: "INV-1", contractID: .some(nil)), by: f.anna)
        #expect(updated.serialNumber == "SN-9" && updated.inventoryNumber == "INV-1" && updated.contractID == nil)
        let before = try await f.test.snapshot()
        await #expect(throws: HelpDeskError.duplicateSerialNumber("sn-2")) {
            _ = try await f.desk.updateAsset(s.printer.id, AssetUpdate(serialNumber: "sn-2"), by: f.anna)
        }
        await #expect(throws: HelpDeskError.invalidInput(field: "serialNumber", problem: .blank)) {
            _ = try await f.desk.updateAsset(s.printer.id, AssetUpdate(serialNumber: " "), by: f.anna)
        }
        let beta = try await f.desk.addCompany(NewCompany(name: "Beta"), by: .system)
        let betaContract = try await f.desk.addContract(
            NewContract(companyID: beta.id, number: "B-1", startsAt: TestDesk.start), by: .system)
        let afterBeta = try await f.test.snapshot()
        await #expect(throws: HelpDeskError.crossCompanyLink(.contract(betaContract.id), expected: f.alpha.id)) {
            _ = try await f.desk.updateAsset(s.printer.id, AssetUpdate(contractID: betaContract.id), by: f.anna)
        }
        #expect(
            await TrailFixture.code {
                try await f.desk.updateAsset(s.printer.id, AssetUpdate(inventoryNumber: "X"), by: .contact(s.ivan.id))
            } == .forbidden)
        #expect(try await f.test.snapshot() == afterBeta)
        #expect(before.clients.assets == afterBeta.clients.assets)
    }

    @Test func movesStayWithinTheCompanyAndTheContractsCoverage() async throws {
        let s = try await Self.setup()
        let f = s.f
        let beta = try await f.desk.addCompany(NewCompany(name: "Beta"), by: .system)
        let betaOffice = try await f.desk.addLocation(NewLocation(companyID: beta.id, name: "Office"), by: .system)
        let officeOnly = try await f.desk.addContract(
            NewContract(companyID: f.alpha.id, number: "A-2", startsAt: TestDesk.start, coveredLocationIDs: [f.office.id]),
            by: .system)
        let covered = try await f.desk.updateAsset(s.scanner.id, AssetUpdate(contractID: officeOnly.id), by: f.anna)
        let before = try await f.test.snapshot()
        await #expect(throws: HelpDeskError.crossCompanyLink(.location(betaOffice.id), expected: f.alpha.id)) {
            _ = try await f.desk.moveAsset(s.printer.id, to: betaOffice.id, by: f.anna)
        }
        await #expect(throws: HelpDeskError.contractDoesNotCover(officeOnly.id, location: f.warehouse.id)) {
            _ = try await f.desk.moveAsset(covered.id, to: f.warehouse.id, by: f.anna)
        }
        #expect(try await f.test.snapshot() == before)
        let units = f.store.count
        #expect(try await f.desk.moveAsset(s.printer.id, to: f.office.id, by: f.anna) == s.printer)
        #expect(f.store.count == units, "moving to where it is commits nothing")
        let moved = try await f.desk.moveAsset(s.printer.id, to: f.warehouse.id, by: f.anna)
        #expect(moved.locationID == f.warehouse.id)
        #expect(try await f.desk.assets(location: f.warehouse.id, as: f.anna) == [moved])
    }

    @Test func retiredEquipmentStaysOnItsTicketsButIsOfferedNoMore() async throws {
        let s = try await Self.setup()
        let f = s.f
        let ticket = try await f.desk.createTicket(
            NewTicket(title: "Jams", channel: .phone, requester: .contact(s.ivan.id), assetIDs: [s.printer.id]), by: f.anna)
        f.test.clock.advance(by: 3_600)
        let retired = try await f.desk.retireAsset(s.printer.id, by: f.anna)
        #expect(retired.retiredAt == f.test.clock.now && !retired.isActive)
        let units = f.store.count
        #expect(try await f.desk.retireAsset(s.printer.id, by: f.anna) == retired)
        #expect(f.store.count == units, "retiring twice commits nothing")

        let before = try await f.test.snapshot()
        await #expect(throws: HelpDeskError.assetRetired(s.printer.id)) {
            _ = try await f.desk.createTicket(
                NewTicket(title: "Again", channel: .phone, requester: .contact(s.ivan.id), assetIDs: [s.printer.id]),
                by: f.anna)
        }
        let other = try await f.desk.createTicket(
            NewTicket(title: "Other", channel: .phone, requester: .contact(s.ivan.id)), by: f.anna)
        let afterOther = try await f.test.snapshot()
        await #expect(throws: HelpDeskError.assetRetired(s.printer.id)) {
            _ = try await f.desk.updateTicket(other.id, TicketUpdate(assetIDs: [s.printer.id]), by: f.anna)
        }
        await #expect(throws: HelpDeskError.assetRetired(s.printer.id)) {
            _ = try await f.desk.updateAsset(s.printer.id, AssetUpdate(inventoryNumber: "X"), by: f.anna)
        }
        await #expect(throws: HelpDeskError.assetRetired(s.printer.id)) {
            _ = try await f.desk.moveAsset(s.printer.id, to: f.warehouse.id, by: f.anna)
        }
        #expect(try await f.test.snapshot() == afterOther && before.tickets.count + 1 == afterOther.tickets.count)

        // The ticket keeps pointing at it and may still be edited with it.
        let kept = try await f.desk.updateTicket(
            ticket.id, TicketUpdate(title: "Jams daily", assetIDs: [s.printer.id, s.scanner.id]), by: f.anna)
        #expect(kept.assetIDs == [s.printer.id, s.scanner.id].sorted())
        #expect(try await f.desk.history(of: s.printer.id, as: f.anna).map(\.id) == [ticket.id])

        // Pickers, hints and the portal offer only equipment in service.
        #expect(try await f.desk.assets(company: f.alpha.id, as: f.anna).map(\.id) == [s.scanner.id])
        #expect(
            try await f.desk.assets(company: f.alpha.id, includingRetired: true, as: f.anna).map(\.id)
                == [s.printer.id, s.scanner.id])
        #expect(try await f.desk.registrationHints(contact: s.ivan.id, as: f.anna).installedAssets.map(\.id) == [s.scanner.id])
        #expect(try await f.desk.portal(for: s.ivan.id).equipment().map(\.id) == [s.scanner.id])

        // Its history: the trail of the asset.
        #expect(
            try await f.desk.trail(of: .asset(s.printer.id), as: f.boris).map(\.action) == [.created, .retired])
    }

    @Test func readingATrailNeedsTheRecordsReadPermission() async throws {
        let s = try await Self.setup()
        let f = s.f
        _ = try await f.desk.topUp(
            f.alpha.id, amount: Money(minorUnits: 100_00, currency: .rub), paymentReference: "P-1", by: f.anna)
        #expect(await TrailFixture.code { try await f.desk.trail(of: .asset(s.printer.id), as: .contact(s.ivan.id)) } == .forbidden)
        let wallet = TrailSubject.account(f.alpha.id, unit: TrailFixture.rub)
        #expect(await TrailFixture.code { try await f.desk.trail(of: wallet, as: .contact(s.ivan.id)) } == .forbidden)
        #expect(try await f.desk.trail(of: .account(f.alpha.id, unit: TrailFixture.rub), as: f.boris).count == 1)
        #expect(try await f.desk.trail(of: .asset(AssetID(UUID())), as: f.boris) == [], "nobody changed it")
    }
}
