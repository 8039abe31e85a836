import Foundation

/// The in-memory store's rating requests and ratings.
struct RatingTables: CapabilityTable {
    var requests: [RatingRequestID: RatingRequest] = [:]
    var requestByToken: [RatingToken: RatingRequestID] = [:]
    var requestsByTicket: [TicketID: [RatingRequestID]] = [:]
    var ratings: [RatingID: Rating] = [:]
    var ratingByRequest: [RatingRequestID: RatingID] = [:]

    /// Checks the rating part of `work`; a ticket it names must be stored or inserted by `work`.
    func validate(_ changes: RatingChanges, of work: UnitOfWork, in store: InMemoryStore.State) throws(StorageError) {
        func ticketExists(_ id: TicketID) -> Bool {
            store.tickets.row(of: id) != nil || work.writesTicket(id)
        }
        var tokens: [RatingToken: RatingRequestID] = [:]
        for request in changes.requests {
            guard ticketExists(request.ticketID) else {
                throw StorageError(.conflict, "ticket \(request.ticketID) does not exist")
            }
            if let owner = requestByToken[request.token] ?? tokens[request.token], owner != request.id {
                throw StorageError(.conflict, "rating token of request \(request.id) is taken")
            }
            if let stored = requests[request.id], stored.ticketID != request.ticketID || stored.token != request.token {
                throw StorageError(.conflict, "rating request \(request.id) cannot change its ticket or token")
            }
            tokens[request.token] = request.id
        }
        var answered = Set<RatingRequestID>()
        for rating in changes.ratings {
            guard ratings[rating.id] == nil else { throw StorageError(.conflict, "rating \(rating.id) already exists") }
            guard
                requests[rating.requestID] != nil || changes.requests.contains(where: { $0.id == rating.requestID })
            else {
                throw StorageError(.conflict, "rating request \(rating.requestID) does not exist")
            }
            guard ratingByRequest[rating.requestID] == nil, answered.insert(rating.requestID).inserted else {
                throw StorageError(.conflict, "rating request \(rating.requestID) was already answered")
            }
        }
    }

    /// Applies the rating part of a validated unit.
    mutating func apply(_ changes: RatingChanges) {
        for request in changes.requests { insert(request) }
        for rating in changes.ratings { insert(rating) }
    }

    mutating func insert(_ request: RatingRequest) {
        if requests.updateValue(request, forKey: request.id) == nil {
            requestByToken[request.token] = request.id
            requestsByTicket[request.ticketID, default: []].append(request.id)
        }
    }

    mutating func insert(_ rating: Rating) {
        ratings[rating.id] = rating
        ratingByRequest[rating.requestID] = rating.id
    }

    /// Ratings matching `include`, in the standard order.
    ///
    /// - Complexity: O(*n* log *n*) over all ratings; a database adapter indexes `rated_at`.
    func ratings(where include: (Rating) -> Bool) -> [Rating] {
        ratings.values.filter(include).sorted(by: Rating.areInIncreasingOrder)
    }

    /// The requests of `ticket`, oldest first.
    func requests(of ticket: TicketID) -> [RatingRequest] {
        (requestsByTicket[ticket] ?? []).compactMap { requests[$0] }
            .sorted { $0.issuedAt != $1.issuedAt ? $0.issuedAt < $1.issuedAt : $0.id < $1.id }
    }

    /// The image part, both lists sorted by identifier.
    var image: RatingImage {
        RatingImage(
            requests: requests.values.sorted { $0.id < $1.id }, ratings: ratings.values.sorted { $0.id < $1.id })
    }

    /// Tables holding exactly `image`.
    init(image: RatingImage) {
        for request in image.requests { insert(request) }
        for rating in image.ratings { insert(rating) }
    }

}

/// The rating requests and ratings of a ``StoreImage``.
public struct RatingImage: CapabilityImage {
    public static let key = "ratings"

    /// All rating requests, sorted by identifier.
    public var requests: [RatingRequest]
    /// All ratings, sorted by identifier.
    public var ratings: [Rating]

    /// Describes the rating data of an image.
    public init(requests: [RatingRequest] = [], ratings: [Rating] = []) {
        self.requests = requests
        self.ratings = ratings
    }

    /// No requests, no ratings.
    public init() { self.init(requests: [], ratings: []) }

    public var isEmpty: Bool { requests.isEmpty && ratings.isEmpty }
}
