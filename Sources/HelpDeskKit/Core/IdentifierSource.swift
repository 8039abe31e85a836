import Foundation

/// Produces new identifiers for the engine; injected so that runs are reproducible.
public protocol IdentifierSource: Sendable {
    /// Returns a fresh UUID, never returned before by this source.
    mutating func nextUUID() -> UUID
}

extension IdentifierSource {
    /// Returns a fresh typed identifier.
    public mutating func next<Tag>(_: Tag.Type = Tag.self) -> Identifier<Tag> {
        Identifier(nextUUID())
    }
}

/// A deterministic identifier source: the same seed always yields the same sequence of UUIDs.
///
/// Uses SplitMix64 and stamps the RFC 4122 version-4 and variant bits, so the values look like
/// ordinary random UUIDs.
public struct SeededIdentifierSource: IdentifierSource {
    private var generator: SplitMix64

    /// Creates a source whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        generator = SplitMix64(seed: seed)
    }

    public mutating func nextUUID() -> UUID {
        let high = (generator.next() & ~0xF000) | 0x4000
        let low = (generator.next() & ~(0b11 << 62)) | (0b10 << 62)
        return UUID(high: high, low: low)
    }
}

/// Random identifiers from the system, for production hosts that do not need replay.
public struct SystemIdentifierSource: IdentifierSource {
    /// Creates the source.
    public init() {}

    public mutating func nextUUID() -> UUID { UUID() }
}
