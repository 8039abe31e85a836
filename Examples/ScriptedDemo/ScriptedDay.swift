import Foundation
import HelpDeskKit

/// Runs a scripted working day through the engine, narrating every step with the simulated time.
///
/// The morning and afternoon scripts live in `ScriptedDay+Morning.swift` and
/// `ScriptedDay+Afternoon.swift`; this file holds the shared narration helpers.
struct ScriptedDay {
    /// The tickets of the day, by what they are about.
    struct Tickets: Sendable {
        var login: TicketID?
        var printer: TicketID?
        var vpn: TicketID?
        var printerAgain: TicketID?
        var backupDisk: TicketID?
        var monitor: TicketID?
        var warehousePrinter: TicketID?
        var maintenance: TicketID?
        var labelPrinter: TicketID?
        var upsBatteries: TicketID?
    }

    /// The desk being worked on.
    let demo: DemoDesk
    /// The narration written so far.
    var out: Transcript
    /// The tickets registered so far.
    var tickets = Tickets()
    /// Midnight (Moscow time) starting the day this script plays: the scripted day, or a later one.
    var today = DemoTime.on(0, 0)
    /// Whether the days off a deadline steps over were already explained.
    var explainedDaysOff = false
    /// The morning's first letter as received, so the script can show the gateway delivering it again.
    var firstLetter: [UInt8]?

    /// Starts a day on `demo`, appending the narration to `out`.
    init(demo: DemoDesk, out: Transcript) {
        self.demo = demo
        self.out = out
    }

    /// The engine.
    var desk: HelpDesk { demo.desk }
    /// The people of the desk.
    var staff: DemoDesk.Staff { demo.staff }

    /// Plays the whole day.
    mutating func run() async throws(HelpDeskError) {
        out.heading("The working day")
        out.note("Every line below is a command sent to the engine at the simulated time on the left")
        out.note("(Moscow time). Lines starting with '->' show what the engine did as a consequence.")
        out.line()
        try await morning()
        try await knowledgeInThePortal()
        try await rejectedCommand()
        try await rolesAtWork()
        try await afternoon()
        try await reviewStaleArticles()
        try await portalAndRetry()
        try await plannedWork()
    }

    // MARK: Narration helpers

    /// Moves the simulated clock forward to `hour:minute` (Moscow time) on the day being played.
    func at(_ hour: Int, _ minute: Int) {
        let instant = DemoTime.at(hour, minute, on: today)
        precondition(instant >= demo.clock.now, "the script must not move back in time")
        demo.clock.set(to: instant)
    }

    /// Writes one step of the day, stamped with the current simulated time.
    mutating func say(_ text: String) {
        out.line("  \(DemoTime.clock(demo.clock.now))  \(text)")
    }

    /// Writes a consequence of the previous step, aligned under its text.
    mutating func then(_ text: String) {
        out.line("         -> \(text)")
    }

    /// Writes a blank separating line.
    mutating func pause() {
        out.line()
    }

    /// The agent label of `status`.
    func label(_ status: StatusCode) -> String {
        Directory.label(of: status, in: desk.workflow)
    }

    /// Where a ticket was routed, in words: `Sam Carter (Service desk)` or the group alone.
    func routing(of ticket: Ticket) -> String {
        let group = demo.directory.name(of: ticket.groupID)
        guard ticket.assigneeID != nil else { return "the \(group) group, nobody assigned yet" }
        return "\(demo.directory.name(of: ticket.assigneeID)) (\(group))"
    }

    /// `HH:mm` today, `Tue 10 Mar HH:mm` on another day.
    func moment(_ instant: Date) -> String { DemoTime.moment(instant, today: today) }

    /// When a ticket falls under the debtor policy, says so with its deadlines; the first time,
    /// also which days off the deadlines step over.
    mutating func showDebtorPolicy(of ticket: Ticket) {
        guard let sla = ticket.sla, sla.policyID == DemoSLA.debtorPolicyID else { return }
        let company = ticket.companyID == demo.clients.northwind.id ? demo.clients.northwind.name : "the client"
        then("\(company) has an overdue invoice: the debtor SLA policy applies, with longer targets")
        let due = [
            sla.reaction.map { "reaction due \(moment($0.dueAt))" },
            sla.resolution.map { "resolution due \(moment($0.dueAt))" },
        ]
        then(due.compactMap { $0 }.joined(separator: ", "))
        guard !explainedDaysOff, let last = [sla.reaction?.dueAt, sla.resolution?.dueAt].compactMap({ $0 }).max()
        else { return }
        let holidays = DemoCalendar.holidays(from: DemoTime.midnight(after: today), to: last)
        guard !holidays.isEmpty else { return }
        then("the clocks stop over the weekend and on the public holiday \(holidays.joined(separator: ", "))")
        explainedDaysOff = true
    }

