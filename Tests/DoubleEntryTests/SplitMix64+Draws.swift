import SeededRandom

extension SplitMix64 {
    /// A value in `0..<bound`.
    mutating func below(_ bound: UInt64) -> UInt64 { next() % bound }

    /// `true` with probability `percent`/100.
    mutating func chance(_ percent: UInt64) -> Bool { below(100) < percent }
}
