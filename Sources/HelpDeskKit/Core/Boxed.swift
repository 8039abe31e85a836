/// Stores a large optional value behind one reference, so the enclosing struct stays small and
/// cheap to copy; value semantics are kept (the box is immutable and replaced on every change).
@propertyWrapper
public struct Boxed<Value: Hashable & Sendable & Codable>: Hashable, Sendable, Codable, CustomDebugStringConvertible {
    private final class Box: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box?

    /// Wraps `wrappedValue`.
    public init(wrappedValue: Value?) {
        box = wrappedValue.map(Box.init)
    }

    /// The stored value.
    public var wrappedValue: Value? {
        get { box?.value }
        set { box = newValue.map(Box.init) }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.wrappedValue == rhs.wrappedValue }

    public func hash(into hasher: inout Hasher) { hasher.combine(wrappedValue) }

    /// The wrapped value's debug text, so reflection shows the content rather than the box.
    public var debugDescription: String { String(reflecting: wrappedValue) }

    /// Encodes the value itself (or `null`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value = wrappedValue { try container.encode(value) } else { try container.encodeNil() }
    }

    /// Decodes the value itself (or `null`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(wrappedValue: container.decodeNil() ? nil : try container.decode(Value.self))
    }
}

extension KeyedEncodingContainer {
    /// Leaves an empty boxed value out, as synthesized coding does for a plain optional (a
    /// missing key already decodes as empty).
    public mutating func encode<Value>(_ value: Boxed<Value>, forKey key: Key) throws {
        try encodeIfPresent(value.wrappedValue, forKey: key)
    }
}
