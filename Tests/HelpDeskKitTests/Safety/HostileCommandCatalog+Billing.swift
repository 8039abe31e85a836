import Foundation
import HelpDeskKit
import HelpDeskTestSupport

/// Labor, ratings, billing and reports.
extension HostileCommandCatalog {
    /// A time entry as a host might pass it back: the fixture's own, or one with hostile fields.
    static func timeEntry(_ d: inout HostileDraw) -> TimeEntry {
        let real = d.f.a1Entry
        guard d.bool() else { return real }
        return TimeEntry(
            id: d.id([real.id]), ticketID: d.id(d.tickets), employeeID: d.id(d.employees), workDate: d.date(),
            spentMinutes: d.int(),
            chargedMinutes: d.int(), billable: d.bool(), activity: d.text(["work"]), comment: d.text(),
            createdAt: d.instant(),
            updatedAt: d.optionalInstant(), revision: d.int())
    }

    static let laborEntries: [HostileCommand] = [
        command("logTime(on:_:by:idempotencyKey:)") { d in
            let activity = d.hostile() ? d.text(["work", "travel"]) : "work"
            let request = NewTimeEntry(
                workDate: d.date(), minutes: d.int(), activity: activity, billable: d.bool(), comment: d.text())
            _ = try await d.f.desk.logTime(
                on: d.id(d.tickets), request, by: .employee(d.employee()), idempotencyKey: d.key())
        },
        command("editTimeEntry(_:_:by:idempotencyKey:)") { d in
            let update = TimeEntryUpdate(
                workDate: (d.bool() ? d.date() : nil), minutes: d.optionalInt(), activity: d.optionalText(["work"]),
                billable: (d.bool() ? d.bool() : nil), comment: d.optionalText())
            _ = try await d.f.desk.editTimeEntry(
                d.id([d.f.a1Entry.id]), update, by: .employee(d.employee()), idempotencyKey: d.key())
        },
        command("deleteTimeEntry(_:by:idempotencyKey:)") { d in
            try await d.f.desk.deleteTimeEntry(
                d.id([d.f.a1Entry.id]), by: .employee(d.employee()), idempotencyKey: d.key())
        },
        read("timeEntry(_:as:)") { d in _ = try await d.f.desk.timeEntry(d.id([d.f.a1Entry.id]), as: d.performer()) },
        read("timeEntries(on:as:)") { d in _ = try await d.f.desk.timeEntries(on: d.id(d.tickets), as: d.performer()) },
        read("timeEntries(of:workedIn:as:)") { d in
            _ = try await d.f.desk.timeEntries(of: d.id(d.employees), workedIn: d.dates(), as: d.performer())
        },
        read("timeEntries(workedIn:as:)") { d in
            _ = try await d.f.desk.timeEntries(workedIn: d.dates(), as: d.performer())
        },
        command("setEmployeeRate(_:validFrom:hourlyCost:hourlyBilling:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.setEmployeeRate(
                d.id(d.employees), validFrom: d.date(), hourlyCost: d.money(), hourlyBilling: d.optionalMoney(),
                by: d.performer(),
                idempotencyKey: d.key())
        },
        read("employeeRate(_:on:as:)") { d in
            _ = try await d.f.desk.employeeRate(d.id(d.employees), on: d.date(), as: d.performer())
        },
        read("rateHistory(of:as:)") { d in _ = try await d.f.desk.rateHistory(of: d.id(d.employees), as: d.performer())
        },
        read("laborCost(of:as:)") { d in _ = try await d.f.desk.laborCost(of: timeEntry(&d), as: d.performer()) },
        read("laborTotals(of:as:)") { d in
            let entries: [TimeEntry] =
                switch d.random.next() % 3 {
                case 0: []
                case 1: (0..<3).map { _ in timeEntry(&d) }
                default: Array(repeating: timeEntry(&d), count: 10_000)
                }
            _ = try await d.f.desk.laborTotals(of: entries, as: d.performer())
        },
    ]

    /// Resolves four more of Alpha's tickets, so that their rating requests wait for a score.
    @Sendable static func resolveForRatings(_ f: AccessFixture) async throws {
        for ticket in [f.a2, f.a3, f.aLena, f.aWarehouse] {
            _ = try await f.desk.changeStatus(ticket.id, to: .resolved, by: f.anna)
        }
    }

    /// A real token (used, or waiting after ``resolveForRatings(_:)``) or hostile text.
    static func token(_ d: inout HostileDraw) async throws -> RatingToken {
        guard d.hostile() && d.bool() else {
            let ticket = d.pick([d.f.aResolved, d.f.a2, d.f.a3, d.f.aLena, d.f.aWarehouse])
            if let real = try await d.f.desk.ratingRequests(of: ticket.id, as: .system).last { return real.token }
            return RatingToken(d.text())
        }
        return RatingToken(d.text())
    }

    static let ratingEntries: [HostileCommand] = [
        command("rate(token:score:comment:idempotencyKey:)", prepare: resolveForRatings) { d in
            let score = d.hostile() ? d.int() : Int(d.random.next() % 5) + 1
            _ = try await d.f.desk.rate(
                token: token(&d), score: score, comment: d.optionalText(), idempotencyKey: d.key())
        },
        command("rate(_:score:comment:by:idempotencyKey:)", prepare: resolveForRatings) { d in
            let score = d.hostile() ? d.int() : Int(d.random.next() % 5) + 1
            let ticket = d.hostile() ? d.id(d.tickets) : d.pick([d.f.a2.id, d.f.a3.id, d.f.aResolved.id])
            _ = try await d.f.desk.rate(
                ticket, score: score, comment: d.optionalText(), by: d.performer(), idempotencyKey: d.key())
        },
        read("portal(for:)") { d in
            let portal = d.f.desk.portal(for: d.id(d.contacts))
            let page = try await portal.tickets(
                PortalTicketQuery(text: d.optionalText(), offset: d.int(), limit: d.int()))
            for row in page.tickets { _ = try await portal.ticket(row.id) }
            // Every other portal read, with a hostile period for the statement.
            switch d.random.next() % 6 {
            case 0: _ = try await portal.statement(in: d.unit(), role: d.pick(AccountRole.allCases), period: d.period())
            case 1: _ = try await portal.invoices()
            case 2: _ = try await portal.balances()
            case 3: _ = try await portal.equipment()
            case 4: _ = try await portal.locations()
            default: _ = try await portal.categories()
            }
            _ = try await portal.ticket(d.id(d.tickets))
        },
        read("ratingRequest(token:)", prepare: resolveForRatings) { d in
            _ = try await d.f.desk.ratingRequest(token: token(&d))
        },
        read("ratingRequests(of:as:)") { d in
            _ = try await d.f.desk.ratingRequests(of: d.id(d.tickets), as: d.performer())
        },
        read("ratings(of:as:)") { d in _ = try await d.f.desk.ratings(of: d.id(d.tickets), as: d.performer()) },
        read("ratings(ratedIn:as:)") { d in _ = try await d.f.desk.ratings(ratedIn: d.period(), as: d.performer()) },
        read("ratings(ofAssignee:ratedIn:as:)") { d in
            _ = try await d.f.desk.ratings(ofAssignee: d.id(d.employees), ratedIn: d.period(), as: d.performer())
        },
    ]

    static let billingCommands: [HostileCommand] = [
        command("topUp(_:amount:paymentReference:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.topUp(
                d.id(d.companies), amount: d.price(), paymentReference: d.text(["PAY-A"]), by: d.performer(),
                idempotencyKey: d.key())
        },
        command("adjustBalance(_:by:reason:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.adjustBalance(
                d.id(d.companies), by: d.price(), reason: d.text(), by: d.performer(), idempotencyKey: d.key())
        },
        command("addPriceListItem(_:by:idempotencyKey:)") { d in
            let start = d.instant()
            let request = NewPriceListItem(
                code: d.text(["CART", "HOUR"]), name: d.text(), kind: d.bool() ? .work : .service,
                pricing: d.pick(PricingUnit.allCases),
                price: d.price(), validFrom: start, validUntil: d.oneIn(3) ? nil : d.end(after: start))
            _ = try await d.f.desk.addPriceListItem(request, by: d.performer(), idempotencyKey: d.key())
        },
        command("setContractPrice(_:item:price:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.setContractPrice(
                d.id(d.contracts), item: d.id(d.items), price: d.price(), by: d.performer(), idempotencyKey: d.key())
        },
        command("addSpecificationLine(to:_:by:idempotencyKey:)") { d in
            let request = NewSpecificationLine(
                itemID: d.optionalID(d.items), description: d.optionalText(),
                pricing: (d.bool() ? d.pick(PricingUnit.allCases) : nil),
                quantity: d.int64(), price: (d.bool() ? d.price() : nil), coverage: d.pick(LineCoverage.allCases))
            _ = try await d.f.desk.addSpecificationLine(
                to: d.id(d.tickets), request, by: d.performer(), idempotencyKey: d.key())
        },
        command("removeSpecificationLine(_:from:by:idempotencyKey:)") { d in
            let ticket = d.hostile() ? d.id(d.tickets) : d.f.a1.id
            _ = try await d.f.desk.removeSpecificationLine(
                d.id([d.f.a1Line]), from: ticket, by: d.performer(), idempotencyKey: d.key())
        },
        command("specifyBillableTime(of:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.specifyBillableTime(of: d.id(d.tickets), by: d.performer(), idempotencyKey: d.key())
        },
        command("settle(_:by:idempotencyKey:)") { d in
            let ticket = d.hostile() ? d.id(d.tickets) : d.pick([d.f.a1.id, d.f.b1.id])
            _ = try await d.f.desk.settle(ticket, by: d.performer(), idempotencyKey: d.key())
        },
        command("requestApproval(of:by:idempotencyKey:)") { d in
            let ticket = d.hostile() ? d.id(d.tickets) : d.f.a1.id
            _ = try await d.f.desk.requestApproval(of: ticket, by: d.performer(), idempotencyKey: d.key())
        },
        command("approvePaidWork(of:remark:by:idempotencyKey:)", prepare: awaitApproval) { d in
            let ticket = d.hostile() ? d.id(d.tickets) : d.f.a1.id
            _ = try await d.f.desk.approvePaidWork(
                of: ticket, remark: d.optionalText(), by: d.performer(), idempotencyKey: d.key())
        },
        command("declinePaidWork(of:reason:by:idempotencyKey:)", prepare: awaitApproval) { d in
            let ticket = d.hostile() ? d.id(d.tickets) : d.f.a1.id
            _ = try await d.f.desk.declinePaidWork(
                of: ticket, reason: d.text(), by: d.performer(), idempotencyKey: d.key())
        },
    ]

    /// Asks Alpha to approve the paid work of `a1`, so that a decision is awaited.
    @Sendable static func awaitApproval(_ f: AccessFixture) async throws {
        _ = try await f.desk.requestApproval(of: f.a1.id, by: f.anna)
    }

    static let billingReads: [HostileCommand] = [
        read("priceList(as:)") { d in _ = try await d.f.desk.priceList(as: d.performer()) },
        read("price(of:under:at:as:)") { d in
            _ = try await d.f.desk.price(
                of: d.id(d.items), under: d.optionalID(d.contracts), at: d.instant(), as: d.performer())
        },
        read("balance(of:in:role:as:)") { d in
            _ = try await d.f.desk.balance(
                of: d.id(d.companies), in: d.unit(), role: d.pick(AccountRole.allCases), as: d.performer())
        },
        read("clientBalance(of:in:role:as:)") { d in
            _ = try await d.f.desk.clientBalance(
                of: d.id(d.companies), in: d.unit(), role: d.pick(AccountRole.allCases), as: d.performer())
        },
        read("clientBalances(of:as:)") { d in
            _ = try await d.f.desk.clientBalances(of: d.id(d.companies), as: d.performer())
        },
        read("specification(of:as:)") { d in
            _ = try await d.f.desk.specification(of: d.id(d.tickets), as: d.performer())
        },
        read("statement(of:in:role:period:as:)") { d in
            _ = try await d.f.desk.statement(
                of: d.id(d.companies), in: d.unit(), role: d.pick(AccountRole.allCases), period: d.period(),
                as: d.performer())
        },
        read("allowanceStatements(of:as:)") { d in
            _ = try await d.f.desk.allowanceStatements(of: d.id(d.contracts), as: d.performer())
        },
        read("allowanceReport(from:to:as:)") { d in
            _ = try await d.f.desk.allowanceReport(from: d.instant(), to: d.instant(), as: d.performer())
        },
        read("debtorAgeing(at:as:)") { d in _ = try await d.f.desk.debtorAgeing(at: d.instant(), as: d.performer()) },
        read("outOfContractRevenue(in:as:)") { d in
            _ = try await d.f.desk.outOfContractRevenue(in: d.period(), as: d.performer())
        },
        read("reports(as:)") { d in
            let reports = try await d.f.desk.reports(as: d.performer())
            var filter = ReportFilter()
            if d.bool() {
                filter = ReportFilter(
                    companyIDs: d.idSet(d.companies, nilAllowed: true),
                    contractIDs: d.idSet(d.contracts, nilAllowed: true),
                    locationIDs: d.idSet(d.locations, nilAllowed: true), groupIDs: d.idSet(d.groups, nilAllowed: true),
                    employeeIDs: d.idSet(d.employees, nilAllowed: true),
                    categoryIDs: d.idSet(d.categories, nilAllowed: true),
                    priorities: (d.bool() ? [d.pick(Priority.allCases)] : nil),
                    channels: (d.bool() ? [d.pick(Channel.allCases)] : nil))
            }
            let zone =
                d.hostile()
                ? TimeZone(
                    secondsFromGMT: d.pick([
                        -64_800, -54_000, -50_400, -43_200, -1, 1, 20_700, 50_400, 50_401, 54_000, 64_800,
                    ]))!
                : TimeZone(identifier: d.pick(["UTC", "Asia/Kathmandu", "Pacific/Kiritimati", "America/St_Johns"]))!
            let request = ReportRequest(
                period: d.reportPeriod(), bucket: d.pick(TimeBucket.allCases), timeZone: zone, filter: filter)
            let dimension = d.pick(ReportDimension.allCases)
            switch d.random.next() % 10 {
            case 0: _ = try await reports.ticketCounts(request, by: dimension, top: (d.bool() ? d.int() : nil))
            case 1: _ = try await reports.backlog(request)
            case 2: _ = try await reports.responseTimes(request, by: dimension)
            case 3: _ = try await reports.profitability(request, by: dimension)
            case 4: _ = try await reports.labor(request, by: dimension)
            case 5: _ = try await reports.employeeRanking(request)
            case 6: _ = try await reports.resolutionQuality(request, by: dimension)
            case 7: _ = try await reports.slaCompliance(request, by: dimension)
            case 8: _ = try await reports.satisfaction(request, by: dimension)
            default:
                _ = try await reports.feedbackComments(request)
                _ = try await reports.billingPaidWork.paidWork(in: request.period)
            }
        },
    ]
}
