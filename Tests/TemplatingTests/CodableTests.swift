import Foundation
import Templating
import Testing

/// Templates are stored as their source text and parsed again when read.
@Suite struct CodableTests {
    @Test func roundTripThroughJSON() throws {
        let template = try Template(parsing: "Заявка №{{ ticket.number }} {{ contact.firstName | \"клиент\" }}")
        let data = try JSONEncoder().encode(["receipt": template])
        #expect(String(decoding: data, as: UTF8.self) == #"{"receipt":"Заявка №{{ ticket.number }} {{ contact.firstName | \"клиент\" }}"}"#)
        let decoded = try JSONDecoder().decode([String: Template].self, from: data)
        #expect(decoded["receipt"] == template)
        #expect(decoded["receipt"]?.placeholders == template.placeholders)
    }

    @Test func aSourceThatNoLongerParsesFailsDecoding() {
        let data = Data(#"["{{ ticket.number"]"#.utf8)
        #expect(throws: TemplateError.self) { try JSONDecoder().decode([Template].self, from: data) }
    }
}
