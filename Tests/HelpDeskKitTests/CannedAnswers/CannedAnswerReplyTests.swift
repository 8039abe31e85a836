import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Rendering a canned answer for a ticket and inserting it as a comment: fallbacks, escaping, who
/// may use which answer, the comment path's effects, the status action, retirement and revisions.
@Suite("Canned answers render for a ticket and answer through the comment path")
struct CannedAnswerReplyTests {
    static func answer(
        _ test: TestDesk, _ text: String, shortcut: String = "greet", visibility: CommentVisibility = .public,
        audience: CannedAnswerAudience = .everyone, setStatus: StatusCode? = nil
    ) async throws -> CannedAnswer {
        try await test.desk.createCannedAnswer(
            try CannedAnswerDefinition(
                name: "Answer \(shortcut)", shortcut: shortcut, text: text, visibility: visibility, audience: audience,
                setStatus: setStatus),
            by: .system)
    }

    @Test func fallbacksShowForMissingValuesAndHTMLEscapesOnlyTheValues() async throws {
        let test = try await TestDesk.make()
        let boris = Performer.employee(test.boris.id)
        let ticket = try await test.desk.createTicket(
            NewTicket(title: "Printer <HP> & \"fax\"", channel: .phone, requester: .freeText("Ivan Petrov")), by: boris)
        let greeting = try await Self.answer(
            test,
            "<p>{{ requester.firstName | \"клиент\" }}, {{ ticket.title }}: {{ ticket.lastReply | \"ещё нет ответа\" }}; {{ company.name | \"—\" }}</p>{{ agent.firstName | \"\" }}"
        )
        let preview = try await test.desk.previewCannedAnswer(greeting.id, for: ticket.id, as: boris)
        #expect(preview.text == "<p>Ivan, Printer <HP> & \"fax\": ещё нет ответа; —</p>Boris")
        #expect(preview.html == "<p>Ivan, Printer &lt;HP&gt; &amp; &quot;fax&quot;: ещё нет ответа; —</p>Boris")
        #expect(preview.revision == 1 && preview.visibility == .public && preview.answerID == greeting.id)
        _ = try await test.desk.comment(on: ticket.id, NewComment("First <reply>"), by: boris)
        let later = try await test.desk.previewCannedAnswer(greeting.id, for: ticket.id, as: boris)
        #expect(later.text.contains(": First <reply>;") && later.html.contains(": First &lt;reply&gt;;"))
        let note = try await Self.answer(
            test, "{{ ticket.priority }} {{ ticket.group | \"no group\" }} {{ ticket.assignee | \"nobody\" }}",
            shortcut: "note", visibility: .internal)
        #expect(
            try await test.desk.previewCannedAnswer(note.id, for: ticket.id, as: boris).text == "normal no group nobody"
        )
    }

    @Test func anAnswerIsAReplyLikeAnyOtherInOneUnit() async throws {
        let test = try await TestDesk.make()
        let anna = Performer.employee(test.anna.id)
        let ticket = try await test.ticket()
        _ = try await test.desk.acknowledgeEvents(
            try await test.desk.undeliveredEvents(limit: 100, as: .system).map(\.sequence), by: .system)
        let greeting = try await Self.answer(
            test, "Здравствуйте, {{ requester.name }}! Заявка {{ ticket.number }}.", setStatus: .waitingForClient)
        test.clock.advance(by: 60)
        let comment = try await test.desk.answerWithCannedAnswer(
            greeting.id, on: ticket.id, extraText: "Перезагрузите принтер.", expectedRevision: 1, by: anna)
        #expect(comment.body == "Здравствуйте, Ivan Petrov! Заявка \(ticket.number).\n\nПерезагрузите принтер.")
        #expect(comment.visibility == .public && comment.author == anna)
        let stored = try await test.desk.ticket(ticket.id, as: anna)
        #expect(stored.firstResponseAt == test.clock.now, "the first public reply stamps the first response")
        #expect(stored.status == .waitingForClient, "the answer's status moved the ticket")
        #expect(try await test.desk.comments(on: ticket.id, as: .client(name: "Ivan Petrov")).last == comment)
        let events = try await test.desk.undeliveredEvents(limit: 100, as: .system).map(\.event)
        #expect(
            events.contains(
                .commentAdded(ticket: ticket.id, number: ticket.number, comment: comment.id, visibility: .public)))
        #expect(events.contains { if case .statusChanged = $0 { true } else { false } })
    }

    @Test func aStatusTheWorkflowForbidsRefusesTheWholeAnswer() async throws {
        let test = try await TestDesk.make()
        let ticket = try await test.ticket()
        _ = try await test.desk.changeStatus(ticket.id, to: .resolved, by: .system)
        let greeting = try await Self.answer(test, "Hello", setStatus: .waitingForClient)
        let before = try await test.snapshot()
        await #expect(
            throws: HelpDeskError.transitionNotAllowed(ticket: ticket.number, from: .resolved, to: .waitingForClient)
        ) {
            _ = try await test.desk.answerWithCannedAnswer(greeting.id, on: ticket.id, by: .employee(test.anna.id))
        }
        #expect(try await test.snapshot() == before)
    }

    @Test func groupAndPersonalAnswersAreForTheirGroupAndOwnerOnly() async throws {
        let test = try await TestDesk.make()
        let (anna, boris) = (Performer.employee(test.anna.id), Performer.employee(test.boris.id))
        let ticket = try await test.ticket()
        let field = try await Self.answer(test, "Field", shortcut: "field", audience: .group(test.fieldEngineers.id))
        let mine = try await test.desk.createCannedAnswer(
            try CannedAnswerDefinition(name: "Mine", shortcut: "mine", text: "— Anna", audience: .owner(test.anna.id)),
            by: anna)
        let everyone = try await Self.answer(test, "All")
        #expect(Set(try await test.desk.cannedAnswers(as: anna).map(\.id)) == [mine.id, everyone.id])
        #expect(Set(try await test.desk.cannedAnswers(as: boris).map(\.id)) == [field.id, everyone.id])
        #expect(try await test.desk.cannedAnswers(matching: "MINE", as: anna).map(\.id) == [mine.id])
        #expect(try await test.desk.cannedAnswer(shortcut: "Mine", as: anna) == mine)
        #expect(try await test.desk.cannedAnswer(shortcut: "mine", as: boris) == nil)
        await #expect(throws: HelpDeskError.cannedAnswerNotFound(mine.id)) {
            _ = try await test.desk.answerWithCannedAnswer(mine.id, on: ticket.id, by: boris)
        }
        await #expect(throws: HelpDeskError.cannedAnswerNotFound(field.id)) {
            _ = try await test.desk.previewCannedAnswer(field.id, for: ticket.id, as: anna)
        }
        await #expect(throws: HelpDeskError.cannedAnswerNotFound(mine.id)) {
            _ = try await test.desk.retireCannedAnswer(mine.id, by: boris)
        }
        await #expect(throws: HelpDeskError.forbidden(boris, action: "cannedAnswer.personal")) {
            _ = try await test.desk.createCannedAnswer(
                try CannedAnswerDefinition(
                    name: "Not mine", shortcut: "other", text: "x", audience: .owner(test.anna.id)),
                by: boris)
        }
        #expect(try await test.desk.answerWithCannedAnswer(mine.id, on: ticket.id, by: anna).body == "— Anna")
        #expect(try await test.desk.answerWithCannedAnswer(field.id, on: ticket.id, by: boris).body == "Field")
        let contact = Performer.client(name: "Ivan Petrov")
        await #expect(throws: HelpDeskError.self) { _ = try await test.desk.cannedAnswers(as: contact) }
    }

    @Test func aRetiredAnswerFreesItsShortcutAndCannotBeUsedOrChanged() async throws {
        let test = try await TestDesk.make()
        let ticket = try await test.ticket()
        let old = try await Self.answer(test, "Old")
        test.clock.advance(by: 30)
        let retired = try await test.desk.retireCannedAnswer(old.id, by: .employee(test.anna.id))
        #expect(
            retired.retiredAt == test.clock.now && retired.revision == 2 && retired.changedBy == .employee(test.anna.id)
        )
        #expect(try await test.desk.cannedAnswers(as: .system).isEmpty)
        #expect(try await test.desk.cannedAnswer(old.id, as: .system) == retired, "still readable")
        await #expect(throws: HelpDeskError.cannedAnswerRetired(old.id)) {
            _ = try await test.desk.answerWithCannedAnswer(old.id, on: ticket.id, by: .system)
        }
        await #expect(throws: HelpDeskError.cannedAnswerRetired(old.id)) {
            _ = try await test.desk.updateCannedAnswer(old.id, old.definition, by: .system)
        }
        let new = try await Self.answer(test, "New")
        #expect(try await test.desk.cannedAnswer(shortcut: "greet", as: .system) == new)
    }

    @Test func anUpdateChecksTheRevisionTheEditorRead() async throws {
        let test = try await TestDesk.make()
        let ticket = try await test.ticket()
        let first = try await Self.answer(test, "One")
        var definition = first.definition
        definition.body = try .init(parsing: "Two")
        let second = try await test.desk.updateCannedAnswer(first.id, definition, expectedRevision: 1, by: .system)
        #expect(second.revision == 2)
        #expect(
            try await test.desk.updateCannedAnswer(first.id, definition, by: .system) == second, "no change, no write")
        definition.body = try .init(parsing: "Three")
        await #expect(throws: HelpDeskError.cannedAnswerChanged(first.id, revision: 2)) {
            _ = try await test.desk.updateCannedAnswer(first.id, definition, expectedRevision: 1, by: .system)
        }
        await #expect(throws: HelpDeskError.cannedAnswerChanged(first.id, revision: 2)) {
            _ = try await test.desk.answerWithCannedAnswer(first.id, on: ticket.id, expectedRevision: 1, by: .system)
        }
        definition.visibility = .internal
        definition.body = try .init(parsing: "{{ ticket.priority }}")
        _ = try await test.desk.updateCannedAnswer(first.id, definition, expectedRevision: 2, by: .system)
        let note = try await test.desk.answerWithCannedAnswer(first.id, on: ticket.id, by: .employee(test.anna.id))
        #expect(note.visibility == .internal && note.body == "normal")
    }

    @Test func aRequesterWhoLeftIsStillGreetedFromClientVisibleValuesOnly() async throws {
        let test = try await TestDesk.make()
        let boris = Performer.employee(test.boris.id)
        let alpha = try await test.desk.addCompany(NewCompany(name: "Alpha"), by: .system)
        let alice = try await test.desk.addContact(NewContact(companyID: alpha.id, name: "Alice Client"), by: .system)
        let hidden = try await test.desk.addCategory(
            NewServiceCategory(name: "Hidden category", isVisibleToClients: false), by: .system)
        let ticket = try await test.desk.createTicket(
            NewTicket(title: "Toner", channel: .phone, categoryID: hidden.id, requester: .contact(alice.id)), by: boris)
        let answer = try await Self.answer(
            test, "{{ requester.firstName | \"∅\" }}/{{ company.name | \"∅\" }}/{{ ticket.category | \"∅\" }}")
        #expect(try await test.desk.previewCannedAnswer(answer.id, for: ticket.id, as: boris).text == "Alice/Alpha/∅")
        _ = try await test.desk.updateContact(alice.id, ContactUpdate(isActive: false), by: .system)
        #expect(try await test.desk.previewCannedAnswer(answer.id, for: ticket.id, as: boris).text == "Alice/Alpha/∅")
        let note = try await Self.answer(
            test, "{{ ticket.category | \"∅\" }}", shortcut: "note", visibility: .internal)
        #expect(try await test.desk.previewCannedAnswer(note.id, for: ticket.id, as: boris).text == "Hidden category")
    }

    @Test func twoEnginesUpdatingOneAnswerLoseNothing() async throws {
        let test = try await TestDesk.make()
        let problems = try await StoreContract.cannedAnswerRace(test)
        #expect(problems.isEmpty, "\(problems)")
    }
}
