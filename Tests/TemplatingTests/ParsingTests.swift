import Templating
import Testing

/// What parses, what it parses into, and the exact code and position of every parsing error.
@Suite struct ParsingTests {
    @Test func placeholdersWithAndWithoutFallbacks() throws {
        let template = try Template(parsing: "Заявка №{{ticket.number}}, {{  contact.firstName | \"клиент\" }}!")
        #expect(template.placeholders.map(\.path) == ["ticket.number", "contact.firstName"])
        #expect(template.placeholders.map(\.fallback) == [nil, "клиент"])
        #expect(template.placeholders.map(\.position) == [at(1, 9, 16), at(1, 28, 35)])
        #expect(template.render(["ticket.number": "154", "contact.firstName": "Иван"]) == "Заявка №154, Иван!")
    }

    @Test func whitespaceInsideBracesMayIncludeLineBreaks() throws {
        let template = try Template(parsing: "{{\n\tcontact.firstName\r\n|\n\"клиент\"\n}}")
        #expect(template.placeholders.first?.path == "contact.firstName")
        #expect(template.placeholders.first?.fallback == "клиент")
    }

    @Test func identifiersMayUseUnderscoresAndDigits() throws {
        let template = try Template(parsing: "{{ _a.b_2.Z9 }}")
        #expect(template.paths == ["_a.b_2.Z9"])
    }