    // MARK: Command helpers

    /// Registers a ticket and narrates where it was routed. `by` defaults to the requester.
    mutating func register(
        _ title: String, via channel: Channel, from requester: String, contact: Contact? = nil,
        category: ServiceCategory? = nil, priority: Priority = .normal, assignee: Employee? = nil,
        group: SupportGroup? = nil, assets: [Asset] = [], by performer: Employee? = nil,
        messageID: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> TicketID {
        let request = NewTicket(
            title: title, channel: channel, categoryID: category?.id, priority: priority,
            requester: contact.map { .contact($0.id) } ?? .freeText(requester), assetIDs: assets.map(\.id),
            assigneeID: assignee?.id, groupID: group?.id)
        let taken = performer.map { Performer.employee($0.id) } ?? request.requester.performer
        let ticket = try await desk.createTicket(request, by: taken, idempotencyKey: messageID)
        let via = Directory.label(of: channel)
        let taker = performer.map { ", taken by \($0.name)" } ?? ""
        say("\(ticket.number) \"\(title)\" arrives by \(via) from \(requester)\(taker)")
        if let category, assignee == nil, group == nil {
            then("\(priority) priority, category \(category.name): routed by default to \(routing(of: ticket))")
        } else {
            then("\(priority) priority, assigned directly to \(routing(of: ticket))")
        }
        showDebtorPolicy(of: ticket)
        return ticket.id
    }

    /// Moves a ticket to `status` on behalf of `employee` and narrates it.
    mutating func move(_ id: TicketID, to status: StatusCode, by employee: Employee) async throws(HelpDeskError) {
        let ticket = try await desk.changeStatus(id, to: status, by: .employee(employee.id))
        say("\(employee.name) moves \(ticket.number) to \(label(ticket.status))")
    }

    /// Adds a comment written by `employee` and narrates it.
    mutating func write(
        _ body: String, on id: TicketID, by employee: Employee, visibility: CommentVisibility = .public,
        citing citations: [KnowledgeArticleID] = []
    ) async throws(HelpDeskError) {
        _ = try await desk.comment(
            on: id, NewComment(body, visibility: visibility, citations: citations), by: .employee(employee.id))
        let number = try await desk.ticket(id, as: .system).number
        let kind = visibility == .public ? "replies publicly on" : "adds an internal note to"
        say("\(employee.name) \(kind) \(number): \"\(body)\"")
    }

    /// Adds a public reply written by the ticket's requester and narrates what it did to the status.
    mutating func clientReplies(_ body: String, on id: TicketID) async throws(HelpDeskError) {
        let before = try await desk.ticket(id, as: .system)
        _ = try await desk.comment(on: id, NewComment(body), by: before.requester.performer)
        let after = try await desk.ticket(id, as: .system)
        say("\(demo.directory.name(of: before.requester)) replies on \(before.number): \"\(body)\"")
        if after.status != before.status {
            then("the client's reply moved \(after.number) from \(label(before.status)) to \(label(after.status))")
        }
    }

    /// Ticks the engine at the current simulated time and narrates what returned to work.
    mutating func tick() async throws(HelpDeskError) {
        let report = try await desk.tick(now: demo.clock.now)
        say("the host ticks the engine (time-driven work)")
        if report.returnedToWork.isEmpty, report.slaWarnings.isEmpty, report.slaBreaches.isEmpty,
            report.maintenanceTickets.isEmpty
        {
            then("nothing is due yet")
        }
        for number in report.returnedToWork {
            let ticket = try await desk.ticket(number: number, as: .system)
            then("\(number) returned to work at \(DemoTime.clock(ticket.updatedAt)): now \(label(ticket.status))")
        }
        for number in report.slaWarnings { then("SLA warning on \(number): most of its working time is used") }
        for number in report.slaBreaches { then("SLA BREACH on \(number): its target passed unmet") }
        for number in report.maintenanceTickets {
            let ticket = try await desk.ticket(number: number, as: .system)
            then("a maintenance plan opens \(number) \"\(ticket.title)\" for \(routing(of: ticket))")
        }
    }
}
