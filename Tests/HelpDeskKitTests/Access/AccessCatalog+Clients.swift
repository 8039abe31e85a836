import Foundation
import HelpDeskKit
import HelpDeskTestSupport

/// The client directory: companies, locations, contacts, contracts and equipment.
extension AccessCatalog {
    static let clientCommands: [AccessEntry] = [
        E("addCompany(_:by:idempotencyKey:)", "addCompany") { f, p in
            try await E.call { try await f.desk.addCompany(NewCompany(name: "Delta"), by: p) }
        },
        E("deleteCompany(_:by:idempotencyKey:)", "deleteCompany: Gamma (no tickets)") { f, p in
            try await E.call { try await f.desk.deleteCompany(f.gamma.id, by: p) }
        },
        E("addLocation(_:by:idempotencyKey:)", "addLocation: to Alpha", concernsAlpha: true) { f, p in
            try await E.call {
                try await f.desk.addLocation(NewLocation(companyID: f.alpha.id, name: "Alpha annex"), by: p)
            }
        },
        E("updateLocation(_:_:by:idempotencyKey:)", "updateLocation: Alpha's office moves", concernsAlpha: true) { f, p in
            try await E.call {
                try await f.desk.updateLocation(f.alphaOffice.id, LocationUpdate(address: "2 New Street"), by: p)
            }
        },
        E("addContact(_:by:idempotencyKey:)", "addContact: to Alpha", concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.addContact(NewContact(companyID: f.alpha.id, name: "Anton"), by: p) }
        },
        E("updateCompany(_:_:by:idempotencyKey:)", "updateCompany: Alpha shares all", concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.updateCompany(f.alpha.id, CompanyUpdate(ticketSharing: .all), by: p) }
        },
        E("updateContact(_:_:by:idempotencyKey:)", "updateContact: Alice's position", concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.updateContact(f.alice.id, ContactUpdate(position: "CEO"), by: p) }
        },
        E("addContract(_:by:idempotencyKey:)", "addContract: for Alpha", concernsAlpha: true) { f, p in
            try await E.call {
                try await f.desk.addContract(
                    NewContract(companyID: f.alpha.id, number: "A-2", startsAt: AccessFixture.day(0)), by: p)
            }
        },
        E("changeContractStatus(_:to:by:idempotencyKey:)", "changeContractStatus: suspend A-1", concernsAlpha: true) {
            f, p in
            try await E.call { try await f.desk.changeContractStatus(f.alphaContract.id, to: .suspended, by: p) }
        },
        E("addServicePeriod(to:_:by:idempotencyKey:)", "addServicePeriod: renew A-1", concernsAlpha: true) { f, p in
            try await E.call {
                try await f.desk.addServicePeriod(
                    to: f.alphaContract.id,
                    NewServicePeriod(
                        startsAt: AccessFixture.day(20), endsAt: AccessFixture.day(50),
                        fee: Money(minorUnits: 100_00, currency: .rub)),
                    by: p)
            }
        },
        E(
            "markServicePeriodInvoiced(_:of:by:idempotencyKey:)", "markServicePeriodInvoiced: A-1's period",
            concernsAlpha: true
        ) { f, p in
            try await E.call {
                try await f.desk.markServicePeriodInvoiced(f.alphaPeriod.id, of: f.alphaContract.id, by: p)
            }
        },
        E("markServicePeriodPaid(_:of:by:idempotencyKey:)", "markServicePeriodPaid: A-1's period", concernsAlpha: true)
        { f, p in
            try await E.call { try await f.desk.markServicePeriodPaid(f.alphaPeriod.id, of: f.alphaContract.id, by: p) }
        },
        E("addAssetModel(name:kind:attributes:by:idempotencyKey:)", "addAssetModel") { f, p in
            try await E.call { try await f.desk.addAssetModel(name: "Router", kind: "network", by: p) }
        },
        E("addAsset(_:by:idempotencyKey:)", "addAsset: at Alpha's office", concernsAlpha: true) { f, p in
            try await E.call {
                try await f.desk.addAsset(
                    NewAsset(
                        modelID: f.printerModel.id, serialNumber: "A-SN-2", locationID: f.alphaOffice.id,
                        inServiceSince: AccessFixture.day(0)),
                    by: p)
            }
        },
        E("updateAsset(_:_:by:idempotencyKey:)", "updateAsset: Alpha's printer's inventory number", concernsAlpha: true)
        { f, p in
            try await E.call { try await f.desk.updateAsset(f.alphaPrinter.id, AssetUpdate(inventoryNumber: "INV-9"), by: p) }
        },
        E("moveAsset(_:to:by:idempotencyKey:)", "moveAsset: Alpha's printer to the warehouse", concernsAlpha: true) {
            f, p in
            try await E.call { try await f.desk.moveAsset(f.alphaPrinter.id, to: f.alphaWarehouse.id, by: p) }
        },
        E("retireAsset(_:by:idempotencyKey:)", "retireAsset: Alpha's printer", concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.retireAsset(f.alphaPrinter.id, by: p) }
        },
    ]

    static let clientReads: [AccessEntry] = [
        E("companies(as:)", "companies") { f, p in
            try await E.call { try await f.desk.companies(as: p) }
        },
        E("company(_:as:)", "company: Alpha", concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.company(f.alpha.id, as: p) }
        },
        E("locations(of:as:)", "locations: of Alpha", concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.locations(of: f.alpha.id, as: p) }
        },
        E("contacts(of:as:)", "contacts: of Alpha", concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.contacts(of: f.alpha.id, as: p) }
        },
        E("contract(_:as:)", "contract: A-1", concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.contract(f.alphaContract.id, as: p) }
        },
        E("contracts(of:as:)", "contracts: of Alpha", concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.contracts(of: f.alpha.id, as: p) }
        },
        E("contracts(of:as:)", "contracts: of every company") { f, p in
            try await E.call { try await f.desk.contracts(as: p) }
        },
        E("contracts(inForceAt:as:)", "contracts: in force now") { f, p in
            try await E.call { try await f.desk.contracts(inForceAt: AccessFixture.day(0), as: p) }
        },
        E("contracts(endingWithin:after:as:)", "contracts: ending within 30 days") { f, p in
            try await E.call { try await f.desk.contracts(endingWithin: 30, after: AccessFixture.day(0), as: p) }
        },
        E("debtors(at:as:)", "debtors") { f, p in
            try await E.call { try await f.desk.debtors(at: AccessFixture.day(0), as: p) }
        },
        E("assetModels(as:)", "assetModels") { f, p in
            try await E.call { try await f.desk.assetModels(as: p) }
        },
        E("assets(company:location:model:includingRetired:as:)", "assets: of Alpha", concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.assets(company: f.alpha.id, as: p) }
        },
        E(
            "assets(company:location:model:includingRetired:as:)", "assets: at Alpha's office, any company",
            concernsAlpha: true
        ) { f, p in
            try await E.call { try await f.desk.assets(location: f.alphaOffice.id, as: p) }
        },
        E("trail(of:as:)", "trail: of A-1", concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.trail(of: .contract(f.alphaContract.id), as: p) }
        },
        E("trail(of:as:)", "trail: of Alpha's wallet", concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.trail(of: .account(f.alpha.id, unit: AccessFixture.rub), as: p) }
        },
        E("history(of:as:)", "history: of Alpha's printer", concernsAlpha: true) { f, p in
            try await f.desk.history(of: f.alphaPrinter.id, as: p)
        },
        E("registrationHints(contact:location:as:)", "registrationHints: for Alice", concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.registrationHints(contact: f.alice.id, as: p) }
        },
    ]
}
