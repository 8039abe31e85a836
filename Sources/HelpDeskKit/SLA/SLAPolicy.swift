import WorkingTime

/// The host-chosen code of an SLA policy, e.g. `standard` or `gold`.
public struct SLAPolicyID: RawRepresentable, Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The code text.
    public let rawValue: String

    /// Wraps a code.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps a code.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public init(stringLiteral value: String) { rawValue = value }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Reaction and resolution targets in working time; a `nil` target is not measured.
public struct SLATargets: Hashable, Sendable, Codable {
    /// Working time allowed until the reaction.
    public var reaction: WorkingDuration?
    /// Working time allowed until the resolution.
    public var resolution: WorkingDuration?

    /// Describes targets.
    public init(reaction: WorkingDuration? = nil, resolution: WorkingDuration? = nil) {
        self.reaction = reaction
        self.resolution = resolution
    }
}

/// Which event stops the reaction clock.
public enum ReactionStop: String, Hashable, Sendable, Codable {
    /// An employee's first public reply to the client.
    case firstPublicResponse
    /// The ticket is taken into work (enters an `open` status).
    case takenIntoWork
    /// Whichever of the two comes first.
    case whicheverFirst
}

/// An SLA policy: targets by priority (optionally by service category), the calendar they are
/// counted in, what stops the reaction clock, and when to warn.
public struct SLAPolicy: Hashable, Sendable, Codable {
    /// The policy's code.
    public var id: SLAPolicyID
    /// Display name.
    public var name: String
    /// The working-time calendar targets are measured in.
    public var calendar: BusinessCalendar
    /// Targets by priority.
    public var targets: [Priority: SLATargets]
    /// Targets for particular service categories, overriding `targets` for the priorities they list.
    public var categoryTargets: [CategoryID: [Priority: SLATargets]]
    /// What stops the reaction clock.
    public var reactionStop: ReactionStop
    /// Percentages of a target's working time at which a warning is announced, ascending (1…99).
    public var warningThresholds: [Int]

    /// Describes a policy; ``SLAConfiguration`` validates it.
    public init(
        id: SLAPolicyID, name: String, calendar: BusinessCalendar, targets: [Priority: SLATargets],
        categoryTargets: [CategoryID: [Priority: SLATargets]] = [:], reactionStop: ReactionStop = .whicheverFirst,
        warningThresholds: [Int] = [75, 90]
    ) {
        self.id = id
        self.name = name
        self.calendar = calendar
        self.targets = targets
        self.categoryTargets = categoryTargets
        self.reactionStop = reactionStop
        self.warningThresholds = warningThresholds
    }

    /// The targets for a ticket of `priority` in `category`.
    public func targets(priority: Priority, category: CategoryID?) -> SLATargets {
        if let category, let override = categoryTargets[category]?[priority] { return override }
        return targets[priority] ?? SLATargets()
    }
}
