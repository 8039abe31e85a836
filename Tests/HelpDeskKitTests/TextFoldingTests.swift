import Foundation
import Testing

@testable import HelpDeskKit

/// The byte-wise folding fast path must give exactly the bytes of `lowercased()`, the shared
/// definition, for every scalar it handles and for mixed text that falls back.
@Suite("Text folding")
struct TextFoldingTests {
    private static func reference(_ text: String) -> [UInt8] { Array(text.lowercased().utf8) }

    @Test func everyScalarOfTheBasicPlaneFoldsLikeLowercased() {
        // Runs of 16 consecutive scalars, between ASCII and Cyrillic capitals, so every scalar is
        // seen both after a table-folded prefix and next to its neighbours.
        for runStart in stride(from: UInt32(0), to: 0x1_0000, by: 16) {
            var text = "Ab"
            for value in runStart..<runStart + 16 {
                if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
            }
            text += "Яz"
            #expect(TextMatching.folded(text) == Self.reference(text), "run from U+\(String(runStart, radix: 16))")
        }
    }

    @Test func seededMixedTextFoldsLikeLowercased() {
        let alphabet: [ClosedRange<UInt32>] = [
            0x20...0x7E, 0x80...0xFF, 0x400...0x45F, 0x460...0x4FF, 0x391...0x3C9, 0x130...0x131, 0x1F600...0x1F64F,
        ]
        var random = SplitMix64(seed: 17)
        for _ in 0..<2_000 {
            var text = ""
            let pure = random.next() % 2 == 0  // half the texts stay on the fast path
            for _ in 0..<Int(random.next() % 24) {
                let range = alphabet[pure ? Int(random.next() % 3) : Int(random.next() % UInt64(alphabet.count))]
                let value = range.lowerBound + UInt32(random.next() % UInt64(range.count))
                if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
            }
            #expect(TextMatching.folded(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }

    @Test func appendingKeepsWhatWasThere() {
        var bytes = Array("x".utf8)
        TextFolding.append("ПРИНТЕР Ωmega", to: &bytes)
        #expect(bytes == Array("xпринтер ωmega".utf8))
    }
}
