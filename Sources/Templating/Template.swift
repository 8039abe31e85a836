/// A parsed text template: literal text with `{{ path }}` and `{{ path | "fallback" }}` placeholders.
///
/// Parse once with ``init(parsing:limits:)``, check it against what the host can supply with
/// ``validate(against:)``, then render it any number of times: rendering is one pass over the
/// pre-split literal pieces and placeholders and never fails. See `Documentation/Templates.md`.
public struct Template: Hashable, Sendable, CustomStringConvertible {
    /// One `{{ … }}` of a template.
    public struct Placeholder: Hashable, Sendable {
        /// The dotted path, e.g. `contact.firstName`.
        public let path: String
        /// The text shown when the value is missing or empty (`nil` when the template gives none).
        public let fallback: String?
        /// Where the placeholder's `{{` stands in the source.
        public let position: TemplatePosition
    }

    /// The source text the template was parsed from.
    public let source: String
    /// The placeholders in the order they appear.
    public let placeholders: [Placeholder]
    /// The literal text around the placeholders: always `placeholders.count + 1` pieces, escapes resolved.
    let literals: [String]
    /// UTF-8 bytes of all literal pieces together, to size the output once.
    let literalByteCount: Int

    /// Parses `source`, throwing a ``TemplateError`` with the position of the first problem.
    ///
    /// - Complexity: O(n) in the source's length.
    public init(parsing source: String, limits: TemplateLimits = .standard) throws(TemplateError) {
        let parsed = try TemplateParser.parse(source, limits: limits)
        self.source = source
        self.placeholders = parsed.placeholders
        self.literals = parsed.literals
        self.literalByteCount = parsed.literals.reduce(0) { $0 + $1.utf8.count }
    }

    /// The distinct placeholder paths, in order of first use.
    public var paths: [String] {
        var seen = Set<String>()
        return placeholders.map(\.path).filter { seen.insert($0).inserted }
    }

    /// The source text.
    public var description: String { source }

    /// Two templates are equal when their sources are.
    public static func == (lhs: Template, rhs: Template) -> Bool { lhs.source == rhs.source }

    /// Hashes the source.
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }
}
