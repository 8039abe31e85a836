import Foundation
import HelpDeskKit
import WorkingTime

/// The transcript's last section: the head of support switches automation on, and the next working
/// day (Tuesday 10 March; Monday is a public holiday) shows it at work — mail routed by the time of day and shared in turn, a
/// receipt for every letter, an auto-reply when nobody has answered within 15 working minutes, and
/// escalations when a reaction deadline is missed.
struct AutomationScene {
    let demo: DemoDesk
    var out: Transcript
    /// The scene's tickets, in the order they arrived.
    private(set) var tickets: [Ticket] = []

    init(demo: DemoDesk, out: Transcript) {
        self.demo = demo
        self.out = out
    }

    var desk: HelpDesk { demo.desk }
    var staff: DemoDesk.Staff { demo.staff }
    var groups: DemoDesk.Groups { demo.groups }
    /// The next working day after the demo's Friday: Tuesday (Monday 9 March is a public holiday).
    static let tuesday = DemoTime.on(0, 0).addingTimeInterval(4 * 86_400)

    /// Plays the scene on a copy of the desk seeded afresh up to Tuesday morning, so the day told
    /// above (and a desk kept with `--data`) stays as it was.
    static func preview(into out: Transcript) async throws -> Transcript {
        let copy = try await DemoDesk.seeded(until: DemoTime.at(8, 50, on: tuesday))
        var scene = AutomationScene(demo: copy, out: out)
        try await scene.play()
        return scene.out
    }

    /// Plays the evening set-up and the Monday morning.
    mutating func play() async throws {
        out.heading("Automation: the desk's rules at work")
        out.note("A preview of Tuesday 10 March on a copy of the desk (Monday is a public holiday). At 08:50 Maria")
        out.note("Lopez, head of support, switches automation on. Rules run in the order of their priority, in the")
        out.note("same commit as the change that triggered them; time rules run when the host ticks the engine and")
        out.note("fire once per ticket and condition episode.")
        out.line()
        try await setUp()
        out.line()
        out.note("Tuesday morning (every ticket below comes in by email from a client without a contract):")
        out.line()
        try await arrives("Cannot open the shared calendar", from: "Pavel Smirnov", at: 9, 5)
        try await arrives("New starter needs a laptop account", from: "Irina Volkova", at: 9, 10)
        try await arrives("Outlook asks for the password again", from: "Denis Orlov", at: 9, 20)
        try await answers(tickets[2], by: staff.sam, "Please restart Outlook once; I have reset your token.", at: 9, 24)
        try await tick(at: 9, 36)
        try await tick(at: 10, 12)
        try await tick(at: 10, 40)
        try await arrives("Meeting room projector flickers", from: "Olga Petrova", at: 13, 40)
        out.line()
        try await summary()
    }

