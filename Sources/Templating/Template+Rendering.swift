extension Template {
    /// Renders the template with `values`, escaping each substituted value for the channel.
    ///
    /// A missing or empty value shows the placeholder's fallback, or nothing when it has none
    /// (``validate(against:)`` rejects that case for paths a schema marks optional). Never fails.
    ///
    /// - Complexity: O(output length); one pass over the pre-split pieces.
    public func render(_ values: TemplateValues, escaping: TemplateEscaping = .none) -> String {
        render(escaping: escaping) { values.byPath[$0] }
    }

    /// Renders the template, asking `value` for each placeholder's path (`nil` when missing).
    ///
    /// - Complexity: O(output length) plus one `value` call per placeholder.
    public func render(escaping: TemplateEscaping = .none, value: (String) -> String?) -> String {
        var output = String()
        output.reserveCapacity(literalByteCount + placeholders.count * 16)
        output += literals[0]
        for (number, placeholder) in placeholders.enumerated() {
            let text: String
            if let found = value(placeholder.path), !found.isEmpty {
                text = found
            } else {
                text = placeholder.fallback ?? ""
            }
            escaping.append(text, to: &output)
            output += literals[number + 1]
        }
        return output
    }
}
