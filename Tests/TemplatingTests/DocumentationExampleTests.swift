import Templating
import Testing

/// The outputs Documentation/Templates.md shows in its comments, checked.
@Suite struct DocumentationExampleTests {
    @Test func receipt() throws {
        let receipt = try Template(parsing: """
            Здравствуйте, {{ contact.firstName | "клиент" }}!
            Ваша заявка №{{ ticket.number }} «{{ ticket.title }}» зарегистрирована.
            """)
        let text = receipt.render(["ticket.number": "2025-000154", "ticket.title": "Не печатает принтер"])
        #expect(text == "Здравствуйте, клиент!\nВаша заявка №2025-000154 «Не печатает принтер» зарегистрирована.")
    }

    @Test func parsingError() {
        #expect(parseError("Заявка №{{ ticket.number")?.description == "line 1, column 9: '{{' is never closed by '}}'")
    }

    @Test func validation() throws {
        let clientNotice = TemplateSchema(
            always: ["ticket.number", "ticket.title", "ticket.status"],
            optional: ["contact.firstName", "ticket.assignee"])
        let draft = try Template(parsing: """
            Здравствуйте, {{ contact.firstName }}!
            Заявка №{{ ticket.numbr }}: {{ ticket.statusName }}.
            """)
        let error = validationError(draft, clientNotice)
        #expect(error?.code == .unknownPlaceholder)
        #expect(error?.issues.map(\.description) == [
            "line 1, column 15: 'contact.firstName' may be missing and has no fallback (write {{ contact.firstName | \"…\" }})",
            "line 2, column 9: unknown placeholder 'ticket.numbr'",
            "line 2, column 29: unknown placeholder 'ticket.statusName'",
        ])
    }

    @Test func rendering() throws {
        let notice = try Template(parsing: "{{ ticket.assignee | \"Инженер назначается\" }} — заявка №{{ ticket.number }}")
        var values = TemplateValues(["ticket.number": "2025-000154"])
        #expect(notice.render(values) == "Инженер назначается — заявка №2025-000154")
        values["ticket.assignee"] = "Ольга Смирнова"
        #expect(notice.render(values) == "Ольга Смирнова — заявка №2025-000154")
        #expect(notice.render { path in path == "ticket.number" ? "7" : nil } == "Инженер назначается — заявка №7")
    }

    @Test func escaping() throws {
        let mail = try Template(parsing: "<p>Тема: <b>{{ ticket.title }}</b> &mdash; {{ contact.firstName | \"клиент\" }}</p>")
        #expect(mail.render(["ticket.title": "Принтер <HP> & сканер"], escaping: .html)
            == "<p>Тема: <b>Принтер &lt;HP&gt; &amp; сканер</b> &mdash; клиент</p>")
        let telegram = TemplateEscaping.custom { $0.replacing("*", with: "\\*") }
        #expect(try Template(parsing: "*{{ ticket.title }}*").render(["ticket.title": "2*2"], escaping: telegram) == "*2\\*2*")
    }
}
