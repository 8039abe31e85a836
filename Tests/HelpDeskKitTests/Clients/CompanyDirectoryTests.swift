import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@Suite("Companies, locations and contacts")
struct CompanyDirectoryTests {
    @Test func companiesHaveLocationsAndContactsWithEveryDetail() async throws {
        let f = try await ClientFixture.make()
        #expect(try await f.desk.companies(as: .system).map(\.name) == ["Alpha Retail", "Beta Foods"])
        #expect(try await f.desk.company(f.alpha.id, as: .system).registration == ["INN": "7701000001"])
        #expect(try await f.desk.locations(of: f.alpha.id, as: .system) == [f.megastore, f.office])
        #expect(f.office.address == "Tverskaya 1")
        #expect(f.office.timeZoneIdentifier == "Europe/Moscow")
        #expect(f.megastore.timeZoneIdentifier == "UTC")
        #expect(try await f.desk.contacts(of: f.alpha.id, as: .system) == [f.ivan, f.petr])
        #expect(try await f.desk.contacts(of: f.beta.id, as: .system) == [f.olga])

        let ivan = f.ivan
        #expect(ivan.companyID == f.alpha.id)
        #expect(ivan.locationID == f.office.id)
        #expect(ivan.position == "Office manager")
        #expect(ivan.email == "Ivan@Alpha.example")
        #expect(ivan.phone == "+7 900 000-00-01")
        #expect(ivan.mayFileTickets && ivan.mayApprovePaidWork)
        #expect(ivan.portalScope == .location)
        #expect(ivan.isActive)
        #expect(!f.petr.mayFileTickets && !f.petr.mayApprovePaidWork)
        #expect(f.petr.portalScope == .ownTickets)
        #expect(f.petr.locationID == nil)
    }

