import SeededRandom

/// The seeded generator behind identifiers, tokens and test data (from the `SeededRandom` module,
/// which the pure modules' tests use without importing HelpDeskKit).
public typealias SplitMix64 = SeededRandom.SplitMix64
