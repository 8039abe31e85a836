import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Issue #18: one person may be an employee and also a contact of a client company (Zammad #1715
/// lets an agent be a customer nowhere). The performer says which hat they wear: as a contact they
/// see only their portal scope, as an employee what their roles allow, and neither leaks into the other.
@Suite("A person who is both an employee and a client's contact")
struct EmployeeAlsoClientTests {
    @Test func eachIdentitySeesWhatItMayAndNoMore() async throws {
        let test = try await TestDesk.make()
        let desk = test.desk
        let client = try await desk.addCompany(NewCompany(name: "Anna's Bakery"), by: .system)
        let other = try await desk.addCompany(NewCompany(name: "Other Client"), by: .system)
        // Anna the dispatcher also owns a bakery that buys support from the desk.
        let annaAsClient = try await desk.addContact(
            NewContact(companyID: client.id, name: test.anna.name, email: "anna@bakery.example"), by: .system)
        let own = try await desk.createTicket(
            NewTicket(title: "Bakery till is down", channel: .portal, requester: .contact(annaAsClient.id)),
            by: .contact(annaAsClient.id))
        let foreign = try await desk.createTicket(
            NewTicket(title: "Other client's request", channel: .email, requester: .freeText("Bob"), companyID: other.id),
            by: .system)
        _ = try await desk.comment(
            on: own.id, NewComment("Internal: her contract lapses soon.", visibility: .internal), by: .system)

        let asClient = Performer.contact(annaAsClient.id)
        let asEmployee = Performer.employee(test.anna.id)
        let clientList = try await desk.tickets(matching: TicketQuery(), as: asClient)
        #expect(clientList.tickets.map(\.id) == [own.id])
        #expect(try await desk.comments(on: own.id, as: asClient).allSatisfy { $0.visibility == .public })
        await #expect(throws: HelpDeskError.ticketNotFound(foreign.id)) { try await desk.ticket(foreign.id, as: asClient) }

        let staffList = try await desk.tickets(matching: TicketQuery(), as: asEmployee)
        #expect(Set(staffList.tickets.map(\.id)) == [own.id, foreign.id])
        #expect(try await desk.comments(on: own.id, as: asEmployee).contains { $0.visibility == .internal })
    }
}
