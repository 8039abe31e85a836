/// A small renderer of aligned plain-text tables: a header row, a rule, then the rows.
struct TextTable {
    /// How a column's cells line up.
    enum Alignment {
        case left, right
    }

    /// A column: its header and alignment.
    struct Column {
        /// The header text.
        var title: String
        /// Left for text, right for numbers.
        var alignment: Alignment

        /// Describes a column.
        init(_ title: String, _ alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    /// The columns, left to right.
    let columns: [Column]
    /// The cells, one array per row; short rows are padded with empty cells.
    private(set) var rows: [[String]] = []
    /// Text put before every line, e.g. an indent.
    var indent = "  "
    /// Text between two columns.
    var separator = "  "

    /// Creates an empty table with `columns`.
    init(_ columns: [Column]) {
        self.columns = columns
    }

    /// Appends a row of cells.
    mutating func add(_ cells: [String]) {
        rows.append(cells)
    }

    /// The width of each column: its widest cell or header, in characters.
    var widths: [Int] {
        columns.indices.map { index in
            rows.reduce(columns[index].title.count) { max($0, cell(index, of: $1).count) }
        }
    }

    /// The table as lines of text without trailing spaces.
    func render() -> [String] {
        let widths = widths
        let header = line(columns.map(\.title), widths: widths)
        let rule = indent + widths.map { String(repeating: "-", count: $0) }.joined(separator: separator)
        return [header, rule] + rows.map { line($0, widths: widths) }
    }

    /// The cell at `index` of `row`, or empty text when the row is short.
    private func cell(_ index: Int, of row: [String]) -> String {
        index < row.count ? row[index] : ""
    }

    /// One row padded to `widths`.
    private func line(_ cells: [String], widths: [Int]) -> String {
        let padded = columns.indices.map { index in
            Self.pad(cell(index, of: cells), to: widths[index], columns[index].alignment)
        }
        let text = indent + padded.joined(separator: separator)
        return String(text.reversed().drop(while: { $0 == " " }).reversed())
    }

    /// `text` padded with spaces to `width` characters on the side `alignment` asks for.
    static func pad(_ text: String, to width: Int, _ alignment: Alignment) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return alignment == .left ? text + fill : fill + text
    }
}
