import Testing

@testable import TextSearch

/// Words and terms of mixed text: digits, hyphens, apostrophes, emoji, scripts, stop words.
@Suite("Text analyzer: words and terms")
struct WordSplittingTests {
    let analyzer = TextAnalyzer()

    @Test func mixedRussianAndEnglishText() {
        let text = "Ошибка E-404 на принтере HP LaserJet m404dn: don't O'Neil’s 2FA-коды 😀👍🏽 café, drivers installed."
        #expect(
            analyzer.words(in: text) == [
                "ошибка", "e", "404", "принтере", "hp", "laserjet", "m404dn", "o'neil's", "2fa", "коды", "cafe",
                "drivers", "installed",
            ])
        #expect(
            analyzer.terms(in: text) == [
                "ошибк", "e", "404", "принтер", "hp", "laserjet", "m404dn", "o'neil", "2fa", "код", "cafe", "driver",
                "instal",
            ])
    }

    @Test func emptyAndBlankTextHaveNoTerms() {
        for text in [
            "", " ", "   \n\t\r\n ", "\u{00A0}\u{2003}\u{3000}", "--- !!! ... ''' ’’", "😀👩‍💻🏳️‍🌈", "\u{301}\u{200D}",
        ] {
            #expect(analyzer.terms(in: text).isEmpty, "\(text.unicodeScalars.map { $0.value })")
            #expect(analyzer.words(in: text).isEmpty)
        }
    }

    @Test func apostrophesStayOnlyBetweenLatinLetters() {
        #expect(
            analyzer.foldedWords(in: "'quoted' students' rock'n'roll l'été") == [
                "quoted", "students", "rock'n'roll", "l'ete",
            ])
        #expect(
            analyzer.foldedWords(in: "don''t it ’s d’Артаньян 90's") == [
                "don", "t", "it", "s", "d", "артаньян", "90", "s",
            ])
        #expect(analyzer.foldedWords(in: "O\u{2019}NEIL O\u{2BC}Neil o'neil") == ["o'neil", "o'neil", "o'neil"])
        #expect(analyzer.terms(in: "rock'n'roll O'Neil's") == ["rock'n'rol", "o'neil"])
        #expect(analyzer.foldedWords(in: "can'т") == ["can", "т"])  // an apostrophe before a Cyrillic letter splits
    }

    @Test func hyphensSplit() {
        #expect(
            analyzer.foldedWords(in: "Wi-Fi e-mail сине-зеленый кто-нибудь") == [
                "wi", "fi", "e", "mail", "сине", "зеленый", "кто", "нибудь",
            ])
        #expect(analyzer.words(in: "кто-нибудь") == [])  // both halves are stop words
        #expect(
            analyzer.foldedWords(in: "a\u{2010}b a\u{2013}b a\u{2014}b a_b a/b a.b") == [
                "a", "b", "a", "b", "a", "b", "a", "b", "a", "b", "a", "b",
            ])
    }

    @Test func wordsWithDigitsAreNotStemmed() {
        #expect(
            analyzer.terms(in: "12345 00042 m404 running2 x86 ошибки404 ٤٢") == [
                "12345", "00042", "m404", "running2", "x86", "ошибки404", "٤٢",
            ])
        #expect(analyzer.terms(in: "running ошибки") == ["run", "ошибк"])
    }

    @Test func mixedScriptWordsAreNotStemmed() {
        #expect(analyzer.terms(in: "серверserver cерверы printerы") == ["серверserver", "cерверы", "printerы"])
        #expect(analyzer.terms(in: "серверы servers") == ["сервер", "server"])
    }

    @Test func emojiAndSymbolsSeparate() {
        #expect(analyzer.foldedWords(in: "👩‍💻тест🔥test™word©") == ["тест", "test", "word"])
        #expect(analyzer.foldedWords(in: "1\u{FE0F}\u{20E3} 2") == ["1", "2"])
        #expect(analyzer.foldedWords(in: "1\u{FE0F}\u{20E3}2") == ["12"])  // marks never split a word
    }

    @Test func stopWordsAreDroppedAfterFolding() {
        #expect(analyzer.words(in: "The printer is NOT working") == ["printer", "working"])
        #expect(analyzer.words(in: "Я не могу войти, ЕЩЁ раз: её нет") == ["могу", "войти"])
        #expect(analyzer.words(in: "I’M sure it’s DON’T") == ["sure"])  // curly apostrophes fold to '
        #expect(analyzer.foldedWords(in: "The Её") == ["the", "ее"])
        // A stop word inside a longer word is not one.
        #expect(analyzer.words(in: "theme another вот-вот вотум") == ["theme", "another", "вотум"])
    }

    @Test func stopListsAreSnowballs() {
        #expect(StopWords.english.count == 174)
        #expect(StopWords.russian.count == 159)
        #expect(Set(StopWords.english).count == 174)
        #expect(Set(StopWords.russian).count == 159)
        for word in StopWords.english + StopWords.russian {
            #expect(analyzer.isStopWord(word), "\(word)")
            #expect(analyzer.foldedWords(in: word) == [word], "\(word) is not a folded word")
            #expect(analyzer.words(in: word).isEmpty, "\(word)")
            #expect(analyzer.words(in: word.uppercased()).isEmpty, "\(word.uppercased())")
        }
        for word in ["us", "will", "can", "may", "mine", "это", "весь", "printer", "принтер", "i'", "thee"] {
            #expect(!analyzer.isStopWord(word), "\(word)")
        }
    }

    @Test func forEachTermUTF8GivesTheSameTerms() {
        let text = "Ошибка E-404 на принтере; O'Neil’s café 東京タワー straße ΟΔΟΣ 😀 ٤٢"
        var viaBytes: [String] = []
        analyzer.forEachTermUTF8(in: text) { viaBytes.append(String(decoding: $0, as: UTF8.self)) }
        #expect(viaBytes == analyzer.terms(in: text))
        #expect(viaBytes.count == 10)
    }
}
