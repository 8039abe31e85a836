/// The Snowball Russian stemmer (snowballstem.org/algorithms/russian), on a word's scalars in place.
///
/// Follows the algorithm as Snowball 3.1.1 generates it: ё read as е; RV (after the first vowel)
/// and R2; step 1: a perfective gerund, or else an optional reflexive ending then an adjectival
/// ending (adjective, optionally after a participle), a verb ending or a noun ending; step 2: a final
/// и; step 3: a derivational ость/ост in R2; step 4: a superlative ейш(е) then нн → н, or нн → н, or a
/// final ь. Every ending is looked for inside RV; "group 1" endings need а or я before them (also in RV).
struct RussianStemmer: Sendable {
    // Letters and tables (Snowball's `among` lists), built once in ``Stemmers/shared``.
    private let a: UInt32 = 0x430  // а
    private let ya: UInt32 = 0x44F  // я
    private let i: UInt32 = 0x438  // и
    private let n: UInt32 = 0x43D  // н

    private let perfectiveGerund = SuffixTable([
        ("в", 1), ("вши", 1), ("вшись", 1),
        ("ив", 2), ("ыв", 2), ("ивши", 2), ("ывши", 2), ("ившись", 2), ("ывшись", 2),
    ])
    private let adjective = SuffixTable([
        "ее", "ие", "ое", "ые", "ими", "ыми", "ей", "ий", "ой", "ый", "ем", "им", "ом", "ым", "его", "ого", "ему",
        "ому", "их", "ых", "ею", "ою", "ую", "юю", "ая", "яя",
    ])
    private let participle = SuffixTable([
        ("ем", 1), ("нн", 1), ("вш", 1), ("ющ", 1), ("щ", 1),
        ("ивш", 2), ("ывш", 2), ("ующ", 2),
    ])
    private let reflexive = SuffixTable(["ся", "сь"])
    private let verb = SuffixTable(
        [
            "ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло", "но", "ет", "ют", "ны", "ть", "ешь", "нно",
        ].map { ($0, 1) }
            + [
                "ила", "ыла", "ена", "ейте", "уйте", "ите", "или", "ыли", "ей", "уй", "ил", "ыл", "им", "ым", "ен",
                "ило", "ыло", "ено", "ят", "ует", "уют", "ит", "ыт", "ены", "ить", "ыть", "ишь", "ую", "ю",
            ].map { ($0, 2) })
    private let noun = SuffixTable([
        "а", "ев", "ов", "ие", "ье", "е", "иями", "ями", "ами", "еи", "ии", "и", "ией", "ей", "ой", "ий", "й",
        "иям", "ям", "ием", "ем", "ам", "ом", "о", "у", "ах", "иях", "ях", "ы", "ь", "ию", "ью", "ю", "ия", "ья",
        "я",
    ])
    private let derivational = SuffixTable(["ост", "ость"])
    private let tidyUp = SuffixTable([("ейше", 1), ("ейш", 1), ("н", 2), ("ь", 3)])

    @inline(__always) private func isVowel(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x430, 0x435, 0x438, 0x43E, 0x443, 0x44B, 0x44D, 0x44E, 0x44F: true  // а е и о у ы э ю я
        default: false
        }
    }

    /// Stems the lowercase Russian word `word` in place.
    func stem(_ word: inout [UInt32]) {
        for index in word.indices where word[index] == 0x451 { word[index] = 0x435 }  // ё → е
        let (rv, r2) = regions(word)
        guard rv < word.count else { return }

        // Step 1.
        if !removeGroupEnding(perfectiveGerund, from: &word, rv: rv) {
            if let match = reflexive.match(word, start: rv) { word.removeLast(match.length) }
            if !removeAdjectival(from: &word, rv: rv) && !removeGroupEnding(verb, from: &word, rv: rv),
                let match = noun.match(word, start: rv)
            {
                word.removeLast(match.length)
            }
        }
        // Step 2.
        if word.count > rv && word.last == i { word.removeLast() }
        // Step 3.
        if let match = derivational.match(word, start: rv), word.count - match.length >= r2 {
            word.removeLast(match.length)
        }
        // Step 4.
        if let match = tidyUp.match(word, start: rv) {
            switch match.variant {
            case 1:
                word.removeLast(match.length)
                if endsWithDoubleN(word, rv: rv) { word.removeLast() }
            case 2:
                if endsWithDoubleN(word, rv: rv) { word.removeLast() }
            default:
                word.removeLast()
            }
        }
    }

    /// RV (after the first vowel) and R2 (R1 of R1, R1 being after the first non-vowel after a vowel).
    private func regions(_ word: [UInt32]) -> (rv: Int, r2: Int) {
        let count = word.count
        var rv = count
        var index = 0
        while index < count && !isVowel(word[index]) { index += 1 }
        guard index < count else { return (count, count) }
        index += 1
        rv = index
        var wantVowel = false  // past the vowels, then to a vowel, then past the vowels: R1, then R2
        for _ in 0..<3 {
            while index < count && isVowel(word[index]) != wantVowel { index += 1 }
            guard index < count else { return (rv, count) }
            index += 1
            wantVowel.toggle()
        }
        return (rv, index)
    }

    /// Removes the longest ending of `table` in RV; variant 1 endings only after а or я (kept).
    private func removeGroupEnding(_ table: SuffixTable, from word: inout [UInt32], rv: Int) -> Bool {
        guard let match = table.match(word, start: rv) else { return false }
        if match.variant == 1 {
            let before = word.count - match.length - 1
            guard before >= rv, word[before] == a || word[before] == ya else { return false }
        }
        word.removeLast(match.length)
        return true
    }

    /// Removes an adjective ending and then, when there is one, a participle ending before it.
    private func removeAdjectival(from word: inout [UInt32], rv: Int) -> Bool {
        guard let match = adjective.match(word, start: rv) else { return false }
        word.removeLast(match.length)
        _ = removeGroupEnding(participle, from: &word, rv: rv)
        return true
    }

    private func endsWithDoubleN(_ word: [UInt32], rv: Int) -> Bool {
        let count = word.count
        return count - 2 >= rv && word[count - 1] == n && word[count - 2] == n
    }
}
