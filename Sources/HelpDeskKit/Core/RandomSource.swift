/// Produces unpredictable bits for the engine (rating tokens); injected so that runs are reproducible.
///
/// Hosts pass ``SystemRandomSource`` in production; tests, demos and simulations pass a
/// ``SeededRandomSource``, whose tokens are guessable by anyone who knows the seed.
public protocol RandomSource: Sendable {
    /// Returns the next 64 random bits.
    mutating func nextUInt64() -> UInt64
}

/// Deterministic bits from SplitMix64: the same seed always yields the same tokens. Not for production.
public struct SeededRandomSource: RandomSource {
    private var generator: SplitMix64

    /// Creates a source whose sequence is fixed by `seed` (use a seed unlike the identifier source's).
    public init(seed: UInt64) {
        generator = SplitMix64(seed: seed)
    }

    public mutating func nextUInt64() -> UInt64 { generator.next() }
}

/// Cryptographically secure bits from the operating system, for production hosts.
public struct SystemRandomSource: RandomSource {
    /// Creates the source.
    public init() {}

    public mutating func nextUInt64() -> UInt64 {
        var generator = SystemRandomNumberGenerator()
        return generator.next()
    }
}
