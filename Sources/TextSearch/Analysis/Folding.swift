import Foundation

/// What one Unicode scalar is to the word splitter, after folding.
enum ScalarKind: UInt8, Sendable {
    /// Ends a word: spaces, punctuation (hyphens included), symbols, emoji, controls.
    case separator = 0
    /// A letter of the Latin script (stemmed by the English stemmer).
    case latin
    /// A letter of the Cyrillic script (stemmed by the Russian stemmer).
    case cyrillic
    /// A letter of any other script (never stemmed).
    case otherLetter
    /// A decimal digit of any script (`Nd`); a word with one is never stemmed.
    case digit
    /// A combining mark (`Mn`, `Mc`, `Me`): dropped after Latin and Cyrillic letters and digits, kept after others.
    case mark
    /// An apostrophe (`'`, `’`, `ʼ`): kept as `'` between two Latin letters, otherwise it ends the word.
    case apostrophe
}

/// The folding of one scalar: its kind and up to three folded scalars, each tagged with its own kind.
///
/// Rules (see `TextAnalyzer` for the summary):
/// - letters are case-folded with full Unicode case folding (Foundation's case-insensitive folding:
///   `ß` → `ss`, `ς` → `σ`, `ﬁ` → `fi`, `İ` → `i` + a combining dot, which is then dropped);
/// - Latin and Cyrillic letters are then canonically decomposed and their combining marks dropped
///   (`é` → `e`, `ё` → `е`, `ї` → `і`, `ў` → `у`), except `й`, which stays `й`;
/// - letters of other scripts are only case-folded (no normalization: their marks stay);
/// - non-letters are not changed (digits stay in their script; marks are kept as marks).
struct FoldedScalar: Sendable {
    /// The kind of the scalar read.
    var kind: ScalarKind
    /// How many folded scalars `items` holds (0 for separators and apostrophes).
    var count: Int
    /// Up to three folded scalars, each `scalar | kind << 24`.
    var items: (UInt32, UInt32, UInt32)

    /// Packs `scalar` with its `kind` as one item.
    @inline(__always) static func item(_ scalar: UInt32, _ kind: ScalarKind) -> UInt32 {
        scalar | UInt32(kind.rawValue) << 24
    }

    /// The item at `index` (0..<count).
    @inline(__always) func item(_ index: Int) -> UInt32 {
        switch index {
        case 0: items.0
        case 1: items.1
        default: items.2
        }
    }
}

enum Folding {
    /// Scalars below this bound (ASCII, Latin-1, Latin Extended-A/B, IPA, Greek, Cyrillic, Armenian,
    /// Hebrew) are folded by a table computed once; so are Latin Extended Additional and Greek Extended
    /// (U+1E00–U+1FFF). Others are folded when read (CJK and Hangul syllables have a fast path).
    static let tableEnd: UInt32 = 0x600
    static let extendedStart: UInt32 = 0x1E00
    static let extendedEnd: UInt32 = 0x2000

    /// `[header, item, item, item]` per scalar of the table ranges (header: kind | count << 8).
    static let table: [UInt32] = {
        var table: [UInt32] = []
        table.reserveCapacity(Int(tableEnd + (extendedEnd - extendedStart)) * 4)
        let ranges = [0..<tableEnd, extendedStart..<extendedEnd]
        for range in ranges {
            for value in range {
                let folded =
                    Unicode.Scalar(value).map(fold) ?? FoldedScalar(kind: .separator, count: 0, items: (0, 0, 0))
                table.append(UInt32(folded.kind.rawValue) | UInt32(folded.count) << 8)
                table.append(folded.items.0)
                table.append(folded.items.1)
                table.append(folded.items.2)
            }
        }
        return table
    }()

