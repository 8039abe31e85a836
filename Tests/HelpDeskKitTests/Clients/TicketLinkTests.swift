import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@Suite("Tickets linked to the client directory")
struct TicketLinkTests {
    @Test func aContactRequesterFillsInCompanyLocationAndContract() async throws {
        let f = try await ClientFixture.make()
        let contract = try await f.contract("A-1")
        let ticket = try await f.ticket(requester: .contact(f.ivan.id))
        #expect(ticket.companyID == f.alpha.id)
        #expect(ticket.locationID == f.office.id)
        #expect(ticket.contractID == contract.id)
        #expect(ticket.assetIDs.isEmpty)
        #expect(try await f.desk.ticket(ticket.id, as: .system) == ticket)

        // A given location beats the contact's; a contact without a location leaves it empty.
        let elsewhere = try await f.ticket(requester: .contact(f.ivan.id), location: f.megastore.id)
        #expect(elsewhere.locationID == f.megastore.id)
        let petrs = try await f.ticket(requester: .contact(f.petr.id))
        #expect(petrs.companyID == f.alpha.id && petrs.locationID == nil && petrs.contractID == contract.id)

        // A free-text requester links nothing unless told; a location alone brings its company.
        let anonymous = try await f.ticket(requester: .freeText("Walk-in"))
        #expect(anonymous.companyID == nil && anonymous.contractID == nil)
        let byLocation = try await f.ticket(requester: .freeText("Walk-in"), location: f.kitchen.id)
        #expect(byLocation.companyID == f.beta.id && byLocation.contractID == nil)
    }

