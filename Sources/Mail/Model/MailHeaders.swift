/// One header field, unfolded.
public struct MailHeader: Hashable, Sendable {
    /// The field name as written (`Subject`, `X-Autoreply`).
    public var name: String
    /// The value unfolded, encoded-words decoded and raw 8-bit text decoded by the charset guess;
    /// surrounding white space trimmed.
    public var value: String

    /// Describes a header field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// The header fields of a message or a part, in their order; names compare case-insensitively.
public struct MailHeaders: Hashable, Sendable, Sequence {
    /// Every field, in the order written.
    public var fields: [MailHeader]

    /// Describes a header block.
    public init(_ fields: [MailHeader] = []) { self.fields = fields }

    /// The first field named `name` (any case), or `nil`.
    public subscript(name: String) -> String? {
        fields.first { $0.name.caseInsensitivelyEquals(name) }?.value
    }

    /// Every field named `name` (any case), in order.
    public func values(_ name: String) -> [String] {
        fields.filter { $0.name.caseInsensitivelyEquals(name) }.map(\.value)
    }

    /// `true` when a field named `name` is present.
    public func contains(_ name: String) -> Bool { self[name] != nil }

    public func makeIterator() -> IndexingIterator<[MailHeader]> { fields.makeIterator() }
}

extension String {
    /// `true` when both strings are equal ignoring ASCII case (header names, tokens).
    @inlinable
    public func caseInsensitivelyEquals(_ other: String) -> Bool {
        let left = utf8
        let right = other.utf8
        guard left.count == right.count else { return false }
        for (a, b) in zip(left, right) where a != b {
            let la = a &+ (a >= 65 && a <= 90 ? 32 : 0)
            let lb = b &+ (b >= 65 && b <= 90 ? 32 : 0)
            if la != lb { return false }
        }
        return true
    }
}
