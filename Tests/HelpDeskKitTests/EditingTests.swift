import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@Suite("Editing, assignment, watchers and attachments")
struct EditingTests {
    @Test func anUpdateChangesOnlyTheGivenFields() async throws {
        let test = try await TestDesk.make()
        let ticket = try await test.desk.createTicket(
            NewTicket(
                title: "Badge", channel: .phone, categoryID: test.printers.id, requester: .freeText("Ivan"),
                customFields: ["floor": .integer(2), "room": .text("201")]),
            by: .employee(test.anna.id))
        let updated = try await test.desk.updateTicket(
            ticket.id,
            TicketUpdate(
                channel: .email, categoryID: .some(nil), requester: .freeText("Ivan Petrov"),
                customFields: ["floor": nil, "urgent": .flag(true)]),
            by: .employee(test.anna.id))
        #expect(updated.title == "Badge")
        #expect(updated.channel == .email)
        #expect(updated.categoryID == nil)
        #expect(updated.requester == .freeText("Ivan Petrov"))
        #expect(updated.customFields == ["room": .text("201"), "urgent": .flag(true)])
        let event = try #require(try await test.desk.undeliveredEvents(as: .system).last)
        #expect(
            event.event
                == .ticketUpdated(
                    ticket: ticket.id, number: ticket.number,
                    fields: [.channel, .categoryID, .requester, .customFields]))
    }

    @Test func anUpdateThatChangesNothingRecordsNothing() async throws {
        let test = try await TestDesk.make()
        let ticket = try await test.ticket()
        let before = try await test.snapshot()
        let same = try await test.desk.updateTicket(
            ticket.id, TicketUpdate(title: ticket.title), by: .employee(test.anna.id))
        #expect(same == ticket)
        #expect(try await test.snapshot() == before)
    }

    @Test func assignmentNotifiesTheNewAssigneeAndTheGroupOnlyWhileNobodyIsAssigned() async throws {
        let test = try await TestDesk.make()
        let ticket = try await test.ticket()
        _ = try await test.desk.assign(ticket.id, to: nil, group: test.fieldEngineers.id, by: .employee(test.anna.id))
        let toGroup = try #require(try await test.desk.undeliveredEvents(as: .system).last)
        #expect(toGroup.audience.groupIDs == [test.fieldEngineers.id])
        #expect(toGroup.audience.employeeIDs == [])
        _ = try await test.desk.assign(
            ticket.id, to: test.boris.id, group: test.fieldEngineers.id, by: .employee(test.anna.id))
        let toBoris = try #require(try await test.desk.undeliveredEvents(as: .system).last)
        #expect(
            toBoris.event
                == .ticketAssigned(
                    ticket: ticket.id, number: ticket.number, assignee: test.boris.id, group: test.fieldEngineers.id))
        #expect(toBoris.audience.employeeIDs == [test.boris.id])
        #expect(toBoris.audience.groupIDs == [])
        let count = try await test.desk.undeliveredEvents(as: .system).count
        _ = try await test.desk.assign(
            ticket.id, to: test.boris.id, group: test.fieldEngineers.id, by: .employee(test.anna.id))
        #expect(
            try await test.desk.undeliveredEvents(as: .system).count == count,
            "re-assigning to the same people is a no-op")
    }

    @Test func watchersAreAddedOnceAndRemovedQuietlyWhenAbsent() async throws {
        let test = try await TestDesk.make()
        let ticket = try await test.ticket()
        let actor = Performer.employee(test.anna.id)
        let watched = try await test.desk.addWatchers(
            [test.boris.id, test.anna.id, test.boris.id], to: ticket.id, by: actor)
        #expect(watched.watcherIDs == [test.anna.id, test.boris.id].sorted())
        let again = try await test.desk.addWatchers([test.boris.id], to: ticket.id, by: actor)
        #expect(again.revision == watched.revision)
        let removed = try await test.desk.removeWatchers([test.anna.id, test.former.id], from: ticket.id, by: actor)
        #expect(removed.watcherIDs == [test.boris.id])
        let event = try #require(try await test.desk.undeliveredEvents(as: .system).last)
        #expect(
            event.event
                == .watchersChanged(ticket: ticket.id, number: ticket.number, added: [], removed: [test.anna.id]))
        #expect(event.audience.employeeIDs == [test.boris.id], "a watcher hears about every change")
    }

    @Test func filesAttachToTheTicket() async throws {
        let test = try await TestDesk.make()
        let ticket = try await test.ticket()
        let files = [
            try await test.desk.uploadAttachment(
                [UInt8](repeating: 0xbe, count: 120_000), fileName: "scan.pdf", mediaType: "application/pdf",
                by: .client(name: "Ivan Petrov")),
            Attachment(fileName: "photo.heic", mediaType: "image/heic", byteCount: 0, checksum: "md5:00"),
        ]
        let attached = try await test.desk.attach(files, to: ticket.id, by: .client(name: "Ivan Petrov"))
        #expect(attached.attachments == files)
        let audit = try #require(try await test.desk.auditTrail(of: ticket.id, as: .system).last)
        #expect(audit.field == .attachments)
        #expect(audit.newValue == "scan.pdf (application/pdf, 120000 bytes); photo.heic (image/heic, 0 bytes)")
    }

    @Test func aDeactivatedEmployeeCanNoLongerActButKeepsTheirHistory() async throws {
        let test = try await TestDesk.make()
        let ticket = try await test.ticket(category: test.onSite.id)
        _ = try await test.desk.deactivateEmployee(test.boris.id, by: .system)
        await #expect(throws: HelpDeskError.employeeInactive(test.boris.id)) {
            _ = try await test.desk.comment(on: ticket.id, NewComment("Hi"), by: .employee(test.boris.id))
        }
        #expect(try await test.desk.ticket(ticket.id, as: .system).assigneeID == test.boris.id)
        #expect(try await test.desk.employees(as: .system).first { $0.id == test.boris.id }?.isActive == false)
    }
}
