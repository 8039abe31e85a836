import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@Suite("Idempotent commands")
struct IdempotencyTests {
    static let request = NewTicket(title: "Printer jams", channel: .email, requester: .freeText("Ivan Petrov"))

    @Test func aRepeatReturnsTheFirstResultAndCommitsNothing() async throws {
        let test = try await TestDesk.make()
        let anna = Performer.employee(test.anna.id)
        let first = try await test.desk.createTicket(Self.request, by: anna, idempotencyKey: "req-1")
        let after = try await test.snapshot()
        test.clock.advance(by: 60)
        let again = try await test.desk.createTicket(Self.request, by: anna, idempotencyKey: "req-1")
        #expect(again == first)
        #expect(try await test.snapshot() == after, "the repeat changed the store")
        let comment = try await test.desk.comment(on: first.id, NewComment("On it"), by: anna, idempotencyKey: "req-2")
        let repeated = try await test.desk.comment(on: first.id, NewComment("On it"), by: anna, idempotencyKey: "req-2")
        #expect(repeated == comment)
        #expect(try await test.desk.comments(on: first.id, as: anna).count == 1)
    }

    @Test func theSameKeyWithOtherInputOrAnotherCommandIsRefused() async throws {
        let test = try await TestDesk.make()
        let anna = Performer.employee(test.anna.id)
        let ticket = try await test.desk.createTicket(Self.request, by: anna, idempotencyKey: "req-1")
        let before = try await test.snapshot()
        var other = Self.request
        other.title = "Scanner jams"
        await #expect(throws: HelpDeskError.idempotencyKeyReused("req-1")) {
            _ = try await test.desk.createTicket(other, by: anna, idempotencyKey: "req-1")
        }
        await #expect(throws: HelpDeskError.idempotencyKeyReused("req-1")) {
            _ = try await test.desk.createTicket(Self.request, by: .employee(test.boris.id), idempotencyKey: "req-1")
        }
        await #expect(throws: HelpDeskError.idempotencyKeyReused("req-1")) {
            _ = try await test.desk.changeStatus(ticket.id, to: .inProgress, by: anna, idempotencyKey: "req-1")
        }
        #expect(try await test.snapshot() == before)
        #expect(HelpDeskError.idempotencyKeyReused("req-1").code == .invalidInput)
    }

    @Test(arguments: ["", String(repeating: "k", count: 201), "bad\u{7}key"])
    func malformedKeysAreRefused(_ key: String) async throws {
        let test = try await TestDesk.make()
        let before = try await test.snapshot()
        do {
            _ = try await test.desk.createTicket(
                Self.request, by: .employee(test.anna.id), idempotencyKey: IdempotencyKey(key))
            Issue.record("a malformed key was accepted")
        } catch {
            #expect(error.field == "idempotencyKey")
        }
        #expect(try await test.snapshot() == before)
    }

    @Test func keysExpireAfterTheHorizonAndTickForgetsThem() async throws {
        let test = try await TestDesk.make(configuration: HelpDeskConfiguration(idempotencyHorizon: 3_600))
        let anna = Performer.employee(test.anna.id)
        let first = try await test.desk.createTicket(Self.request, by: anna, idempotencyKey: "req-1")
        test.clock.advance(by: 3_599)
        #expect(try await test.desk.createTicket(Self.request, by: anna, idempotencyKey: "req-1") == first)
        try await test.desk.tick(now: test.clock.clock.now())
        #expect(
            try await #require(try test.store.feature((any IdempotencyRepository).self)).idempotencyRecord("req-1")
                != nil, "swept before its horizon")
        test.clock.advance(by: 1)
        // Expired but not yet swept: the key works as a new one.
        let second = try await test.desk.createTicket(Self.request, by: anna, idempotencyKey: "req-1")
        #expect(second.number.rawValue == first.number.rawValue + 1)
        test.clock.advance(by: 3_600)
        try await test.desk.tick(now: test.clock.clock.now())
        #expect(
            try await #require(try test.store.feature((any IdempotencyRepository).self)).idempotencyRecord("req-1")
                == nil)
        #expect(
            try await #require(try test.store.feature((any IdempotencyRepository).self)).idempotencyKeys(
                expiringBy: .distantFuture, limit: 10
            ).isEmpty)
    }

    @Test func concurrentCallsWithOneKeyCommitOnce() async throws {
        let test = try await TestDesk.make()
        let anna = Performer.employee(test.anna.id)
        let results = try await withThrowingTaskGroup(of: Ticket.self) { group in
            for _ in 0..<16 {
                group.addTask { try await test.desk.createTicket(Self.request, by: anna, idempotencyKey: "req-1") }
            }
            return try await group.reduce(into: [Ticket]()) { $0.append($1) }
        }
        #expect(Set(results.map(\.id)).count == 1)
        #expect(try await test.store.allTickets().count == 1)
        #expect(try await test.desk.undeliveredEvents(as: .system).map(\.event.name) == ["ticketCreated", "noticeSent"])
    }

    @Test func commandsWithoutAValueRepeatToo() async throws {
        let test = try await TestDesk.make()
        let anna = Performer.employee(test.anna.id)
        let a = try await test.ticket("A")
        let b = try await test.ticket("B")
        try await test.desk.link(a.id, .related, to: b.id, by: anna, idempotencyKey: "link-1")
        let after = try await test.snapshot()
        try await test.desk.link(a.id, .related, to: b.id, by: anna, idempotencyKey: "link-1")
        #expect(try await test.snapshot() == after, "without the key the repeat would fail as alreadyLinked")
    }
}

@Suite("Idempotent ratings")
struct IdempotentRatingTests {
    @Test func aRepeatedRatingWithItsKeyReturnsTheRatingInsteadOfTokenUsed() async throws {
        var configuration = HelpDeskConfiguration()
        configuration.ratings = .standard
        let test = try await TestDesk.make(configuration: configuration)
        let ticket = try await test.ticket()
        _ = try await test.desk.changeStatus(ticket.id, to: .resolved, by: .employee(test.anna.id))
        let request = try #require(try await test.desk.ratingRequests(of: ticket.id, as: .system).first)
        let rating = try await test.desk.rate(token: request.token, score: 5, idempotencyKey: "rate-1")
        let after = try await test.snapshot()
        #expect(try await test.desk.rate(token: request.token, score: 5, idempotencyKey: "rate-1") == rating)
        #expect(try await test.snapshot() == after)
        await #expect(throws: HelpDeskError.ratingTokenUsed(ticket.number)) {
            _ = try await test.desk.rate(token: request.token, score: 5)
        }
    }
}
