import Foundation
import HelpDeskKit

extension MonthSimulation {
    /// One kind of request a client sends.
    struct Request {
        let title: String
        let category: ServiceCategory
        let priorities: [Priority]
    }

    /// A client files a ticket through one of the channels.
    mutating func fileTicket() async throws {
        let clients = demo.clients
        let catalog = demo.catalog
        let roll = number(1...20)
        let contact = roll <= 8 ? clients.anna : roll <= 11 ? clients.tom : roll <= 14 ? clients.jane : clients.priya
        let requests: [Request] =
            switch contact.companyID {
            case clients.contoso.id:
                [
                    Request(
                        title: "VPN tunnel drops", category: catalog.network,
                        priorities: [.normal, .high, .high, .critical]),
                    Request(title: "Branch Wi-Fi is slow", category: catalog.network, priorities: [.normal, .high]),
                    Request(title: "Teller cannot sign in", category: catalog.accounts, priorities: [.normal, .high]),
                ]
            case clients.northwind.id:
                [
                    Request(title: "Printer jams", category: catalog.printers, priorities: [.low, .normal, .normal]),
                    Request(title: "Till scanner broken", category: catalog.hardware, priorities: [.normal, .high]),
                    Request(title: "Password reset", category: catalog.accounts, priorities: [.normal]),
                ]
            default:
                [
                    Request(
                        title: "Cannot log in to the CRM", category: catalog.accounts, priorities: [.normal, .high]),
                    Request(
                        title: "New laptop for a starter", category: catalog.hardware, priorities: [.low, .normal]),
                    Request(title: "Mailbox access", category: catalog.accounts, priorities: [.low, .normal]),
                    Request(title: "Office printer offline", category: catalog.printers, priorities: [.normal]),
                ]
            }
        let request = pick(requests)
        let channel = pick([Channel.email, .email, .phone, .portal, .webForm, .messenger, .api])
        let ticket = NewTicket(
            title: request.title, channel: channel, categoryID: request.category.id, priority: pick(request.priorities),
            requester: .contact(contact.id))
        let performer: Performer = channel == .phone ? .employee(demo.staff.olga.id) : ticket.requester.performer
        let created = try await desk.createTicket(ticket, by: performer)
        tracked.append(Tracked(id: created.id))
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
            _ = try await desk.comment(on: id, NewComment("Thanks, \(assignee.name) is on it."), by: by)
        case .inProgress:
            let roll = Double.random(in: 0..<1, using: &random)
            if roll < 0.08 {
                _ = try await desk.comment(on: id, NewComment("Could you send a screenshot of the error?"), by: by)
                _ = try await desk.changeStatus(id, to: .waitingForClient, by: by)
            } else if roll < 0.11 {
                _ = try await desk.postpone(id, until: now.addingTimeInterval(Double(number(2...20)) * 1_800), by: by)
                tally.postponed += 1
            } else if roll < 0.11 + pace.resolve {
                try await logTime(on: id, by: assignee)
                _ = try await desk.comment(on: id, NewComment("Fixed; please check on your side."), by: by)
                _ = try await desk.changeStatus(id, to: .resolved, by: by)
                try await planRating(index, assignee: assignee)
            } else if roll > 0.95 {
                try await logTime(on: id, by: assignee)
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

    /// Logs 15 minutes to 3 hours of work, travel or consultation by `employee` today.
    mutating func logTime(on id: TicketID, by employee: Employee) async throws {
        let onSite = employee.id == demo.staff.ben.id || employee.id == demo.staff.lena.id
        let activity = onSite && chance(0.3) ? "travel" : chance(0.2) ? "consultation" : "work"
        let entry = NewTimeEntry(
            workDate: try today(), minutes: number(2...20) * 5, activity: activity, billable: chance(0.75))
        _ = try await desk.logTime(on: id, entry, by: .employee(employee.id))
        tally.timeEntries += 1
    }

    /// After a resolution, most clients rate it within a day, using the token from the rating request.
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
            _ = try await desk.rate(
                token: rating.token, score: rating.score, comment: rating.score <= 2 ? "Took too long." : nil)
            tally.ratings += 1
        } catch {
            if case .ratingTokenWithdrawn = error.reason { return }
            throw error
        }
        tracked[index].done = try await desk.ticket(tracked[index].id, as: .system).status == .closed
    }
}
