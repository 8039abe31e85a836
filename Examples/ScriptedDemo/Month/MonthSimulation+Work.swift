import Foundation
import HelpDeskKit

extension MonthSimulation {
    /// One kind of request a client sends.
    struct Request {
        let title: String
        let category: ServiceCategory
        let priorities: [Priority]
        /// Work outside the contract, billed by the hour.
        var paid = false
        /// A spare part billed with it.
        var part: PriceListItem? = nil
        /// Often solved with a single answer (first-contact resolution).
        var quick = false
    }

    /// The requests `contact`'s company sends.
    func requests(of contact: Contact) -> [Request] {
        let clients = demo.clients
        let catalog = demo.catalog
        switch contact.companyID {
        case clients.contoso.id:
            return [
                Request(
                    title: "VPN tunnel drops", category: catalog.network,
                    priorities: [.normal, .high, .high, .critical]),
                Request(title: "Branch Wi-Fi is slow", category: catalog.network, priorities: [.normal, .high]),
                Request(
                    title: "Teller cannot sign in", category: catalog.accounts, priorities: [.normal, .high],
                    quick: true),
                Request(
                    title: "New teller workstation setup", category: catalog.hardware, priorities: [.low], paid: true),
            ]
        case clients.northwind.id:
            return [
                Request(
                    title: "Printer jams", category: catalog.printers, priorities: [.low, .normal, .normal],
                    part: clients.tonerCartridge),
                Request(title: "Till scanner broken", category: catalog.hardware, priorities: [.normal, .high]),
                Request(title: "Password reset", category: catalog.accounts, priorities: [.normal], quick: true),
                Request(
                    title: "Warehouse label printer offline", category: catalog.printers, priorities: [.normal],
                    paid: true),
            ]
        default:
            return [
                Request(
                    title: "Cannot log in to the CRM", category: catalog.accounts, priorities: [.normal, .high],
                    quick: true),
                Request(
                    title: "New laptop for a starter", category: catalog.hardware, priorities: [.low, .normal],
                    paid: true),
                Request(title: "Mailbox access", category: catalog.accounts, priorities: [.low, .normal], quick: true),
                Request(
                    title: "Office printer offline", category: catalog.printers, priorities: [.normal],
                    part: clients.fuserUnit),
            ]
        }
    }

    /// A client files a ticket through one of the channels.
    mutating func fileTicket() async throws {
        let clients = demo.clients
        let roll = number(1...21)
        let contact =
            roll <= 8
            ? clients.anna
            : roll <= 11 ? clients.tom : roll <= 13 ? clients.jane : roll <= 15 ? clients.igor : clients.priya
        let request = pick(requests(of: contact))
        let channel = pick([Channel.email, .email, .phone, .portal, .webForm, .messenger, .api])
        let ticket = NewTicket(
            title: request.title, channel: channel, categoryID: request.category.id, priority: pick(request.priorities),
            requester: .contact(contact.id))
        let performer: Performer = channel == .phone ? .employee(demo.staff.olga.id) : ticket.requester.performer
        let created = try await desk.createTicket(ticket, by: performer)
        let part = request.part != nil && chance(0.3) ? request.part : nil
        tracked.append(Tracked(id: created.id, billable: request.paid, part: part, quick: request.quick))
        tally.created += 1
    }

    /// Moves the ticket at `index` on by at most one step.
    mutating func work(on index: Int) async throws {
        let id = tracked[index].id
        try await rateIfDue(index)
        var ticket = try await desk.ticket(id, as: .system)
        if ticket.assigneeID == nil
            || (ticket.status == .new && ticket.categoryID == demo.catalog.accounts.id && chance(0.2))
        {
            let staff = demo.staff
            let choices =
                ticket.groupID == demo.groups.serviceDesk.id
                ? [staff.olga, staff.maria, staff.sam] : [staff.ben, staff.lena]
            ticket = try await desk.assign(
                id, to: pick(choices).id, group: ticket.groupID, by: .employee(staff.olga.id))
        }
        guard let assignee = employee(ticket.assigneeID) else { return }
        let by = Performer.employee(assignee.id)
        let pace = pace(of: assignee)
        switch ticket.status {
        case .new:
            guard chance(pace.respond) else { return }
            _ = try await desk.changeStatus(id, to: .inProgress, by: by)
            if tracked[index].quick, chance(0.55) {
                // Solved with the first answer: first-contact resolution.
                try await resolve(index, by: assignee, saying: "Done: please try again now.")
            } else {
                _ = try await desk.comment(on: id, NewComment("Thanks, \(assignee.name) is on it."), by: by)
            }
        case .inProgress:
            let roll = Double.random(in: 0..<1, using: &random)
            if roll < 0.08 {
                _ = try await desk.comment(on: id, NewComment("Could you send a screenshot of the error?"), by: by)
                _ = try await desk.changeStatus(id, to: .waitingForClient, by: by)
            } else if roll < 0.11 {
                _ = try await desk.postpone(id, until: now.addingTimeInterval(Double(number(2...20)) * 1_800), by: by)
                tally.postponed += 1
            } else if roll < 0.11 + pace.resolve {
                try await resolve(index, by: assignee, saying: "Fixed; please check on your side.")
            } else if roll > 0.95 {
                try await logTime(on: index, by: assignee)
            }
        case .waitingForClient:
            guard chance(0.3) else { return }
            _ = try await desk.comment(on: id, NewComment("Here it is, see attached."), by: ticket.requester.performer)
        case .resolved:
            if chance(0.003) {
                _ = try await desk.comment(on: id, NewComment("It happened again."), by: ticket.requester.performer)
                tally.reopened += 1
            } else if let resolved = tracked[index].resolvedAt, now.timeIntervalSince(resolved) > 86_400, chance(0.2) {
                _ = try await desk.changeStatus(id, to: .closed, by: by)
                tally.closed += 1
                tracked[index].done = tracked[index].rating == nil
            }
        default:
            return
        }
    }

