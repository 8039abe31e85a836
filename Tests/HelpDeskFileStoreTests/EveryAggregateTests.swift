import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing
import WorkingTime

@testable import HelpDeskFileStore

/// Every kind of record the desk keeps survives close and reopen, from the journal and from a snapshot.
@Suite("Every aggregate survives reopening")
struct EveryAggregateTests {
    static func configuration() throws -> HelpDeskConfiguration {
        let policy = SLAPolicy(
            id: "round-the-clock", name: "24x7", calendar: .twentyFourSeven(),
            targets: [.normal: SLATargets(reaction: .hours(1), resolution: .hours(8))])
        return HelpDeskConfiguration(
            sla: try SLAConfiguration(policies: [policy], defaultPolicyID: "round-the-clock"),
            ratings: try RatingConfiguration())
    }

    /// Writes one of everything: client directory, equipment, a linked ticket with SLA clocks,
    /// comments, time, rates, a rating, outbox events (half acknowledged).
    static func populate(_ store: FileStore) async throws {
        let test = try await TestDesk.make(store: store, configuration: configuration())
        let desk = test.desk
        let company = try await desk.addCompany(
            NewCompany(name: "Acme", registration: ["INN": "7701234567"]), by: .system)
        let office = try await desk.addLocation(
            NewLocation(companyID: company.id, name: "Head office", address: "Tverskaya 1"), by: .system)
        let contact = try await desk.addContact(
            NewContact(companyID: company.id, locationID: office.id, name: "Ivan", email: "ivan@acme.example"),
            by: .system)
        let contract = try await desk.addContract(
            NewContract(companyID: company.id, number: "C-1", startsAt: TestDesk.start.addingTimeInterval(-86_400)),
            by: .system)
        _ = try await desk.addServicePeriod(
            to: contract.id,
            NewServicePeriod(
                startsAt: TestDesk.start.addingTimeInterval(-86_400),
                endsAt: TestDesk.start.addingTimeInterval(29 * 86_400),
                fee: Money(minorUnits: 5_000_000, currency: .rub), includedLaborMinutes: 600), by: .system)
        let model = try await desk.addAssetModel(name: "LaserJet M428", kind: "printer", by: .system)
        let printer = try await desk.addAsset(
            NewAsset(modelID: model.id, serialNumber: "PHB1234", locationID: office.id, inServiceSince: TestDesk.start),
            by: .system)
        let ticket = try await desk.createTicket(
            NewTicket(title: "Printer jams", channel: .portal, requester: .contact(contact.id), assetIDs: [printer.id]),
            by: .contact(contact.id))
        _ = try await desk.comment(on: ticket.id, NewComment("On it"), by: .employee(test.anna.id))
        _ = try await desk.setEmployeeRate(
            test.anna.id, validFrom: try LocalDate(year: 2026, month: 1, day: 1),
            hourlyCost: Money(minorUnits: 150_000, currency: .rub), by: .system)
        _ = try await desk.logTime(
            on: ticket.id, NewTimeEntry(workDate: try LocalDate(year: 2026, month: 3, day: 2), minutes: 25),
            by: .employee(test.anna.id))
        _ = try await desk.changeStatus(ticket.id, to: .resolved, by: .employee(test.anna.id))
        let request = try #require(try await desk.ratingRequests(of: ticket.id, as: .system).first)
        _ = try await desk.rate(token: request.token, score: 5, comment: "Fast")
        let events = try await desk.undeliveredEvents(limit: 1_000, as: .system)
        try await desk.acknowledgeEvents(events.prefix(events.count / 2).map(\.sequence), by: .system)
    }

    @Test(arguments: [false, true])
    func everyAggregateSurvives(snapshotFirst: Bool) async throws {
        let directory = freshDirectory("every-aggregate")
        defer { removeDirectory(directory) }
        let store = try await FileStore.open(at: directory)
        try await Self.populate(store)
        if snapshotFirst { try await store.snapshot() }
        let before = try await StoreSnapshot.capture(store)
        let image = try store.image()
        #expect(!image.clients.contracts.isEmpty && !image.labor.timeEntries.isEmpty && !image.ratings.ratings.isEmpty)
        await store.close()

        let reopened = try await FileStore.open(at: directory)
        #expect(try await StoreSnapshot.capture(reopened) == before)
        #expect(try reopened.image() == image)
        await reopened.close()
    }
}
