import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@Suite("Contracts, service periods and equipment")
struct ContractAndAssetTests {
    @Test func aContractKeepsItsTermsCoverageAndManager() async throws {
        let f = try await SLAClientFixtures.make()
        let contract = try await f.contract(
            "A-7", from: 0, to: 365, status: .draft, locations: [f.office.id, f.megastore.id, f.office.id],
            categories: [f.test.printers.id], sla: "gold", manager: f.test.boris.id)
        #expect(contract.companyID == f.alpha.id)
        #expect(contract.number == "A-7")
        #expect(contract.startsAt == ClientFixture.day(0))
        #expect(contract.endsAt == ClientFixture.day(365))
        #expect(contract.status == .draft)
        #expect(contract.coveredLocationIDs == [f.office.id, f.megastore.id].sorted())
        #expect(contract.coveredCategoryIDs == [f.test.printers.id])
        #expect(contract.slaPolicyID == "gold")
        #expect(contract.managerID == f.test.boris.id)
        #expect(contract.periods.isEmpty && contract.remindersSent.isEmpty)
        #expect(try await f.desk.contract(contract.id, as: .system) == contract)
        #expect(contract.covers(location: f.office.id, category: f.test.printers.id))
        #expect(!contract.covers(location: f.office.id, category: f.test.onSite.id))
        #expect(!contract.covers(location: nil, category: f.test.printers.id))
        #expect(!contract.isInForce(at: ClientFixture.day(1)), "a draft is not in force")
    }

    static let moves: [(ContractStatus, ContractStatus)] = ContractStatus.allCases.flatMap { from in
        ContractStatus.allCases.map { (from, $0) }
    }

