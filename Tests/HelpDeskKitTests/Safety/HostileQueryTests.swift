import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Page bounds of ticket queries saturate: an offset or limit nobody can reach is an empty or a
/// short page, never an arithmetic overflow in the engine, the in-memory table or the reference query.
@Suite("Hostile query bounds")
struct HostileQueryTests {
    /// A desk with three tickets.
    static func desk() async throws -> TestDesk {
        let test = try await TestDesk.make()
        for title in ["One", "Two", "Three"] { try await test.ticket(title) }
        return test
    }

    @Test func anOffsetPastTheEndIsAnEmptyPage() async throws {
        let test = try await Self.desk()
        let deepest = TicketQuery.maximumOffset
        let page = try await test.desk.tickets(matching: TicketQuery(offset: deepest, limit: 1), as: .system)
        #expect(page.tickets.isEmpty)
        #expect(page.totalCount == 3)
        #expect(page.nextOffset == nil)
        for offset in [deepest + 1, .max] {
            await #expect(throws: HelpDeskError.invalidInput(field: "offset", problem: .outOfRange(0...deepest))) {
                try await test.desk.tickets(matching: TicketQuery(offset: offset, limit: 1), as: .system)
            }
        }
        let late = try await test.desk.tickets(
            matching: TicketQuery(offset: deepest - 1, limit: TicketQuery.maximumLimit), as: .system)
        #expect(late.tickets.isEmpty && late.totalCount == 3)
        #expect(try await test.desk.tickets(matching: TicketQuery(offset: 2, limit: 5), as: .system).tickets.count == 1)
    }

    @Test func theStoreQuerySaturatesWhateverTheEngineLetsThrough() async throws {
        let test = try await Self.desk()
        let workflow = test.desk.workflow
        let rest = try await test.store.tickets(matching: TicketQuery(offset: 1, limit: .max), workflow: workflow)
        #expect(rest.tickets.count == 2)
        let none = try await test.store.tickets(matching: TicketQuery(offset: .max, limit: .max), workflow: workflow)
        #expect(none.tickets.isEmpty && none.totalCount == 3)
        let negative = try await test.store.tickets(
            matching: TicketQuery(offset: .min, limit: .min), workflow: workflow)
        #expect(negative.tickets.isEmpty && negative.totalCount == 3)
        let unsorted = TicketQuery(sort: [TicketSort(.title)], offset: .max, limit: .max)
        #expect(try await test.store.tickets(matching: unsorted, workflow: workflow).tickets.isEmpty)
    }

    @Test func theReferenceQuerySaturatesToo() async throws {
        let test = try await Self.desk()
        let tickets = try await test.store.allTickets()
        let workflow = test.desk.workflow
        #expect(TicketQuery(offset: 1, limit: .max).evaluate(tickets, workflow: workflow).tickets.count == 2)
        #expect(TicketQuery(offset: .max, limit: .max).evaluate(tickets, workflow: workflow).tickets.isEmpty)
        #expect(TicketQuery(offset: .min, limit: .min).evaluate(tickets, workflow: workflow).tickets.isEmpty)
    }

    @Test func aPageAtTheLargestOffsetHasNoNextPage() async throws {
        let ticket = try await TestDesk.make().ticket()
        #expect(TicketPage(tickets: [ticket], totalCount: 5, offset: .max).nextOffset == nil)
        #expect(TicketPage(tickets: [ticket], totalCount: 5, offset: 3).nextOffset == 4)
    }
}
