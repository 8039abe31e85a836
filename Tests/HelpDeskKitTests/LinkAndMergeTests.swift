import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@Suite("Links and merges")
struct LinkAndMergeTests {
    @Test func linksAreStoredOnBothSides() async throws {
        let test = try await TestDesk.make()
        let parent = try await test.ticket("Office move")
        let child = try await test.ticket("Move printers")
        let related = try await test.ticket("Network in new office")
        let actor = Performer.employee(test.anna.id)
        try await test.desk.link(child.id, .parent, to: parent.id, by: actor)
        try await test.desk.link(parent.id, .related, to: related.id, by: actor)
        #expect(try await test.desk.ticket(child.id, as: .system).links == [TicketLink(.parent, to: parent.id)])
        #expect(
            try await test.desk.ticket(parent.id, as: .system).links
                == [TicketLink(.child, to: child.id), TicketLink(.related, to: related.id)])
        #expect(try await test.desk.ticket(related.id, as: .system).links == [TicketLink(.related, to: parent.id)])

        let linked = try await test.desk.undeliveredEvents(as: .system).map(\.event).filter {
            $0.name == "ticketsLinked"
        }
        #expect(
            linked.prefix(2) == [
                .ticketsLinked(
                    ticket: child.id, number: child.number, kind: .parent, other: parent.id, otherNumber: parent.number),
                .ticketsLinked(
                    ticket: parent.id, number: parent.number, kind: .child, other: child.id, otherNumber: child.number),
            ])

        try await test.desk.unlink(parent.id, from: child.id, by: actor)
        #expect(try await test.desk.ticket(child.id, as: .system).links.isEmpty)
        #expect(try await test.desk.ticket(parent.id, as: .system).links == [TicketLink(.related, to: related.id)])
    }

    @Test func aTicketCannotBecomeItsOwnAncestor() async throws {
        let test = try await TestDesk.make()
        let actor = Performer.employee(test.anna.id)
        let a = try await test.ticket("A")
        let b = try await test.ticket("B")
        let c = try await test.ticket("C")
        try await test.desk.link(b.id, .parent, to: a.id, by: actor)
        try await test.desk.link(c.id, .parent, to: b.id, by: actor)
        let before = try await test.snapshot()
        await #expect(throws: HelpDeskError.linkCycle(a.number, c.number)) {
            try await test.desk.link(a.id, .parent, to: c.id, by: actor)
        }
        await #expect(throws: HelpDeskError.linkCycle(a.number, c.number)) {
            try await test.desk.link(c.id, .child, to: a.id, by: actor)
        }
        await #expect(throws: HelpDeskError.alreadyHasParent(c.number)) {
            try await test.desk.link(a.id, .child, to: c.id, by: actor)
        }
        #expect(try await test.snapshot() == before)
    }

    @Test func mergingMovesTheConversationAndClosesTheDuplicate() async throws {
        let test = try await TestDesk.make()
        let actor = Performer.employee(test.anna.id)
        let original = try await test.ticket("Printer jams")
        let duplicate = try await test.ticket("Printer jams again")
        let file = try await test.desk.uploadAttachment(
            [1, 2, 3, 4, 5], fileName: "jam.jpg", mediaType: "image/jpeg", by: actor)
        _ = try await test.desk.attach([file], to: duplicate.id, by: actor)
        _ = try await test.desk.addWatchers([test.boris.id], to: duplicate.id, by: actor)
        let comment = try await test.desk.comment(
            on: duplicate.id, NewComment("Photo attached"), by: .client(name: "Ivan Petrov"))
        _ = try await test.desk.postpone(duplicate.id, until: TestDesk.start.addingTimeInterval(900), by: actor)

        let merged = try await test.desk.merge(duplicate.id, into: original.id, by: actor)
        #expect(merged.links == [TicketLink(.duplicatedBy, to: duplicate.id)])
        #expect(merged.watcherIDs == [test.boris.id])
        #expect(merged.attachments == [file])
        let moved = try await test.desk.comments(on: original.id, as: .system)
        #expect(moved.map(\.body) == ["Photo attached"])
        #expect(moved.first?.mergedFrom == duplicate.id)
        #expect(moved.first?.author == comment.author)
        #expect(moved.first?.createdAt == comment.createdAt)

        let mergeEvents = try await test.desk.undeliveredEvents(as: .system).filter { $0.event.name == "ticketsMerged" }
        #expect(mergeEvents.count == 2, "raised on the source and on the target")
        #expect(
            mergeEvents.compactMap(\.audience.requester) == [duplicate.requester], "only the source's client is told")

        let closed = try await test.desk.ticket(duplicate.id, as: .system)
        #expect(closed.status == .closed)
        #expect(closed.postponedUntil == nil)
        #expect(closed.links == [TicketLink(.duplicateOf, to: original.id)])
        #expect(
            try await test.desk.tick(now: TestDesk.start.addingTimeInterval(100 * 365 * 86_400)).returnedToWork.isEmpty)
        await #expect(throws: HelpDeskError.ticketLocked(closed.number, status: .closed)) {
            try await test.desk.merge(duplicate.id, into: original.id, by: actor)
        }
    }

    @Test func relatedTicketsMayStillBeMerged() async throws {
        let test = try await TestDesk.make()
        let actor = Performer.employee(test.anna.id)
        let a = try await test.ticket("A")
        let b = try await test.ticket("B")
        try await test.desk.link(a.id, .related, to: b.id, by: actor)
        let merged = try await test.desk.merge(b.id, into: a.id, by: actor)
        #expect(merged.links == [TicketLink(.duplicatedBy, to: b.id)])
    }

    /// Found by the hostile mixed sequence: a watcher who has left was carried onto the target as a
    /// new watcher, so the commit's precondition failed and the merge could never succeed.
    @Test func aWatcherWhoHasLeftIsNotCarriedOver() async throws {
        let test = try await TestDesk.make()
        let actor = Performer.employee(test.anna.id)
        let a = try await test.ticket("A")
        let b = try await test.ticket("B")
        _ = try await test.desk.addWatchers([test.boris.id, test.anna.id], to: b.id, by: actor)
        _ = try await test.desk.deactivateEmployee(test.boris.id, by: .system)
        let merged = try await test.desk.merge(b.id, into: a.id, by: actor)
        #expect(merged.watcherIDs == [test.anna.id])
        #expect(try await test.desk.ticket(b.id, as: actor).watcherIDs.contains(test.boris.id))
    }
}
