/// Splits UTF-8 text into folded words, one at a time, into one reused buffer of scalars.
///
/// A word is a maximal run of letters and decimal digits (any script), with an apostrophe kept between
/// two Latin letters (`don't`, `o'neil`) and combining marks handled as ``ScalarKind/mark`` says.
/// Everything else — spaces, hyphens, other punctuation, symbols, emoji, invalid UTF-8 — ends a word.
struct WordScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let table: UnsafeBufferPointer<UInt32>
    private var position = 0

    /// The folded scalars of the current word (valid after ``next()`` returned `true`).
    private(set) var word: [UInt32] = []
    /// How many of the current word's scalars are Latin letters, Cyrillic letters, other letters or marks, digits.
    private(set) var latin = 0
    private(set) var cyrillic = 0
    private(set) var other = 0
    private(set) var digits = 0
    private var lastKind = ScalarKind.separator
    private var pendingApostrophe = false

    /// A scanner over `bytes` (UTF-8; invalid sequences end words) folding through `table` (``Folding/table``).
    init(bytes: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt32>) {
        self.bytes = bytes
        self.table = table
        word.reserveCapacity(64)
    }

    /// Which stemmer the current word goes to.
    var script: Stemming.Script {
        Stemming.script(latin: latin, cyrillic: cyrillic, other: other, digits: digits)
    }

    /// Stems ``word`` in place by its script (see ``Stemming``).
    mutating func stemWord(with stemmers: Stemmers) {
        stemmers.stem(&word, script)
    }

    /// Reads the next word into ``word``; `false` at the end of the text.
    mutating func next() -> Bool {
        word.removeAll(keepingCapacity: true)
        latin = 0
        cyrillic = 0
        other = 0
        digits = 0
        lastKind = .separator
        pendingApostrophe = false
        let count = bytes.count
        while position < count {
            let lead = UInt32(bytes[position])
            let value: UInt32
            let length: Int
            if lead < 0x80 {
                (value, length) = (lead, 1)
            } else {
                (value, length) = decode(at: position)
            }
            // Fast paths: ASCII, basic Cyrillic; everything else through the folding table.
            var kind: ScalarKind
            var folded: UInt32 = value
            if value < 0x80 {
                if value &- 0x61 < 26 {
                    kind = .latin
                } else if value &- 0x41 < 26 {
                    kind = .latin
                    folded = value | 0x20
                } else if value &- 0x30 < 10 {
                    kind = .digit
                } else if value == 0x27 {
                    kind = .apostrophe
                } else {
                    kind = .separator
                }
            } else if value &- 0x430 < 0x20 {
                kind = .cyrillic
            } else if value &- 0x410 < 0x20 {
                kind = .cyrillic
                folded = value &+ 0x20
            } else if value &- 0x4E00 < 0x5200 || value &- 0xAC00 < 0x2BA4 {
                kind = .otherLetter  // CJK unified ideographs, Hangul syllables: letters without case or marks
            } else {
                let scalar = Folding.lookup(value, in: table)
                if scalar.count == 0 {
                    kind = scalar.kind == .apostrophe ? .apostrophe : .separator
                } else {
                    // Letters and digits, possibly several (ß → ss), possibly followed by a mark (İ → i + ̇).
                    let first = scalar.item(0)
                    if pendingApostrophe && !resolveApostrophe(before: kindOf(first)) { return true }
                    position &+= length
                    for index in 0..<scalar.count {
                        let item = scalar.item(index)
                        accept(item & 0xFF_FFFF, kindOf(item))
                    }
                    continue
                }
            }
            if pendingApostrophe && !resolveApostrophe(before: kind) { return true }
            position &+= length
            switch kind {
            case .latin, .cyrillic, .otherLetter, .digit, .mark:
                accept(folded, kind)
            case .apostrophe:
                if lastKind == .latin {
                    pendingApostrophe = true
                } else if !word.isEmpty {
                    return true
                }
            case .separator:
                if !word.isEmpty { return true }
            }
        }
        pendingApostrophe = false
        return !word.isEmpty
    }

    /// Settles a pending apostrophe before a scalar of `kind`: kept before a Latin letter (returns `true`),
    /// otherwise dropped, and the word ends before that scalar (returns `false`: the word is complete).
    @inline(__always) private mutating func resolveApostrophe(before kind: ScalarKind) -> Bool {
        pendingApostrophe = false
        if kind == .latin {
            word.append(0x27)
            return true
        }
        return false
    }

    @inline(__always) private func kindOf(_ item: UInt32) -> ScalarKind {
        ScalarKind(rawValue: UInt8(truncatingIfNeeded: item >> 24)) ?? .separator
    }

    /// Adds a folded letter, digit or mark to the word.
    @inline(__always) private mutating func accept(_ scalar: UInt32, _ kind: ScalarKind) {
        switch kind {
        case .latin: latin &+= 1
        case .cyrillic: cyrillic &+= 1
        case .digit: digits &+= 1
        case .otherLetter: other &+= 1
        case .mark:
            switch lastKind {
            case .otherLetter, .mark:
                other &+= 1
            case .latin, .cyrillic, .digit:
                // Accents go; и + combining breve is й (the decomposed form of a letter of its own).
                if scalar == 0x306 && word.last == 0x438 { word[word.count &- 1] = 0x439 }
                return
            case .separator, .apostrophe:
                return  // a mark with no letter before it belongs to no word
            }
        case .separator, .apostrophe: return
        }
        word.append(scalar)
        lastKind = kind
    }

    /// Decodes the multi-byte UTF-8 sequence at `index`: its scalar (U+FFFD, a separator, when invalid) and length.
    @inline(__always) private func decode(at index: Int) -> (UInt32, Int) {
        let count = bytes.count
        let lead = UInt32(bytes[index])
        @inline(__always) func continuation(_ offset: Int) -> UInt32? {
            guard index &+ offset < count else { return nil }
            let byte = UInt32(bytes[index &+ offset])
            return byte & 0xC0 == 0x80 ? byte & 0x3F : nil
        }
        if lead >= 0xC2 && lead < 0xE0 {
            guard let b1 = continuation(1) else { return (0xFFFD, 1) }
            return ((lead & 0x1F) << 6 | b1, 2)
        }
        if lead >= 0xE0 && lead < 0xF0 {
            guard let b1 = continuation(1), let b2 = continuation(2) else { return (0xFFFD, 1) }
            let value = (lead & 0x0F) << 12 | b1 << 6 | b2
            guard value >= 0x800 && (value < 0xD800 || value > 0xDFFF) else { return (0xFFFD, 1) }
            return (value, 3)
        }
        if lead >= 0xF0 && lead < 0xF5 {
            guard let b1 = continuation(1), let b2 = continuation(2), let b3 = continuation(3) else {
                return (0xFFFD, 1)
            }
            let value = (lead & 0x07) << 18 | b1 << 12 | b2 << 6 | b3
            guard value >= 0x10000 && value <= 0x10FFFF else { return (0xFFFD, 1) }
            return (value, 4)
        }
        return (0xFFFD, 1)
    }
}
