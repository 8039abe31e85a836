import Foundation
import HelpDeskKit
import WorkingTime

/// A ``ReportDataSet`` plus the records the people reports read: ratings on several scales, time
/// entries, employee rate histories (two currencies, gaps before the first rate) and contracts with
/// service periods, all written through one ``UnitOfWork``.
struct ReportWorkDataSet {
    var data: ReportDataSet
    var ratings: [Rating] = []
    var entries: [TimeEntry] = []
    var rates: [EmployeeRate] = []
    var contracts: [Contract] = []
    static let activities = ["repair", "install", "consult"]
    static let rub = CurrencyCode("RUB")!
    static let eur = CurrencyCode("EUR")!

    init(seed: UInt64, tickets: Int = 200, ratingCount: Int = 160, entryCount: Int = 400) async throws {
        data = try await ReportDataSet(seed: seed, count: tickets)
        var random = SplitMix64(seed: seed &* 31 &+ 7)
        var ids = SeededIdentifierSource(seed: seed &+ 1_000)
        let start = ReportDataSet.start
        var work = UnitOfWork()
        for (index, id) in data.employees.enumerated() {
            work.employees.append(Employee(id: id, name: "Employee \(index)", email: "e\(index)@desk.test"))
            // Employee 3 has no rate before mid-January (unpriced entries); employee 2 is paid in EUR.
            var day = index == 3 ? 15 : 1
            for _ in 0..<(1 + Int(random.next() % 3)) {
                defer { day += index == 3 ? 7 : Int(3 + random.next() % 10) }
                let currency = index == 2 ? Self.eur : Self.rub
                rates.append(EmployeeRate(
                    employeeID: id, validFrom: try LocalDate(year: 2026, month: 1, day: day),
                    hourlyCost: Money(minorUnits: Int64(5_000 + random.next() % 45_001), currency: currency)))
            }
        }
        for (index, id) in data.companies.enumerated() {
            work.clients.companies.append(Company(id: id, name: "Company \(index)"))
        }
        for (index, id) in data.contracts.enumerated() {
            var periods: [ServicePeriod] = []
            var from = start.addingTimeInterval(-Double(random.next() % 20 * 86_400 + random.next() % 86_400))
            for _ in 0..<(1 + Int(random.next() % 3)) {
                let length = Double(10 * 86_400 + random.next() % (25 * 86_400))
                let fee = Money(minorUnits: Int64(random.next() % 5_000_000), currency: Self.rub)
                periods.append(ServicePeriod(id: ids.next(), startsAt: from, endsAt: from.addingTimeInterval(length), fee: fee))
                from = from.addingTimeInterval(length + Double(random.next() % 3) * 86_400)
            }
            let companyID = data.companies[Int(random.next() % UInt64(data.companies.count))]
            contracts.append(Contract(
                id: id, companyID: companyID, number: "C-\(index)", startsAt: start.addingTimeInterval(-90 * 86_400), periods: periods))
        }
        work.clients.contracts = contracts
        work.employeeRates = rates
        let scales: [ClosedRange<Int>] = [1...5, 0...10, 1...3, 1...1]
        var instants = Set<Int>()
        for index in 0..<ratingCount {
            let ticket = data.tickets[Int(random.next() % UInt64(data.tickets.count))]
            var second = Int(random.next() % (40 * 86_400)) - 5 * 86_400
            while !instants.insert(second).inserted { second += 1 }
            let scale = scales[Int(random.next() % UInt64(scales.count))]
            let score = scale.lowerBound + Int(random.next() % UInt64(scale.count))
            let ratedAt = start.addingTimeInterval(Double(second))
            let request = RatingRequest(
                id: ids.next(), token: RatingToken("token-\(seed)-\(index)"), ticketID: ticket.id, ticketNumber: ticket.number,
                requester: ticket.requester, issuedAt: ratedAt.addingTimeInterval(-60), expiresAt: ratedAt.addingTimeInterval(86_400))
            let assignee = random.next() % 5 == 0 ? nil : data.employees[Int(random.next() % UInt64(data.employees.count))]
            let comment = random.next() % 2 == 0 ? nil : "comment \(index), \"quoted\""
            work.ratingRequests.append(request)
            ratings.append(Rating(
                id: ids.next(), requestID: request.id, ticketID: ticket.id, ticketNumber: ticket.number, score: score, scale: scale,
                comment: comment, assigneeID: assignee, groupID: nil, requester: ticket.requester, ratedAt: ratedAt))
        }
        work.ratings = ratings
        for _ in 0..<entryCount {
            let ticket = data.tickets[Int(random.next() % UInt64(data.tickets.count))]
            let employee = data.employees[Int(random.next() % UInt64(data.employees.count))]
            let spent = 1 + Int(random.next() % 240)
            let date = try LocalDate(year: 2026, month: 1, day: 1 + Int(random.next() % 31))
            entries.append(TimeEntry(
                id: ids.next(), ticketID: ticket.id, employeeID: employee, workDate: date, spentMinutes: spent,
                chargedMinutes: (spent + 14) / 15 * 15, billable: random.next() % 3 != 0,
                activity: Self.activities[Int(random.next() % 3)], createdAt: start))
        }
        work.timeEntryWrites = entries.map { TimeEntryWrite(entry: $0, expectedRevision: nil) }
        try await data.store.commit(work)
    }

    /// The instant of `date`'s local midnight in `zone`.
    static func midnight(_ date: LocalDate, in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))!
    }

    /// The reference ticket filter without its employee set.
    static func passesExceptEmployee(_ ticket: Ticket, _ filter: ReportFilter) -> Bool {
        var filter = filter
        filter.employeeIDs = nil
        return ReportDataSet.passes(ticket, filter)
    }

    /// The ticket of `id`.
    func ticket(_ id: TicketID) -> Ticket { data.tickets.first { $0.id == id }! }
}
