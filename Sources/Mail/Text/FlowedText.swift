/// Unwrapping `format=flowed` text (RFC 3676): a line ending in a space continues on the next line of the
/// same quote depth; space-stuffing is undone; the signature separator `-- ` stays a line of its own.
enum FlowedText {
    /// `text` (line ends `\n`) with its soft line breaks joined; `deleteSpace` for `DelSp=yes`.
    static func unwrapped(_ text: String, deleteSpace: Bool) -> String {
        var output: [String] = []
        var paragraph = ""
        var paragraphDepth = -1
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(rawLine)
            var depth = 0
            while line.first == ">" {
                depth += 1
                line = line.dropFirst()
            }
            if line.first == " " { line = line.dropFirst() }  // space-stuffing
            let isSignature = line == "-- "
            let flowed = !isSignature && line.last == " "
            if paragraphDepth >= 0 && depth != paragraphDepth {
                output.append(quoted(paragraph, paragraphDepth))
                paragraph = ""
                paragraphDepth = -1
            }
            paragraph += flowed && deleteSpace ? line.dropLast() : line
            paragraphDepth = depth
            if !flowed {
                output.append(quoted(paragraph, depth))
                paragraph = ""
                paragraphDepth = -1
            }
        }
        if paragraphDepth >= 0 { output.append(quoted(paragraph, paragraphDepth)) }
        return output.joined(separator: "\n")
    }

    /// `line` behind `depth` quote marks (`> ` before quoted text, as readers show it).
    private static func quoted(_ line: String, _ depth: Int) -> String {
        guard depth > 0 else { return line }
        return String(repeating: ">", count: depth) + (line.isEmpty ? "" : " " + line)
    }
}
