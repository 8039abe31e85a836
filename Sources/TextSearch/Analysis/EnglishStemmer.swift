/// The Snowball English stemmer ("Porter2", snowballstem.org/algorithms/english), on a word's scalars in place.
///
/// Follows the algorithm as Snowball 3.1.1 generates it: whole-word exceptions (skies → sky, news,
/// only → onli …); words under three letters kept; a leading apostrophe dropped; initial y and y after a
/// vowel marked Y (a consonant); R1 after the prefixes arsen, commun, emerg, gener, inter, later, organ,
/// past, univers when the word starts with one, R2; step 1a ('s, sses, ied/ies, s), 1b (eed, ed, ing …
/// with the succeed/proceed/exceed, inning/outing/canning/herring/earring/evening and dying exceptions),
/// 1c (y → i), 2, 3, 4, 5; Y back to y. Letters outside a–z count as consonants.
struct EnglishStemmer: Sendable {
    // Tables (Snowball's `among` lists), built once in ``Stemmers/shared``.
    let past = scalarValues("past")
    let eedExceptions = ["succ", "proc", "exc"].map(scalarValues)
    let apostropheS = SuffixTable(["'", "'s'", "'s"])
    let step1aSuffixes = SuffixTable([("sses", 1), ("ied", 2), ("ies", 2), ("ss", 0), ("us", 0), ("s", 3)])
    let step1bSuffixes = SuffixTable([
        ("eed", 1), ("eedly", 1), ("ing", 3), ("ed", 2), ("edly", 2), ("ingly", 2),
    ])
    let ingExceptions = SuffixTable([
        ("y", 1), ("even", 2), ("cann", 2), ("inn", 2), ("earr", 2), ("herr", 2), ("out", 2),
    ])
    let step1bEndings = SuffixTable(
        [("at", 1), ("bl", 1), ("iz", 1)] + ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"].map { ($0, 2) })

    /// Whole words stemmed by a list (or kept, when the replacement is the word itself).
    let exceptions: [(word: [UInt32], stem: [UInt32])] = [
        ("skis", "ski"), ("skies", "sky"), ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"),
        ("early", "earli"), ("only", "onli"), ("singly", "singl"), ("sky", "sky"), ("news", "news"),
        ("howe", "howe"), ("atlas", "atlas"), ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
    ].map { (scalarValues($0.0), scalarValues($0.1)) }
    let step2Replacements = [
        "tion", "ence", "ance", "able", "ent", "ize", "ate", "al", "ful", "ous", "ive", "ble", "og", "less",
    ].map(scalarValues)
    let step2Suffixes = SuffixTable([
        ("tional", 0), ("enci", 1), ("anci", 2), ("abli", 3), ("entli", 4), ("izer", 5), ("ization", 5),
        ("ational", 6), ("ation", 6), ("ator", 6), ("alism", 7), ("aliti", 7), ("alli", 7), ("fulness", 8),
        ("fulli", 8), ("ousli", 9), ("ousness", 9), ("iveness", 10), ("iviti", 10), ("biliti", 11), ("bli", 11),
        ("ogist", 12), ("lessli", 13), ("ogi", 100), ("li", 101),
    ])
    let step3Replacements = ["tion", "ate", "al", "ic"].map(scalarValues)
    let step3Suffixes = SuffixTable([
        ("tional", 0), ("ational", 1), ("alize", 2), ("icate", 3), ("iciti", 3), ("ical", 3), ("ful", 100),
        ("ness", 100), ("ative", 101),
    ])
    let step4Suffixes = SuffixTable(
        [
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous",
            "ive", "ize",
        ].map { ($0, 1) } + [("ion", 2)])

    /// Stems the lowercase English word `word` (a–z, apostrophes, other Latin letters) in place.
    func stem(_ word: inout [UInt32]) {
        if let exception = exception(word) {
            word = exception
            return
        }
        guard word.count >= 3 else { return }
        if word.first == Ascii.apostrophe { word.removeFirst() }
        var foundY = false
        for index in word.indices where word[index] == Ascii.y && (index == 0 || isVowel(word[index - 1])) {
            word[index] = Ascii.capitalY
            foundY = true
        }
        let (r1, r2) = regions(word)
        step1a(&word)
        step1b(&word, r1: r1)
        step1c(&word)
        step2(&word, r1: r1)
        step3(&word, r1: r1, r2: r2)
        step4(&word, r2: r2)
        step5(&word, r1: r1, r2: r2)
        if foundY {
            for index in word.indices where word[index] == Ascii.capitalY { word[index] = Ascii.y }
        }
    }

    /// a e i o u y (not Y).
    @inline(__always) func isVowel(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: true
        default: false
        }
    }

    /// Vowels, w, x and Y: what may not end a short syllable.
    @inline(__always) private func isVowelWXY(_ scalar: UInt32) -> Bool {
        isVowel(scalar) || scalar == 0x77 || scalar == 0x78 || scalar == Ascii.capitalY
    }

    /// R1 and R2: each after the first non-vowel following a vowel, R1 after a listed prefix instead.
    func regions(_ word: [UInt32]) -> (r1: Int, r2: Int) {
        let count = word.count
        guard let r1 = prefixLength(word) ?? afterVowelThenNonVowel(word, from: 0) else { return (count, count) }
        return (r1, afterVowelThenNonVowel(word, from: r1) ?? count)
    }

