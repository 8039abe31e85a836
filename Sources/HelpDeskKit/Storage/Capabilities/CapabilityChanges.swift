/// A capability's share of a ``UnitOfWork``: the records it writes, committed atomically with the
/// rest of the unit.
///
/// A unit holds at most one value of each conforming type (``UnitOfWork/subscript(_:)``), and
/// only when it is not empty. The value is encoded *flat* into the unit's JSON: a conforming type
/// owns a few top-level keys of its own (unique across capabilities) and decodes leniently — a
/// missing key is an empty list — so units journaled before the capability existed still load.
public protocol CapabilityChanges: Hashable, Sendable, Codable {
    /// No changes.
    init()
    /// `true` when these changes write nothing.
    var isEmpty: Bool { get }
    /// Calls `body` with each record these changes write or whose commit rules read (see
    /// ``UnitOfWork/forEachConflictKey(_:)``).
    func forEachConflictKey(_ body: (ConflictKey) -> Void)
}

extension CapabilityChanges {
    /// `true` when `other` holds the same changes.
    fileprivate func isEqual(to other: any CapabilityChanges) -> Bool {
        (other as? Self) == self
    }
}

/// The capability changes of one unit of work, at most one non-empty value per type.
public struct CapabilityChangeSet: Hashable, Sendable {
    private var parts: [ObjectIdentifier: any CapabilityChanges] = [:]

    /// No changes.
    public init() {}

    /// `true` when no capability changes anything.
    public var isEmpty: Bool { parts.isEmpty }

    /// The changes of type `type`; empty when the unit has none.
    public subscript<Changes: CapabilityChanges>(_ type: Changes.Type) -> Changes {
        get { parts[ObjectIdentifier(type)] as? Changes ?? Changes() }
        set { parts[ObjectIdentifier(type)] = newValue.isEmpty ? nil : newValue }
    }

    /// Every non-empty part, in registration order (the order they are encoded, validated and
    /// applied in).
    public var all: [any CapabilityChanges] {
        Capabilities.changeTypes.compactMap { parts[ObjectIdentifier($0)] }
    }

    /// `true` when the set holds a part of a type no capability registers (such a unit cannot be
    /// encoded or validated; an adapter refuses it).
    public var holdsUnregisteredParts: Bool {
        parts.count != all.count
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.parts.count == rhs.parts.count
            && lhs.parts.allSatisfy { key, part in rhs.parts[key].map(part.isEqual(to:)) ?? false }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(parts.count)
        // Order-independent: a dictionary's iteration order depends on its history.
        var combined = 0
        for (key, part) in parts {
            var partHasher = Hasher()
            partHasher.combine(key)
            partHasher.combine(part)
            combined ^= partHasher.finalize()
        }
        hasher.combine(combined)
    }
}

extension CapabilityChangeSet {
    /// Encodes every part flat into `encoder`'s keyed container, in registration order.
    func encode(to encoder: any Encoder) throws {
        for part in all { try part.encode(to: encoder) }
    }

    /// Decodes every registered capability's part from `decoder`, keeping the non-empty ones.
    init(from decoder: any Decoder) throws {
        for type in Capabilities.changeTypes {
            let part = try type.init(from: decoder)
            if !part.isEmpty { parts[ObjectIdentifier(type)] = part }
        }
    }
}