    /// Logs the work, bills paid work and parts (once: a settled bill is final), answers and resolves.
    mutating func resolve(_ index: Int, by assignee: Employee, saying answer: String) async throws {
        let id = tracked[index].id
        let by = Performer.employee(assignee.id)
        try await logTime(on: index, by: assignee, quick: tracked[index].quick)
        let billable = tracked[index].billable
        if let part = tracked[index].part {
            _ = try await desk.addSpecificationLine(to: id, NewSpecificationLine(itemID: part.id, quantity: 1), by: by)
        }
        if billable, try await desk.timeEntries(on: id, as: .system).contains(where: \.billable) {
            _ = try await desk.specifyBillableTime(of: id, by: by)
        }
        if billable || tracked[index].part != nil { tally.paidTickets += 1 }
        tracked[index].billable = false
        tracked[index].part = nil
        _ = try await desk.comment(on: id, NewComment(answer), by: by)
        _ = try await desk.changeStatus(id, to: .resolved, by: by)
        try await planRating(index, assignee: assignee)
    }

    /// Logs work, travel or consultation by `employee` today: a few minutes for a quick fix, else
    /// 10 minutes to 1 h 40 min. Only work on a paid request is billable.
    mutating func logTime(on index: Int, by employee: Employee, quick: Bool = false) async throws {
        let onSite = employee.id == demo.staff.ben.id || employee.id == demo.staff.lena.id
        let activity = quick ? "work" : onSite && chance(0.3) ? "travel" : chance(0.2) ? "consultation" : "work"
        let minutes = quick ? number(2...4) * 5 : number(2...20) * 5
        let entry = NewTimeEntry(
            workDate: today(), minutes: minutes, activity: activity,
            billable: tracked[index].billable && activity == "work")
        _ = try await desk.logTime(on: tracked[index].id, entry, by: .employee(employee.id))
        tally.timeEntries += 1
    }

    /// After a resolution, most clients rate it within a day, using the token from the rating request;
    /// some leave a comment.
    mutating func planRating(_ index: Int, assignee: Employee) async throws {
        tally.resolutions += 1
        tracked[index].resolvedAt = now
        tracked[index].rating = nil
        guard chance(0.7),
            let request = try await desk.ratingRequests(of: tracked[index].id, as: .system).last(where: {
                $0.withdrawnAt == nil
            })
        else { return }
        let score = min(
            5,
            max(
                1,
                typicalScore(of: assignee)
                    + pick(assignee.id == demo.staff.ben.id ? [-2, -1, -1, 0, 0, 1] : [-2, -1, 0, 0, 0, 1])))
        tracked[index].rating = (request.token, now.addingTimeInterval(Double(number(1...16)) * 1_800), score)
    }

    /// Gives the planned rating once it is due; a request withdrawn by a reopening is skipped.
    mutating func rateIfDue(_ index: Int) async throws {
        guard let rating = tracked[index].rating, rating.due <= now else { return }
        tracked[index].rating = nil
        do {
            _ = try await desk.rate(token: rating.token, score: rating.score, comment: comment(for: rating.score))
            tally.ratings += 1
        } catch {
            if case .ratingTokenWithdrawn = error.reason { return }
            throw error
        }
        tracked[index].done = try await desk.ticket(tracked[index].id, as: .system).status == .closed
    }

    /// What a client writes with a score, if anything.
    mutating func comment(for score: Int) -> String? {
        switch score {
        case 5: chance(0.3) ? pick(["Quick and polite, thank you!", "Sorted in minutes.", "Great service."]) : nil
        case 4: chance(0.15) ? "Fine, thanks." : nil
        case 3: chance(0.5) ? pick(["Took a while, but it works.", "Had to explain it twice."]) : nil
        default: pick(["Took too long.", "Nobody called us back.", "Still not quite right."])
        }
    }
}
