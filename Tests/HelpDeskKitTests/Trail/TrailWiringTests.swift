import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Issue #19 point 3: every directory and money command writes its trail entry and its
/// `recordChanged` event in the unit of work of the change itself, told to the account managers.
@Suite("Record trail: every directory and money command")
struct TrailWiringTests {
    @Test func companiesLocationsAndContacts() async throws {
        let f = try await TrailFixture.make()
        let boris = [f.test.boris.id]
        let (_, update) = try await f.expectTrailed(.updated, of: { _ in .company(f.alpha.id) }, told: boris) {
            try await f.desk.updateCompany(f.alpha.id, CompanyUpdate(notes: "Pays late"), by: f.anna)
        }
        #expect(update.changes == [TrailChange("notes", from: nil, to: "Pays late")] && update.companyID == f.alpha.id)
        let units = f.store.count
        _ = try await f.desk.updateCompany(f.alpha.id, CompanyUpdate(notes: "Pays late"), by: f.anna)
        #expect(f.store.count == units, "an update that changes nothing commits nothing")

        let (gamma, added) = try await f.expectTrailed(.created, of: { .company($0.id) }, told: []) {
            try await f.desk.addCompany(NewCompany(name: "Gamma", registration: ["INN": "77"]), by: f.anna)
        }
        #expect(added.changes.map(\.field) == ["name", "registration", "ticketSharing"])
        let (annex, _) = try await f.expectTrailed(.created, of: { .location($0.id) }, told: boris) {
            try await f.desk.addLocation(NewLocation(companyID: f.alpha.id, name: "Annex"), by: f.anna)
        }
        let (_, moved) = try await f.expectTrailed(.updated, of: { _ in .location(annex.id) }, told: boris) {
            try await f.desk.updateLocation(annex.id, LocationUpdate(name: "North annex", address: "5 Quay"), by: f.anna)
        }
        #expect(moved.changes.map(\.field).sorted() == ["address", "name"])
        await #expect(throws: HelpDeskError.self, "a sibling's name is taken") {
            try await f.desk.updateLocation(annex.id, LocationUpdate(name: f.office.name.uppercased()), by: f.anna)
        }
        let (ivan, _) = try await f.expectTrailed(.created, of: { .contact($0.id) }, told: boris) {
            try await f.desk.addContact(NewContact(companyID: f.alpha.id, locationID: annex.id, name: "Ivan"), by: f.anna)
        }
        let (_, left) = try await f.expectTrailed(.updated, of: { _ in .contact(ivan.id) }, told: boris) {
            try await f.desk.updateContact(ivan.id, ContactUpdate(position: "Buyer", isActive: false), by: f.anna)
        }
        #expect(left.changes == [TrailChange("position", from: nil, to: "Buyer"), TrailChange("active", from: "true", to: "false")])
        let (_, deleted) = try await f.expectTrailed(.deleted, of: { _ in .company(gamma.id) }, told: []) {
            try await f.desk.deleteCompany(gamma.id, by: f.anna)
        }
        #expect(deleted.changes.allSatisfy { $0.newValue == nil } && deleted.changes.contains { $0.field == "name" })
        #expect(try await f.desk.trail(of: .company(gamma.id), as: f.anna).map(\.action) == [.created, .deleted],
                "a deleted company's trail stays readable")
    }

    @Test func contractsAndTheirServicePeriods() async throws {
        let f = try await TrailFixture.make()
        let boris = [f.test.boris.id]
        let (a2, _) = try await f.expectTrailed(.created, of: { .contract($0.id) }, told: boris) {
            try await f.desk.addContract(
                NewContract(companyID: f.alpha.id, number: "A-2", startsAt: TestDesk.start, managerID: f.test.boris.id),
                by: f.anna)
        }
        try await f.expectTrailed(.statusChanged, of: { _ in .contract(a2.id) }, told: boris) {
            try await f.desk.changeContractStatus(a2.id, to: .suspended, by: f.anna)
        }
        let fee = Money(minorUnits: 45_000_00, currency: .rub)
        let (march, _) = try await f.expectTrailed(.periodAdded, of: { _ in .contract(a2.id) }, told: boris) {
            try await f.desk.addServicePeriod(
                to: a2.id,
                NewServicePeriod(startsAt: TestDesk.start, endsAt: TestDesk.start.addingTimeInterval(30 * 86_400), fee: fee),
                by: f.anna)
        }
        f.test.clock.advance(by: 60)
        let (_, invoiced) = try await f.expectTrailed(.invoiced, of: { _ in .contract(a2.id) }, told: boris) {
            try await f.desk.markServicePeriodInvoiced(march.id, of: a2.id, by: f.anna)
        }
        #expect(!(f.store.last?.billing.transfers.isEmpty ?? true), "the receivable is posted in the same unit")
        #expect(invoiced.changes.map(\.field).allSatisfy { $0.hasPrefix("period 2026-03-02…2026-04-01 ") })
        #expect(invoiced.changes.contains { $0.field.hasSuffix(" invoicedAt") && $0.oldValue == nil })
        try await f.expectTrailed(.paid, of: { _ in .contract(a2.id) }, told: boris) {
            try await f.desk.markServicePeriodPaid(march.id, of: a2.id, by: f.anna)
        }
        let units = f.store.count
        _ = try await f.desk.markServicePeriodPaid(march.id, of: a2.id, by: f.anna)
        #expect(f.store.count == units, "paying twice records nothing")
        #expect(
            try await f.desk.trail(of: .contract(a2.id), as: f.boris).map(\.action)
                == [.created, .statusChanged, .periodAdded, .invoiced, .paid])
    }

    @Test func equipmentAndPrices() async throws {
        let f = try await TrailFixture.make()
        let boris = [f.test.boris.id]
        let (model, _) = try await f.expectTrailed(.created, of: { .assetModel($0.id) }, told: []) {
            try await f.desk.addAssetModel(name: "HP LaserJet", kind: "printer", by: f.anna)
        }
        let (printer, _) = try await f.expectTrailed(.created, of: { .asset($0.id) }, told: boris) {
            try await f.desk.addAsset(
                NewAsset(modelID: model.id, serialNumber: "SN-1", locationID: f.office.id, inServiceSince: TestDesk.start),
                by: f.anna)
        }
        try await f.expectTrailed(.updated, of: { _ in .asset(printer.id) }, told: boris) {
            try await f.desk.updateAsset(printer.id, AssetUpdate(inventoryNumber: "INV-1"), by: f.anna)
        }
        let (_, moved) = try await f.expectTrailed(.moved, of: { _ in .asset(printer.id) }, told: boris) {
            try await f.desk.moveAsset(printer.id, to: f.warehouse.id, by: f.anna)
        }
        #expect(moved.changes == [TrailChange("location", from: "Office", to: "Warehouse")])
        try await f.expectTrailed(.retired, of: { _ in .asset(printer.id) }, told: boris) {
            try await f.desk.retireAsset(printer.id, by: f.anna)
        }
        let rub = { (minor: Int64) in Price(Money(minorUnits: minor, currency: .rub)) }
        let (hour, _) = try await f.expectTrailed(.created, of: { .priceListItem($0.id) }, told: []) {
            try await f.desk.addPriceListItem(
                NewPriceListItem(
                    code: "ENG-HOUR", name: "Engineer", kind: .work, pricing: .perHour, price: rub(2_500_00),
                    validFrom: TestDesk.start),
                by: f.anna)
        }
        let (_, price) = try await f.expectTrailed(
            .priceSet, of: { _ in .contractPrice(f.contract.id, item: hour.id) }, told: boris
        ) {
            try await f.desk.setContractPrice(f.contract.id, item: hour.id, price: rub(2_000_00), by: f.anna)
        }
        #expect(price.changes == [TrailChange("price ENG-HOUR", from: nil, to: "2000.00 RUB")])
        let units = f.store.count
        try await f.desk.setContractPrice(f.contract.id, item: hour.id, price: rub(2_000_00), by: f.anna)
        #expect(f.store.last?.trailEntries == [], "the same price again records no change")
        #expect(f.store.count == units + 1)
    }

    @Test func topUpsAndAdjustmentsInBothSpellings() async throws {
        let f = try await TrailFixture.make()
        let wallet = TrailSubject.account(f.alpha.id, unit: TrailFixture.rub)
        let boris = [f.test.boris.id]
        let (_, topUp) = try await f.expectTrailed(.toppedUp, of: { _ in wallet }, told: boris) {
            try await f.desk.topUp(
                f.alpha.id, amount: Money(minorUnits: 5_000_00, currency: .rub), paymentReference: "PO 42", by: f.anna)
        }
        #expect(
            topUp.changes == [
                TrailChange("balance", from: "0.00 RUB", to: "5000.00 RUB"),
                TrailChange("paymentReference", from: nil, to: "PO 42"),
            ])
        let units = f.store.count
        try await f.desk.topUp(
            f.alpha.id, amount: Money(minorUnits: 5_000_00, currency: .rub), paymentReference: "PO 42", by: f.anna)
        #expect(f.store.count == units, "a replayed top-up records nothing")
        let (_, debit) = try await f.expectTrailed(.adjusted, of: { _ in wallet }, told: boris) {
            try await f.desk.adjustBalance(
                f.alpha.id, by: Money(minorUnits: -100_00, currency: .rub), reason: "Courier", by: f.anna)
        }
        #expect(debit.changes.first == TrailChange("balance", from: "5000.00 RUB", to: "4900.00 RUB"))
        let points = BillingUnit.prepaid("points")
        try await f.expectTrailed(.adjusted, of: { _ in .account(f.alpha.id, unit: points) }, told: boris) {
            try await f.desk.adjustBalance(f.alpha.id, by: Price(minorUnits: 30, unit: points), reason: "Bonus", by: f.anna)
        }
        #expect(try await f.desk.trail(of: wallet, as: f.boris).map(\.action) == [.toppedUp, .adjusted])
    }

    @Test func aRefusedCommandLeavesNoEntryAndNoEvent() async throws {
        let f = try await TrailFixture.make()
        let before = try await f.test.snapshot()
        let units = f.store.count
        await #expect(throws: HelpDeskError.duplicateName("alpha retail")) {
            _ = try await f.desk.addCompany(NewCompany(name: "alpha retail"), by: f.anna)
        }
        await #expect(throws: HelpDeskError.self) {
            _ = try await f.desk.adjustBalance(f.alpha.id, by: Money(minorUnits: -1, currency: .rub), reason: "x", by: f.anna)
        }
        #expect(f.store.count == units)
        #expect(try await f.test.snapshot() == before)
    }
}
