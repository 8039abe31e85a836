import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import SeededRandom
import Testing

/// Seeded random sequences of plan, move and cancel (valid, no-op and refused ones) on three
/// tickets against a reference model: after every step the stored visits equal the model, revisions
/// grow by one per real change, each real change raised exactly one visit event of its kind and one
/// notice per client, and the dispatcher's list is the model's active visits by start.
@Suite("Visits follow a reference model")
struct VisitPropertyTests {
    enum Kind: String { case visitPlanned, visitRescheduled, visitCancelled }

    @Test(arguments: 0..<8)
    func randomSequencesMatchTheModel(seed: Int) async throws {
        let v = try await VisitDesk.make(seed: UInt64(seed))
        var tickets = [v.ticket]
        for title in ["Scanner", "Router"] {
            tickets.append(
                try await v.desk.createTicket(
                    NewTicket(
                        title: title, channel: .phone, requester: .contact(v.olga.id), companyID: v.northwind.id),
                    by: v.anna))
        }
        let clients = [2, 1, 1]
        var model: [TicketID: PlannedVisit] = [:]
        var random = SplitMix64(seed: UInt64(seed) &+ 1_000)
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        var sequence = try await v.desk.lastEventSequenceForTests()
        var (changes, noOps, refusals) = (0, 0, 0)
        for step in 0..<150 {
            let index = Int(random.next() % 3)
            let ticket = tickets[index]
            var request = VisitRequest(
                start: VisitDesk.tuesdayTen.addingTimeInterval(pick([0, 3_600, 86_400])),
                durationMinutes: pick([60, 120]),
                employeeIDs: pick([[v.test.boris.id], [v.test.anna.id, v.test.boris.id]]),
                locationID: pick([nil, v.office.id]), isFixed: pick([false, true]))
            if random.next() % 10 == 0 { request.durationMinutes = pick([0, -5, 1_441, Int.max]) }
            let stored = model[ticket.id]
            let active = stored.flatMap { $0.isCancelled ? nil : $0 }
            if let active, random.next() % 4 == 0 {
                // The visit as it is: a move that moves nothing.
                request = VisitRequest(
                    start: active.start, durationMinutes: active.durationMinutes, employeeIDs: active.employeeIDs,
                    locationID: active.locationID, window: active.window, isFixed: active.isFixed)
            }
            let valid = VisitRequest.durations.contains(request.durationMinutes)
            // What the model says happens: the new visit and the event kind, or nothing.
            var expected: (visit: PlannedVisit, kind: Kind)?
            var refused = false
            let result: Result<PlannedVisit, HelpDeskError>
            switch random.next() % 3 {
            case 0:
                result = await Self.run { () async throws(HelpDeskError) -> PlannedVisit in
                    try await v.desk.planVisit(on: ticket.id, request, by: v.anna)
                }
                if active != nil || !valid {
                    refused = true
                } else {
                    expected = (
                        Self.visit(request, of: ticket.id, revision: (stored?.revision ?? 0) + 1), .visitPlanned
                    )
                }
            case 1:
                let revision = pick([nil, active?.revision, 99])
                result = await Self.run { () async throws(HelpDeskError) -> PlannedVisit in
                    try await v.desk.rescheduleVisit(on: ticket.id, to: request, expectedRevision: revision, by: v.anna)
                }
                if let active, revision == nil || revision == active.revision, valid {
                    let moved = Self.visit(request, of: ticket.id, revision: active.revision + 1)
                    var same = moved
                    same.revision = active.revision
                    if same != active { expected = (moved, .visitRescheduled) }
                } else {
                    refused = true
                }
            default:
                result = await Self.run { () async throws(HelpDeskError) -> PlannedVisit in
                    try await v.desk.cancelVisit(on: ticket.id, by: v.anna)
                }
                if var cancelled = active {
                    cancelled.isCancelled = true
                    cancelled.revision += 1
                    expected = (cancelled, .visitCancelled)
                } else {
                    refused = true
                }
            }
            switch result {
            case .success(let visit):
                #expect(!refused, "step \(step): accepted \(visit)")
                #expect(visit == expected?.visit ?? active, "step \(step): returned")
            case .failure(let error):
                #expect(refused, "step \(step): refused with \(error)")
                #expect([.notFound, .alreadyExists, .rejected, .invalidInput].contains(error.code), "\(error)")
            }
            if let expected { model[ticket.id] = expected.visit }
            changes += expected == nil ? 0 : 1
            noOps += expected == nil && !refused ? 1 : 0
            refusals += refused ? 1 : 0
            #expect(try await v.desk.visit(of: ticket.id, as: .system) == model[ticket.id], "step \(step): stored")
            let events = try await v.events(after: sequence)
            sequence = events.last?.sequence ?? sequence
            let kinds = events.compactMap { Kind(rawValue: $0.event.name) }
            #expect(kinds == (expected.map { [$0.kind] } ?? []), "step \(step): one event per real change")
            let notices = events.filter { $0.event.name == "noticeSent" }.count
            #expect(notices == (expected == nil ? 0 : clients[index]), "step \(step): one notice per client")
        }
        let horizon = (VisitDesk.tuesdayTen, VisitDesk.tuesdayTen.addingTimeInterval(7 * 86_400))
        let listed = try await v.desk.visits(from: horizon.0, to: horizon.1, as: v.anna)
        #expect(
            listed
                == model.values.filter { !$0.isCancelled }.sorted { ($0.start, $0.ticketID) < ($1.start, $1.ticketID) })
        #expect(changes > 20 && noOps > 0 && refusals > 20, "changes \(changes), no-ops \(noOps), refusals \(refusals)")
    }

    static func visit(_ request: VisitRequest, of ticket: TicketID, revision: Int) -> PlannedVisit {
        PlannedVisit(
            ticketID: ticket, start: request.start, durationMinutes: request.durationMinutes,
            employeeIDs: request.employeeIDs, locationID: request.locationID, window: request.window,
            isFixed: request.isFixed, revision: revision)
    }

    static func run(_ body: () async throws(HelpDeskError) -> PlannedVisit) async -> Result<PlannedVisit, HelpDeskError>
    {
        do throws(HelpDeskError) { return .success(try await body()) } catch { return .failure(error) }
    }
}
