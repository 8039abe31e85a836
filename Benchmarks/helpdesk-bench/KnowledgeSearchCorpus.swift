import Foundation

/// The knowledge-base benchmark's seeded corpus and queries: articles half Russian, half English,
/// about 2 KB each, words drawn from a Zipf-distributed vocabulary of inflected forms (real
/// help-desk stems first, then generated ones), stop words between them, and rare codes.
struct KnowledgeCorpus {
    /// One article: its fields and the partition it lives in.
    struct Article: Codable {
        var title: String
        var tags: String
        var body: String
        var partition: Int
    }

    /// One query: whole words, and whether the last one is a prefix still being typed.
    struct Query: Codable {
        var words: [String]
        var prefix: Bool
        /// The text a search box would hold.
        var text: String { words.joined(separator: " ") }
    }

    /// One language's vocabulary: lemmas by rank and their inflected forms.
    struct Language {
        var forms: [[String]]
        var stopWords: [String]
        /// Cumulative Zipf weights by rank (s = 1.05).
        var cumulative: [Double]

        init(forms: [[String]], stopWords: [String]) {
            self.forms = forms
            self.stopWords = stopWords
            var sum = 0.0
            cumulative = forms.indices.map { rank in
                sum += 1 / pow(Double(rank + 1), 1.05)
                return sum
            }
        }

        func rank(_ rng: inout BenchRandom) -> Int {
            let target = rng.unit() * cumulative[cumulative.count - 1]
            var low = 0
            var high = cumulative.count - 1
            while low < high {
                let middle = (low + high) / 2
                if cumulative[middle] < target { low = middle + 1 } else { high = middle }
            }
            return low
        }

        /// An inflected form of lemma `rank`, base forms more often.
        func form(_ rank: Int, _ rng: inout BenchRandom) -> String {
            let forms = self.forms[rank]
            return forms[min(rng.below(forms.count), rng.below(forms.count))]
        }
    }

    var articles: [Article] = []
    var queries: [Query] = []
    var rareCodes: [String] = []

    /// `count` articles and `queryCount` queries from `seed`.
    init(articles count: Int, queries queryCount: Int, seed: UInt64) {
        var rng = BenchRandom(seed: seed)
        let languages = [Self.russian(lemmas: 15_000, &rng), Self.english(lemmas: 15_000, &rng)]
        rareCodes = (0..<2_000).map { index in index % 2 == 0 ? "kb\(400_000 + index * 37)" : "e\(10_000 + index * 13)x"
        }
        var rareIn = [[String]](repeating: [], count: count)
        for code in rareCodes {
            for _ in 0..<(1 + rng.below(8)) { rareIn[rng.below(count)].append(code) }
        }
        articles.reserveCapacity(count)
        for index in 0..<count {
            let language = languages[index % 2]
            func words(_ n: Int, stop: Bool) -> String {
                var text = ""
                for word in 0..<n {
                    if word > 0 { text += " " }
                    if stop, rng.below(4) == 0 { text += language.stopWords[rng.below(language.stopWords.count)] + " " }
                    text += language.form(language.rank(&rng), &rng)
                }
                return text
            }
            let title = words(3 + rng.below(6), stop: true)
            let tags = (0..<(2 + rng.below(3))).map { _ in language.forms[language.rank(&rng)][0] }.joined(
                separator: ", ")
            var body = ""
            let target = 1_900 + rng.below(300)
            body.reserveCapacity(target + 64)
            var sentence = 0
            while body.utf8.count < target {
                body += words(6 + rng.below(10), stop: true)
                sentence += 1
                if sentence % 3 == 0, let code = rareIn[index].popLast() { body += " " + code }
                body += ". "
            }
            let roll = rng.below(100)
            let partition = roll < 60 ? 0 : roll < 85 ? 1 : roll < 90 ? 2 : 3 + rng.below(100)
            articles.append(Article(title: title, tags: tags, body: body, partition: partition))
        }
        for index in 0..<queryCount {
            let language = languages[index % 2]
            let roll = rng.below(100)
            let length = roll < 40 ? 1 : roll < 80 ? 2 : 3
            var words: [String] = []
            for _ in 0..<length {
                let kind = rng.below(100)
                if kind < 10 {
                    words.append(rareCodes[rng.below(rareCodes.count)])
                } else if kind < 55 {
                    words.append(language.form(language.rank(&rng), &rng))
                } else {
                    words.append(language.form(50 + rng.below(3_000), &rng))
                }
            }
            var prefix = false
            if rng.below(4) == 0, let last = words.last, last.count >= 5 {
                prefix = true
                words[words.count - 1] = String(last.prefix(3 + rng.below(last.count - 3)))
            }
            queries.append(Query(words: words, prefix: prefix))
        }
    }

