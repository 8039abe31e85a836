import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// The leak matrix over seeded random desks: random sharing modes, contacts, scopes, locations,
/// copies and tickets with internal notes, later departures, scope moves and sharing changes;
/// every contact's lists (under random filters, orders and pages) and reads against the model.
@Suite("Portal leak matrix over seeded random desks")
struct PortalLeakRandomTests {
    /// Words titles are made of (plain ASCII, so the reference's case-insensitive match is trivial).
    static let words = ["printer", "monitor", "network", "badge", "door", "phone", "scanner", "mail"]

    /// Per seed: every contact's random queries, full list, pages and reads agree with the model.
    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func aRandomDeskShowsEveryContactExactlyItsScope(seed: UInt64) async throws {
        var random = SplitMix64(seed: seed)
        let b = try await Self.desk(&random, seed: seed)
        let locations = b.model.companies.values.flatMap(\.locations).sorted()
        let contacts = b.model.contacts.values.sorted { $0.name < $1.name }
        for contact in contacts {
            let queries = (0..<8).map { _ in Self.query(&random, locations: locations) }
            try await LeakCheck.expectTicketReads(b, contact.id, queries: queries)
        }
        try await LeakCheck.expectTicketReads(b, ContactID(UUID()), queries: [])
    }

    /// A random portal query: some status categories, a title word or part of one in any case,
    /// some locations (of any company), only the contact's own, an order, an offset and a page size.
    static func query(_ random: inout SplitMix64, locations: [LocationID]) -> PortalTicketQuery {
        var query = PortalTicketQuery()
        if chance(&random, 30) {
            query.statusCategories = Set(StatusCategory.allCases.filter { _ in chance(&random, 50) })
            if query.statusCategories!.isEmpty { query.statusCategories = [.new] }
        }
        if chance(&random, 30) {
            let word = words.randomElement(using: &random)!
            let start = Int.random(in: 0..<(word.count - 2), using: &random)
            let part = String(word.dropFirst(start).prefix(3))
            query.text = chance(&random, 50) ? part.uppercased() : part
        }
        if chance(&random, 25) {
            query.locationIDs = Set(locations.filter { _ in chance(&random, 40) })
            if query.locationIDs!.isEmpty { query.locationIDs = [locations[0]] }
        }
        query.requestedByMe = chance(&random, 25)
        query.sort = PortalSort.allCases.randomElement(using: &random)!
        query.offset = chance(&random, 50) ? 0 : Int.random(in: 0...4, using: &random)
        query.limit = chance(&random, 30) ? 50 : Int.random(in: 1...6, using: &random)
        return query
    }

    /// `true` with `percent` percent probability.
    static func chance(_ random: inout SplitMix64, _ percent: UInt64) -> Bool { random.next() % 100 < percent }

    /// Some elements of `items`, each with `percent` percent probability.
    static func some<T>(_ items: [T], _ random: inout SplitMix64, _ percent: UInt64) -> [T] {
        items.filter { _ in chance(&random, percent) }
    }

    /// A random desk: two or three companies, their locations and contacts, a dozen tickets or so
    /// (by contacts, through the portal or by staff, or by name; some without company), each with a
    /// public reply and an internal note and a random status; then departures, moves and new sharing.
    static func desk(_ random: inout SplitMix64, seed: UInt64) async throws -> LeakDeskBuilder {
        var b = try await LeakDeskBuilder.start(seed: seed)
        for c in 0..<Int.random(in: 2...3, using: &random) {
            let company = try await b.company(
                "Random \(seed)-\(c) Ltd", sharing: TicketSharing.allCases.randomElement(using: &random)!)
            var locations: [LocationID] = []
            for l in 0..<Int.random(in: 1...3, using: &random) {
                locations.append(try await b.location("Site \(seed)-\(c)-\(l)", of: company))
            }
            for n in 0..<Int.random(in: 2...5, using: &random) {
                let primary = chance(&random, 70) ? locations.randomElement(using: &random) : nil
                _ = try await b.contact(
                    "Person \(seed)-\(c)-\(n)", of: company, at: primary,
                    also: some(locations.filter { $0 != primary }, &random, 40),
                    scope: PortalScope.allCases.randomElement(using: &random)!, billing: chance(&random, 50))
            }
        }
        let companies = b.model.companies.keys.sorted()
        for t in 0..<Int.random(in: 8...16, using: &random) {
            let tag = "[R\(t)]"
            let title = "\(words.randomElement(using: &random)!) \(words.randomElement(using: &random)!) \(tag)"
            let company = chance(&random, 10) ? nil : companies.randomElement(using: &random)
            let colleagues = b.model.contacts.values.filter { $0.companyID == company }.map(\.id).sorted()
            var location = company.flatMap {
                chance(&random, 60) ? b.model.companies[$0]!.locations.randomElement(using: &random) : nil
            }
            let requester: Requester
            if let who = colleagues.randomElement(using: &random), chance(&random, 75) {
                requester = .contact(who)
            } else {
                requester = .freeText("Caller \(seed)-\(t).")  // "…-1." is no prefix of "…-11."
            }
            let cc = some(colleagues.filter { requester != .contact($0) }, &random, 20)
            var viaPortal = false
            if case .contact = requester, chance(&random, 30) {
                viaPortal = true
                location = nil
            }
            _ = try await b.ticket(
                title, tag: tag, requester: requester, company: company, at: location, cc: cc, viaPortal: viaPortal)
            let id = b.model.tickets.last!.id
            try await b.converse(on: id)
            let statuses: [StatusCode] = [
                .new, .inProgress, .waitingForClient, .postponed, .resolved, .closed, .cancelled,
            ]
            try await b.status(id, statuses.randomElement(using: &random)!)
            b.test.clock.advance(by: chance(&random, 30) ? 0 : 45)
        }
        let everyone = b.model.contacts.keys.sorted()
        for id in some(everyone, &random, 15) { try await b.deactivate(id) }
        for id in some(everyone, &random, 20) where b.model.contacts[id]!.isActive {
            let locations = b.model.companies[b.model.contacts[id]!.companyID]!.locations
            try await b.move(
                id, scope: PortalScope.allCases.randomElement(using: &random)!,
                at: chance(&random, 50) ? locations.randomElement(using: &random) : nil,
                also: some(locations, &random, 30))
        }
        for company in some(companies, &random, 40) {
            try await b.share(company, TicketSharing.allCases.randomElement(using: &random)!)
        }
        try await b.finish()
        return b
    }
}
