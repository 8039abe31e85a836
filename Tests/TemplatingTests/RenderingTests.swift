import Templating
import Testing

/// Values, fallbacks and escaping when rendering.
@Suite struct RenderingTests {
    static let notice = """
    Здравствуйте, {{ contact.firstName | "клиент" }}!
    Заявка №{{ ticket.number }} «{{ ticket.title }}» {{ ticket.assignee | "ждёт инженера" }}.
    """

    @Test func presentValuesAreSubstituted() throws {
        let template = try Template(parsing: Self.notice)
        let text = template.render([
            "contact.firstName": "Иван", "ticket.number": "2025-000154",
            "ticket.title": "Не печатает принтер", "ticket.assignee": "Ольга",
        ])
        #expect(text == "Здравствуйте, Иван!\nЗаявка №2025-000154 «Не печатает принтер» Ольга.")
    }

    @Test func missingOrEmptyValuesShowTheFallback() throws {
        let template = try Template(parsing: Self.notice)
        let text = template.render(["contact.firstName": "", "ticket.number": "7", "ticket.title": "Сеть"])
        #expect(text == "Здравствуйте, клиент!\nЗаявка №7 «Сеть» ждёт инженера.")
    }

    @Test func missingValueWithoutFallbackIsEmptyNeverAnArtefact() throws {
        let template = try Template(parsing: "[{{ a }}][{{ b.c }}]")
        let text = template.render([:])
        #expect(text == "[][]")
        #expect(!text.contains("nil") && !text.contains("-"))
    }

    @Test func closureLookupIsAskedPerPlaceholder() throws {
        let template = try Template(parsing: "{{ a }}{{ b | \"—\" }}{{ a }}")
        var asked: [String] = []
        let text = template.render { path in
            asked.append(path)
            return path == "a" ? "x" : nil
        }
        #expect(text == "x—x")
        #expect(asked == ["a", "b", "a"])
    }

    @Test func htmlEscapingTouchesValuesOnly() throws {
        let template = try Template(parsing: "<p>Здравствуйте, {{ name }} & {{ missing | \"<нет> 'имени'\" }}</p>")
        let text = template.render(["name": "<script>alert(\"x&y\")</script>"], escaping: .html)
        #expect(text == "<p>Здравствуйте, &lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt; & &lt;нет&gt; &#39;имени&#39;</p>")
        let plain = template.render(["name": "<b>"])
        #expect(plain == "<p>Здравствуйте, <b> & <нет> 'имени'</p>")
        // `&` followed by a combining mark is one Character but still an HTML `&`.
        #expect(try Template(parsing: "{{ a }}").render(["a": "&\u{301}x"], escaping: .html).unicodeScalars.elementsEqual("&amp;\u{301}x".unicodeScalars))
    }

    @Test func customEscapingIsAppliedToEveryValue() throws {
        let template = try Template(parsing: "*{{ a }}* {{ b | \"_x_\" }}")
        let markdown = TemplateEscaping.custom { $0.replacing("*", with: "\\*").replacing("_", with: "\\_") }
        #expect(template.render(["a": "2*3"], escaping: markdown) == "*2\\*3* \\_x\\_")
    }

    @Test func renderingIsDeterministic() throws {
        let template = try Template(parsing: Self.notice)
        let values: TemplateValues = ["contact.firstName": "Анна", "ticket.number": "1"]
        #expect(template.render(values) == template.render(values))
    }

    @Test func valuesAreEditableByPath() {
        var values = TemplateValues(["a": "1"])
        values["b"] = "2"
        values["a"] = nil
        #expect(values.byPath == ["b": "2"])
        #expect(values["b"] == "2")
    }
}
