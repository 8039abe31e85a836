import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Rating a resolution directly in the portal (``HelpDesk/rate(_:score:comment:by:idempotencyKey:)``):
/// the requesting contact, once per resolution, while the request is open; tokens keep working.
@Suite("Rating a resolution through the client portal")
struct PortalRatingTests {
    typealias Fixture = PortalBehaviourFixture

    /// The requester rates once; a second rating, by either way, is refused without a change.
    @Test func theRequesterRatesItsLatestResolutionOnce() async throws {
        let f = try await Fixture.make()
        let ticket = try await f.resolvedTicket("Printer", for: f.alice)
        let portal = f.portal(f.alice)
        #expect(try await portal.ticket(ticket.id).mayRate)
        f.test.clock.advance(by: 600)
        let rating = try await portal.rate(ticket.id, score: 4, comment: "Quick")
        #expect(rating.score == 4 && rating.comment == "Quick" && rating.ticketNumber == ticket.number)
        #expect(rating.ratedAt == f.test.clock.now)
        let stored = try await f.desk.ratings(of: ticket.id, as: .system)
        #expect(stored.count == 1 && stored[0].requester == .contact(f.alice.id) && stored[0].score == 4)
        let audit = try #require(try await f.desk.auditTrail(of: ticket.id, as: .system).last)
        #expect(audit.field == .rating && audit.performer == .contact(f.alice.id) && audit.newValue == "4/5 Quick")
        #expect(try await portal.ticket(ticket.id).mayRate == false)
        let before = try await f.test.snapshot()
        await #expect(throws: HelpDeskError.ratingNotRequested(ticket.number)) {
            _ = try await portal.rate(ticket.id, score: 5)
        }
        let token = try #require(try await f.desk.ratingRequests(of: ticket.id, as: .system).last).token
        await #expect(throws: HelpDeskError.ratingTokenUsed(ticket.number)) {
            _ = try await portal.rate(token: token, score: 5)
        }
        #expect(try await f.test.snapshot() == before, "a refused rating changed the store")
    }

    /// Colleagues who read the ticket are forbidden to rate it; strangers do not find it.
    @Test func otherContactsMayNotRateEvenWhenTheySeeTheTicket() async throws {
        let f = try await Fixture.make()
        let ticket = try await f.resolvedTicket("Scanner", for: f.alice)
        _ = try await f.desk.updateTicket(ticket.id, TicketUpdate(ccContactIDs: [f.petr.id]), by: f.anna)
        let before = try await f.test.snapshot()
        // Carl sees every ticket of Alpha, Petr is copied on it: both read it, neither may rate it.
        for colleague in [f.carl, f.petr] {
            #expect(try await f.portal(colleague).ticket(ticket.id).mayRate == false, "\(colleague.name)")
            let error = await Fixture.error { _ = try await f.portal(colleague).rate(ticket.id, score: 5) }
            #expect(error?.code == .forbidden, "\(colleague.name)")
        }
        for stranger in [f.bob, f.lena] {
            await #expect(throws: HelpDeskError.ticketNotFound(ticket.id), "\(stranger.name)") {
                _ = try await f.portal(stranger).rate(ticket.id, score: 5)
            }
        }
        #expect(try await f.test.snapshot() == before)
        #expect(try await f.portal(f.alice).rate(ticket.id, score: 2).score == 2)
    }

    /// Reopening withdraws the open request; the next resolution may be rated.
    @Test func reopeningWithdrawsTheRequestAndTheNextResolutionOpensANewOne() async throws {
        let f = try await Fixture.make()
        let ticket = try await f.resolvedTicket("VPN", for: f.alice)
        let portal = f.portal(f.alice)
        _ = try await portal.reopen(ticket.id, reason: "Drops again")
        #expect(try await portal.ticket(ticket.id).mayRate == false)
        await #expect(throws: HelpDeskError.ratingNotRequested(ticket.number)) {
            _ = try await portal.rate(ticket.id, score: 3)
        }
        f.test.clock.advance(by: 1)  // Requests issued at one instant are ordered by identifier.
        _ = try await f.desk.changeStatus(ticket.id, to: .resolved, by: f.anna)
        #expect(try await portal.ticket(ticket.id).mayRate)
        let rating = try await portal.rate(ticket.id, score: 5)
        let requests = try await f.desk.ratingRequests(of: ticket.id, as: .system)
        let stored = try #require(try await f.desk.ratings(of: ticket.id, as: .system).last)
        #expect(rating.score == stored.score)
        #expect(requests.count == 2 && requests[0].withdrawnAt != nil && stored.requestID == requests[1].id)
    }

    /// A request is open until the instant it expires, directly and by token alike.
    @Test func anExpiredRequestCanNoLongerBeAnswered() async throws {
        let f = try await Fixture.make()
        let ticket = try await f.resolvedTicket("Camera", for: f.alice)
        let request = try #require(try await f.desk.ratingRequests(of: ticket.id, as: .system).last)
        f.test.clock.set(to: request.expiresAt.addingTimeInterval(-1))
        #expect(try await f.portal(f.alice).ticket(ticket.id).mayRate, "open until its last second")
        f.test.clock.set(to: request.expiresAt)
        #expect(try await f.portal(f.alice).ticket(ticket.id).mayRate == false)
        await #expect(throws: HelpDeskError.ratingNotRequested(ticket.number)) {
            _ = try await f.portal(f.alice).rate(ticket.id, score: 3)
        }
        await #expect(throws: HelpDeskError.ratingTokenExpired(ticket.number, expiredAt: request.expiresAt)) {
            _ = try await f.portal(f.alice).rate(token: request.token, score: 3)
        }
    }

    /// Rating by token still works and uses up the request for the direct way.
    @Test func aTokenRatingStillWorksAndClosesTheDirectWay() async throws {
        let f = try await Fixture.make()
        let ticket = try await f.resolvedTicket("Keyboard", for: f.alice)
        let token = try #require(try await f.desk.ratingRequests(of: ticket.id, as: .system).last).token
        let rating = try await f.portal(f.bob).rate(token: token, score: 1, comment: "Slow")
        #expect(rating.score == 1)
        #expect(
            try await f.desk.ratings(of: ticket.id, as: .system).last?.requester == .contact(f.alice.id),
            "the token speaks for the requester, whoever follows the link")
        #expect(try await f.portal(f.alice).ticket(ticket.id).mayRate == false)
        await #expect(throws: HelpDeskError.ratingNotRequested(ticket.number)) {
            _ = try await f.portal(f.alice).rate(ticket.id, score: 5)
        }
    }

    /// One step of the random rating walk.
    enum Step: CaseIterable {
        case resolve, staffReopen, portalReopen, close, wait, advance, rate, rateByToken, colleagueRates
    }

    /// The latest rating request as the reference model tracks it.
    struct ModelRequest {
        var expiresAt: Date
        var withdrawn = false
        var answered = false
    }

    /// Random walks of resolving, reopening, closing, waiting and rating: the portal's `mayRate` and
    /// the outcome of every rating agree with a reference model of the latest request.
    @Test(arguments: 0..<8 as Range<UInt64>)
    func randomWalksAgreeWithAReferenceModel(_ seed: UInt64) async throws {
        let f = try await Fixture.make()
        let lifetime = RatingConfiguration.standard.requestLifetime
        var random = SplitMix64(seed: 4_400 + seed)
        var ticket = try await f.staffTicket("Walk \(seed)", for: f.alice)
        let portal = f.portal(f.alice)
        var latest: ModelRequest?
        var requests = 0
        var ratings = 0
        for round in 0..<40 {
            // Requests issued at one instant are ordered by identifier (RatingRepository): keep
            // every step at an instant of its own so "the latest request" is well defined.
            f.test.clock.advance(by: 1)
            let now = f.test.clock.now
            let step = Step.allCases.randomElement(using: &random)!
            let isOpen = latest.map { !$0.withdrawn && !$0.answered && now < $0.expiresAt } ?? false
            let label = "seed \(seed) round \(round): \(step) in \(ticket.status)"
            switch step {
            case .resolve where [.new, .inProgress, .waitingForClient].contains(ticket.status):
                ticket = try await f.desk.changeStatus(ticket.id, to: .resolved, by: f.anna)
                latest = ModelRequest(expiresAt: now.addingTimeInterval(lifetime))
                requests += 1
            case .staffReopen where ticket.status == .resolved, .portalReopen where ticket.status == .resolved:
                if step == .staffReopen {
                    ticket = try await f.desk.changeStatus(ticket.id, to: .inProgress, by: f.anna)
                } else {
                    _ = try await portal.reopen(ticket.id, reason: "Round \(round)")
                    ticket = try await f.desk.ticket(ticket.id, as: .system)
                }
                if latest?.answered == false { latest?.withdrawn = true }
            case .close where ticket.status == .resolved:
                ticket = try await f.desk.changeStatus(ticket.id, to: .closed, by: f.anna)
            case .wait where ticket.status == .inProgress:
                ticket = try await f.desk.changeStatus(ticket.id, to: .waitingForClient, by: f.anna)
            case .advance:
                f.test.clock.advance(by: Double(random.next() % 10) * 86_400 + Double(random.next() % 3_600))
            case .rate:
                let error = await Fixture.error { _ = try await portal.rate(ticket.id, score: 3) }
                #expect(error == (isOpen ? nil : .ratingNotRequested(ticket.number)), "\(label)")
                if isOpen {
                    latest?.answered = true
                    ratings += 1
                }
            case .rateByToken:
                guard let model = latest else { continue }
                let token = try #require(try await f.desk.ratingRequests(of: ticket.id, as: .system).last).token
                let expected: HelpDeskError? =
                    model.answered
                    ? .ratingTokenUsed(ticket.number)
                    : model.withdrawn
                        ? .ratingTokenWithdrawn(ticket.number)
                        : now >= model.expiresAt ? .ratingTokenExpired(ticket.number, expiredAt: model.expiresAt) : nil
                let error = await Fixture.error { _ = try await portal.rate(token: token, score: 4) }
                #expect(error == expected, "\(label)")
                if expected == nil {
                    latest?.answered = true
                    ratings += 1
                }
            case .colleagueRates:
                let error = await Fixture.error { _ = try await f.portal(f.carl).rate(ticket.id, score: 1) }
                #expect(error?.code == .forbidden, "\(label)")
            default:
                continue
            }
            let stillOpen = latest.map { !$0.withdrawn && !$0.answered && f.test.clock.now < $0.expiresAt } ?? false
            #expect(try await portal.ticket(ticket.id).mayRate == stillOpen, "\(label): mayRate")
            #expect(try await f.portal(f.carl).ticket(ticket.id).mayRate == false, "\(label): Carl's mayRate")
        }
        #expect(try await f.desk.ratingRequests(of: ticket.id, as: .system).count == requests)
        #expect(try await f.desk.ratings(of: ticket.id, as: .system).count == ratings)
    }
}
