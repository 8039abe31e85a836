import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import WorkingTime
import Testing

/// A store decorator that lets another writer change a ticket between a command's read and its commit.
final class RacingStore: HelpDeskStore {
    let base = InMemoryStore()
    private let race: @Sendable (InMemoryStore) async throws -> Void
    private let armed = ManualFlag()

    init(race: @escaping @Sendable (InMemoryStore) async throws -> Void) {
        self.race = race
    }

    func arm() { armed.set(true) }

    func commit(_ work: UnitOfWork) async throws {
        if armed.take() { try await race(base) }
        try await base.commit(work)
    }

    func ticket(_ id: TicketID) async throws -> Ticket? { try await base.ticket(id) }
    func ticket(number: TicketNumber) async throws -> Ticket? { try await base.ticket(number: number) }
    func tickets(matching query: TicketQuery, workflow: Workflow) async throws -> TicketPage {
        try await base.tickets(matching: query, workflow: workflow)
    }
    func postponedTickets(dueBy instant: Date) async throws -> [Ticket] { try await base.postponedTickets(dueBy: instant) }
    func ticketsNeedingSLACheck(dueBy instant: Date) async throws -> [Ticket] {
        try await base.ticketsNeedingSLACheck(dueBy: instant)
    }
    func lastTicketNumber() async throws -> TicketNumber? { try await base.lastTicketNumber() }
    func comments(on ticket: TicketID) async throws -> [HelpDeskKit.Comment] { try await base.comments(on: ticket) }
    func auditTrail(of ticket: TicketID) async throws -> [AuditEntry] { try await base.auditTrail(of: ticket) }
    func employee(_ id: EmployeeID) async throws -> Employee? { try await base.employee(id) }
    func employees() async throws -> [Employee] { try await base.employees() }
    func group(_ id: GroupID) async throws -> SupportGroup? { try await base.group(id) }
    func groups() async throws -> [SupportGroup] { try await base.groups() }
    func category(_ id: CategoryID) async throws -> ServiceCategory? { try await base.category(id) }
    func categories() async throws -> [ServiceCategory] { try await base.categories() }
    func undeliveredEvents(limit: Int) async throws -> [OutboxEvent] { try await base.undeliveredEvents(limit: limit) }
    func lastEventSequence() async throws -> UInt64 { try await base.lastEventSequence() }
    func timeEntry(_ id: TimeEntryID) async throws -> TimeEntry? { try await base.timeEntry(id) }
    func timeEntries(on ticket: TicketID) async throws -> [TimeEntry] { try await base.timeEntries(on: ticket) }
    func timeEntries(of employee: EmployeeID, workedIn dates: ClosedRange<LocalDate>) async throws -> [TimeEntry] {
        try await base.timeEntries(of: employee, workedIn: dates)
    }
    func timeEntries(workedIn dates: ClosedRange<LocalDate>) async throws -> [TimeEntry] {
        try await base.timeEntries(workedIn: dates)
    }
    func rateHistory(of employee: EmployeeID) async throws -> [EmployeeRate] { try await base.rateHistory(of: employee) }
    func ratingRequest(token: RatingToken) async throws -> RatingRequest? { try await base.ratingRequest(token: token) }
    func ratingRequests(of ticket: TicketID) async throws -> [RatingRequest] { try await base.ratingRequests(of: ticket) }
    func rating(forRequest request: RatingRequestID) async throws -> Rating? { try await base.rating(forRequest: request) }
    func ratings(of ticket: TicketID) async throws -> [Rating] { try await base.ratings(of: ticket) }
    func ratings(ratedIn period: Range<Date>) async throws -> [Rating] { try await base.ratings(ratedIn: period) }
    func ratings(ofAssignee employee: EmployeeID, ratedIn period: Range<Date>) async throws -> [Rating] {
        try await base.ratings(ofAssignee: employee, ratedIn: period)
    }
}

/// A thread-safe one-shot flag.
final class ManualFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set(_ newValue: Bool) { lock.withLock { value = newValue } }

    /// Returns the flag and clears it.
    func take() -> Bool { lock.withLock { defer { value = false }; return value } }
}

@Suite("Optimistic concurrency")
struct ConcurrencyTests {
    @Test func aLostUpdateIsRefusedAsAConflictAndTheOtherWriterWins() async throws {
        let store = RacingStore { base in
            let ticket = try await base.tickets(matching: TicketQuery(limit: 1), workflow: .standard).tickets[0]
            var theirs = ticket
            theirs.title = "Changed by another engine"
            theirs.revision += 1
            var work = UnitOfWork()
            work.save(theirs, expectedRevision: ticket.revision)
            try await base.commit(work)
        }
        let test = try await TestDesk.make(store: store)
        let ticket = try await test.ticket()
        store.arm()
        do {
            _ = try await test.desk.changeStatus(ticket.id, to: .inProgress, by: .employee(test.anna.id))
            Issue.record("the stale write was accepted")
        } catch {
            guard case .storage(let failure) = error else { throw error }
            #expect(failure.kind == .conflict)
        }
        let stored = try await test.desk.ticket(ticket.id)
        #expect(stored.title == "Changed by another engine")
        #expect(stored.status == .new)
        #expect(try await test.desk.auditTrail(of: ticket.id).map(\.field) == [.created])
        _ = try await test.desk.changeStatus(ticket.id, to: .inProgress, by: .employee(test.anna.id))
        #expect(try await test.desk.ticket(ticket.id).revision == 3, "a retry after the conflict succeeds")
    }
}
