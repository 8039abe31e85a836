import SeededRandom
import Templating

/// The error `Template(parsing:limits:)` throws for `source`, or `nil` when it parses.
func parseError(_ source: String, limits: TemplateLimits = .standard) -> TemplateError? {
    do {
        _ = try Template(parsing: source, limits: limits)
        return nil
    } catch {
        return error
    }
}

/// The error `validate(against:)` throws, or `nil` when the template passes.
func validationError(_ template: Template, _ schema: TemplateSchema) -> TemplateError? {
    do {
        try template.validate(against: schema)
        return nil
    } catch {
        return error
    }
}

/// A position from its three coordinates, for terse expectations.
func at(_ line: Int, _ column: Int, _ offset: Int) -> TemplatePosition {
    TemplatePosition(line: line, column: column, offset: offset)
}

/// HTML escaping written the slow, obvious way (per Unicode scalar, so `&` followed by a
/// combining mark is escaped too), to compare the engine's against.
func referenceHTMLEscaped(_ text: String) -> String {
    let entities: [Unicode.Scalar: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]
    return text.unicodeScalars.map { entities[$0] ?? String($0) }.joined()
}

extension SplitMix64 {
    /// A value in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// `true` with probability `percent`/100.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    /// One element of `choices`.
    mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }

    /// A string of up to `maximum` characters drawn from `alphabet`.
    mutating func text(from alphabet: [String], maximum: Int) -> String {
        (0..<below(maximum + 1)).map { _ in pick(alphabet) }.joined()
    }
}
