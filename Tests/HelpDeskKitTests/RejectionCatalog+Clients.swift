import Foundation
import HelpDeskKit
import HelpDeskTestSupport

extension RejectionCatalog {
    private typealias C = ClientRejectionFixture

    /// Client-directory commands with bad input. Each runs on a ``ClientRejectionFixture`` desk,
    /// which checks that its own store is unchanged (the shared ``RejectionFixture`` is untouched).
    static let clientCases: [RejectionCase] = [
        clientCase("company: unknown SLA policy", .unknownSLAPolicy("platinum")) { c in
            _ = try await c.desk.addCompany(NewCompany(name: "New", slaPolicyID: "platinum"), by: .system)
        },
        clientCase("company: delete with tickets", .companyHasTickets(C.alpha, count: 1)) { c in
            try await c.desk.deleteCompany(C.alpha, by: .system)
        },
        clientCase("company: delete unknown", .companyNotFound(C.unknownCompany)) { c in
            try await c.desk.deleteCompany(C.unknownCompany, by: .system)
        },
        clientCase("location: unknown company", .companyNotFound(C.unknownCompany)) { c in
            _ = try await c.desk.addLocation(NewLocation(companyID: C.unknownCompany, name: "Nowhere"), by: .system)
        },
        clientCase("contact: location of another company", .crossCompanyLink(.location(C.kitchen), expected: C.alpha)) {
            c in
            _ = try await c.desk.addContact(
                NewContact(companyID: C.alpha, locationID: C.kitchen, name: "Lost"), by: .system)
        },
        clientCase(
            "contact: update to a location of another company",
            .crossCompanyLink(.location(C.kitchen), expected: C.alpha)
        ) { c in
            _ = try await c.desk.updateContact(
                C.ivan, ContactUpdate(locationID: C.kitchen, position: "Chef"), by: .system)
        },
        clientCase("contact: duplicate email, other case", .duplicateEmail("IVAN@alpha.example")) { c in
            _ = try await c.desk.addContact(
                NewContact(companyID: C.beta, name: "Ivan 2", email: "IVAN@alpha.example"), by: .system)
        },
        clientCase("contact: update to a taken email", .duplicateEmail("Ivan@Alpha.example")) { c in
            _ = try await c.desk.updateContact(
                C.petr, ContactUpdate(email: "Ivan@Alpha.example", mayFileTickets: true), by: .system)
        },
        clientCase("contact: unknown company", .companyNotFound(C.unknownCompany)) { c in
            _ = try await c.desk.addContact(NewContact(companyID: C.unknownCompany, name: "X"), by: .system)
        },
        clientCase("contact: unknown location", .locationNotFound(C.unknownLocation)) { c in
            _ = try await c.desk.addContact(
                NewContact(companyID: C.alpha, locationID: C.unknownLocation, name: "X"), by: .system)
        },
        clientCase("contact: update unknown", .contactNotFound(C.unknownContact)) { c in
            _ = try await c.desk.updateContact(C.unknownContact, ContactUpdate(isActive: false), by: .system)
        },
        clientCase("contract: end before start", .invalidInput(field: "endsAt", problem: .notAfterStart)) { c in
            _ = try await c.desk.addContract(
                NewContract(companyID: C.alpha, number: "N-1", startsAt: C.day(5), endsAt: C.day(1)), by: .system)
        },
        clientCase("contract: duplicate number, other case", .duplicateContractNumber("a-1")) { c in
            _ = try await c.desk.addContract(
                NewContract(companyID: C.beta, number: "a-1", startsAt: C.day(0)), by: .system)
        },
        clientCase("contract: unknown SLA policy", .unknownSLAPolicy("platinum")) { c in
            _ = try await c.desk.addContract(
                NewContract(companyID: C.alpha, number: "N-1", startsAt: C.day(0), slaPolicyID: "platinum"), by: .system
            )
        },
        clientCase(
            "contract: covers another company's location", .crossCompanyLink(.location(C.kitchen), expected: C.alpha)
        ) { c in
            _ = try await c.desk.addContract(
                NewContract(
                    companyID: C.alpha, number: "N-1", startsAt: C.day(0), coveredLocationIDs: [C.office, C.kitchen]),
                by: .system)
        },
        clientCase("contract: unknown company", .companyNotFound(C.unknownCompany)) { c in
            _ = try await c.desk.addContract(
                NewContract(companyID: C.unknownCompany, number: "N-1", startsAt: C.day(0)), by: .system)
        },
        clientCase("contract: unknown manager", .employeeNotFound(unknownEmployee)) { c in
            _ = try await c.desk.addContract(
                NewContract(companyID: C.alpha, number: "N-1", startsAt: C.day(0), managerID: unknownEmployee),
                by: .system)
        },
        clientCase("contract: invalid status move", .contractTransitionNotAllowed(from: .ended, to: .active)) { c in
            _ = try await c.desk.changeContractStatus(C.endedContract, to: .active, by: .system)
        },
        clientCase("contract: status of an unknown contract", .contractNotFound(C.unknownContract)) { c in
            _ = try await c.desk.changeContractStatus(C.unknownContract, to: .ended, by: .system)
        },
        clientCase("period: overlaps another of the contract", .overlappingServicePeriod(C.period)) { c in
            _ = try await c.desk.addServicePeriod(
                to: C.contract, NewServicePeriod(startsAt: C.day(29), endsAt: C.day(59), fee: ClientFixture.rub(1)),
                by: .system)
        },
        clientCase("period: end before start", .invalidInput(field: "endsAt", problem: .notAfterStart)) { c in
            _ = try await c.desk.addServicePeriod(
                to: C.contract, NewServicePeriod(startsAt: C.day(60), endsAt: C.day(60), fee: ClientFixture.rub(1)),
                by: .system)
        },
        clientCase("period: negative fee", .invalidInput(field: "fee", problem: .negative)) { c in
            _ = try await c.desk.addServicePeriod(
                to: C.contract, NewServicePeriod(startsAt: C.day(30), endsAt: C.day(60), fee: ClientFixture.rub(-1)),
                by: .system)
        },
        clientCase(
            "period: rounding step out of range",
            .invalidInput(field: "laborRoundingStepMinutes", problem: .outOfRange(1...480))
        ) { c in
            _ = try await c.desk.addServicePeriod(
                to: C.contract,
                NewServicePeriod(
                    startsAt: C.day(30), endsAt: C.day(60), fee: ClientFixture.rub(1), laborRoundingStepMinutes: 0),
                by: .system)
        },
        clientCase("period: unknown contract", .contractNotFound(C.unknownContract)) { c in
            _ = try await c.desk.addServicePeriod(
                to: C.unknownContract,
                NewServicePeriod(startsAt: C.day(30), endsAt: C.day(60), fee: ClientFixture.rub(1)), by: .system)
        },
        clientCase("period: mark an unknown period paid", .servicePeriodNotFound(C.unknownPeriod)) { c in
            _ = try await c.desk.markServicePeriodPaid(C.unknownPeriod, of: C.contract, by: .system)
        },
        clientCase("asset: duplicate serial of one model, other case", .duplicateSerialNumber("sn-1")) { c in
            _ = try await c.desk.addAsset(
                NewAsset(modelID: C.printer, serialNumber: "sn-1", locationID: C.kitchen, inServiceSince: C.day(0)),
                by: .system)
        },
        clientCase("asset: unknown model", .assetModelNotFound(C.unknownModel)) { c in
            _ = try await c.desk.addAsset(
                NewAsset(modelID: C.unknownModel, serialNumber: "X", locationID: C.office, inServiceSince: C.day(0)),
                by: .system)
        },
        clientCase("asset: unknown location", .locationNotFound(C.unknownLocation)) { c in
            _ = try await c.desk.addAsset(
                NewAsset(
                    modelID: C.printer, serialNumber: "X", locationID: C.unknownLocation, inServiceSince: C.day(0)),
                by: .system)
        },
        clientCase("asset: contract of another company", .crossCompanyLink(.contract(C.contract), expected: C.beta)) {
            c in
            _ = try await c.desk.addAsset(
                NewAsset(
                    modelID: C.printer, serialNumber: "X", locationID: C.kitchen, contractID: C.contract,
                    inServiceSince: C.day(0)), by: .system)
        },
        clientCase("asset: history of an unknown asset", .assetNotFound(C.unknownAsset)) { c in
            _ = try await c.desk.history(of: C.unknownAsset, as: .system)
        },
        clientCase("ticket: location of another company", .crossCompanyLink(.location(C.kitchen), expected: C.alpha)) {
            c in
            _ = try await c.desk.createTicket(
                NewTicket(title: "X", channel: .phone, requester: .contact(C.ivan), locationID: C.kitchen), by: c.anna)
        },
        clientCase("ticket: unknown company", .companyNotFound(C.unknownCompany)) { c in
            _ = try await c.desk.createTicket(
                NewTicket(title: "X", channel: .phone, requester: .freeText("Caller"), companyID: C.unknownCompany),
                by: c.anna)
        },
        clientCase("ticket: unknown contract", .contractNotFound(C.unknownContract)) { c in
            _ = try await c.desk.createTicket(
                NewTicket(title: "X", channel: .phone, requester: .freeText("Caller"), contractID: C.unknownContract),
                by: c.anna)
        },
        clientCase("ticket: unknown asset", .assetNotFound(C.unknownAsset)) { c in
            _ = try await c.desk.createTicket(
                NewTicket(
                    title: "X", channel: .phone, requester: .contact(C.ivan), assetIDs: [C.asset, C.unknownAsset]),
                by: c.anna)
        },
        clientCase("ticket: portal filing by a contact who may not file", .contactMayNotFileTickets(C.petr)) { c in
            _ = try await c.desk.createTicket(
                NewTicket(title: "X", channel: .portal, requester: .contact(C.petr)), by: .contact(C.petr))
        },
        clientCase("ticket: inactive contact as requester", .contactInactive(C.fyodor)) { c in
            _ = try await c.desk.createTicket(
                NewTicket(title: "X", channel: .phone, requester: .contact(C.fyodor)), by: c.anna)
        },
        clientCase("ticket: update links across companies", .crossCompanyLink(.location(C.kitchen), expected: C.alpha))
        { c in
            _ = try await c.desk.updateTicket(
                c.ticket.id, TicketUpdate(title: "Moved", locationID: C.kitchen), by: c.anna)
        },
        clientCase("ticket: update to an unknown asset", .assetNotFound(C.unknownAsset)) { c in
            _ = try await c.desk.updateTicket(c.ticket.id, TicketUpdate(assetIDs: [C.unknownAsset]), by: c.anna)
        },
    ]

    private static func clientCase(
        _ description: String, _ expected: HelpDeskError,
        _ command: @escaping @Sendable (ClientRejectionFixture) async throws -> Void
    ) -> RejectionCase {
        RejectionCase("clients: " + description, { _ in expected }) { _ in
            try await ClientRejectionFixture.reject(command)
        }
    }
}