    @Test(arguments: PortalScope.allCases)
    func eachContactHasItsOwnPortalScope(_ scope: PortalScope) async throws {
        let f = try await ClientFixture.make()
        let contact = try await f.desk.addContact(
            NewContact(companyID: f.beta.id, name: "Scoped", portalScope: scope), by: .system)
        #expect(contact.portalScope == scope)
        let other: PortalScope = scope == .company ? .ownTickets : .company
        let updated = try await f.desk.updateContact(contact.id, ContactUpdate(portalScope: other), by: .system)
        #expect(updated.portalScope == other)
        #expect(
            try await f.desk.contacts(of: f.beta.id, as: .system).first { $0.id == contact.id }?.portalScope == other)
    }

    @Test func anEmailIdentifiesAtMostOneContactIgnoringCase() async throws {
        let f = try await ClientFixture.make()
        await #expect(throws: HelpDeskError.duplicateEmail("ivan@ALPHA.example")) {
            _ = try await f.desk.addContact(
                NewContact(companyID: f.beta.id, name: "Ivan 2", email: "ivan@ALPHA.example"), by: .system)
        }
        await #expect(throws: HelpDeskError.duplicateEmail("OLGA@beta.example")) {
            _ = try await f.desk.updateContact(f.petr.id, ContactUpdate(email: "OLGA@beta.example"), by: .system)
        }
        // Changing the case of one's own email is not a conflict.
        let same = try await f.desk.updateContact(f.ivan.id, ContactUpdate(email: "ivan@alpha.example"), by: .system)
        #expect(same.email == "ivan@alpha.example")
        // A released email may be taken by someone else.
        _ = try await f.desk.updateContact(f.petr.id, ContactUpdate(email: .some(nil)), by: .system)
        let taken = try await f.desk.addContact(
            NewContact(companyID: f.beta.id, name: "New Petr", email: "PETR@alpha.example"), by: .system)
        #expect(taken.email == "PETR@alpha.example")
        await #expect(throws: HelpDeskError.invalidInput(field: "email", problem: .malformed(expected: "name@domain")))
        {
            _ = try await f.desk.addContact(
                NewContact(companyID: f.beta.id, name: "X", email: "no at sign"), by: .system)
        }
    }

    @Test func aContactWorksAtALocationOfItsOwnCompany() async throws {
        let f = try await ClientFixture.make()
        await #expect(throws: HelpDeskError.crossCompanyLink(.location(f.kitchen.id), expected: f.alpha.id)) {
            _ = try await f.desk.addContact(
                NewContact(companyID: f.alpha.id, locationID: f.kitchen.id, name: "Lost"), by: .system)
        }
        await #expect(throws: HelpDeskError.crossCompanyLink(.location(f.kitchen.id), expected: f.alpha.id)) {
            _ = try await f.desk.updateContact(f.ivan.id, ContactUpdate(locationID: f.kitchen.id), by: .system)
        }
        let moved = try await f.desk.updateContact(
            f.ivan.id, ContactUpdate(locationID: f.megastore.id, position: "Director"), by: .system)
        #expect(moved.locationID == f.megastore.id)
        #expect(moved.position == "Director")
        #expect(moved.companyID == f.alpha.id)
        let cleared = try await f.desk.updateContact(
            f.ivan.id, ContactUpdate(locationID: .some(nil), phone: .some(nil)), by: .system)
        #expect(cleared.locationID == nil && cleared.phone == nil)
    }

    @Test func authorityAndActivityChangeThroughUpdates() async throws {
        let f = try await ClientFixture.make()
        let petr = try await f.desk.updateContact(
            f.petr.id, ContactUpdate(mayFileTickets: true, mayApprovePaidWork: true, isActive: false), by: .system)
        #expect(petr.mayFileTickets && petr.mayApprovePaidWork && !petr.isActive)
        #expect(try await f.desk.contacts(of: f.alpha.id, as: .system).contains(petr))
        let before = try await f.test.snapshot()
        #expect(try await f.desk.updateContact(f.petr.id, ContactUpdate(isActive: false), by: .system) == petr)
        #expect(try await f.test.snapshot() == before, "an update that changes nothing commits nothing")
    }

    @Test func namesAreUniqueWhereTheyMustBe() async throws {
        let f = try await ClientFixture.make()
        await #expect(throws: HelpDeskError.duplicateName("alpha retail")) {
            _ = try await f.desk.addCompany(NewCompany(name: "alpha retail"), by: .system)
        }
        await #expect(throws: HelpDeskError.duplicateName("OFFICE")) {
            _ = try await f.desk.addLocation(NewLocation(companyID: f.alpha.id, name: "OFFICE"), by: .system)
        }
        let betaOffice = try await f.desk.addLocation(NewLocation(companyID: f.beta.id, name: "Office"), by: .system)
        #expect(betaOffice.companyID == f.beta.id)
        await #expect(
            throws: HelpDeskError.invalidInput(
                field: "timeZoneIdentifier", problem: .malformed(expected: "an IANA time zone"))
        ) {
            _ = try await f.desk.addLocation(
                NewLocation(companyID: f.beta.id, name: "Mars", timeZoneIdentifier: "Mars/Olympus"), by: .system)
        }
    }

    @Test func deletingACompanyWithoutTicketsRemovesEverythingItOwns() async throws {
        let f = try await ClientFixture.make()
        let contract = try await f.contract("A-1", locations: [f.office.id])
        let period = try await f.period(contract, 0, 30)
        // An invoiced period must be paid first: a company that owes money cannot be deleted.
        _ = try await f.desk.markServicePeriodPaid(period.id, of: contract.id, by: .system)
        let model = try await f.desk.addAssetModel(name: "Printer", kind: "printer", by: .system)
        _ = try await f.desk.addAsset(
            NewAsset(
                modelID: model.id, serialNumber: "S1", locationID: f.office.id, inServiceSince: ClientFixture.day(-100)),
            by: .system)
        let betaContract = try await f.contract("B-1", of: f.beta.id)
        let betaAsset = try await f.desk.addAsset(
            NewAsset(
                modelID: model.id, serialNumber: "S2", locationID: f.kitchen.id, inServiceSince: ClientFixture.day(-1)),
            by: .system)
        try await f.ticket(requester: .contact(f.olga.id))

        try await f.desk.deleteCompany(f.alpha.id, by: .system)
        await #expect(throws: HelpDeskError.companyNotFound(f.alpha.id)) {
            _ = try await f.desk.company(f.alpha.id, as: .system)
        }
        await #expect(throws: HelpDeskError.companyNotFound(f.alpha.id)) {
            _ = try await f.desk.locations(of: f.alpha.id, as: .system)
        }
        await #expect(throws: HelpDeskError.contractNotFound(contract.id)) {
            _ = try await f.desk.contract(contract.id, as: .system)
        }
        #expect(try await f.test.store.companies.location(f.office.id) == nil)
        #expect(try await f.test.store.companies.contact(f.ivan.id) == nil)
        #expect(try await f.test.store.companies.contact(email: "petr@alpha.example") == nil)
        #expect(try await f.desk.companies(as: .system) == [f.beta])
        #expect(try await f.desk.contracts(as: .system).map(\.id) == [betaContract.id])
        #expect(try await f.desk.assets(as: .system) == [betaAsset])
        #expect(try await f.desk.assetModels(as: .system) == [model], "the nomenclature is shared and stays")
        #expect(try await f.desk.contacts(of: f.beta.id, as: .system) == [f.olga])
        // The email of a deleted contact is free again.
        _ = try await f.desk.addContact(
            NewContact(companyID: f.beta.id, name: "Ivan again", email: "ivan@alpha.example"), by: .system)
    }

    @Test func aCompanyWithTicketsCannotBeDeleted() async throws {
        let f = try await ClientFixture.make()
        try await f.ticket(requester: .contact(f.ivan.id))
        let closing = try await f.ticket(requester: .freeText("Caller"), company: f.alpha.id)
        _ = try await f.desk.changeStatus(closing.id, to: .resolved, by: f.anna)
        let before = try await f.test.snapshot()
        await #expect(throws: HelpDeskError.companyHasTickets(f.alpha.id, count: 2)) {
            try await f.desk.deleteCompany(f.alpha.id, by: .system)
        }
        #expect(try await f.test.snapshot() == before)
    }
}