    /// The folding of `value`: through `table` (``Folding/table``) when it is in its ranges, computed otherwise.
    @inline(__always) static func lookup(_ value: UInt32, in table: UnsafeBufferPointer<UInt32>) -> FoldedScalar {
        var index: Int
        if value < tableEnd {
            index = Int(value)
        } else if value >= extendedStart && value < extendedEnd {
            index = Int(tableEnd + value - extendedStart)
        } else {
            return Unicode.Scalar(value).map(fold) ?? FoldedScalar(kind: .separator, count: 0, items: (0, 0, 0))
        }
        index &*= 4
        let header = table[index]
        return FoldedScalar(
            kind: ScalarKind(rawValue: UInt8(truncatingIfNeeded: header)) ?? .separator, count: Int(header >> 8),
            items: (table[index &+ 1], table[index &+ 2], table[index &+ 3]))
    }

    /// Whether `value` is a Latin letter's code point (the ranges the English stemmer and accent stripping apply to).
    static func isLatinRange(_ value: UInt32) -> Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0xAA, 0xBA, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2AF, 0x1E00...0x1EFF,
            0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F, 0xFB00...0xFB06:
            true
        default: false
        }
    }

    /// Whether `value` is a Cyrillic letter's code point.
    static func isCyrillicRange(_ value: UInt32) -> Bool {
        switch value {
        case 0x400...0x52F, 0x1C80...0x1C8F, 0xA640...0xA69F: true
        default: false
        }
    }

    /// The kind of a letter scalar by its script.
    static func letterKind(_ value: UInt32) -> ScalarKind {
        if isLatinRange(value) { return .latin }
        if isCyrillicRange(value) { return .cyrillic }
        return .otherLetter
    }

    /// The kind of `scalar` before folding, from its general category.
    static func kind(of scalar: Unicode.Scalar) -> ScalarKind {
        switch scalar.value {
        case 0x27, 0x2019, 0x2BC: return .apostrophe
        default: break
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return letterKind(scalar.value)
        case .decimalNumber: return .digit
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        default: return .separator
        }
    }

    /// Folds one scalar by the rules of ``FoldedScalar`` (slow: used to build the table and for rare scalars).
    static func fold(_ scalar: Unicode.Scalar) -> FoldedScalar {
        let kind = kind(of: scalar)
        var result = FoldedScalar(kind: kind, count: 0, items: (0, 0, 0))
        switch kind {
        case .separator, .apostrophe: return result
        case .digit, .mark:
            result.count = 1
            result.items.0 = FoldedScalar.item(scalar.value, kind)
            return result
        case .latin, .cyrillic, .otherLetter: break
        }
        if kind == .otherLetter && !scalar.properties.changesWhenCaseFolded {  // most scripts: as is
            result.count = 1
            result.items.0 = FoldedScalar.item(scalar.value, kind)
            return result
        }
        var folded: [UInt32] = []
        let caseFolded =
            scalar.properties.changesWhenCaseFolded
            ? String(scalar).folding(options: [.caseInsensitive], locale: nil) : String(scalar)
        for value in caseFolded.unicodeScalars {
            if value.value == 0x439 || value.value == 0x419 {  // й is a letter of its own, not и with a breve
                folded.append(0x439)
            } else if isLatinRange(value.value) || isCyrillicRange(value.value) {
                for part in String(value).decomposedStringWithCanonicalMapping.unicodeScalars
                where self.kind(of: part) != .mark {
                    folded.append(part.value)
                }
            } else if !(self.kind(of: value) == .mark
                && folded.last.map { isLatinRange($0) || isCyrillicRange($0) } == true)
            {
                folded.append(value.value)
            }
        }
        for value in folded.prefix(3) {
            guard let folded = Unicode.Scalar(value) else { continue }
            let itemKind = self.kind(of: folded)
            guard itemKind != .separator && itemKind != .apostrophe else { continue }  // ŉ → ʼn: the ʼ goes
            let item = FoldedScalar.item(value, itemKind)
            switch result.count {
            case 0: result.items.0 = item
            case 1: result.items.1 = item
            default: result.items.2 = item
            }
            result.count += 1
        }
        if result.count == 0 { result.kind = .separator }
        return result
    }
}
