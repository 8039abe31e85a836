import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Templating
import Testing

/// Receipts, rules' notices, auto-replies, escalations and the status template: who gets what,
/// rendered how, and which templates are refused when saved.
@Suite("Notices rendered from templates")
struct NoticeTests {
    /// The notices in the outbox, oldest first, with their audiences.
    static func notices(_ desk: HelpDesk) async throws -> [(Notice, Audience)] {
        try await desk.undeliveredEvents(limit: 1_000, as: .system).compactMap { event in
            if case .noticeSent(_, _, let notice) = event.event { (notice, event.audience) } else { nil }
        }
    }

    static func template(_ subject: String, _ body: String) throws -> NoticeTemplate {
        try NoticeTemplate(subject: subject, body: body)
    }

    @Test func builtInTemplatesParseAndFitTheirReaders() throws {
        try NoticeTemplate.standardReceipt.validate(for: .client)
        try NoticeTemplate.standardStatusChange.validate(for: .client)
        try NoticeTemplate.standardLowRating.validate(for: .staff)
        try NotificationSettings().validate()
        // No staff-only path is known to a client template.
        for path in ["ticket.priority", "ticket.group", "ticket.assignee", "ticket.agentStatus", "rule.name"] {
            #expect(NoticeTemplate.clientSchema.presence(of: path) == nil, "\(path)")
            #expect(NoticeTemplate.staffSchema.presence(of: path) != nil, "\(path)")
        }
    }

    @Test func emailAndPortalTicketsGetAReceiptPhoneTicketsDoNot() async throws {
        let test = try await TestDesk.make()
        let anna = Performer.employee(test.anna.id)
        for channel in [Channel.email, .portal, .phone] {
            _ = try await test.desk.createTicket(
                NewTicket(title: "Scanner <b>down</b> via \(channel)", channel: channel, requester: .freeText("Ivan Petrov")),
                by: anna)
        }
        let notices = try await Self.notices(test.desk)
        #expect(notices.map(\.0.purpose) == [.receipt, .receipt])
        let (receipt, audience) = try #require(notices.first)
        #expect(audience == Audience(requester: .freeText("Ivan Petrov")))
        #expect(receipt.reader == .client && receipt.isAutomatic)
        #expect(receipt.subject == "[#1] Scanner <b>down</b> via email")
        #expect(receipt.text.hasPrefix("Hello, Ivan!"))
        #expect(receipt.html.contains("Scanner &lt;b&gt;down&lt;/b&gt; via email"))
        #expect(!receipt.text.contains("{{") && !receipt.text.contains(" - "))
    }

    @Test func aRuleNotifiesStaffAndAutoRepliesEscalatesToAManager() async throws {
        let test = try await TestDesk.make()
        let desk = test.desk
        let manager = try await desk.addEmployee(NewEmployee(name: "Maria Manager", email: "maria@service.example"), by: .system)
        _ = try await desk.defineRule(
            RuleDefinition(
                name: "Critical", priority: 1, triggers: [.ticketCreated], conditions: [.priority([.critical])],
                actions: [
                    .setGroup(test.serviceDesk.id),
                    .notify(try Self.template("{{rule.name | \"Rule\"}}: {{ticket.number}}", "{{ticket.priority}} in {{ticket.group | \"?\"}}"), to: .group),
                    .autoReply(try Self.template("Re: {{ticket.title}}", "We are on it, {{recipient.firstName | \"client\"}}.")),
                    .escalate(to: .employees([manager.id]), try Self.template("Escalated {{ticket.number}}", "By {{rule.name | \"a rule\"}}")),
                ]), by: .system)
        let ticket = try await test.ticket("Server room flooded", priority: .critical)
        let notices = try await Self.notices(desk)
        #expect(notices.map(\.0.purpose) == [.receipt, .rule, .autoReply, .escalation])
        #expect(notices[1].0.subject == "Critical: #1" && notices[1].0.text == "critical in Service desk")
        #expect(notices[1].1 == Audience(groupIDs: [test.serviceDesk.id]))
        #expect(notices[2].0.text == "We are on it, Ivan." && notices[2].1 == Audience(requester: ticket.requester))
        #expect(notices[3].1 == Audience(employeeIDs: [manager.id]) && notices[3].0.text == "By Critical")
        // The manager is now under control of the ticket.
        #expect(try await desk.ticket(ticket.id, as: .system).watcherIDs == [manager.id])
    }