    @Test func theMostSpecificContractInForceWinsThenTheLowerNumber() async throws {
        let f = try await ClientFixture.make()
        let printers = f.test.printers.id
        let blanketB = try await f.contract("B-2")
        let blanketA = try await f.contract("B-1")
        let officeOnly = try await f.contract("Z-9", locations: [f.office.id])
        let officePrinters = try await f.contract("Z-8", locations: [f.office.id], categories: [printers])
        let printersAnywhere = try await f.contract("Y-1", categories: [printers])
        _ = try await f.contract("A-0", status: .draft, locations: [f.office.id], categories: [printers])
        let starting = try await f.contract("A-00", from: 1, locations: [f.office.id], categories: [printers])
        let suspended = try await f.contract("A-000", locations: [f.office.id], categories: [printers])
        _ = try await f.desk.changeContractStatus(suspended.id, to: .suspended, by: .system)
        _ = try await f.contract("A-0000", from: -30, to: -1, locations: [f.office.id], categories: [printers])

        func linked(_ location: LocationID?, _ category: CategoryID?) async throws -> ContractID? {
            try await f.ticket(
                requester: .freeText("Caller"), category: category, company: f.alpha.id, location: location
            ).contractID
        }
        #expect(try await linked(f.office.id, printers) == officePrinters.id, "location and category")
        #expect(try await linked(f.office.id, f.test.onSite.id) == officeOnly.id, "location only")
        #expect(try await linked(f.office.id, nil) == officeOnly.id)
        // A category-only contract beats blanket ones.
        #expect(try await linked(f.megastore.id, printers) == printersAnywhere.id)
        #expect(try await linked(f.megastore.id, f.test.onSite.id) == blanketA.id, "blanket contracts, lower number")
        #expect(try await linked(nil, nil) == blanketA.id)
        _ = try await f.desk.changeContractStatus(blanketA.id, to: .ended, by: .system)
        #expect(try await linked(nil, nil) == blanketB.id)
        // The clock decides what is in force: on day 1 the A-00 contract starts and wins on number.
        f.clock.set(to: ClientFixture.day(1))
        #expect(try await linked(f.office.id, printers) == starting.id)
        // An explicit contract is kept as given.
        #expect(
            try await f.ticket(requester: .contact(f.ivan.id), category: printers, contract: blanketB.id).contractID
                == blanketB.id)
    }

    @Test func everyLinkMustBelongToOneCompany() async throws {
        let f = try await ClientFixture.make()
        let betaContract = try await f.contract("B-1", of: f.beta.id)
        let model = try await f.desk.addAssetModel(name: "Oven", kind: "oven", by: .system)
        let oven = try await f.desk.addAsset(
            NewAsset(
                modelID: model.id, serialNumber: "O-1", locationID: f.kitchen.id, inServiceSince: ClientFixture.day(-5)),
            by: .system)
        let before = try await f.test.snapshot()
        await #expect(throws: HelpDeskError.crossCompanyLink(.location(f.kitchen.id), expected: f.alpha.id)) {
            try await f.ticket(requester: .contact(f.ivan.id), location: f.kitchen.id)
        }
        await #expect(throws: HelpDeskError.crossCompanyLink(.contract(betaContract.id), expected: f.alpha.id)) {
            try await f.ticket(requester: .contact(f.ivan.id), contract: betaContract.id)
        }
        await #expect(throws: HelpDeskError.crossCompanyLink(.asset(oven.id), expected: f.alpha.id)) {
            try await f.ticket(requester: .contact(f.ivan.id), assets: [oven.id])
        }
        await #expect(throws: HelpDeskError.crossCompanyLink(.contact(f.ivan.id), expected: f.beta.id)) {
            try await f.ticket(requester: .contact(f.ivan.id), company: f.beta.id)
        }
        await #expect(throws: HelpDeskError.crossCompanyLink(.asset(oven.id), expected: f.alpha.id)) {
            try await f.ticket(requester: .freeText("Caller"), location: f.office.id, assets: [oven.id])
        }
        #expect(try await f.test.snapshot() == before)
        let fine = try await f.ticket(requester: .contact(f.olga.id), assets: [oven.id])
        #expect(fine.companyID == f.beta.id && fine.contractID == betaContract.id && fine.assetIDs == [oven.id])
    }

    @Test func contactAuthorityAndActivityGateTicketFiling() async throws {
        let f = try await ClientFixture.make()
        let before = try await f.test.snapshot()
        await #expect(throws: HelpDeskError.contactMayNotFileTickets(f.petr.id)) {
            try await f.ticket(requester: .contact(f.petr.id), by: .contact(f.petr.id))
        }
        #expect(try await f.test.snapshot() == before)
        // Ivan files through the portal; a dispatcher may still register Petr's call.
        #expect(try await f.ticket(requester: .contact(f.ivan.id), by: .contact(f.ivan.id)).companyID == f.alpha.id)
        #expect(try await f.ticket(requester: .contact(f.petr.id)).companyID == f.alpha.id)

        _ = try await f.desk.updateContact(f.ivan.id, ContactUpdate(isActive: false), by: .system)
        let afterLeaving = try await f.test.snapshot()
        await #expect(throws: HelpDeskError.contactInactive(f.ivan.id)) {
            try await f.ticket(requester: .contact(f.ivan.id))
        }
        await #expect(throws: HelpDeskError.contactInactive(f.ivan.id)) {
            try await f.ticket(requester: .contact(f.ivan.id), by: .contact(f.ivan.id))
        }
        let unknown: ContactID = Identifier(UUID(uuidString: "00000000-0000-4000-8000-0000000000c1")!)
        await #expect(throws: HelpDeskError.contactNotFound(unknown)) {
            try await f.ticket(requester: .contact(unknown))
        }
        #expect(try await f.test.snapshot() == afterLeaving, "rejected registrations change nothing")
        let ticket = try await f.ticket(requester: .freeText("Caller"))
        await #expect(throws: HelpDeskError.contactInactive(f.ivan.id)) {
            _ = try await f.desk.updateTicket(ticket.id, TicketUpdate(requester: .contact(f.ivan.id)), by: f.anna)
        }
        #expect(try await f.desk.ticket(ticket.id, as: .system) == ticket)
        // Tickets of a contact who has left stay editable.
        let older = try await f.desk.tickets(matching: TicketQuery(requesters: [.contact(f.ivan.id)]), as: .system)
            .tickets[0]
        let edited = try await f.desk.updateTicket(
            older.id, TicketUpdate(title: "Renamed", locationID: f.megastore.id), by: f.anna)
        #expect(edited.locationID == f.megastore.id)
    }

    @Test func updatingLinksIsValidatedTheSameWay() async throws {
        let f = try await ClientFixture.make()
        let alphaContract = try await f.contract("A-1")
        let betaContract = try await f.contract("B-1", of: f.beta.id)
        let ticket = try await f.ticket(requester: .freeText("Caller"))
        #expect(ticket.companyID == nil)

        let linked = try await f.desk.updateTicket(ticket.id, TicketUpdate(locationID: f.megastore.id), by: f.anna)
        #expect(linked.companyID == f.alpha.id, "a location brings its company")
        #expect(linked.locationID == f.megastore.id)
        let before = try await f.test.snapshot()
        await #expect(throws: HelpDeskError.crossCompanyLink(.contract(betaContract.id), expected: f.alpha.id)) {
            _ = try await f.desk.updateTicket(ticket.id, TicketUpdate(contractID: betaContract.id), by: f.anna)
        }
        await #expect(throws: HelpDeskError.crossCompanyLink(.location(f.megastore.id), expected: f.beta.id)) {
            _ = try await f.desk.updateTicket(ticket.id, TicketUpdate(companyID: f.beta.id), by: f.anna)
        }
        await #expect(throws: HelpDeskError.crossCompanyLink(.contact(f.olga.id), expected: f.alpha.id)) {
            _ = try await f.desk.updateTicket(ticket.id, TicketUpdate(requester: .contact(f.olga.id)), by: f.anna)
        }
        let unknown: LocationID = Identifier(UUID(uuidString: "00000000-0000-4000-8000-0000000000d1")!)
        await #expect(throws: HelpDeskError.locationNotFound(unknown)) {
            _ = try await f.desk.updateTicket(ticket.id, TicketUpdate(locationID: unknown), by: f.anna)
        }
        #expect(try await f.test.snapshot() == before)

        // Linked to Alpha, the ticket never moves to Beta: its conversation would go with it.
        await #expect(throws: HelpDeskError.ticketBelongsToAnotherClient(ticket.number, company: f.alpha.id)) {
            _ = try await f.desk.updateTicket(
                ticket.id,
                TicketUpdate(
                    requester: .contact(f.olga.id), companyID: .some(nil), locationID: f.kitchen.id,
                    contractID: betaContract.id), by: f.anna)
        }
        #expect(try await f.test.snapshot() == before)
        let relinked = try await f.desk.updateTicket(
            ticket.id,
            TicketUpdate(
                requester: .contact(f.ivan.id), companyID: f.alpha.id, locationID: .some(nil),
                contractID: alphaContract.id), by: f.anna)
        #expect(relinked.companyID == f.alpha.id && relinked.locationID == nil && relinked.contractID == alphaContract.id)
        let trail = try await f.desk.auditTrail(of: ticket.id, as: .system).map(\.field)
        #expect(trail.contains(.created) && trail.count > 1)
    }

    @Test func ticketQueriesFilterAndSortByClientLinks() async throws {
        let f = try await ClientFixture.make()
        let contract = try await f.contract("A-1", locations: [f.office.id])
        let model = try await f.desk.addAssetModel(name: "Printer", kind: "printer", by: .system)
        let printer = try await f.desk.addAsset(
            NewAsset(
                modelID: model.id, serialNumber: "P-1", locationID: f.office.id, inServiceSince: ClientFixture.day(-1)),
            by: .system)
        let a = try await f.ticket("A", requester: .contact(f.ivan.id), assets: [printer.id])
        let b = try await f.ticket("B", requester: .contact(f.olga.id))
        let c = try await f.ticket("C", requester: .freeText("Nobody"))
        let d = try await f.ticket("D", requester: .contact(f.petr.id))
        func numbers(_ query: TicketQuery) async throws -> [TicketNumber] {
            try await f.desk.tickets(matching: query, as: .system).tickets.map(\.number)
        }
        #expect(
            try await numbers(TicketQuery(companyIDs: [f.alpha.id], sort: [TicketSort(.number)])) == [
                a.number, d.number,
            ])
        #expect(try await numbers(TicketQuery(companyIDs: [nil])) == [c.number])
        #expect(try await numbers(TicketQuery(locationIDs: [f.kitchen.id])) == [b.number])
        #expect(try await numbers(TicketQuery(contractIDs: [contract.id])) == [a.number])
        #expect(try await numbers(TicketQuery(assetIDs: [printer.id])) == [a.number])
        let all = [a, b, c, d]
        let sorted = try await numbers(TicketQuery(sort: [TicketSort(.company), TicketSort(.number)]))
        #expect(
            sorted
                == TicketQuery(sort: [TicketSort(.company), TicketSort(.number)]).evaluate(all, workflow: .standard)
                .tickets.map(\.number))
        let alphaPositions = sorted.indices.filter { [a.number, d.number].contains(sorted[$0]) }
        #expect(
            alphaPositions.count == 2 && alphaPositions[1] == alphaPositions[0] + 1,
            "one company's tickets sort together")
    }
}
