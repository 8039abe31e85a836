import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// A desk with tickets in interesting states, shared by the rejection cases.
struct RejectionFixture: Sendable {
    let test: TestDesk
    let open: Ticket
    let other: Ticket
    let resolved: Ticket
    let closed: Ticket

    var desk: HelpDesk { test.desk }
    var anna: Performer { .employee(test.anna.id) }

    static func make() async throws -> RejectionFixture {
        var configuration = HelpDeskConfiguration(maximumTitleLength: 40, maximumTextLength: 200)
        configuration.ratings = .standard
        let test = try await TestDesk.make(configuration: configuration)
        let open = try await test.ticket("Open")
        let other = try await test.ticket("Other")
        try await test.desk.link(open.id, .related, to: other.id, by: .employee(test.anna.id))
        let resolved = try await test.desk.changeStatus(
            try await test.ticket("Resolved").id, to: .resolved, by: .employee(test.anna.id))
        let closedID = try await test.ticket("Closed").id
        _ = try await test.desk.changeStatus(closedID, to: .resolved, by: .employee(test.anna.id))
        let closed = try await test.desk.changeStatus(closedID, to: .closed, by: .employee(test.anna.id))
        try await RejectionCatalog.prepareLaborAndRatings(test: test, open: open, closed: closed)
        try await RejectionCatalog.prepareBilling(test: test)
        return RejectionFixture(
            test: test, open: try await test.desk.ticket(open.id, as: .system),
            other: try await test.desk.ticket(other.id, as: .system),
            resolved: resolved, closed: closed)
    }
}

/// One command with one invalid input and the error it must produce.
struct RejectionCase: Sendable, CustomStringConvertible {
    let description: String
    let expected: @Sendable (RejectionFixture) -> HelpDeskError
    let run: @Sendable (RejectionFixture) async throws -> Void

    init(
        _ description: String, _ expected: @escaping @Sendable (RejectionFixture) -> HelpDeskError,
        _ run: @escaping @Sendable (RejectionFixture) async throws -> Void
    ) {
        self.description = description
        self.expected = expected
        self.run = run
    }
}

@Suite("A rejected command changes nothing")
struct RejectionTests {
    @Test(
        arguments: RejectionCatalog.ticketCases + RejectionCatalog.conversationCases + RejectionCatalog.directoryCases
            + RejectionCatalog.laborCases + RejectionCatalog.ratingCases + RejectionCatalog.clientCases
            + RejectionCatalog.billingCases + RejectionCatalog.routingCases)
    func rejected(_ rejection: RejectionCase) async throws {
        let fixture = try await RejectionFixture.make()
        let before = try await fixture.test.snapshot()
        await #expect(throws: rejection.expected(fixture)) {
            try await rejection.run(fixture)
        }
        #expect(try await fixture.test.snapshot() == before)
    }

    @Test func anAcknowledgementWithOneUnknownSequenceAcknowledgesNothing() async throws {
        let fixture = try await RejectionFixture.make()
        let before = try await fixture.test.snapshot()
        let last = before.lastEventSequence
        await #expect(throws: HelpDeskError.unknownEventSequence(last + 1)) {
            try await fixture.desk.acknowledgeEvents([1, 2, last + 1], by: .system)
        }
        await #expect(throws: HelpDeskError.unknownEventSequence(0)) {
            try await fixture.desk.acknowledgeEvents([0], by: .system)
        }
        #expect(try await fixture.test.snapshot() == before)
    }

    @Test func invalidQueriesAreTypedErrors() async throws {
        let fixture = try await RejectionFixture.make()
        await #expect(throws: HelpDeskError.invalidInput(field: "limit", problem: .outOfRange(1...1000))) {
            _ = try await fixture.desk.tickets(matching: TicketQuery(limit: 0), as: .system)
        }
        await #expect(throws: HelpDeskError.invalidInput(field: "offset", problem: .negative)) {
            _ = try await fixture.desk.tickets(matching: TicketQuery(offset: -1), as: .system)
        }
        await #expect(throws: HelpDeskError.unknownStatus("nope")) {
            _ = try await fixture.desk.tickets(matching: TicketQuery(statuses: ["nope"]), as: .system)
        }
        await #expect(throws: HelpDeskError.invalidInput(field: "limit", problem: .outOfRange(1...10_000))) {
            _ = try await fixture.desk.undeliveredEvents(limit: 0, as: .system)
        }
    }
}
