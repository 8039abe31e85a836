/// The Snowball project's stop-word lists, matched against folded words (before stemming).
///
/// English: snowballstem.org/algorithms/english/stop.txt, every uncommented word (174).
/// Russian: snowballstem.org/algorithms/russian/stop.txt, every uncommented word (159; the list
/// itself writes ё as е, as the folding does).
enum StopWords {
    static let english: [String] = [
        "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours", "yourself",
        "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself",
        "they", "them", "their", "theirs", "themselves", "what", "which", "who", "whom", "this", "that",
        "these", "those", "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had",
        "having", "do", "does", "did", "doing", "would", "should", "could", "ought", "i'm", "you're", "he's",
        "she's", "it's", "we're", "they're", "i've", "you've", "we've", "they've", "i'd", "you'd", "he'd",
        "she'd", "we'd", "they'd", "i'll", "you'll", "he'll", "she'll", "we'll", "they'll", "isn't", "aren't",
        "wasn't", "weren't", "hasn't", "haven't", "hadn't", "doesn't", "don't", "didn't", "won't", "wouldn't",
        "shan't", "shouldn't", "can't", "cannot", "couldn't", "mustn't", "let's", "that's", "who's", "what's",
        "here's", "there's", "when's", "where's", "why's", "how's", "a", "an", "the", "and", "but", "if", "or",
        "because", "as", "until", "while", "of", "at", "by", "for", "with", "about", "against", "between",
        "into", "through", "during", "before", "after", "above", "below", "to", "from", "up", "down", "in",
        "out", "on", "off", "over", "under", "again", "further", "then", "once", "here", "there", "when",
        "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such",
        "no", "nor", "not", "only", "own", "same", "so", "than", "too", "very",
    ]

    static let russian: [String] = [
        "и", "в", "во", "не", "что", "он", "на", "я", "с", "со", "как", "а", "то", "все", "она", "так", "его",
        "но", "да", "ты", "к", "у", "же", "вы", "за", "бы", "по", "только", "ее", "мне", "было", "вот", "от",
        "меня", "еще", "нет", "о", "из", "ему", "теперь", "когда", "даже", "ну", "вдруг", "ли", "если", "уже",
        "или", "ни", "быть", "был", "него", "до", "вас", "нибудь", "опять", "уж", "вам", "сказал", "ведь",
        "там", "потом", "себя", "ничего", "ей", "может", "они", "тут", "где", "есть", "надо", "ней", "для",
        "мы", "тебя", "их", "чем", "была", "сам", "чтоб", "без", "будто", "человек", "чего", "раз", "тоже",
        "себе", "под", "жизнь", "будет", "ж", "тогда", "кто", "этот", "говорил", "того", "потому", "этого",
        "какой", "совсем", "ним", "здесь", "этом", "один", "почти", "мой", "тем", "чтобы", "нее", "кажется",
        "сейчас", "были", "куда", "зачем", "сказать", "всех", "никогда", "сегодня", "можно", "при", "наконец",
        "два", "об", "другой", "хоть", "после", "над", "больше", "тот", "через", "эти", "нас", "про", "всего",
        "них", "какая", "много", "разве", "сказала", "три", "эту", "моя", "впрочем", "хорошо", "свою", "этой",
        "перед", "иногда", "лучше", "чуть", "том", "нельзя", "такой", "им", "более", "всегда", "конечно",
        "всю", "между",
    ]

    /// Open-addressing hash set of the packed words (0 = empty slot), 1024 slots.
    static let table: [UInt64] = {
        var table = [UInt64](repeating: 0, count: slots)
        for word in english + russian {
            guard let key = key(word.unicodeScalars.map(\.value)) else { preconditionFailure("unpackable \(word)") }
            var slot = slot(of: key)
            while table[slot] != 0 && table[slot] != key { slot = (slot &+ 1) & (slots &- 1) }
            table[slot] = key
        }
        return table
    }()

    private static let slots = 1024

    /// Whether the folded `word` is a stop word; `table` is ``table``.
    @inline(__always) static func contains(_ word: [UInt32], in table: UnsafeBufferPointer<UInt64>) -> Bool {
        guard let key = key(word) else { return false }
        var slot = slot(of: key)
        while true {
            let entry = table[slot]
            if entry == key { return true }
            if entry == 0 { return false }
            slot = (slot &+ 1) & (slots &- 1)
        }
    }

    @inline(__always) private static func slot(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 54)
    }

    /// Six bits a scalar (a–z: 1–26, `'`: 27, а–я: 32–63), at most ten scalars: an exact key; `nil` when the
    /// word cannot be a stop word (too long, or a scalar outside those).
    @inline(__always) static func key(_ word: [UInt32]) -> UInt64? {
        guard word.count <= 10 else { return nil }
        var key: UInt64 = 0
        for scalar in word {
            let code: UInt32
            if scalar &- 0x61 < 26 {
                code = scalar &- 0x60
            } else if scalar &- 0x430 < 32 {
                code = scalar &- 0x430 &+ 32
            } else if scalar == 0x27 {
                code = 27
            } else {
                return nil
            }
            key = key << 6 | UInt64(code)
        }
        return key
    }
}
