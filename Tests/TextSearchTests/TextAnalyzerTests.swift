import Testing

@testable import TextSearch

@Suite("Text analyzer")
struct TextAnalyzerTests {
    @Test func foldsAndSplits() {
        #expect(TextAnalyzer().words(in: "Ёлка, PRINTER-42!") == ["елка", "printer", "42"])
    }
}
