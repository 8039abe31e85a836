import Foundation

/// The desk's labor settings: activity codes, the charge rounding step and entry bounds, validated when built.
public struct LaborConfiguration: Hashable, Sendable {
    /// Activities time can be logged for, in display order.
    public let activities: [LaborActivity]
    /// Charged minutes are spent minutes rounded **up** to a multiple of this step; 0 or 1 means
    /// no rounding. A contract's own step will take precedence (see ``LaborRoundingChoice``).
    public let roundingStepMinutes: Int
    /// Largest accepted number of minutes in one entry (default 24 hours).
    public let maximumEntryMinutes: Int
    /// The zone whose calendar date is "today" when checking that a work date is not in the future.
    public let timeZone: TimeZone

    /// Standard activities, no rounding, at most 24 hours per entry, dates in UTC.
    public static let standard = LaborConfiguration(
        unchecked: LaborActivity.standard, roundingStepMinutes: 1, maximumEntryMinutes: 1_440,
        timeZone: TimeZone(identifier: "UTC")!)

    private init(
        unchecked activities: [LaborActivity], roundingStepMinutes: Int, maximumEntryMinutes: Int, timeZone: TimeZone
    ) {
        self.activities = activities
        self.roundingStepMinutes = roundingStepMinutes
        self.maximumEntryMinutes = maximumEntryMinutes
        self.timeZone = timeZone
    }

    /// Validates and builds a configuration.
    public init(
        activities: [LaborActivity] = LaborActivity.standard, roundingStepMinutes: Int = 1,
        maximumEntryMinutes: Int = 1_440,
        timeZone: TimeZone = TimeZone(identifier: "UTC")!
    ) throws(LaborConfigurationError) {
        var codes = Set<String>()
        for activity in activities {
            guard !activity.code.isBlank, !activity.name.isBlank else { throw .blankActivity }
            guard codes.insert(activity.code).inserted else { throw .duplicateActivity(activity.code) }
        }
        guard (0...1_440).contains(roundingStepMinutes) else { throw .invalidRoundingStep(roundingStepMinutes) }
        guard (1...10_080).contains(maximumEntryMinutes) else { throw .invalidMaximumEntryMinutes(maximumEntryMinutes) }
        self.init(
            unchecked: activities, roundingStepMinutes: roundingStepMinutes, maximumEntryMinutes: maximumEntryMinutes,
            timeZone: timeZone)
    }

    /// The activity with `code`, if configured.
    public func activity(_ code: String) -> LaborActivity? { activities.first { $0.code == code } }
}

/// Why a labor configuration was rejected.
public enum LaborConfigurationError: Error, Hashable, Sendable {
    /// An activity has a blank code or name.
    case blankActivity
    /// Two activities share a code.
    case duplicateActivity(String)
    /// The rounding step is outside 0…1440 minutes.
    case invalidRoundingStep(Int)
    /// The per-entry maximum is outside 1…10080 minutes.
    case invalidMaximumEntryMinutes(Int)
}
