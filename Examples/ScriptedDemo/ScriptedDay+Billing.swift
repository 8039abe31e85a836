import Foundation
import HelpDeskKit

extension ScriptedDay {
    /// An engineer books time on a ticket; `billable` time is work outside the client's contract.
    mutating func logTime(
        _ minutes: Int, on id: TicketID, by employee: Employee, activity: String = "work", billable: Bool = false,
        _ what: String
    ) async throws(HelpDeskError) {
        let entry = try await desk.logTime(
            on: id,
            NewTimeEntry(
                workDate: DemoTime.localDate(demo.clock.now), minutes: minutes, activity: activity, billable: billable,
                comment: what), by: .employee(employee.id))
        let number = try await desk.ticket(id, as: .system).number
        let kind = billable ? "billable, outside the contract" : "covered by the contract"
        say("\(employee.name) logs \(Self.duration(minutes)) of \(activity) on \(number) (\(kind)): \(what)")
        if entry.chargedMinutes != entry.spentMinutes {
            then("counted as \(Self.duration(entry.chargedMinutes)): the contract rounds time up to 15 minutes")
        }
    }

    /// Turns the ticket's billable time into specification lines priced at the engineer's hourly rate.
    mutating func billTime(on id: TicketID, by employee: Employee) async throws(HelpDeskError) {
        let specification = try await desk.specifyBillableTime(of: id, by: .employee(employee.id))
        let number = try await desk.ticket(id, as: .system).number
        say("\(employee.name) puts the billable time of \(number) on its bill (specification):")
        for line in specification.lines where line.timeEntryID != nil {
            then("\(line.quantity) min at \(line.unitPrice) per hour = \(try Self.total(of: line))")
        }
        then("the bill is charged when \(number) is resolved")
    }

    /// Adds a spare part to a ticket's bill.
    mutating func billPart(_ item: PriceListItem, on id: TicketID, by employee: Employee) async throws(HelpDeskError) {
        _ = try await desk.addSpecificationLine(
            to: id, NewSpecificationLine(itemID: item.id, quantity: 1, coverage: .billable), by: .employee(employee.id))
        let number = try await desk.ticket(id, as: .system).number
        say("\(employee.name) adds a part to the bill of \(number): \(item.name), \(item.price)")
        then("spare parts are not covered by the contract; the bill is charged when \(number) is resolved")
    }

    /// Narrates what resolving a ticket charged: from the prepaid balance, or owed by the client.
    mutating func showSettlement(of id: TicketID) async throws(HelpDeskError) {
        guard let settlement = try await desk.specification(of: id, as: .system)?.settlement,
            let companyID = try await desk.ticket(id, as: .system).companyID
        else { return }
        let company = try await desk.company(companyID, as: .system)
        if !settlement.charged.isEmpty {
            let charged = settlement.charged.map(\.description).joined(separator: ", ")
            then(
                "the bill was charged in the same unit of work as the status change: \(charged) from the prepaid balance"
            )
        }
        if !settlement.receivable.isEmpty {
            let owed = settlement.receivable.map(\.description).joined(separator: ", ")
            then("\(company.name) has no prepaid money left: \(owed) is posted as owed (a receivable)")
        } else if let balance = try await desk.clientBalance(of: companyID, in: .money(.rub), as: .system)?.price {
            then("the prepaid balance of \(company.name) is now \(balance)")
        }
    }

    /// After a resolution, tells who was asked to rate it and until when.
    mutating func showRatingRequest(of id: TicketID) async throws(HelpDeskError) {
        guard let request = try await desk.ratingRequests(of: id, as: .system).last(where: { $0.withdrawnAt == nil })
        else { return }
        then(
            "\(demo.directory.name(of: request.requester)) is asked to rate the work (a link valid until \(DemoTime.dayAndMonth(request.expiresAt)))"
        )
    }

    /// The requester follows the rating link of the ticket's latest resolution and rates it.
    mutating func clientRates(_ id: TicketID, score: Int, _ comment: String) async throws(HelpDeskError) {
        guard let request = try await desk.ratingRequests(of: id, as: .system).last(where: { $0.withdrawnAt == nil })
        else { return }
        let rating = try await desk.rate(token: request.token, score: score, comment: comment)
        let scale = rating.scale.upperBound
        say(
            "\(demo.directory.name(of: request.requester)) rates \(request.ticketNumber) \(score) of \(scale): \"\(comment)\""
        )
        let engineer = demo.directory.name(of: rating.assigneeID)
        then("the rating counts for \(engineer), the engineer who did the work")
        if desk.configuration.ratings?.isLow(score) == true {
            then("a low score: \(staff.maria.name), head of support, is alerted to call the client back")
        }
    }

    /// `45 min` or `1 h 20 min`.
    static func duration(_ minutes: Int) -> String {
        minutes < 60
            ? "\(minutes) min" : minutes % 60 == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(minutes % 60) min"
    }

    /// The money of one specification line.
    static func total(of line: SpecificationLine) throws(HelpDeskError) -> String {
        do { return try line.total().description } catch { throw .money(error) }
    }
}
