import Foundation
import HelpDeskKit

extension StoreContract {
    static func request(for ticket: Ticket, token: String, ids: inout SeededIdentifierSource, at instant: Date = start)
        -> RatingRequest
    {
        RatingRequest(
            id: ids.next(), token: RatingToken(token), ticketID: ticket.id, ticketNumber: ticket.number,
            requester: ticket.requester, issuedAt: instant, expiresAt: instant.addingTimeInterval(86_400.5))
    }

    static func rating(
        of request: RatingRequest, score: Int, assignee: EmployeeID?, ids: inout SeededIdentifierSource,
        at instant: Date
    ) -> Rating {
        Rating(
            id: ids.next(), requestID: request.id, ticketID: request.ticketID, ticketNumber: request.ticketNumber,
            score: score,
            scale: 1...5, comment: score < 3 ? "Slow — «very»" : nil, assigneeID: assignee, groupID: nil,
            requester: request.requester, ratedAt: instant)
    }

    static let ratingChecks: [ContractCheck] = [
        ContractCheck("rating requests round-trip by token and ticket, and a withdrawal replaces the request") {
            store in
            let ratingStore = try requireFeature((any RatingRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 70)
            let ticket = fullTicket(number: 1, ids: &ids)
            var work = creation(of: ticket, ids: &ids)
            let first = request(for: ticket, token: "first-token_AAAAAAAAAAAAAAAAAAAAAA", ids: &ids)
            work.ratingRequests = [first]
            try await store.commit(work)
            try requireEqual(try await ratingStore.ratingRequest(token: first.token), first, "by token")
            try requireEqual(try await ratingStore.ratingRequest(token: RatingToken("nope")), nil, "unknown token")
            var withdrawn = first
            withdrawn.withdrawnAt = start.addingTimeInterval(30.5)
            let second = request(
                for: ticket, token: "second-token_BBBBBBBBBBBBBBBBBBBBB", ids: &ids, at: start.addingTimeInterval(60))
            var reissue = UnitOfWork()
            reissue.ratingRequests = [withdrawn, second]
            try await store.commit(reissue)
            try requireEqual(
                try await ratingStore.ratingRequests(of: ticket.id), [withdrawn, second], "by ticket, oldest first")
            try requireEqual(try await ratingStore.ratingRequest(token: first.token), withdrawn, "withdrawn kept")
            try requireEqual(try await ratingStore.ratingRequests(of: ids.next()), [], "unknown ticket")
        },
        ContractCheck("a rating token belongs to one request and a request needs a stored ticket") { store in
            var ids = SeededIdentifierSource(seed: 71)
            let ticket = fullTicket(number: 1, ids: &ids)
            var work = creation(of: ticket, ids: &ids)
            let first = request(for: ticket, token: "same-token", ids: &ids)
            work.ratingRequests = [first]
            try await store.commit(work)
            let before = try await StoreSnapshot.capture(store)
            var taken = UnitOfWork()
            taken.ratingRequests = [request(for: ticket, token: "same-token", ids: &ids)]
            try await requireStorageError(.conflict) { try await store.commit(taken) }
            var orphan = UnitOfWork()
            orphan.ratingRequests = [request(for: fullTicket(number: 2, ids: &ids), token: "other-token", ids: &ids)]
            try await requireStorageError(.conflict) { try await store.commit(orphan) }
            try requireEqual(try await StoreSnapshot.capture(store), before, "store after rejected units")
        },
        ContractCheck("a request is answered at most once; ratings are listed by ticket, period and assignee") {
            store in
            let ratingStore = try requireFeature((any RatingRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 72)
            let ticket = fullTicket(number: 1, ids: &ids)
            let other = fullTicket(number: 2, ids: &ids)
            var work = creation(of: ticket, ids: &ids)
            work.save(other, expectedRevision: nil)
            let first = request(for: ticket, token: "t1", ids: &ids)
            let second = request(for: other, token: "t2", ids: &ids)
            let third = request(for: other, token: "t3", ids: &ids)
            work.ratingRequests = [first, second, third]
            try await store.commit(work)
            let olga: EmployeeID = ids.next()
            let r1 = rating(of: first, score: 5, assignee: olga, ids: &ids, at: start.addingTimeInterval(3_600.125))
            let r2 = rating(of: second, score: 1, assignee: nil, ids: &ids, at: start.addingTimeInterval(60))
            var rate = UnitOfWork()
            rate.ratings = [r1, r2]
            try await store.commit(rate)
            try requireEqual(try await ratingStore.rating(forRequest: first.id), r1, "by request")
            try requireEqual(try await ratingStore.rating(forRequest: third.id), nil, "unanswered")
            try requireEqual(try await ratingStore.ratings(of: ticket.id), [r1], "by ticket")
            let day = start..<start.addingTimeInterval(86_400)
            try requireEqual(try await ratingStore.ratings(ratedIn: day), [r2, r1], "period, oldest first")
            try requireEqual(
                try await ratingStore.ratings(ratedIn: start..<start.addingTimeInterval(60)), [], "half-open end")
            try requireEqual(try await ratingStore.ratings(ofAssignee: olga, ratedIn: day), [r1], "by assignee")
            let before = try await StoreSnapshot.capture(store)
            var twice = UnitOfWork()
            twice.ratings = [rating(of: first, score: 4, assignee: olga, ids: &ids, at: start)]
            try await requireStorageError(.conflict) { try await store.commit(twice) }
            var both = UnitOfWork()
            both.ratings = [
                rating(of: third, score: 4, assignee: olga, ids: &ids, at: start),
                rating(of: third, score: 3, assignee: olga, ids: &ids, at: start),
            ]
            try await requireStorageError(.conflict) { try await store.commit(both) }
            var unknown = UnitOfWork()
            unknown.ratings = [
                rating(of: request(for: other, token: "t4", ids: &ids), score: 2, assignee: nil, ids: &ids, at: start)
            ]
            try await requireStorageError(.conflict) { try await store.commit(unknown) }
            try requireEqual(try await StoreSnapshot.capture(store), before, "store after rejected ratings")
        },
    ]
}
