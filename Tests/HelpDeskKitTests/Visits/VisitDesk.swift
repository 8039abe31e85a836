import Foundation
import HelpDeskKit
import HelpDeskTestSupport

/// The visits tests' desk: Northwind (Moscow) with its main office, Olga who files and Carl who
/// is copied, a ticket of theirs, and Beta's site for cross-company refusals.
struct VisitDesk {
    let test: TestDesk
    let northwind: Company
    let office: Location
    let olga: Contact
    let carl: Contact
    let ticket: Ticket
    let betaSite: Location

    var desk: HelpDesk { test.desk }
    var anna: Performer { .employee(test.anna.id) }

    /// Tuesday 3 March 2026, 10:00 in Moscow (07:00 UTC).
    static let tuesdayTen = TestDesk.start.addingTimeInterval(22 * 3_600)

    static func make(
        configuration: HelpDeskConfiguration = HelpDeskConfiguration(), seed: UInt64 = 42, secret: String = ""
    ) async throws -> VisitDesk {
        let test = try await TestDesk.make(configuration: configuration, seed: seed)
        let desk = test.desk
        let northwind = try await desk.addCompany(
            NewCompany(name: "Northwind", registration: ["INN": "\(secret)7701"], notes: "\(secret) pays late"),
            by: .system)
        let office = try await desk.addLocation(
            NewLocation(
                companyID: northwind.id, name: "Main office", address: "\(secret) back door code 4711",
                timeZoneIdentifier: "Europe/Moscow"), by: .system)
        let olga = try await desk.addContact(
            NewContact(
                companyID: northwind.id, locationID: office.id, name: "Olga Smirnova", position: "\(secret) buyer",
                email: "olga@northwind.example", phone: "+7 \(secret) 555"), by: .system)
        let carl = try await desk.addContact(
            NewContact(companyID: northwind.id, name: "Carl Colleague", email: "carl@northwind.example"), by: .system)
        let ticket = try await desk.createTicket(
            NewTicket(
                title: "Printer needs maintenance", channel: .phone, requester: .contact(olga.id),
                companyID: northwind.id,
                locationID: office.id, ccContactIDs: [carl.id]), by: .employee(test.anna.id))
        let beta = try await desk.addCompany(NewCompany(name: "Beta"), by: .system)
        let betaSite = try await desk.addLocation(NewLocation(companyID: beta.id, name: "Beta site"), by: .system)
        return VisitDesk(
            test: test, northwind: northwind, office: office, olga: olga, carl: carl, ticket: ticket, betaSite: betaSite
        )
    }

    /// Boris at the main office on Tuesday at 10:00 Moscow time plus `hours`, for `minutes`.
    func request(hours: Double = 0, minutes: Int = 90, crew: [EmployeeID]? = nil) -> VisitRequest {
        VisitRequest(
            start: Self.tuesdayTen.addingTimeInterval(hours * 3_600), durationMinutes: minutes,
            employeeIDs: crew ?? [test.boris.id], locationID: office.id)
    }

    /// The events committed since `sequence`, and the new last sequence.
    func events(after sequence: UInt64) async throws -> [OutboxEvent] {
        try await desk.undeliveredEvents(limit: 10_000, as: .system).filter { $0.sequence > sequence }
    }
}
