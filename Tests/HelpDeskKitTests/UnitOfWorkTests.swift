import Foundation
import HelpDeskTestSupport
import Testing

@testable import HelpDeskKit

/// The unit of work's ticket-write bookkeeping, below and above the size where it starts an index.
@Suite("Unit of work")
struct UnitOfWorkTests {
    @Test(arguments: [1, 15, 16, 40])
    func writesAreFoundAndReplacedInOrder(count: Int) {
        let tickets = TicketFixtures(seed: 4).tickets(count: count, seed: 4)
        var work = UnitOfWork()
        for ticket in tickets { work.save(ticket, expectedRevision: nil) }
        var edited = tickets[count / 2]
        edited.title = "Edited"
        work.save(edited, expectedRevision: nil)

        #expect(work.ticketWrites.count == count)
        #expect(tickets.allSatisfy { work.writesTicket($0.id) })
        let stranger = TicketFixtures(seed: 5).tickets(count: 1, seed: 99)[0]
        #expect(!work.writesTicket(stranger.id))
        #expect(work.ticketWrites.map(\.ticket.id) == tickets.map(\.id))
        #expect(work.ticketWrites[count / 2].ticket.title == "Edited")
    }
}
