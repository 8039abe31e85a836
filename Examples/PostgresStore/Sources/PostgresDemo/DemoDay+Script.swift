import Foundation
import HelpDeskKit

extension DemoDay {
    /// Plays the day, then the end-of-day summary and the outbox.
    mutating func run() async throws {
        heading("The working day")
        note("Every line is a command sent to the engine at the simulated time on the left (Moscow time);")
        note("lines starting with '->' show what the engine did as a consequence. Billing steps are skipped:")
        note("PostgresStore does not store billing yet.")
        print()
        try at(8, 42)
        let letter: IdempotencyKey = "<crm-login@acme.example>"
        let loginRequest = NewTicket(
            title: "Cannot log in to the CRM", channel: .email, categoryID: accounts.id, requester: .contact(anna.id))
        let login = try await register(loginRequest, from: "Anna Smith, Acme Ltd", by: .contact(anna.id), key: letter)
        try at(8, 55)
        let printer = try await register(
            NewTicket(
                title: "Printer on floor 3 jams every page", channel: .phone, categoryID: printers.id,
                requester: .contact(tom.id)),
            from: "Tom Baker, Northwind", by: .employee(staff.olga.id), taker: staff.olga)
        try at(9, 10)
        try await move(login, to: .inProgress, by: staff.sam)
        try await write("Which username do you sign in with?", on: login, by: staff.sam)
        let answered = try await desk.ticket(login, as: .system)
        try expect(answered.sla?.reaction?.stoppedAt != nil, "the first public reply stops the reaction clock")
        then("the first public reply stopped the reaction clock of \(answered.number) in time")
        try at(9, 15)
        let assigned = try await desk.assign(
            printer, to: staff.ben.id, group: fieldEngineers.id, by: .employee(staff.olga.id))
        say("Olga Ivanova assigns \(assigned.number) to Ben Okafor (Field engineers)")
        try at(9, 50)
        let backup = try await register(
            NewTicket(
                title: "Backup server disk 92% full", channel: .api, priority: .critical,
                requester: .freeText("Zabbix monitoring"), assigneeID: staff.ben.id, groupID: fieldEngineers.id),
            from: "Zabbix monitoring", by: .system)
        print()

        try at(10, 20)
        try await write("I unlocked the account; please sign in again.", on: login, by: staff.sam)
        try await logTime(45, on: login, by: staff.sam, "unlocked the CRM account")
        try await move(login, to: .resolved, by: staff.sam)
        try await showRatingRequest(of: login)
        try at(10, 30)
        try await move(printer, to: .inProgress, by: staff.ben)
        try await write("The fuser unit is worn out; a spare arrives after lunch.", on: printer, by: staff.ben,
                        visibility: .internal)
        let postponed = try await desk.postpone(printer, until: try time.at(14, 0), by: .employee(staff.ben.id))
        say("Ben Okafor postpones \(postponed.number) until 14:00")
        then("\(postponed.number) is \(postponed.status); it returns to work when the engine is ticked after 14:00")
        print()

        try at(11, 0)
        try await rejectedCommand(on: backup)
        try at(11, 5)
        let again = try await desk.createTicket(loginRequest, by: .contact(anna.id), idempotencyKey: letter)
        say("the mail gateway delivers Anna's 08:42 letter again (message ID \(letter))")
        try expect(again.id == login, "a resent letter returns the ticket it created")
        then("the engine recognises the message ID: the same ticket \(again.number), nothing new is created")
        try at(12, 0)
        try await tick()
        try at(14, 5)
        let returned = try await tick()
        try expect(returned.contains(postponed.number), "the postponed ticket returns to work at the 14:05 tick")
        print()

        try at(14, 30)
        try await clientRates(login, score: 2, "It works, but I waited all morning.")
        try at(15, 40)
        try await logTime(70, on: printer, by: staff.ben, "replaced the fuser unit")
        try await logTime(40, on: printer, by: staff.ben, activity: "travel", "to the client and back")
        try await write("Replaced the fuser; test pages print cleanly.", on: printer, by: staff.ben)
        try await move(printer, to: .resolved, by: staff.ben)
        try await showRatingRequest(of: printer)
        try at(16, 0)
        try await move(backup, to: .inProgress, by: staff.ben)
        try await logTime(25, on: backup, by: staff.ben, "removed backup sets older than 90 days")
        try await move(backup, to: .resolved, by: staff.ben)
        try at(16, 30)
        try await clientRates(printer, score: 5, "Quick and tidy, thank you!")
        try await summary(tickets: [login, printer, backup])
        try await deliverOutbox()
    }

    // MARK: Steps

    /// Registers a ticket and narrates where it was routed and its SLA deadlines.
    mutating func register(
        _ request: NewTicket, from requester: String, by performer: Performer, taker: Employee? = nil,
        key: IdempotencyKey? = nil
    ) async throws -> TicketID {
        let ticket = try await desk.createTicket(request, by: performer, idempotencyKey: key)
        names[ticket.id.rawValue] = ticket.number.description
        let taken = taker.map { ", taken by \($0.name)" } ?? ""
        say("\(ticket.number) \"\(ticket.title)\" arrives by \(ticket.channel) from \(requester)\(taken)")
        let routing = ticket.assigneeID == nil
            ? "the \(name(ticket.groupID?.rawValue)) group, nobody assigned yet"
            : "\(name(ticket.assigneeID?.rawValue)) (\(name(ticket.groupID?.rawValue)))"
        then("\(ticket.priority) priority, routed to \(routing)")
        if let sla = ticket.sla {
            let due = [sla.reaction.map { "reaction due \(time.clock($0.dueAt))" },
                       sla.resolution.map { "resolution due \(time.clock($0.dueAt))" }]
            then("SLA \(sla.policyID): " + due.compactMap { $0 }.joined(separator: ", "))
        }
        return ticket.id
    }

