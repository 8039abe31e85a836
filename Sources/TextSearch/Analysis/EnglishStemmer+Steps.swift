/// The English stemmer's exceptional forms and steps 2 to 5.
extension EnglishStemmer {
    /// The stem of `word` when it is one of the exceptional forms.
    func exception(_ word: [UInt32]) -> [UInt32]? {
        guard word.count >= 3 && word.count <= 6 else { return nil }
        return exceptions.first { $0.word == word }?.stem
    }

    /// Step 2: replacement endings in R1 (variants index `step2Replacements`; 100: ogi after l → og;
    /// 101: li after c d e g h k m n r t → deleted).
    func step2(_ word: inout [UInt32], r1: Int) {
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

    @inline(__always) private func isValidLIEnding(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x63, 0x64, 0x65, 0x67, 0x68, 0x6B, 0x6D, 0x6E, 0x72, 0x74: true  // c d e g h k m n r t
        default: false
        }
    }

    /// Step 3: in R1, ative only in R2 (variants index `step3Replacements`; 100: deleted; 101: deleted in R2).
    func step3(_ word: inout [UInt32], r1: Int, r2: Int) {
        guard let match = step3Suffixes.match(word, start: 0) else { return }
        let start = word.count - match.length
        guard start >= r1 else { return }
        switch match.variant {
        case 100: word.removeLast(match.length)
        case 101: if start >= r2 { word.removeLast(match.length) }
        default: word.replaceSuffix(match.length, with: step3Replacements[match.variant])
        }
    }

    /// Step 4: deleted in R2; ion only after s or t.
    func step4(_ word: inout [UInt32], r2: Int) {
        guard let match = step4Suffixes.match(word, start: 0) else { return }
        let start = word.count - match.length
        guard start >= r2 else { return }
        if match.variant == 2 {
            guard start >= 1 && (word[start - 1] == Ascii.s || word[start - 1] == Ascii.t) else { return }
        }
        word.removeLast(match.length)
    }

    /// Step 5: e deleted in R2, or in R1 when not after a short syllable; l deleted in R2 after l.
    func step5(_ word: inout [UInt32], r1: Int, r2: Int) {
        guard let last = word.last else { return }
        let start = word.count - 1
        if last == Ascii.e {
            if start >= r2 || (start >= r1 && !endsShort(word, end: start)) { word.removeLast() }
        } else if last == Ascii.l {
            if start >= r2 && start >= 1 && word[start - 1] == Ascii.l { word.removeLast() }
        }
    }
}
