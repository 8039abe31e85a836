import Templating
import Testing

/// Templates checked against a schema: unknown paths and optional paths without fallbacks.
@Suite struct ValidationTests {
    static let schema = TemplateSchema(
        always: ["ticket.number", "ticket.title"], optional: ["contact.firstName", "ticket.assignee"])

    @Test func knownPathsPass() throws {
        let template = try Template(parsing: "{{ ticket.number }} {{ contact.firstName | \"клиент\" }} {{ ticket.title | \"x\" }}")
        try template.validate(against: Self.schema)
        #expect(template.issues(against: Self.schema).isEmpty)
    }

    @Test func everyUnknownPlaceholderIsListedSortedWithPositions() throws {
        let template = try Template(parsing: "{{ zeta }}\n{{ ticket.numbr }} {{ alpha | \"a\" }} {{ zeta }} {{ ticket.number }}")
        let error = validationError(template, Self.schema)
        #expect(error?.code == .unknownPlaceholder)
        #expect(error?.issues.map(\.path) == ["alpha", "ticket.numbr", "zeta", "zeta"])
        #expect(error?.issues.map(\.position) == [at(2, 20, 30), at(2, 1, 11), at(1, 1, 0), at(2, 38, 48)])
        #expect(error?.issues.allSatisfy { $0.code == .unknownPlaceholder } == true)
        #expect(error?.position == at(2, 20, 30))
        #expect(error?.message == "unknown placeholders alpha, ticket.numbr, zeta")
    }

    @Test func optionalPathWithoutFallbackIsRejected() throws {
        let template = try Template(parsing: "Здравствуйте, {{ contact.firstName }}!")
        let error = validationError(template, Self.schema)
        #expect(error?.code == .missingFallback)
        #expect(error?.issues == [TemplateIssue(code: .missingFallback, path: "contact.firstName", position: at(1, 15, 26))])
    }

    @Test func unknownPathsWinTheCodeButEveryIssueIsListed() throws {
        let template = try Template(parsing: "{{ ticket.assignee }} {{ nope }}")
        let error = validationError(template, Self.schema)
        #expect(error?.code == .unknownPlaceholder)
        #expect(error?.issues.map(\.code) == [.unknownPlaceholder, .missingFallback])
        #expect(error?.issues.map(\.path) == ["nope", "ticket.assignee"])
    }

    @Test func aPathInBothListsIsOptional() {
        let schema = TemplateSchema(always: ["a"], optional: ["a"])
        #expect(schema.presence(of: "a") == .optional)
        #expect(schema.presence(of: "b") == nil)
        #expect(TemplateSchema(["a": .always]).presence(of: "a") == .always)
    }
}
