import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@Suite("Ticket queries")
struct QueryTests {
    /// An in-memory store holding `tickets`, inserted in one unit of work.
    static func store(holding tickets: [Ticket]) async throws -> InMemoryStore {
        let store = InMemoryStore()
        var work = UnitOfWork()
        for ticket in tickets { work.save(ticket, expectedRevision: nil) }
        try await store.commit(work)
        return store
    }

    /// 100,000 seeded tickets: the in-memory column scan agrees with the brute-force reference,
    /// both when the tickets were committed one table insert at a time and when the table was
    /// bulk-loaded from an image (its lookup, titles and columns built concurrently).
    @Test(arguments: [false, true])
    func hundredThousandTicketsAgreeWithTheReference(bulkLoaded: Bool) async throws {
        let fixtures = TicketFixtures(seed: 100)
        let tickets = fixtures.tickets(count: 100_000, seed: 101)
        var image = StoreImage()
        image.tickets = tickets
        let store = bulkLoaded ? InMemoryStore(image: image) : try await Self.store(holding: tickets)
        var random = SplitMix64(seed: 102)
        for round in 0..<16 {
            var query = fixtures.query(using: &random, ticketCount: tickets.count)
            if round % 4 == 0 { query.offset = Int(random.next() % 60_000) }
            let expected = query.evaluate(tickets, workflow: .standard)
            let actual = try await store.tickets(matching: query, workflow: .standard)
            #expect(actual == expected, "round \(round): \(query)")
        }
        for ticket in tickets.prefix(1_000) {
            #expect(try await store.ticket(ticket.id) == ticket)
            #expect(try await store.ticket(number: ticket.number) == ticket)
        }
        #expect(try await store.lastTicketNumber() == tickets.map(\.number).max())
    }

    @Test func pagesTileTheResultWithoutGapsOrOverlaps() async throws {
        let tickets = TicketFixtures(seed: 103).tickets(count: 2_000, seed: 104)
        let store = try await Self.store(holding: tickets)
        var query = TicketQuery(
            statusCategories: [.new, .open, .waiting], sort: [TicketSort(.priority, .descending)], limit: 37)
        var seen: [TicketNumber] = []
        while true {
            let page = try await store.tickets(matching: query, workflow: .standard)
            seen += page.tickets.map(\.number)
            guard let next = page.nextOffset else { break }
            query.offset = next
        }
        let all = query.evaluate(tickets, workflow: .standard).totalCount
        #expect(seen.count == all)
        #expect(Set(seen).count == all)
    }

    @Test func titleSearchIgnoresCaseAcrossScripts() async throws {
        let test = try await TestDesk.make()
        let cyrillic = try await test.ticket("Не печатает ПРИНТЕР в бухгалтерии")
        let greek = try await test.ticket("ΣΦΑΛΜΑ δικτύου")
        _ = try await test.ticket("Printer offline")
        let found = try await test.desk.tickets(matching: TicketQuery(titleContains: "принтер"), as: .system)
        #expect(found.tickets.map(\.id) == [cyrillic.id])
        let sigma = try await test.desk.tickets(
            matching: TicketQuery(titleContains: "σφάλμα".replacingOccurrences(of: "ά", with: "α")), as: .system)
        #expect(sigma.tickets.map(\.id) == [greek.id])
        let sorted = try await test.desk.tickets(matching: TicketQuery(sort: [TicketSort(.title)]), as: .system)
        #expect(sorted.tickets.map(\.title).first == "Printer offline")
    }

    @Test func theEngineFiltersByStatusCategoryAndAssignee() async throws {
        let test = try await TestDesk.make()
        let repair = try await test.ticket("Repair", category: test.onSite.id)
        let queued = try await test.ticket("Queue", category: test.printers.id)
        _ = try await test.desk.changeStatus(queued.id, to: .inProgress, by: .employee(test.anna.id))
        let resolved = try await test.ticket("Done")
        _ = try await test.desk.changeStatus(resolved.id, to: .resolved, by: .employee(test.anna.id))

        let active = try await test.desk.tickets(
            matching: TicketQuery(statusCategories: [.new, .open], sort: [TicketSort(.number)]), as: .system)
        #expect(active.tickets.map(\.id) == [repair.id, queued.id])
        let unassigned = try await test.desk.tickets(
            matching: TicketQuery(assigneeIDs: [nil], sort: [TicketSort(.number)]), as: .system)
        #expect(unassigned.tickets.map(\.id) == [queued.id, resolved.id])
        let boris = try await test.desk.tickets(matching: TicketQuery(assigneeIDs: [test.boris.id]), as: .system)
        #expect(boris.tickets.map(\.id) == [repair.id])
        #expect(boris.nextOffset == nil)
    }
}