    @Test(arguments: moves)
    func contractStatusMovesFollowTheTable(_ from: ContractStatus, _ to: ContractStatus) async throws {
        let allowed: Set<[ContractStatus]> = [
            [.draft, .active], [.draft, .ended], [.active, .suspended], [.active, .ended], [.suspended, .active],
            [.suspended, .ended],
        ]
        let f = try await ClientFixture.make()
        var contract = try await f.contract("M-1", status: from == .draft ? .draft : .active)
        if from == .suspended || from == .ended {
            contract = try await f.desk.changeContractStatus(contract.id, to: from, by: .system)
        }
        #expect(contract.status == from)
        if from == to || allowed.contains([from, to]) {
            #expect(try await f.desk.changeContractStatus(contract.id, to: to, by: .system).status == to)
            #expect(try await f.desk.contract(contract.id, as: .system).status == to)
        } else {
            await #expect(throws: HelpDeskError.contractTransitionNotAllowed(from: from, to: to)) {
                _ = try await f.desk.changeContractStatus(contract.id, to: to, by: .system)
            }
            #expect(try await f.desk.contract(contract.id, as: .system).status == from)
        }
    }

    @Test func aContractStartsAsDraftOrActive() async throws {
        let f = try await ClientFixture.make()
        for status in [ContractStatus.suspended, .ended] {
            await #expect(throws: HelpDeskError.contractTransitionNotAllowed(from: .draft, to: status)) {
                _ = try await f.contract("S-1", status: status)
            }
        }
    }

    @Test func periodsCarryFeeLaborAndPaymentAndRenewalAddsThem() async throws {
        let f = try await ClientFixture.make()
        let contract = try await f.contract("A-1", from: 0)
        let second = try await f.desk.addServicePeriod(
            to: contract.id,
            NewServicePeriod(
                startsAt: ClientFixture.day(30), endsAt: ClientFixture.day(60), fee: ClientFixture.rub(4_500_000),
                includedLaborMinutes: 600, laborRoundingStepMinutes: 15, laborAlertPercent: 80,
                paymentDueAt: ClientFixture.day(40)), by: .system)
        let first = try await f.period(contract, 0, 30, fee: 4_500_000, invoiced: false)
        #expect(second.fee == Money(minorUnits: 4_500_000, currency: .rub))
        #expect(second.includedLaborMinutes == 600)
        #expect(second.laborRoundingStepMinutes == 15)
        #expect(second.laborAlertPercent == 80)
        #expect(second.paymentDueAt == ClientFixture.day(40))
        #expect(second.invoicedAt == nil && second.paidAt == nil)
        #expect(
            try await f.desk.contract(contract.id, as: .system).periods == [first, second],
            "periods are kept sorted by start")

        // Renewal: a third period right after the second (touching is not overlapping).
        let third = try await f.period(contract, 60, 90, invoiced: false)
        #expect(
            try await f.desk.contract(contract.id, as: .system).periods.map(\.id) == [first.id, second.id, third.id])

        // Payment: the first period is due at its start, the second on day 40.
        let now = ClientFixture.day(35)
        #expect(first.paymentStatus(at: now) == .overdue)
        #expect(first.daysOverdue(at: now) == 35)
        #expect(second.paymentStatus(at: now) == .unpaid)
        #expect(second.daysOverdue(at: now) == 0)
        #expect(third.paymentStatus(at: now) == .unpaid)
        #expect(second.paymentStatus(at: ClientFixture.day(40)) == .overdue)

        f.clock.set(to: ClientFixture.day(3))
        let invoiced = try await f.desk.markServicePeriodInvoiced(first.id, of: contract.id, by: .system)
        #expect(invoiced.invoicedAt == ClientFixture.day(3) && invoiced.paidAt == nil)
        f.clock.set(to: ClientFixture.day(5))
        let paid = try await f.desk.markServicePeriodPaid(first.id, of: contract.id, by: .system)
        #expect(paid.invoicedAt == ClientFixture.day(3), "invoicing is recorded once")
        #expect(paid.paidAt == ClientFixture.day(5))
        #expect(paid.paymentStatus(at: now) == .paid)
        f.clock.set(to: ClientFixture.day(6))
        #expect(
            try await f.desk.markServicePeriodPaid(first.id, of: contract.id, by: .system).paidAt
                == ClientFixture.day(5))
        let direct = try await f.desk.markServicePeriodPaid(third.id, of: contract.id, by: .system)
        #expect(
            direct.invoicedAt == ClientFixture.day(6) && direct.paidAt == ClientFixture.day(6), "paying invoices too")
        #expect(
            try await f.desk.contract(contract.id, as: .system).periods.map { $0.paymentStatus(at: now) } == [
                .paid, .unpaid, .paid,
            ])
    }

    @Test func overlappingPeriodsOfOneContractAreRefused() async throws {
        let f = try await ClientFixture.make()
        let contract = try await f.contract("A-1")
        let other = try await f.contract("A-2")
        let existing = try await f.period(contract, 0, 30)
        for (start, end) in [(29.0, 31.0), (-1.0, 0.5), (10.0, 20.0), (-10.0, 40.0), (0.0, 30.0)] {
            await #expect(throws: HelpDeskError.overlappingServicePeriod(existing.id)) {
                try await f.period(contract, start, end)
            }
        }
        try await f.period(other, 10, 20)
        try await f.period(contract, -10, 0)
        #expect(try await f.desk.contract(contract.id, as: .system).periods.count == 2)
    }

    @Test func modelsAndAssetsDescribeInstalledEquipment() async throws {
        let f = try await ClientFixture.make()
        let printer = try await f.desk.addAssetModel(
            name: "HP LaserJet M428", kind: "printer", attributes: ["duplex": "yes"], by: .system)
        let camera = try await f.desk.addAssetModel(name: "Axis P3245", kind: "camera", by: .system)
        #expect(try await f.desk.assetModels(as: .system) == [camera, printer])
        await #expect(throws: HelpDeskError.duplicateName("hp laserjet m428")) {
            _ = try await f.desk.addAssetModel(name: "hp laserjet m428", kind: "printer", by: .system)
        }
        let contract = try await f.contract("A-1")
        let asset = try await f.desk.addAsset(
            NewAsset(
                modelID: printer.id, serialNumber: "PHB1234", inventoryNumber: "INV-0042", locationID: f.office.id,
                contractID: contract.id, inServiceSince: ClientFixture.day(-200)), by: .system)
        #expect(asset.companyID == f.alpha.id, "the company comes from the location")
        #expect(asset.locationID == f.office.id)
        #expect(asset.contractID == contract.id)
        #expect(asset.inventoryNumber == "INV-0042")
        #expect(asset.inServiceSince == ClientFixture.day(-200))
        await #expect(throws: HelpDeskError.duplicateSerialNumber("phb1234")) {
            _ = try await f.desk.addAsset(
                NewAsset(
                    modelID: printer.id, serialNumber: "phb1234", locationID: f.kitchen.id,
                    inServiceSince: ClientFixture.day(0)), by: .system)
        }
        let sameSerialOtherModel = try await f.desk.addAsset(
            NewAsset(
                modelID: camera.id, serialNumber: "PHB1234", locationID: f.kitchen.id,
                inServiceSince: ClientFixture.day(0)), by: .system)
        #expect(sameSerialOtherModel.companyID == f.beta.id)
        await #expect(throws: HelpDeskError.crossCompanyLink(.contract(contract.id), expected: f.beta.id)) {
            _ = try await f.desk.addAsset(
                NewAsset(
                    modelID: camera.id, serialNumber: "C-2", locationID: f.kitchen.id, contractID: contract.id,
                    inServiceSince: ClientFixture.day(0)), by: .system)
        }
    }

    @Test func anAssetsHistoryIsItsTicketsNewestFirst() async throws {
        let f = try await ClientFixture.make()
        let model = try await f.desk.addAssetModel(name: "Boiler", kind: "boiler", by: .system)
        let boiler = try await f.desk.addAsset(
            NewAsset(
                modelID: model.id, serialNumber: "B-1", locationID: f.office.id, inServiceSince: ClientFixture.day(-9)),
            by: .system)
        let other = try await f.desk.addAsset(
            NewAsset(
                modelID: model.id, serialNumber: "B-2", locationID: f.office.id, inServiceSince: ClientFixture.day(-9)),
            by: .system)
        let first = try await f.ticket("Leaks", requester: .contact(f.ivan.id), assets: [boiler.id])
        f.clock.advance(by: 3_600)
        try await f.ticket("Other boiler", requester: .contact(f.ivan.id), assets: [other.id])
        f.clock.advance(by: 3_600)
        let second = try await f.ticket(
            "Both", requester: .contact(f.ivan.id), assets: [other.id, boiler.id, boiler.id])
        #expect(second.assetIDs == [other.id, boiler.id].sorted(), "asset links are deduplicated and sorted")
        #expect(second.companyID == f.alpha.id)
        #expect(try await f.desk.history(of: boiler.id, as: .system).map(\.id) == [second.id, first.id])
        #expect(try await f.desk.history(of: other.id, as: .system).count == 2)
        let unknown: AssetID = Identifier(UUID(uuidString: "00000000-0000-4000-8000-0000000000a5")!)
        await #expect(throws: HelpDeskError.assetNotFound(unknown)) {
            _ = try await f.desk.history(of: unknown, as: .system)
        }
    }
}
