/// The demo's output, built line by line.
struct Transcript: Sendable {
    /// Everything written so far.
    private(set) var text = ""

    /// Appends `line` and a newline.
    mutating func line(_ line: String = "") {
        text += line + "\n"
    }

    /// Appends several lines.
    mutating func lines(_ lines: [String]) {
        for line in lines { self.line(line) }
    }

    /// Appends a section heading underlined with `=`, preceded by a blank line.
    mutating func heading(_ title: String) {
        line()
        line(title)
        line(String(repeating: "=", count: title.count))
    }

    /// Appends a short explanatory paragraph, indented by two spaces.
    mutating func note(_ text: String) {
        line("  " + text)
    }
}
