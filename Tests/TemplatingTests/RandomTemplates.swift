import SeededRandom

/// A template built from random pieces, with what each piece must render to.
struct RandomTemplate {
    /// One piece of the source.
    enum Piece {
        /// Source text and the text it renders to (differs for `{{{{` and `}}}}`).
        case literal(source: String, renders: String)
        /// A placeholder's path and fallback.
        case placeholder(path: String, fallback: String?)
    }

    var pieces: [Piece] = []

    /// The template source: the pieces' source text, placeholders written with random spacing.
    var source = ""

    /// Alphabets the generator draws from.
    struct Alphabets {
        var literal: [String]
        var fallback: [String]
    }

    static let identifiers = ["ticket", "number", "contact", "firstName", "a", "_x9", "Z"]
    static let spaces = ["", " ", "  ", "\n", "\t ", "\r\n"]

    /// Up to `maximumPieces` random pieces.
    init(_ random: inout SplitMix64, alphabets: Alphabets, maximumPieces: Int = 12) {
        for _ in 0..<random.below(maximumPieces + 1) {
            switch random.below(10) {
            case 0: add(source: "{{{{", renders: "{{")
            case 1: add(source: "}}}}", renders: "}}")
            case 2: add(source: "{ж", renders: "{ж")
            case 3: add(source: "}ж", renders: "}ж")
            case 4, 5, 6:
                let text = random.text(from: alphabets.literal, maximum: 20)
                add(source: text, renders: text)
            default:
                let path = (0...random.below(3)).map { _ in random.pick(Self.identifiers) }.joined(separator: ".")
                let fallback = random.chance(50) ? random.text(from: alphabets.fallback, maximum: 10) : nil
                source += "{{" + random.pick(Self.spaces) + path + random.pick(Self.spaces)
                if let fallback {
                    let quoted = fallback.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
                    source += "|" + random.pick(Self.spaces) + "\"" + quoted + "\"" + random.pick(Self.spaces)
                }
                source += "}}"
                pieces.append(.placeholder(path: path, fallback: fallback))
            }
        }
    }

    private mutating func add(source text: String, renders: String) {
        source += text
        pieces.append(.literal(source: text, renders: renders))
    }

    /// The paths of the placeholders, in order.
    var placeholderPaths: [String] {
        pieces.compactMap { if case .placeholder(let path, _) = $0 { path } else { nil } }
    }

    /// What rendering must produce: values where present and non-empty, else the fallback, else nothing.
    func expected(_ values: [String: String], escape: (String) -> String = { $0 }) -> String {
        pieces.map { piece in
            switch piece {
            case .literal(_, let renders): return renders
            case .placeholder(let path, let fallback):
                if let value = values[path], !value.isEmpty { return escape(value) }
                return escape(fallback ?? "")
            }
        }.joined()
    }
}
