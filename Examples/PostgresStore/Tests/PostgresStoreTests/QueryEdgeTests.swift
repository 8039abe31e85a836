import Foundation
import HelpDeskKit
import PostgresStore
import Testing

/// Tickets and queries beyond `TicketFixtures`: client links, assets, free-text requesters in
/// several Unicode spellings, titles with control characters, statuses the workflow does not know,
/// and pages the engine would reject but a store must still answer like the reference.
struct EdgeFixtures {
    var random = SplitMix64(seed: 2026)
    let companies = (0..<3).map { _ in CompanyID(UUID()) }
    let locations = (0..<3).map { _ in LocationID(UUID()) }
    let contracts = (0..<3).map { _ in ContractID(UUID()) }
    let assets = (0..<5).map { _ in AssetID(UUID()) }
    let statuses: [StatusCode] = ["new", "inProgress", "resolved", "closed", "legacyImported", "onHold"]
    let titles = [
        "Printer", "printer jam", "PRINTER", "Straße", "strasse", "Émile's VPN", "E\u{301}mile's vpn", "İstanbul",
        "tab\there", "nul\u{0}inside", "", "zzz", "σφάλμα", "Ошибка ПРИНТЕРА",
    ]
    let requesters: [Requester] = [
        .freeText("Caller"), .freeText("caller"), .freeText("Zoë"), .freeText("Zoe\u{308}"),
        .contact(ContactID(UUID())), .contact(ContactID(UUID())),
    ]

    mutating func pick<Value>(_ values: [Value]) -> Value {
        values[Int(random.next() % UInt64(values.count))]
    }

    mutating func maybe<Value>(_ values: [Value]) -> Value? {
        random.next() % 3 == 0 ? nil : pick(values)
    }

    mutating func subset<Value: Hashable>(_ values: [Value]) -> Set<Value> {
        Set((0..<Int(random.next() % 3)).map { _ in pick(values) })
    }

    mutating func tickets(count: Int) -> [Ticket] {
        (1...count).map { number in
            let created = Units.start.addingTimeInterval(Double(random.next() % 10_000) + 0.125)
            return Ticket(
                id: TicketID(UUID()), number: TicketNumber(number), title: pick(titles),
                channel: pick(Channel.allCases),
                priority: pick(Priority.allCases), status: pick(statuses), requester: pick(requesters),
                companyID: maybe(companies), locationID: maybe(locations), contractID: maybe(contracts),
                assetIDs: Array(subset(assets)), createdAt: created,
                updatedAt: created.addingTimeInterval(Double(random.next() % 500)))
        }
    }

    mutating func query() -> TicketQuery {
        var query = TicketQuery()
        if random.next() % 3 == 0 { query.companyIDs = Set(subset(companies.map(Optional.some) + [nil])) }
        if random.next() % 3 == 0 { query.locationIDs = Set(subset(locations.map(Optional.some) + [nil])) }
        if random.next() % 3 == 0 { query.contractIDs = Set(subset(contracts.map(Optional.some) + [nil])) }
        if random.next() % 3 == 0 { query.assetIDs = subset(assets) }
        if random.next() % 3 == 0 { query.requesters = subset(requesters) }
        if random.next() % 3 == 0 { query.statuses = subset(statuses) }
        if random.next() % 4 == 0 { query.statusCategories = subset(StatusCategory.allCases) }
        if random.next() % 3 == 0 {
            query.titleContains = pick(["print", "STRASSE", "ß", "é", "e\u{301}", " ", "\t", "\u{0}", "İ", "i̇", "ПРИН"])
        }
        query.sort = (0..<Int(1 + random.next() % 3)).map { _ in
            TicketSort(pick(TicketSortField.allCases), random.next() % 2 == 0 ? .ascending : .descending)
        }
        query.offset = pick([0, 0, 5, 40, -3, 10_000, Int.max])
        query.limit = pick([1, 7, 50, 0, -1, 1000, Int.max])
        return query
    }
}

@Suite("PostgreSQL ticket queries at the edges", .enabled(if: ScratchDatabase.server != nil))
struct QueryEdgeTests {
    @Test func edgeQueriesAgreeWithTheReferenceEvaluation() async throws {
        try await ScratchDatabase.withStore { store in
            var fixtures = EdgeFixtures()
            let tickets = fixtures.tickets(count: 400)
            var work = UnitOfWork()
            for ticket in tickets { work.save(ticket, expectedRevision: nil) }
            try await store.commit(work)
            for round in 0..<400 {
                let query = fixtures.query()
                let expected = query.evaluate(tickets, workflow: .standard)
                let actual = try await store.tickets(matching: query, workflow: .standard)
                #expect(
                    actual.tickets.map(\.number) == expected.tickets.map(\.number)
                        && actual.totalCount == expected.totalCount && actual.offset == expected.offset,
                    "round \(round): \(query)")
                if actual != expected { return }
            }
        }
    }
}