    @inline(__always) private func afterVowelThenNonVowel(_ word: [UInt32], from start: Int) -> Int? {
        let count = word.count
        var index = start
        while index < count && !isVowel(word[index]) { index &+= 1 }
        guard index < count else { return nil }
        index &+= 1
        while index < count && isVowel(word[index]) { index &+= 1 }
        guard index < count else { return nil }
        return index &+ 1
    }

    /// The length of the R1 prefix (arsen, commun, emerg, gener, inter, later, organ, past, univers) the
    /// word starts with, if any: the word's first letters, a byte each, against the prefix's.
    @inline(__always) private func prefixLength(_ word: [UInt32]) -> Int? {
        guard word.count >= 4 else { return nil }
        let (length, prefix): (Int, UInt64)
        switch word[0] {
        case 0x61: (length, prefix) = (5, 0x61_7273_656E)  // arsen
        case 0x63: (length, prefix) = (6, 0x636F_6D6D_756E)  // commun
        case 0x65: (length, prefix) = (5, 0x65_6D65_7267)  // emerg
        case 0x67: (length, prefix) = (5, 0x67_656E_6572)  // gener
        case 0x69: (length, prefix) = (5, 0x69_6E74_6572)  // inter
        case 0x6C: (length, prefix) = (5, 0x6C_6174_6572)  // later
        case 0x6F: (length, prefix) = (5, 0x6F_7267_616E)  // organ
        case 0x70: (length, prefix) = (4, 0x7061_7374)  // past
        case 0x75: (length, prefix) = (7, 0x75_6E69_7665_7273)  // univers
        default: return nil
        }
        guard word.count >= length else { return nil }
        var packed: UInt64 = 0
        for index in 0..<length {
            let scalar = word[index]
            guard scalar < 0x80 else { return nil }
            packed = packed << 8 | UInt64(scalar)
        }
        return packed == prefix ? length : nil
    }

    /// Whether the word up to `end` ends in a short syllable.
    func endsShort(_ word: [UInt32], end: Int) -> Bool {
        if end >= 3 && !isVowelWXY(word[end - 1]) && isVowel(word[end - 2]) && !isVowel(word[end - 3]) {
            return true
        }
        if end == 2 && !isVowel(word[1]) && isVowel(word[0]) { return true }
        return word.hasSuffix(past, end: end)
    }

    private func step1a(_ word: inout [UInt32]) {
        if let match = apostropheS.match(word, start: 0) { word.removeLast(match.length) }
        guard let match = step1aSuffixes.match(word, start: 0) else { return }
        let start = word.count - match.length
        switch match.variant {
        case 1:  // sses → ss
            word.removeLast(2)
        case 2:  // ied, ies → i after two or more letters, ie after one
            word.replaceSuffix(match.length, with: start >= 2 ? [Ascii.i] : [Ascii.i, Ascii.e])
        case 3:  // s → deleted when a vowel comes before the letter before it
            guard start >= 1, word[0..<(start - 1)].contains(where: isVowel) else { return }
            word.removeLast()
        default:  // ss, us: kept
            break
        }
    }

    private func step1b(_ word: inout [UInt32], r1: Int) {
        guard let match = step1bSuffixes.match(word, start: 0) else { return }
        let start = word.count - match.length
        switch match.variant {
        case 1:  // eed, eedly → ee in R1, except succeed, proceed, exceed
            if start >= r1 && !eedExceptions.contains(where: { $0.count == start && word.starts(with: $0) }) {
                word.replaceSuffix(match.length, with: [Ascii.e, Ascii.e])
            }
            return
        case 3:  // ing: dying → die; inning, outing, canning, herring, earring, evening kept
            if let stemMatch = ingExceptions.match(word, end: start, start: 0) {
                if stemMatch.variant == 1 {
                    if start == 2 && !isVowel(word[0]) {
                        word.replaceSuffix(4, with: [Ascii.i, Ascii.e])
                        return
                    }
                } else if start == stemMatch.length {
                    return
                }
            }
        default:  // ed, edly, ingly
            break
        }
        guard word[0..<start].contains(where: isVowel) else { return }
        word.removeLast(match.length)
        if let ending = step1bEndings.match(word, start: 0) {
            if ending.variant == 1 {  // at, bl, iz → ate, ble, ize
                word.append(Ascii.e)
            } else if !(word.count == 3 && (word[0] == Ascii.a || word[0] == Ascii.e || word[0] == Ascii.o)) {
                word.removeLast()  // a double letter undoubled, except in add, egg, off …
            }
        } else if word.count == r1 && endsShort(word, end: word.count) {
            word.append(Ascii.e)
        }
    }

    private func step1c(_ word: inout [UInt32]) {
        let count = word.count
        guard count >= 3, word[count - 1] == Ascii.y || word[count - 1] == Ascii.capitalY, !isVowel(word[count - 2])
        else {
            return
        }
        word[count - 1] = Ascii.i
    }
}

/// The ASCII letters the English stemmer writes, as scalars.
enum Ascii {
    static let apostrophe: UInt32 = 0x27
    static let capitalY: UInt32 = 0x59
    static let a: UInt32 = 0x61
    static let e: UInt32 = 0x65
    static let i: UInt32 = 0x69
    static let l: UInt32 = 0x6C
    static let o: UInt32 = 0x6F
    static let s: UInt32 = 0x73
    static let t: UInt32 = 0x74
    static let y: UInt32 = 0x79
}