    /// Maria's rules and the service desk's lead.
    private mutating func setUp() async throws {
        let maria = Performer.employee(staff.maria.id)
        _ = try await desk.setRouting(GroupRouting(lead: staff.olga.id), of: groups.serviceDesk.id, by: maria)
        say("Olga Ivanova becomes the lead of the service desk (she hears of missed deadlines first)")
        let weekdays: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]
        func window(_ from: String, _ to: String) throws -> RuleCondition {
            .within(
                .daily(
                    from: try TimeOfDay(parsing: from), to: try TimeOfDay(parsing: to), weekdays: weekdays,
                    timeZoneIdentifier: "Europe/Moscow"))
        }
        let uncategorisedMail: [RuleCondition] = [.channel([.email]), .category([nil])]
        let rules = [
            RuleDefinition(
                name: "Mail before lunch: service desk in turn", priority: 10, triggers: [.ticketCreated],
                conditions: uncategorisedMail + [try window("09:00", "13:00")],
                actions: [.assign(group: groups.serviceDesk.id, strategy: .roundRobin)]),
            RuleDefinition(
                name: "Mail after lunch: field engineers in turn", priority: 20, triggers: [.ticketCreated],
                conditions: uncategorisedMail + [try window("13:00", "18:00")],
                actions: [.assign(group: groups.fieldEngineers.id, strategy: .roundRobin)]),
            RuleDefinition(
                name: "Auto-reply after 15 working minutes", priority: 30, triggers: [.time],
                conditions: [.unanswered(minutes: 15, basis: .working)],
                actions: [
                    .autoReply(
                        try NoticeTemplate(
                            subject: "Re: [{{ticket.number}}] {{ticket.title}}",
                            body: """
                                {{recipient.firstName | "Hello"}}, your request {{ticket.number}} is in the queue \
                                ({{ticket.status}}); an engineer will answer by {{ticket.dueAt | "the contract's deadline"}}.
                                """))
                ]),
            RuleDefinition(
                name: "Reaction missed: tell the lead", priority: 40, triggers: [.time],
                conditions: [.slaBreachedFor(.reaction, minutes: 0, basis: .calendar)],
                actions: [
                    .escalate(
                        to: .groupLead,
                        try NoticeTemplate(
                            subject: "Missed reaction on {{ticket.number}}",
                            body: "{{ticket.requester}} is waiting: {{ticket.title}} ({{ticket.assignee | \"nobody\"}})."))
                ]),
            RuleDefinition(
                name: "Reaction missed by 30 minutes: tell Maria", priority: 50, triggers: [.time],
                conditions: [.slaBreachedFor(.reaction, minutes: 30, basis: .calendar)],
                actions: [
                    .escalate(
                        to: .employees([staff.maria.id]),
                        try NoticeTemplate(
                            subject: "Escalation: {{ticket.number}} unanswered",
                            body: "{{ticket.title}}: reaction missed by 30 minutes; assignee {{ticket.assignee | \"nobody\"}}."))
                ]),
        ]
        for rule in rules {
            _ = try await desk.defineRule(rule, by: maria)
            say("rule \(rule.priority): \(rule.name)")
        }
    }

    /// A letter arrives at `hour:minute` and the rules route it.
    private mutating func arrives(_ title: String, from client: String, at hour: Int, _ minute: Int) async throws {
        demo.clock.set(to: DemoTime.at(hour, minute, on: Self.tuesday))
        let ticket = try await desk.createTicket(
            NewTicket(title: title, channel: .email, requester: .freeText(client)), by: .client(name: client))
        tickets.append(ticket)
        say("\(ticket.number) \"\(title)\" arrives by email from \(client)")
        then("routed to \(demo.directory.name(of: ticket.groupID)), assigned to \(demo.directory.name(of: ticket.assigneeID))")
    }

    /// An engineer answers publicly.
    private mutating func answers(_ ticket: Ticket, by employee: Employee, _ text: String, at hour: Int, _ minute: Int)
        async throws
    {
        demo.clock.set(to: DemoTime.at(hour, minute, on: Self.tuesday))
        _ = try await desk.comment(on: ticket.id, NewComment(text), by: .employee(employee.id))
        say("\(employee.name) answers \(ticket.number): \"\(text)\"")
    }

    /// The host ticks the engine; the rules that fired are narrated.
    private mutating func tick(at hour: Int, _ minute: Int) async throws {
        demo.clock.set(to: DemoTime.at(hour, minute, on: Self.tuesday))
        let sequence = try await desk.undeliveredEvents(limit: 10_000, as: .system).last?.sequence ?? 0
        _ = try await desk.tick(now: demo.clock.now)
        say("the host ticks the engine")
        let notices = try await desk.undeliveredEvents(limit: 10_000, as: .system).filter { $0.sequence > sequence }
        var told = false
        for event in notices {
            guard case .noticeSent(_, let number, let notice) = event.event else { continue }
            told = true
            then("\(number): \(notice.purpose.label) to \(recipients(of: event.audience)): \"\(notice.subject)\"")
        }
        if !told { then("no rule is due") }
    }

    /// Every notice of the scene, as the host would deliver it.
    private mutating func summary() async throws {
        let events = try await desk.undeliveredEvents(limit: 10_000, as: .system)
        var table = TextTable([.init("Time"), .init("Ticket"), .init("Notice"), .init("To"), .init("Subject")])
        for event in events {
            guard case .noticeSent(_, let number, let notice) = event.event else { continue }
            table.add([
                DemoTime.clock(event.occurredAt), number.description, notice.purpose.label,
                recipients(of: event.audience), notice.subject,
            ])
        }
        out.note("What the desk wrote on its own that day (the host sends it, marked as automatic mail):")
        out.lines(table.render())
        if let reply = events.lazy.compactMap({ event -> Notice? in
            if case .noticeSent(_, _, let notice) = event.event, notice.purpose == .autoReply { notice } else { nil }
        }).first {
            out.line()
            out.note("The auto-reply, rendered only from what the client may see:")
            for line in reply.text.split(separator: "\n") { out.note("  | " + line) }
        }
        out.note("Sam's quick answer on \(tickets[2].number) spared Denis an auto-reply; an auto-reply is not an answer,")
        out.note("so the reaction deadlines of the others kept running and the lead, then Maria, were told.")
        try await desk.acknowledgeEvents(events.map(\.sequence), by: .system)
    }

    /// Who a notice went to, by name.
    private func recipients(of audience: Audience) -> String {
        let people = audience.employeeIDs.map { demo.directory.name(of: $0) }
        let groups = audience.groupIDs.map { "group " + demo.directory.name(of: $0) }
        let clients = audience.clients.map { demo.directory.name(of: $0) }
        return (clients + people + groups).joined(separator: ", ")
    }

    private mutating func say(_ text: String) { out.line("  \(DemoTime.clock(demo.clock.now))  \(text)") }
    private mutating func then(_ text: String) { out.line("         -> \(text)") }
}
