/// The English stemmer's tables and steps 2 to 5.
extension EnglishStemmer {
    static let prefixes = ["arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past", "univers"]
        .map(scalarValues)
    static let past = scalarValues("past")
    static let eedExceptions = ["succ", "proc", "exc"].map(scalarValues)
    static let apostropheS = SuffixTable(["'", "'s'", "'s"])
    static let step1aSuffixes = SuffixTable([("sses", 1), ("ied", 2), ("ies", 2), ("ss", 0), ("us", 0), ("s", 3)])
    static let step1bSuffixes = SuffixTable([
        ("eed", 1), ("eedly", 1), ("ing", 3), ("ed", 2), ("edly", 2), ("ingly", 2),
    ])
    static let ingExceptions = SuffixTable([
        ("y", 1), ("even", 2), ("cann", 2), ("inn", 2), ("earr", 2), ("herr", 2), ("out", 2),
    ])
    static let step1bEndings = SuffixTable(
        [("at", 1), ("bl", 1), ("iz", 1)] + ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"].map { ($0, 2) })

    /// Whole words stemmed by a list (or kept, when the replacement is the word itself).
    private static let exceptions: [(word: [UInt32], stem: [UInt32])] = [
        ("skis", "ski"), ("skies", "sky"), ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"),
        ("early", "earli"), ("only", "onli"), ("singly", "singl"), ("sky", "sky"), ("news", "news"),
        ("howe", "howe"), ("atlas", "atlas"), ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
    ].map { (scalarValues($0.0), scalarValues($0.1)) }

    /// The stem of `word` when it is one of the exceptional forms.
    static func exception(_ word: [UInt32]) -> [UInt32]? {
        guard word.count >= 3 && word.count <= 6 else { return nil }
        return exceptions.first { $0.word == word }?.stem
    }

    // Step 2: replacement endings in R1. Variants index `step2Replacements`; 100: ogi after l → og;
    // 101: li after c d e g h k m n r t → deleted.
    private static let step2Replacements = [
        "tion", "ence", "ance", "able", "ent", "ize", "ate", "al", "ful", "ous", "ive", "ble", "og", "less",
    ].map(scalarValues)
    private static let step2Suffixes = SuffixTable([
        ("tional", 0), ("enci", 1), ("anci", 2), ("abli", 3), ("entli", 4), ("izer", 5), ("ization", 5),
        ("ational", 6), ("ation", 6), ("ator", 6), ("alism", 7), ("aliti", 7), ("alli", 7), ("fulness", 8),
        ("fulli", 8), ("ousli", 9), ("ousness", 9), ("iveness", 10), ("iviti", 10), ("biliti", 11), ("bli", 11),
        ("ogist", 12), ("lessli", 13), ("ogi", 100), ("li", 101),
    ])

    static func step2(_ word: inout [UInt32], r1: Int) {
        guard let match = step2Suffixes.match(word, start: 0) else { return }
        let start = word.count - match.length
        guard start >= r1 else { return }
        switch match.variant {
        case 100:
            guard start >= 1 && word[start - 1] == Ascii.l else { return }
            word.removeLast()  // ogi → og
        case 101:
            guard start >= 1 && isValidLIEnding(word[start - 1]) else { return }
            word.removeLast(2)
        default:
            word.replaceSuffix(match.length, with: step2Replacements[match.variant])
        }
    }

    @inline(__always) private static func isValidLIEnding(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x63, 0x64, 0x65, 0x67, 0x68, 0x6B, 0x6D, 0x6E, 0x72, 0x74: true  // c d e g h k m n r t
        default: false
        }
    }

    // Step 3: in R1; ative only in R2. Variants index `step3Replacements`; 100: deleted; 101: deleted in R2.
    private static let step3Replacements = ["tion", "ate", "al", "ic"].map(scalarValues)
    private static let step3Suffixes = SuffixTable([
        ("tional", 0), ("ational", 1), ("alize", 2), ("icate", 3), ("iciti", 3), ("ical", 3), ("ful", 100),
        ("ness", 100), ("ative", 101),
    ])

    static func step3(_ word: inout [UInt32], r1: Int, r2: Int) {
        guard let match = step3Suffixes.match(word, start: 0) else { return }
        let start = word.count - match.length
        guard start >= r1 else { return }
        switch match.variant {
        case 100: word.removeLast(match.length)
        case 101: if start >= r2 { word.removeLast(match.length) }
        default: word.replaceSuffix(match.length, with: step3Replacements[match.variant])
        }
    }

    // Step 4: deleted in R2; ion only after s or t.
    private static let step4Suffixes = SuffixTable(
        [
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous",
            "ive", "ize",
        ].map { ($0, 1) } + [("ion", 2)])

    static func step4(_ word: inout [UInt32], r2: Int) {
        guard let match = step4Suffixes.match(word, start: 0) else { return }
        let start = word.count - match.length
        guard start >= r2 else { return }
        if match.variant == 2 {
            guard start >= 1 && (word[start - 1] == Ascii.s || word[start - 1] == Ascii.t) else { return }
        }
        word.removeLast(match.length)
    }

    /// Step 5: e deleted in R2, or in R1 when not after a short syllable; l deleted in R2 after l.
    static func step5(_ word: inout [UInt32], r1: Int, r2: Int) {
        guard let last = word.last else { return }
        let start = word.count - 1
        if last == Ascii.e {
            if start >= r2 || (start >= r1 && !endsShort(word, end: start)) { word.removeLast() }
        } else if last == Ascii.l {
            if start >= r2 && start >= 1 && word[start - 1] == Ascii.l { word.removeLast() }
        }
    }
}