    /// Moves a ticket to `status` on behalf of `employee`.
    func move(_ id: TicketID, to status: StatusCode, by employee: Employee) async throws {
        let ticket = try await desk.changeStatus(id, to: status, by: .employee(employee.id))
        say("\(employee.name) moves \(ticket.number) to \(ticket.status)")
    }

    /// Adds a comment by `employee`.
    func write(_ body: String, on id: TicketID, by employee: Employee, visibility: CommentVisibility = .public)
        async throws
    {
        _ = try await desk.comment(on: id, NewComment(body, visibility: visibility), by: .employee(employee.id))
        let kind = visibility == .public ? "replies publicly on" : "adds an internal note to"
        say("\(employee.name) \(kind) \(try await desk.ticket(id, as: .system).number): \"\(body)\"")
    }

    /// Logs `minutes` of `activity` by `employee` on a ticket (not billable: no billing here).
    func logTime(_ minutes: Int, on id: TicketID, by employee: Employee, activity: String = "work", _ what: String)
        async throws
    {
        let entry = try await desk.logTime(
            on: id,
            NewTimeEntry(workDate: try time.localDate(), minutes: minutes, activity: activity, billable: false,
                         comment: what),
            by: .employee(employee.id))
        let number = try await desk.ticket(id, as: .system).number
        say("\(employee.name) logs \(entry.spentMinutes) min of \(entry.activity) on \(number): \(what)")
    }

    /// Narrates the rating request the resolution issued.
    func showRatingRequest(of id: TicketID) async throws {
        let requests = try await desk.ratingRequests(of: id, as: .system)
        guard let request = requests.last(where: { $0.withdrawnAt == nil }) else {
            throw DemoFailure("resolving \(id) issued no rating request")
        }
        then("\(name(requesterID(request.requester))) is asked to rate the work (link valid until \(time.clock(request.expiresAt)))")
    }

    /// The client rates a resolved ticket through the link of its open rating request.
    func clientRates(_ id: TicketID, score: Int, _ comment: String) async throws {
        let requests = try await desk.ratingRequests(of: id, as: .system)
        guard let request = requests.last(where: { $0.withdrawnAt == nil }) else {
            throw DemoFailure("no open rating request on \(id)")
        }
        let rating = try await desk.rate(token: request.token, score: score, comment: comment)
        say("\(name(requesterID(request.requester))) rates \(request.ticketNumber) \(score) of 5: \"\(comment)\"")
        then("the rating counts for \(name(rating.assigneeID?.rawValue)), the engineer who did the work")
        if score <= 2 { then("a low score: \(staff.maria.name), head of support, is told to call the client") }
    }

    /// Tries to close a new ticket directly and shows that the refused command changed nothing.
    func rejectedCommand(on id: TicketID) async throws {
        let before = try await desk.ticket(id, as: .system)
        let trail = try await desk.auditTrail(of: id, as: .system).count
        say("\(staff.ben.name) tries to close \(before.number) straight from \(before.status)")
        do {
            _ = try await desk.changeStatus(id, to: .closed, by: .employee(staff.ben.id))
            throw DemoFailure("closing a new ticket was accepted")
        } catch let error as HelpDeskError {
            then("refused: \(error)")
        }
        let after = try await desk.ticket(id, as: .system)
        let trailAfter = try await desk.auditTrail(of: id, as: .system).count
        try expect(after == before && trailAfter == trail, "a refused command changes nothing")
        then("nothing changed: \(after.number) is still \(after.status) at revision \(after.revision)")
    }

    /// Ticks the engine and narrates what it did; returns the tickets returned to work.
    @discardableResult
    func tick() async throws -> [TicketNumber] {
        let report = try await desk.tick(now: clock.now)
        say("the host ticks the engine (time-driven work)")
        if report.returnedToWork.isEmpty, report.slaWarnings.isEmpty, report.slaBreaches.isEmpty {
            then("nothing is due yet")
        }
        for number in report.returnedToWork { then("\(number) returned to work") }
        for number in report.slaWarnings { then("SLA warning on \(number): most of its working time is used") }
        // One entry per breached clock: a ticket whose reaction and resolution both passed appears twice.
        var seen: Set<TicketNumber> = []
        for number in report.slaBreaches where seen.insert(number).inserted {
            let clocks = report.slaBreaches.filter { $0 == number }.count
            then("SLA BREACH on \(number): " + (clocks > 1 ? "\(clocks) of its targets passed unmet" : "its target passed unmet"))
        }
        return report.returnedToWork
    }

    /// The contact's identifier of a requester, `nil` for free text.
    func requesterID(_ requester: Requester) -> UUID? {
        if case .contact(let id) = requester { return id.rawValue }
        return nil
    }
}
