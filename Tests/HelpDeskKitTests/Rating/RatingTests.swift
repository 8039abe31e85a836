import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@Suite("Ratings: requests on resolution, tokens, scores and escalation")
struct RatingTests {
    static func desk(_ configure: (inout HelpDeskConfiguration) throws -> Void = { _ in }) async throws -> TestDesk {
        var configuration = HelpDeskConfiguration()
        configuration.ratings = .standard
        try configure(&configuration)
        return try await TestDesk.make(configuration: configuration)
    }

    @Test func resolvingIssuesARequestWithAnUnguessableTokenForTheRequester() async throws {
        let test = try await Self.desk()
        let ticket = try await test.ticket()
        let resolved = try await test.desk.changeStatus(ticket.id, to: .resolved, by: .employee(test.anna.id))
        let requests = try await test.desk.ratingRequests(of: ticket.id, as: .system)
        let request = try #require(requests.first)
        #expect(requests.count == 1)
        #expect(request.issuedAt == resolved.resolvedAt)
        #expect(request.expiresAt == request.issuedAt.addingTimeInterval(14 * 86_400))
        #expect(request.requester == ticket.requester)
        let text = request.token.rawValue
        #expect(text.utf8.count == 32)
        #expect(text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        #expect(!request.token.description.contains(text), "descriptions do not leak the token")
        let events = try await test.desk.undeliveredEvents(limit: 1_000, as: .system)
        let last = try #require(events.last)
        #expect(
            last.event
                == .ratingRequested(
                    ticket: ticket.id, number: ticket.number, request: request.id, token: request.token,
                    expiresAt: request.expiresAt))
        #expect(last.audience == Audience(requester: ticket.requester))
        #expect(events.dropLast().last?.event.name == "statusChanged")
        #expect(try await test.desk.ratingRequest(token: request.token) == request)
    }

    @Test func aRatingRecordsTheAssigneeGroupAndInstantAndIsAuditedAndAnnounced() async throws {
        let test = try await Self.desk()
        let ticket = try await test.ticket()
        let agent = Performer.employee(test.anna.id)
        _ = try await test.desk.assign(ticket.id, to: test.boris.id, group: test.fieldEngineers.id, by: agent)
        _ = try await test.desk.changeStatus(ticket.id, to: .resolved, by: agent)
        let token = try await test.desk.ratingRequests(of: ticket.id, as: .system)[0].token
        test.clock.advance(by: 3_600)
        let rating = try await test.desk.rate(token: token, score: 5, comment: "  Fast and polite ")
        #expect(rating.assigneeID == test.boris.id)
        #expect(rating.groupID == test.fieldEngineers.id)
        #expect(rating.ratedAt == TestDesk.start.addingTimeInterval(3_600))
        #expect(rating.ticketID == ticket.id && rating.score == 5 && rating.scale == 1...5)
        #expect(rating.comment == "  Fast and polite ")
        #expect(try await test.desk.ratings(of: ticket.id, as: .system) == [rating])
        let audit = try #require(try await test.desk.auditTrail(of: ticket.id, as: .system).last)
        #expect(audit.field == .rating)
        #expect(audit.newValue == "5/5   Fast and polite ")
        #expect(audit.performer == ticket.requester.performer)
        let event = try #require(try await test.desk.undeliveredEvents(limit: 1_000, as: .system).last)
        #expect(event.event == .ticketRated(ticket: ticket.id, number: ticket.number, rating: rating.id, score: 5))
        #expect(event.audience == Audience(employeeIDs: [test.boris.id]))
        let period = TestDesk.start..<TestDesk.start.addingTimeInterval(86_400)
        #expect(try await test.desk.ratings(ratedIn: period, as: .system) == [rating])
        #expect(try await test.desk.ratings(ofAssignee: test.boris.id, ratedIn: period, as: .system) == [rating])
        #expect(try await test.desk.ratings(ofAssignee: test.anna.id, ratedIn: period, as: .system) == [])
        let before = try await test.snapshot()
        await #expect(throws: HelpDeskError.ratingTokenUsed(ticket.number)) {
            _ = try await test.desk.rate(token: token, score: 1)
        }
        #expect(try await test.snapshot() == before)
    }

    @Test func lowScoresAreEscalatedToTheConfiguredManagers() async throws {
        let managerID = try await Self.desk().anna.id  // the seeded desks share identifiers
        let test = try await Self.desk { configuration in
            configuration.ratings = try RatingConfiguration(
                scale: 0...10, lowScoreThreshold: 4, escalationRecipientIDs: [managerID])
        }
        let ticket = try await test.ticket()
        _ = try await test.desk.assign(ticket.id, to: test.boris.id, group: nil, by: .employee(test.anna.id))
        _ = try await test.desk.changeStatus(ticket.id, to: .resolved, by: .employee(test.boris.id))
        let token = try await test.desk.ratingRequests(of: ticket.id, as: .system)[0].token
        let rating = try await test.desk.rate(token: token, score: 4, comment: "   ")
        #expect(rating.comment == nil)
        let events = Array(try await test.desk.undeliveredEvents(limit: 1_000, as: .system).suffix(3))
        #expect(events.map(\.event.name) == ["ticketRated", "lowRatingReceived", "noticeSent"])
        #expect(
            events[1].event
                == .lowRatingReceived(
                    ticket: ticket.id, number: ticket.number, rating: rating.id, score: 4, assignee: test.boris.id))
        #expect(events[1].audience == Audience(employeeIDs: [test.anna.id]))
        // The configurable alert: rendered for management from the staff's view of the ticket.
        guard case .noticeSent(_, _, let alert) = events[2].event else { return }
        #expect(events[2].audience == Audience(employeeIDs: [test.anna.id]))
        #expect(alert.purpose == .lowRating && alert.reader == .staff)
        #expect(alert.subject == "Low rating 4 on \(ticket.number)")
        #expect(alert.text.contains("rated request \(ticket.number)") && alert.text.contains("4: no comment."))
        #expect(alert.text.contains("Assignee: Boris Engineer"))
    }

    @Test func aReopenedTicketWithdrawsItsTokenAndAReResolutionCanBeRatedAgain() async throws {
        let test = try await Self.desk()
        let ticket = try await test.ticket()
        let agent = Performer.employee(test.anna.id)
        _ = try await test.desk.changeStatus(ticket.id, to: .resolved, by: agent)
        let first = try await test.desk.ratingRequests(of: ticket.id, as: .system)[0]
        test.clock.advance(by: 60)
        _ = try await test.desk.comment(on: ticket.id, NewComment("Still broken"), by: ticket.requester.performer)
        let withdrawn = try await test.desk.ratingRequests(of: ticket.id, as: .system)
        #expect(withdrawn.map(\.withdrawnAt) == [TestDesk.start.addingTimeInterval(60)])
        let before = try await test.snapshot()
        await #expect(throws: HelpDeskError.ratingTokenWithdrawn(ticket.number)) {
            _ = try await test.desk.rate(token: first.token, score: 3)
        }
        #expect(try await test.snapshot() == before)
        test.clock.advance(by: 60)
        _ = try await test.desk.changeStatus(ticket.id, to: .resolved, by: agent)
        let requests = try await test.desk.ratingRequests(of: ticket.id, as: .system)
        #expect(requests.count == 2)
        #expect(requests[1].token != first.token)
        await #expect(throws: HelpDeskError.ratingTokenWithdrawn(ticket.number)) {
            _ = try await test.desk.rate(token: first.token, score: 3)
        }
        let second = try await test.desk.rate(token: requests[1].token, score: 2)
        #expect(second.requestID == requests[1].id)
        _ = try await test.desk.changeStatus(ticket.id, to: .inProgress, by: agent)
        #expect(
            try await test.desk.ratingRequests(of: ticket.id, as: .system)[1].withdrawnAt == nil,
            "a rated request is left alone")
    }

    @Test func aClosedTicketCanStillBeRatedUntilTheRequestExpires() async throws {
        let test = try await Self.desk { configuration in
            configuration.ratings = try RatingConfiguration(requestLifetime: 3_600)
        }
        let agent = Performer.employee(test.anna.id)
        let first = try await test.ticket("First")
        let second = try await test.ticket("Second")
        for ticket in [first, second] {
            _ = try await test.desk.changeStatus(ticket.id, to: .resolved, by: agent)
            _ = try await test.desk.changeStatus(ticket.id, to: .closed, by: agent)
        }
        let firstToken = try await test.desk.ratingRequests(of: first.id, as: .system)[0].token
        let secondToken = try await test.desk.ratingRequests(of: second.id, as: .system)[0].token
        test.clock.advance(by: 3_599)
        _ = try await test.desk.rate(token: firstToken, score: 5)
        test.clock.advance(by: 1)
        await #expect(
            throws: HelpDeskError.ratingTokenExpired(second.number, expiredAt: TestDesk.start.addingTimeInterval(3_600))
        ) {
            _ = try await test.desk.rate(token: secondToken, score: 5)
        }
    }

    @Test func withoutARatingConfigurationNoRequestIsIssued() async throws {
        let test = try await TestDesk.make()
        let ticket = try await test.ticket()
        _ = try await test.desk.changeStatus(ticket.id, to: .resolved, by: .employee(test.anna.id))
        #expect(try await test.desk.ratingRequests(of: ticket.id, as: .system) == [])
        #expect(
            !(try await test.desk.undeliveredEvents(limit: 1_000, as: .system)).contains {
                $0.event.name == "ratingRequested"
            })
    }

    @Test func tokensAreDeterministicPerSeedAndDistinct() async throws {
        func tokens(seed: UInt64) async throws -> [RatingToken] {
            var configuration = HelpDeskConfiguration()
            configuration.ratings = .standard
            let desk = HelpDesk(
                store: InMemoryStore(), configuration: configuration, clock: .fixed(TestDesk.start),
                identifiers: SeededIdentifierSource(seed: 1), random: SeededRandomSource(seed: seed))
            var result: [RatingToken] = []
            for index in 0..<20 {
                let ticket = try await desk.createTicket(
                    NewTicket(title: "T\(index)", channel: .email, requester: .freeText("Client")),
                    by: .client(name: "Client"))
                _ = try await desk.changeStatus(ticket.id, to: .resolved, by: .system)
                result.append(try await desk.ratingRequests(of: ticket.id, as: .system)[0].token)
            }
            return result
        }
        let first = try await tokens(seed: 9)
        #expect(try await tokens(seed: 9) == first)
        #expect(Set(first + (try await tokens(seed: 10))).count == 40)
        var system = SystemRandomSource()
        #expect(system.nextUInt64() != system.nextUInt64() || system.nextUInt64() != system.nextUInt64())
    }

    @Test func configurationIsValidated() {
        #expect(throws: RatingConfigurationError.invalidScale(3...3)) { try RatingConfiguration(scale: 3...3) }
        #expect(throws: RatingConfigurationError.invalidScale(-1...5)) { try RatingConfiguration(scale: -1...5) }
        #expect(throws: RatingConfigurationError.nonPositiveLifetime) { try RatingConfiguration(requestLifetime: 0) }
        #expect(throws: RatingConfigurationError.thresholdOffScale(0)) { try RatingConfiguration(lowScoreThreshold: 0) }
        #expect(RatingConfiguration.standard.isLow(2) && !RatingConfiguration.standard.isLow(3))
    }
}
