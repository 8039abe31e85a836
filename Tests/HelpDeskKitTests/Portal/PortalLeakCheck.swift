import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Checks shared by the leak matrix and the random desks.
enum LeakCheck {
    /// Expects a stored ticket to agree with its model (the fill-in rules were modelled right).
    static func expectSame(_ ticket: Ticket, _ model: LeakTicket) {
        #expect(ticket.companyID == model.companyID, "company of \(model.title)")
        #expect(ticket.locationID == model.locationID, "location of \(model.title)")
        #expect(ticket.ccContactIDs == model.cc.sorted(), "copied contacts of \(model.title)")
        if let requester = model.requester { #expect(ticket.requester == .contact(requester)) }
    }

    /// The forbidden strings found in a deep dump (`String(reflecting:)`) of `value`.
    static func leaks(in value: Any, _ forbidden: [String]) -> [String] {
        let dump = String(reflecting: value)
        return forbidden.filter { dump.contains($0) }
    }

    /// Expects a deep dump of `value` to contain none of `forbidden`.
    static func expectClean(_ value: Any, _ forbidden: [String], _ what: @autoclosure () -> String) {
        let found = leaks(in: value, forbidden)
        #expect(found.isEmpty, "\(what()) shows \(found)")
    }

    /// Runs `body`, returning its value or its error.
    static func outcome<T>(_ body: () async throws(HelpDeskError) -> T) async -> Result<T, HelpDeskError> {
        do {
            return .success(try await body())
        } catch {
            return .failure(error)
        }
    }

    /// Expects `body` to fail with exactly `expected`.
    static func expectRefused<T>(
        _ expected: HelpDeskError, _ what: @autoclosure () -> String, _ body: () async throws(HelpDeskError) -> T
    ) async {
        switch await outcome(body) {
        case .success: Issue.record("\(what()) succeeded; expected \(expected)")
        case .failure(let error): #expect(error == expected, "\(what())")
        }
    }

    /// Every page of `query`, `pageSize` rows at a time, and the totals the pages reported.
    static func allPages(_ portal: ClientPortal, _ query: PortalTicketQuery, pageSize: Int) async throws
        -> (rows: [PortalTicketSummary], totals: Set<Int>)
    {
        var query = query
        query.limit = pageSize
        query.offset = 0
        var rows: [PortalTicketSummary] = []
        var totals: Set<Int> = []
        while true {
            let page = try await portal.tickets(query)
            rows += page.tickets
            totals.insert(page.totalCount)
            #expect(page.offset == query.offset)
            guard page.tickets.count == pageSize, query.offset < 10_000 else { break }
            query.offset += pageSize
        }
        return (rows, totals)
    }

    /// Lists (every query given, plus every page of the whole list) and reads (by id and by number)
    /// every ticket of the desk as the contact; compares with the model and dumps every answer.
    static func expectTicketReads(_ b: LeakDeskBuilder, _ id: ContactID, queries: [PortalTicketQuery]) async throws {
        let model = b.model
        let portal = b.desk.portal(for: id)
        let name = model.contacts[id]?.name ?? "an unknown contact"
        if let refusal = model.refusal(of: id) {
            await expectRefused(refusal, "\(name) lists") { () async throws(HelpDeskError) in try await portal.tickets()
            }
            for ticket in model.tickets {
                await expectRefused(refusal, "\(name) reads \(ticket.tag)") { () async throws(HelpDeskError) in
                    try await portal.ticket(ticket.id)
                }
            }
            return
        }
        let forbidden = b.forbidden(for: id)
        let visible = model.visible(to: id)
        for query in queries {
            let expected = model.page(query, for: id)
            let page = try await portal.tickets(query)
            let tags = { (ids: [TicketID]) in ids.map { id in model.tickets.first { $0.id == id }?.tag ?? "?" } }
            #expect(
                page.tickets.map(\.id) == expected.ids,
                "\(name) lists \(tags(page.tickets.map(\.id))) for \(query); expected \(tags(expected.ids))")
            #expect(page.totalCount == expected.total, "\(name): total for \(query)")
            expectClean(page, forbidden, "\(name)'s list for \(query)")
        }
        let (rows, totals) = try await allPages(portal, PortalTicketQuery(sort: .number), pageSize: 3)
        #expect(rows.map(\.id) == visible.map(\.id), "\(name) pages through \(rows.map(\.title))")
        #expect(totals == [visible.count], "\(name): every page's total")
        for ticket in model.tickets {
            let byID = await outcome { () async throws(HelpDeskError) in try await portal.ticket(ticket.id) }
            let byNumber = await outcome { () async throws(HelpDeskError) in
                try await portal.ticket(number: ticket.number)
            }
            if model.sees(id, ticket) {
                for read in [byID, byNumber] {
                    switch read {
                    case .success(let seen):
                        #expect(seen.id == ticket.id && seen.title == ticket.title)
                        expectClean(seen, forbidden, "\(name)'s view of \(ticket.tag)")
                    case .failure(let error): Issue.record("\(name) cannot read \(ticket.tag): \(error)")
                    }
                }
            } else {
                #expect(throws: HelpDeskError.ticketNotFound(ticket.id), "\(name) reads \(ticket.tag)") {
                    try byID.get()
                }
                #expect(
                    throws: HelpDeskError.ticketNumberNotFound(ticket.number), "\(name) reads \(ticket.tag) by number"
                ) { try byNumber.get() }
            }
        }
    }
}