    @Test func theStatusTemplateReplacesThePlainMessageAndSparesTheClientWhoActed() async throws {
        var configuration = HelpDeskConfiguration()
        configuration.notifications.statusChange = .standardStatusChange
        configuration.notifications.statusChangeCategories = [.resolved]
        let test = try await TestDesk.make(configuration: configuration)
        let desk = test.desk
        let anna = Performer.employee(test.anna.id)
        let ticket = try await test.ticket()
        _ = try await desk.changeStatus(ticket.id, to: .inProgress, by: anna)
        _ = try await desk.changeStatus(ticket.id, to: .resolved, by: anna)
        let events = try await desk.undeliveredEvents(limit: 100, as: .system)
        let statusEvents = events.filter { $0.event.name == "statusChanged" }
        #expect(statusEvents.count == 2 && statusEvents.allSatisfy { $0.audience.requester == nil })
        let notices = try await Self.notices(desk)
        #expect(notices.map(\.0.purpose) == [.receipt, .statusChange])
        #expect(notices.last?.0.text.contains("is now: Resolved.") == true)
    }

    @Test func invalidTemplatesAreRefusedWhenTheRuleIsSavedAndNothingChanges() async throws {
        let test = try await TestDesk.make()
        let desk = test.desk
        let cases: [(RuleAction, String)] = [
            (.autoReply(try Self.template("Hi", "Priority {{ticket.priority}}")), "a staff path in a client template"),
            (.notify(try Self.template("Hi", "{{ticket.group}}"), to: .requester), "the group to a client"),
            (.notify(try Self.template("Hi", "{{recipient.firstName}}"), to: .clients), "an optional path without fallback"),
            (.notify(try Self.template("Hi", "{{ticket.internalNotes | \"x\"}}"), to: .assignee), "an unknown path"),
            (.escalate(to: .requester, try Self.template("Hi", "x")), "an escalation to a client"),
            (.escalate(to: .employees([]), try Self.template("Hi", "x")), "an escalation to nobody"),
            (.notify(try Self.template("Hi", "x"), to: .employees([test.former.id])), "an inactive employee"),
        ]
        let before = try await test.snapshot()
        for (action, what) in cases {
            let definition = RuleDefinition(name: "Bad", priority: 1, triggers: [.ticketCreated], actions: [action])
            await #expect(throws: HelpDeskError.self, "\(what)") { try await desk.defineRule(definition, by: .system) }
        }
        let error = await #expect(throws: HelpDeskError.self) {
            try await desk.defineRule(
                RuleDefinition(name: "Bad", priority: 1, triggers: [.ticketCreated], actions: [cases[0].0]), by: .system)
        }
        guard case .invalidTemplate(let field, let template)? = error?.reason else {
            Issue.record("expected invalidTemplate, got \(String(describing: error))")
            return
        }
        #expect(field == "autoReply" && template.code == .unknownPlaceholder)
        #expect(try await test.snapshot() == before)
    }

    @Test func robotAddressesNeverGetANoticeAndTheAuditSaysWhy() async throws {
        let test = try await TestDesk.make()
        let desk = test.desk
        let company = try await desk.addCompany(NewCompany(name: "Acme"), by: .system)
        let robot = try await desk.addContact(
            NewContact(companyID: company.id, name: "Mailer", email: "MAILER-DAEMON@acme.example"), by: .system)
        let ticket = try await desk.createTicket(
            NewTicket(title: "Undeliverable", channel: .email, requester: .contact(robot.id)), by: .employee(test.anna.id))
        #expect(try await Self.notices(desk).isEmpty)
        let audit = try await desk.auditTrail(of: ticket.id, as: .system)
        #expect(audit.contains { $0.field == .automation && ($0.newValue ?? "").contains("robot") })
        for address in ["noreply@x.ru", "no-reply@x.ru", "do_not_reply@x.ru", "postmaster@x.ru", "bounces+123@x.ru"] {
            #expect(LoopProtection.isRobotAddress(address), "\(address)")
        }
        for address in ["ivan@x.ru", "reply@x.ru", "support@x.ru", "norbert@x.ru"] {
            #expect(!LoopProtection.isRobotAddress(address), "\(address)")
        }
    }

    @Test func noticeEventsSurviveTheFileStoreRoundTrip() async throws {
        let notice = Notice(purpose: .autoReply, reader: .client, subject: "S", text: "T", html: "H", isAutomatic: true)
        let event = DomainEvent.noticeSent(ticket: TicketID(UUID()), number: TicketNumber(7), notice: notice)
        #expect(try JSONDecoder().decode(DomainEvent.self, from: try JSONEncoder().encode(event)) == event)
        #expect(event.name == "noticeSent" && event.ticketID != nil)
    }
}
