/// How automation rules run.
public struct RuleSettings: Hashable, Sendable {
    /// How many passes over the rules one command may take (each pass runs every rule that has not
    /// fired yet); a cascade needing more fails the command with
    /// ``HelpDeskError/Reason/ruleCascadeTooDeep(_:passes:)`` and nothing is committed. Default 10, at least 1.
    public var maximumPasses: Int {
        didSet { maximumPasses = max(1, maximumPasses) }
    }
    /// The most rules a desk keeps (default 500).
    public var maximumRules: Int
    /// The most time-rule firings one ``HelpDesk/tick(now:)`` makes (default 1,000, at least 1):
    /// the oldest tickets go first and the rest wait for the next tick, counted in
    /// ``TickReport/deferredRuleFirings``.
    public var maximumTimeFiringsPerTick: Int {
        didSet { maximumTimeFiringsPerTick = max(1, maximumTimeFiringsPerTick) }
    }

    /// Describes the settings.
    public init(maximumPasses: Int = 10, maximumRules: Int = 500, maximumTimeFiringsPerTick: Int = 1_000) {
        self.maximumPasses = max(1, maximumPasses)
        self.maximumRules = max(1, maximumRules)
        self.maximumTimeFiringsPerTick = max(1, maximumTimeFiringsPerTick)
    }
}
