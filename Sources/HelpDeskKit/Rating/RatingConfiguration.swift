import Foundation

/// The desk's satisfaction-rating settings, validated when built. Ratings are off unless
/// ``HelpDeskConfiguration/ratings`` is set, and the engine needs a ``RandomSource`` for tokens.
public struct RatingConfiguration: Hashable, Sendable {
    /// The allowed scores (default 1…5); at least two values, none negative.
    public let scale: ClosedRange<Int>
    /// How long a request stays usable after it is issued (default 14 days).
    public let requestLifetime: TimeInterval
    /// Scores at or below this are low and escalated; `nil` never escalates (default 2).
    public let lowScoreThreshold: Int?
    /// Managers told about low ratings (`lowRatingReceived`), sorted.
    public let escalationRecipientIDs: [EmployeeID]

    /// The defaults: 1…5, 14 days, escalate 1 and 2 to nobody.
    public static let standard = RatingConfiguration(
        unchecked: 1...5, requestLifetime: 14 * 86_400, lowScoreThreshold: 2, escalationRecipientIDs: [])

    private init(unchecked scale: ClosedRange<Int>, requestLifetime: TimeInterval, lowScoreThreshold: Int?, escalationRecipientIDs: [EmployeeID]) {
        self.scale = scale
        self.requestLifetime = requestLifetime
        self.lowScoreThreshold = lowScoreThreshold
        self.escalationRecipientIDs = escalationRecipientIDs
    }

    /// Validates and builds a configuration.
    public init(
        scale: ClosedRange<Int> = 1...5, requestLifetime: TimeInterval = 14 * 86_400, lowScoreThreshold: Int? = 2,
        escalationRecipientIDs: [EmployeeID] = []
    ) throws(RatingConfigurationError) {
        guard scale.lowerBound >= 0, scale.count >= 2, scale.upperBound <= 100 else { throw .invalidScale(scale) }
        guard requestLifetime > 0, requestLifetime.isFinite else { throw .nonPositiveLifetime }
        if let lowScoreThreshold, !scale.contains(lowScoreThreshold) { throw .thresholdOffScale(lowScoreThreshold) }
        self.init(
            unchecked: scale, requestLifetime: requestLifetime, lowScoreThreshold: lowScoreThreshold,
            escalationRecipientIDs: Array(Set(escalationRecipientIDs)).sorted())
    }

    /// `true` when `score` must be escalated to the managers.
    public func isLow(_ score: Int) -> Bool { lowScoreThreshold.map { score <= $0 } ?? false }
}

/// Why a rating configuration was rejected.
public enum RatingConfigurationError: Error, Hashable, Sendable {
    /// The scale has fewer than two scores, a negative score, or scores above 100.
    case invalidScale(ClosedRange<Int>)
    /// The request lifetime is not a positive number of seconds.
    case nonPositiveLifetime
    /// The low-score threshold is not on the scale.
    case thresholdOffScale(Int)
}