    static func russian(lemmas: Int, _ rng: inout BenchRandom) -> Language {
        let noun = ["", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"]
        let feminine = ["а", "ы", "е", "у", "ой", "ам", "ами", "ах"]
        let adjective = ["ый", "ого", "ому", "ым", "ом", "ая", "ой", "ую", "ые", "ых", "ыми"]
        let verb = ["ить", "ил", "ила", "или", "ит", "ят", "ите", "ится", "ение", "ения"]
        let verbA = ["ать", "аю", "ает", "ают", "ал", "ала", "али", "ание", "ания"]
        let real: [(String, [String])] = [
            ("принтер", noun), ("сервер", noun), ("компьютер", noun), ("монитор", noun), ("доступ", noun),
            ("файл", noun), ("отчет", noun), ("договор", noun), ("клиент", noun), ("ноутбук", noun),
            ("роутер", noun), ("драйвер", noun), ("архив", noun), ("сканер", noun), ("телефон", noun),
            ("документ", noun), ("каталог", noun), ("сертификат", noun), ("домен", noun), ("адрес", noun),
            ("почт", feminine), ("программ", feminine), ("систем", feminine), ("клавиатур", feminine),
            ("камер", feminine), ("таблиц", feminine), ("смен", feminine), ("оплат", feminine), ("работ", feminine),
            ("нов", adjective), ("удаленн", adjective), ("локальн", adjective), ("основн", adjective),
            ("резервн", adjective), ("облачн", adjective), ("беспроводн", adjective), ("корпоративн", adjective),
            ("подключ", verb), ("установ", verb), ("обнов", verb), ("удал", verb), ("сохран", verb),
            ("провер", verb), ("исправ", verb), ("включ", verb), ("отключ", verb),
            ("печат", verbA), ("запуск", verbA), ("сбрас", verbA), ("загруж", verbA), ("открыв", verbA),
        ]
        let paradigms = [noun, feminine, adjective, verb, verbA]
        var forms = real.map { stem, endings in endings.map { stem + $0 } }
        var seen = Set(forms.map { $0[0] })
        let consonants = Array("бвгдзклмнпрстфхшж")
        let vowels = Array("аеиоу")
        while forms.count < lemmas {
            let stem = rng.madeUpStem(consonants, vowels)
            let endings = paradigms[forms.count % paradigms.count]
            guard seen.insert(stem + endings[0]).inserted else { continue }
            forms.append(endings.map { stem + $0 })
        }
        return Language(
            forms: forms, stopWords: ["и", "в", "не", "на", "с", "что", "по", "для", "как", "к", "это", "из"])
    }

    static func english(lemmas: Int, _ rng: inout BenchRandom) -> Language {
        let noun = ["", "s"]
        let verb = ["", "s", "ed", "ing", "er", "ers"]
        let adjective = ["", "ly", "ness"]
        let nouns =
            "printer server computer monitor account folder file report contract client laptop router driver "
            + "archive scanner phone document catalog certificate domain address mailbox program system keyboard "
            + "camera table invoice ticket request license network password screen cable firewall proxy drive"
        let verbs =
            "connect install update delete save check repair enable disable print start reset load open "
            + "restore backup sync login upgrade deploy"
        let adjectives = "new remote local main backup cloud wireless corporate slow broken"
        var forms = nouns.split(separator: " ").map { word in noun.map { String(word) + $0 } }
        forms += verbs.split(separator: " ").map { word in
            verb.map { ending in
                word.hasSuffix("e") && (ending.hasPrefix("e") || ending.hasPrefix("i"))
                    ? word.dropLast() + ending : word + ending
            }
        }
        forms += adjectives.split(separator: " ").map { word in adjective.map { String(word) + $0 } }
        var seen = Set(forms.map { $0[0] })
        let consonants = Array("bcdfghklmnprstvw")
        let vowels = Array("aeiou")
        let paradigms = [noun, verb, adjective]
        while forms.count < lemmas {
            let stem = rng.madeUpStem(consonants, vowels)
            let endings = paradigms[forms.count % paradigms.count]
            guard seen.insert(stem).inserted else { continue }
            forms.append(endings.map { stem + $0 })
        }
        return Language(
            forms: forms, stopWords: ["the", "a", "to", "of", "and", "in", "is", "for", "on", "with", "it"])
    }
}

/// SplitMix64, for the benchmark's seeded corpus.
struct BenchRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// A made-up stem: two or three consonant–vowel syllables and a closing consonant.
    mutating func madeUpStem(_ consonants: [Character], _ vowels: [Character]) -> String {
        var stem = ""
        for _ in 0..<(2 + below(2)) {
            stem += String(consonants[below(consonants.count)]) + String(vowels[below(vowels.count)])
        }
        return stem + String(consonants[below(consonants.count)])
    }
}
