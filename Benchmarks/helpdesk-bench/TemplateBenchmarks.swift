import Foundation
import Templating

/// Parse and render rates of a typical client notice: about 500 bytes of Russian text with eight
/// placeholders (four with fallbacks), rendered with every value present.
func templateBenchmarks(quick: Bool) throws -> [BenchmarkResult] {
    let source = TemplateBench.notice
    let template = try Template(parsing: source)
    let notes = "\(source.utf8.count)-byte notice, \(template.placeholders.count) placeholders, one core"
    let renders = quick ? 20_000 : 1_000_000
    return [
        BenchmarkResult(
            name: "templates.parse", value: try TemplateBench.parseRate(source, iterations: quick ? 5_000 : 200_000),
            unit: "ops/s", target: nil, higherIsBetter: true, notes: notes + "; Template(parsing:)"),
        BenchmarkResult(
            name: "templates.render", value: TemplateBench.renderRate(template, .none, iterations: renders),
            unit: "ops/s", target: nil, higherIsBetter: true, notes: notes + "; render(_:) with TemplateEscaping.none"),
        BenchmarkResult(
            name: "templates.render.html", value: TemplateBench.renderRate(template, .html, iterations: renders),
            unit: "ops/s", target: nil, higherIsBetter: true,
            notes: notes + "; render(_:escaping: .html), one value holding '<' and '&'"),
    ]
}

/// The notice, its values and the timing loops for `templateBenchmarks(quick:)`.
enum TemplateBench {
    static let notice = """
    Здравствуйте, {{ contact.firstName | "клиент" }}!

    Ваша заявка №{{ ticket.number }} «{{ ticket.title }}» зарегистрирована {{ ticket.createdAt }}.
    Инженер: {{ ticket.assignee | "назначается" }}. Срок решения: {{ ticket.dueAt | "по договору" }}.
    Статус и переписка — в личном кабинете: {{ portal.link }}.
    С уважением, служба поддержки {{ desk.name | "HelpDesk" }}.
    """

    static let values: TemplateValues = [
        "contact.firstName": "Иван", "ticket.number": "2025-000154",
        "ticket.title": "Не печатает принтер <HP> & сканер в бухгалтерии", "ticket.createdAt": "12.03.2025 09:41",
        "ticket.assignee": "Ольга Смирнова", "ticket.dueAt": "12.03.2025 17:41",
        "portal.link": "https://support.example.ru/t/2025-000154", "desk.name": "ООО «Альфа Сервис»",
    ]

    /// Templates parsed per second of wall-clock time, after a warm-up.
    static func parseRate(_ source: String, iterations: Int) throws -> Double {
        var sink = 0
        for _ in 0..<1_000 { sink &+= try Template(parsing: source).placeholders.count }
        let seconds = try Measure.seconds {
            for _ in 0..<iterations { sink &+= try Template(parsing: source).placeholders.count }
        }
        precondition(sink != 0, "benchmark result unused")
        return Double(iterations) / seconds
    }

    /// Renders per second of wall-clock time, after a warm-up.
    static func renderRate(_ template: Template, _ escaping: TemplateEscaping, iterations: Int) -> Double {
        var sink = 0
        for _ in 0..<1_000 { sink &+= template.render(values, escaping: escaping).utf8.count }
        let seconds = Measure.seconds {
            for _ in 0..<iterations { sink &+= template.render(values, escaping: escaping).utf8.count }
        }
        precondition(sink != 0, "benchmark result unused")
        return Double(iterations) / seconds
    }
}
