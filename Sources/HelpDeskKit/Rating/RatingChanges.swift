/// The rating part of a ``UnitOfWork``: requests issued or withdrawn, ratings given.
public struct RatingChanges: CapabilityChanges {
    /// Rating requests to insert or replace (a withdrawal replaces the request).
    public var requests: [RatingRequest] = []
    /// Ratings to insert; at most one per request, ever.
    public var ratings: [Rating] = []

    /// No changes.
    public init() {}

    public var isEmpty: Bool { requests.isEmpty && ratings.isEmpty }

    public func forEachConflictKey(_ body: (ConflictKey) -> Void) {
        for request in requests {
            body(.record(kind: "ratingRequest", id: request.id.description))
            body(.record(kind: "ratingToken", id: request.token.rawValue))
            body(.ticket(request.ticketID))
        }
        for rating in ratings {
            body(.record(kind: "rating", id: rating.id.description))
            body(.record(kind: "ratingRequest", id: rating.requestID.description))
        }
    }

    // The keys units have carried since ratings were introduced.
    private enum CodingKeys: String, CodingKey {
        case requests = "ratingRequests"
        case ratings
    }

    /// Decodes leniently: a missing list is empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        requests = try container.decodeIfPresent([RatingRequest].self, forKey: .requests) ?? []
        ratings = try container.decodeIfPresent([Rating].self, forKey: .ratings) ?? []
    }

    /// Encodes only the non-empty lists.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if !requests.isEmpty { try container.encode(requests, forKey: .requests) }
        if !ratings.isEmpty { try container.encode(ratings, forKey: .ratings) }
    }
}

extension UnitOfWork {
    /// Rating requests to insert or replace (``RatingChanges/requests``).
    public var ratingRequests: [RatingRequest] {
        get { self[RatingChanges.self].requests }
        set { self[RatingChanges.self].requests = newValue }
    }

    /// Ratings to insert (``RatingChanges/ratings``).
    public var ratings: [Rating] {
        get { self[RatingChanges.self].ratings }
        set { self[RatingChanges.self].ratings = newValue }
    }
}

extension StoreImage {
    /// Rating requests and ratings.
    public var ratings: RatingImage {
        get { capabilities[RatingImage.self] }
        set { capabilities[RatingImage.self] = newValue }
    }
}

extension Capability {
    /// Ratings: a request when a ticket is resolved, the client's score by token.
    static let ratings = Capability(name: "ratings", tables: RatingTables.self, ticketHooks: [.ratingRequests])
}
