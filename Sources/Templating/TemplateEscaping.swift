/// How substituted values are escaped for an output channel; the template's own text never is.
public struct TemplateEscaping: Sendable {
    private enum Kind: Sendable {
        case none
        case html
        case custom(@Sendable (String) -> String)
    }
    private let kind: Kind

    /// Values are inserted as they are (plain-text mail, SMS, messengers without markup).
    public static let none = TemplateEscaping(kind: .none)
    /// `&`, `<`, `>`, `"` and `'` in values become `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&#39;`.
    public static let html = TemplateEscaping(kind: .html)

    /// A channel's own escaping (Markdown, a messenger's markup), applied to every substituted value.
    public static func custom(_ escape: @escaping @Sendable (String) -> String) -> TemplateEscaping {
        TemplateEscaping(kind: .custom(escape))
    }

    /// Appends `value`, escaped for this channel, to `output`.
    func append(_ value: String, to output: inout String) {
        switch kind {
        case .none: output += value
        case .html: Self.appendHTML(value, to: &output)
        case .custom(let escape): output += escape(value)
        }
    }

    /// Escapes the five HTML-significant characters; a value without any is appended whole.
    private static func appendHTML(_ value: String, to output: inout String) {
        let needsEscaping = value.utf8.contains { byte in
            byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
        }
        guard needsEscaping else {
            output += value
            return
        }
        let utf8 = value.utf8
        var run = utf8.startIndex  // the first byte not yet appended
        var index = run
        while index != utf8.endIndex {
            let entity: String? = switch utf8[index] {
            case 0x26: "&amp;"
            case 0x3C: "&lt;"
            case 0x3E: "&gt;"
            case 0x22: "&quot;"
            case 0x27: "&#39;"
            default: nil
            }
            if let entity {
                output += Substring(utf8[run..<index])  // ends before an ASCII byte: whole scalars
                output += entity
                run = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        output += Substring(utf8[run...])
    }
}
