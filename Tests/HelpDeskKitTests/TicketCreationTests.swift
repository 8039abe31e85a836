import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@Suite("Creating tickets")
struct TicketCreationTests {
    @Test func numbersAreSequentialFromTheConfiguredStart() async throws {
        let test = try await TestDesk.make(configuration: HelpDeskConfiguration(firstTicketNumber: 1042))
        let first = try await test.ticket("One")
        let second = try await test.ticket("Two")
        #expect(first.number == TicketNumber(1042))
        #expect(second.number == TicketNumber(1043))
        #expect(first.number.description == "#1042")
        #expect(try await test.desk.ticket(number: TicketNumber(1043), as: .system).id == second.id)
    }

    @Test func aNewTicketHasTheInitialStatusAndEveryGivenField() async throws {
        let test = try await TestDesk.make()
        let file = try await test.desk.uploadAttachment(
            [UInt8](repeating: 0xff, count: 1_024), fileName: "photo.png", mediaType: "image/png", by: .system)
        let ticket = try await test.desk.createTicket(
            NewTicket(
                title: "Camera offline", description: "Entrance camera shows nothing", channel: .messenger,
                categoryID: test.printers.id, priority: .high, requester: .freeText("Guard"),
                assigneeID: test.anna.id, groupID: test.serviceDesk.id, watcherIDs: [test.boris.id, test.boris.id],
                attachments: [file], customFields: ["site": .text("Main gate")]),
            by: .employee(test.anna.id))
        #expect(ticket.status == .new)
        #expect(ticket.channel == .messenger)
        #expect(ticket.priority == .high)
        #expect(ticket.watcherIDs == [test.boris.id])
        #expect(ticket.attachments == [file])
        #expect(ticket.customFields == ["site": .text("Main gate")])
        #expect(ticket.createdAt == TestDesk.start)
        #expect(ticket.updatedAt == TestDesk.start)
        #expect(ticket.revision == 1)
        #expect(try await test.desk.ticket(ticket.id, as: .system) == ticket)
    }

    @Test func theCategoryRoutesATicketNobodyWasGiven() async throws {
        let test = try await TestDesk.make()
        let printer = try await test.ticket(category: test.printers.id)
        #expect(printer.assigneeID == nil)
        #expect(printer.groupID == test.serviceDesk.id)
        let repair = try await test.ticket(category: test.onSite.id)
        #expect(repair.assigneeID == test.boris.id)
        #expect(repair.groupID == test.fieldEngineers.id)
        let explicit = try await test.desk.createTicket(
            NewTicket(
                title: "Explicit", channel: .phone, categoryID: test.onSite.id, requester: .freeText("Ivan"),
                groupID: test.serviceDesk.id),
            by: .employee(test.anna.id))
        #expect(explicit.assigneeID == nil)
        #expect(explicit.groupID == test.serviceDesk.id)
    }

    @Test func creationIsAuditedAndAnnounced() async throws {
        let test = try await TestDesk.make()
        let ticket = try await test.ticket(category: test.onSite.id)
        let audit = try await test.desk.auditTrail(of: ticket.id, as: .system)
        #expect(audit.map(\.field) == [.created])
        #expect(audit.first?.newValue == ticket.number.description)
        #expect(audit.first?.performer == .employee(test.anna.id))
        let events = try await test.desk.undeliveredEvents(as: .system)
        // The engineer hears of the ticket; the client who wrote in gets a receipt of their own.
        #expect(events.map(\.event.name) == ["ticketCreated", "noticeSent"])
        #expect(events.first?.audience.employeeIDs == [test.boris.id])
        #expect(events.first?.audience.requester == .freeText("Ivan Petrov"))
        #expect(events.last?.audience == Audience(requester: .freeText("Ivan Petrov")))
    }

    @Test func aClientMayRegisterATicketThroughThePortal() async throws {
        let test = try await TestDesk.make()
        let company = try await test.desk.addCompany(NewCompany(name: "Acme"), by: .system)
        let contact = try await test.desk.addContact(
            NewContact(companyID: company.id, name: "Ivan", email: "ivan@acme.example"), by: .system
        ).id
        let ticket = try await test.desk.createTicket(
            NewTicket(title: "Need a new badge", channel: .portal, requester: .contact(contact)),
            by: .contact(contact))
        #expect(ticket.requester == .contact(contact))
        #expect(ticket.companyID == company.id, "the contact's company is filled in")
        let event = try #require(try await test.desk.undeliveredEvents(as: .system).first)
        #expect(event.audience.requester == nil, "the client who filed it is not notified of their own action")
    }
}
