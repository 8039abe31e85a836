/// The values a template is rendered with: plain strings by dotted path, formatted by the caller.
public struct TemplateValues: Hashable, Sendable, ExpressibleByDictionaryLiteral {
    /// The values by path, e.g. `"ticket.number": "2025-000154"`.
    public var byPath: [String: String]

    /// Creates values from a dictionary keyed by path.
    public init(_ byPath: [String: String] = [:]) { self.byPath = byPath }

    /// Creates values from a literal: `["contact.firstName": "Иван"]`.
    public init(dictionaryLiteral elements: (String, String)...) {
        byPath = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    /// The value at `path`, or `nil` when none is set; setting `nil` removes it.
    public subscript(path: String) -> String? {
        get { byPath[path] }
        set { byPath[path] = newValue }
    }
}