    @Test func fallbackEscapesAndBracesInsideStrings() throws {
        let template = try Template(parsing: #"{{ a | "say \"hi\" \\ }} {{" }}"#)
        #expect(template.placeholders.first?.fallback == #"say "hi" \ }} {{"#)
        let empty = try Template(parsing: #"{{ a | "" }}"#)
        #expect(empty.placeholders.first?.fallback == "")
    }

    @Test func doubledBracesAreLiteralBraces() throws {
        let template = try Template(parsing: "{{{{ не placeholder }}}} и {{ a }}")
        #expect(template.render(["a": "1"]) == "{{ не placeholder }} и 1")
        #expect(template.paths == ["a"])
        #expect(try Template(parsing: "{{{{{{ a }}}}}}").render(["a": "1"]) == "{{1}}")
    }

    @Test func loneBracesAreText() throws {
        let template = try Template(parsing: "{ a } {b} }x{ {")
        #expect(template.placeholders.isEmpty)
        #expect(template.render([:]) == "{ a } {b} }x{ {")
        #expect(try Template(parsing: "{{ a }}}").render(["a": "1"]) == "1}")
        #expect(try Template(parsing: "").render([:]) == "")
    }

    @Test func pathsAreDistinctInOrderOfFirstUse() throws {
        let template = try Template(parsing: "{{ b }} {{ a }} {{ b | \"x\" }} {{ c }}")
        #expect(template.paths == ["b", "a", "c"])
    }

    @Test func unclosedPlaceholders() {
        #expect(parseError("Hello {{ name")?.code == .unclosedPlaceholder)
        #expect(parseError("Hello {{ name")?.position == at(1, 7, 6))
        #expect(parseError("{{")?.position == at(1, 1, 0))
        #expect(parseError("{{ a |")?.code == .unclosedPlaceholder)
        #expect(parseError("{{ a | \"x\"")?.code == .unclosedPlaceholder)
        #expect(parseError("{{ a.")?.code == .unclosedPlaceholder)
        // A stray character with no `}}` before the next `{{` reads as a forgotten `}}`.
        #expect(parseError("{{ name, ваш тикет")?.code == .unclosedPlaceholder)
        #expect(parseError("{{ a {{ b }}")?.position == at(1, 1, 0))
        let multiline = parseError("Строка один\nИ {{ x")
        #expect(multiline?.code == .unclosedPlaceholder)
        #expect(multiline?.position == at(2, 3, 25))
    }

    @Test func emptyPlaceholders() {
        #expect(parseError("Привет, {{ }}!")?.code == .emptyPlaceholder)
        #expect(parseError("Привет, {{ }}!")?.position == at(1, 9, 14))
        #expect(parseError("{{}}")?.code == .emptyPlaceholder)
    }

    @Test func malformedPaths() {
        let cases: [(String, TemplatePosition)] = [
            ("{{ ticket..number }}", at(1, 11, 10)),
            ("{{ 1st }}", at(1, 4, 3)),
            ("{{ a b }}", at(1, 6, 5)),
            ("{{ a. }}", at(1, 6, 5)),
            ("{{ .a }}", at(1, 4, 3)),
            ("{{ | \"x\" }}", at(1, 4, 3)),
            ("{{ имя }}", at(1, 4, 3)),
            ("{{{ a }}}", at(1, 3, 2)),
            ("{{ name, ваш }}", at(1, 8, 7)),
            ("{{ a-b }}", at(1, 5, 4)),
        ]
        for (source, position) in cases {
            let error = parseError(source)
            #expect(error?.code == .malformedPath, "\(source)")
            #expect(error?.position == position, "\(source)")
        }
    }

    @Test func malformedAndUnclosedFallbacks() {
        #expect(parseError("{{ a | клиент }}")?.code == .malformedFallback)
        #expect(parseError("{{ a | клиент }}")?.position == at(1, 8, 7))
        #expect(parseError(#"{{ a | "x\n" }}"#)?.code == .malformedFallback)
        #expect(parseError(#"{{ a | "x\n" }}"#)?.position == at(1, 10, 9))
        #expect(parseError(#"{{ a | "x" y }}"#)?.code == .malformedFallback)
        #expect(parseError(#"{{ a | "x" y }}"#)?.position == at(1, 12, 11))
        #expect(parseError(#"{{ a | "x" | "y" }}"#)?.code == .malformedFallback)
        #expect(parseError(#"{{ a | "x }}"#)?.code == .unclosedFallback)
        #expect(parseError(#"{{ a | "x }}"#)?.position == at(1, 8, 7))
        #expect(parseError(#"{{ a | "x\"#)?.code == .unclosedFallback)
    }

    @Test func strayClosingBraces() {
        #expect(parseError("a }} b")?.code == .strayClosingBraces)
        #expect(parseError("a }} b")?.position == at(1, 3, 2))
        #expect(parseError("{ticket.number}}")?.position == at(1, 15, 14))
        #expect(parseError("{{ a }}}}}")?.code == .strayClosingBraces)
    }

    @Test func limits() {
        let long = parseError("0123456789ab", limits: TemplateLimits(maximumBytes: 10))
        #expect(long?.code == .templateTooLong)
        #expect(long?.position == at(1, 11, 10))
        // The reported position never splits a letter: byte 3 is inside the second "ж".
        #expect(parseError("жжж", limits: TemplateLimits(maximumBytes: 3))?.position == at(1, 2, 2))
        #expect(parseError("a", limits: TemplateLimits(maximumBytes: -5))?.code == .templateTooLong)
        #expect(parseError("", limits: TemplateLimits(maximumBytes: -5)) == nil)
        #expect(parseError("0123456789", limits: TemplateLimits(maximumBytes: 10)) == nil)

        let many = parseError("{{a}}{{b}}{{c}}", limits: TemplateLimits(maximumPlaceholders: 2))
        #expect(many?.code == .tooManyPlaceholders)
        #expect(many?.position == at(1, 11, 10))
        #expect(parseError("{{a}}{{b}}", limits: TemplateLimits(maximumPlaceholders: 2)) == nil)
    }

    @Test func errorsDescribeThemselves() {
        let error = parseError("Hello {{ name")
        #expect(error?.description.hasPrefix("line 1, column 7: ") == true)
        #expect(TemplateError.Code.unclosedPlaceholder.description == "unclosedPlaceholder")
    }
}
