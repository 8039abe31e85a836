import Foundation

/// Customer satisfaction of one group of ratings.
public struct SatisfactionRow: ReportRow, Hashable {
    /// The group.
    public var key: ReportKey
    /// Ratings given.
    public var ratings: Int
    /// Ratings in the top quarter of their scale (4 and 5 on 1…5): `4 × (score − lowest) ≥ 3 × (highest − lowest)`.
    public var satisfied: Int
    /// Sum of the raw scores.
    public var scoreSum: Int
    /// Sum of the scores normalized to 0…1 on their scale.
    public var normalizedSum: Double
    /// The CSAT index: `satisfied / ratings × 100`.
    public var csatPercent: Double? { ratings == 0 ? nil : Double(satisfied) * 100 / Double(ratings) }
    /// Mean raw score (meaningful when every rating used the same scale).
    public var averageScore: Double? { ratings == 0 ? nil : Double(scoreSum) / Double(ratings) }
    /// Mean score normalized to 0…100 on each rating's scale.
    public var averageNormalizedPercent: Double? { ratings == 0 ? nil : normalizedSum * 100 / Double(ratings) }

    /// `true` when `score` counts as satisfied on `scale` (computed in 128 bits: any scale is safe).
    public static func isSatisfied(score: Int, scale: ClosedRange<Int>) -> Bool {
        let lowest = Int128(scale.lowerBound)
        return 4 * (Int128(score) - lowest) >= 3 * (Int128(scale.upperBound) - lowest)
    }

    mutating func add(_ rating: Rating) {
        ratings += 1
        scoreSum += rating.score
        if Self.isSatisfied(score: rating.score, scale: rating.scale) { satisfied += 1 }
        let width = rating.scale.upperBound - rating.scale.lowerBound
        normalizedSum += width == 0 ? 1 : Double(rating.score - rating.scale.lowerBound) / Double(width)
    }

    /// CSV columns.
    public static let csvColumns =
        CSVText.keyColumns + [
            ReportColumn("ratings", .count), ReportColumn("satisfied", .count), ReportColumn("csat_percent", .percent),
            ReportColumn("average_score", .score), ReportColumn("average_normalized_percent", .percent),
        ]
    /// CSV fields.
    public var csvFields: [String] {
        CSVText.key(key) + [
            String(ratings), String(satisfied), CSVText.of(csatPercent), CSVText.of(averageScore),
            CSVText.of(averageNormalizedPercent),
        ]
    }
}

/// One client comment left with a rating.
public struct FeedbackCommentRow: ReportRow, Hashable {
    /// When the rating was given.
    public var ratedAt: Date
    /// The rated ticket.
    public var ticketNumber: Int
    /// The score and its scale's highest value.
    public var score: Int
    /// The highest score of the scale in force.
    public var scaleMaximum: Int
    /// The assignee rated.
    public var assigneeID: EmployeeID?
    /// The comment.
    public var comment: String

    /// Creates a row.
    public init(
        ratedAt: Date, ticketNumber: Int, score: Int, scaleMaximum: Int, assigneeID: EmployeeID?, comment: String
    ) {
        self.ratedAt = ratedAt
        self.ticketNumber = ticketNumber
        self.score = score
        self.scaleMaximum = scaleMaximum
        self.assigneeID = assigneeID
        self.comment = comment
    }

    /// CSV columns.
    public static let csvColumns = [
        ReportColumn("rated_at", .instant), ReportColumn("ticket_number", .text), ReportColumn("score", .score),
        ReportColumn("scale_maximum", .score), ReportColumn("assignee_id", .text), ReportColumn("comment", .text),
    ]
    /// CSV fields.
    public var csvFields: [String] {
        [
            CSVText.of(ratedAt), String(ticketNumber), String(score), String(scaleMaximum),
            assigneeID?.description ?? "", comment,
        ]
    }
}

extension ReportEngine {
    /// Ratings given in the period with their tickets, filtered: ticket filters on the rated ticket,
    /// the employee filter on the assignee at rating time.
    func filteredRatings(_ request: ReportRequest) async throws -> [(Rating, Ticket)] {
        var result: [(Rating, Ticket)] = []
        // A store without the ratings feature has no ratings to report.
        guard let ratings = try store.feature((any RatingRepository).self) else { return [] }
        for rating in try await ratings.ratings(ratedIn: request.period) {
            guard let ticket = try await store.ticket(rating.ticketID),
                request.filter.matchesTicketExceptEmployee(ticket),
                request.filter.employeeIDs?.contains(rating.assigneeID) ?? true
            else { continue }
            result.append((rating, ticket))
        }
        return result
    }

    /// Satisfaction grouped by `dimension`: the employee is the assignee at rating time, a trend
    /// buckets by rating instant, other dimensions come from the rated ticket.
    ///
    /// - Complexity: O(*r*) ratings, one ticket read each.
    public func satisfaction(_ request: ReportRequest, by dimension: ReportDimension) async throws -> [SatisfactionRow]
    {
        try request.validate()
        let buckets = request.buckets
        let empty = SatisfactionRow(
            key: ReportKey(dimension: dimension, value: nil), ratings: 0, satisfied: 0, scoreSum: 0, normalizedSum: 0)
        var groups = Groups(empty: empty, buckets: buckets.starts.count)
        for (rating, ticket) in try await filteredRatings(request) {
            guard let bucket = buckets.index(of: rating.ratedAt) else { continue }
            let key =
                dimension == .employee
                ? .employee(rating.assigneeID) : ReportGroupKey.of(ticket, along: dimension, bucket: bucket)
            groups.update(key) { $0.add(rating) }
        }
        return try await rows(groups.all, dimension: dimension, request: request, buckets: buckets) { key, row in
            var row = row
            row.key = key
            return row
        }
    }

    /// The comments clients left with their ratings in the period, oldest first.
    ///
    /// - Complexity: O(*r*) ratings.
    public func feedbackComments(_ request: ReportRequest) async throws -> [FeedbackCommentRow] {
        try request.validate()
        return try await filteredRatings(request).compactMap { rating, _ in
            rating.comment.map {
                FeedbackCommentRow(
                    ratedAt: rating.ratedAt, ticketNumber: rating.ticketNumber.rawValue, score: rating.score,
                    scaleMaximum: rating.scale.upperBound, assigneeID: rating.assigneeID, comment: $0)
            }
        }
    }
}
