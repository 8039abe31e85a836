import Foundation
import HelpDeskKit
import HelpDeskTestSupport

/// Ticket figures: creates per second through the engine, and a filtered, sorted page at 1M tickets.
enum TicketBenchmarks {
    /// Tickets created per second through `HelpDesk.createTicket` on an in-memory store: the median
    /// of five runs, each on a fresh desk (this VM's speed drifts within one invocation).
    @concurrent static func createThroughput(count: Int) async throws -> BenchmarkResult {
        var rates: [Double] = []
        for _ in 0..<5 { rates.append(try await createRate(count: count)) }
        rates.sort()
        return BenchmarkResult(
            name: "tickets.create.throughput", value: rates[2], unit: "tickets/s", target: 200_000,
            higherIsBetter: true,
            notes: "median of 5 runs of \(count) sequential createTicket calls (in-memory store, audit + outbox); "
                + "runs: \(rates.map { Int($0) })")
    }

    /// What the rules of ``createThroughRules(count:rules:asking:)`` ask for; none ever holds.
    enum RuleLoad: Sendable {
        /// A critical ticket and a text the titles never contain: the plan's field masks skip every rule.
        case priorityAndText
        /// Only the text: no field set lets the plan skip a rule, so every create looks for all 200
        /// texts in the title (an ASCII one).
        case textOnly
        /// Only a Cyrillic text, on a Cyrillic title and a 1.1 KB Cyrillic description with ё.
        case textOnlyCyrillic
    }

    /// Creates through `rules` active automation rules (issue #20's target: ≥ 100 000/s with 200).
    @concurrent static func createThroughRules(count: Int, rules: Int = 200, asking load: RuleLoad) async throws
        -> BenchmarkResult
    {
        var rates: [Double] = []
        for _ in 0..<5 { rates.append(try await createRate(count: count, rules: rules, load: load)) }
        rates.sort()
        let (suffix, conditions, target): (String, String, Double?) =
            switch load {
            case .priorityAndText: ("", "priority critical and a text no title contains", 100_000)
            case .textOnly: (".textOnly", "a text no title contains", 100_000)
            case .textOnlyCyrillic:
                (".textOnly.cyrillic", "a Cyrillic text no title or 1.1 KB Cyrillic description contains", nil)
            }
        return BenchmarkResult(
            name: "tickets.create.throughput.rules\(rules)" + suffix, value: rates[2], unit: "tickets/s",
            target: target, higherIsBetter: true,
            notes: "median of 5 runs of \(count) createTicket calls through \(rules) active rules asking for "
                + "\(conditions) (in-memory store); runs: \(rates.map { Int($0) })")
    }

    /// One run: tickets created per second (through `rules` active rules that never fire).
    @concurrent private static func createRate(count: Int, rules: Int = 0, load: RuleLoad = .priorityAndText)
        async throws -> Double
    {
        let clock = ManualClock(start: TicketFixtures.epoch)
        let desk = HelpDesk(
            store: InMemoryStore(), clock: clock.clock, identifiers: SeededIdentifierSource(seed: 1),
            random: SeededRandomSource(seed: 2))
        let group = try await desk.addGroup(named: "Service desk", by: .system)
        let agent = try await desk.addEmployee(
            NewEmployee(name: "Agent", email: "agent@example.com", groupIDs: [group.id]), by: .system)
        let category = try await desk.addCategory(
            NewServiceCategory(name: "Printers", defaultGroupID: group.id), by: .system)
        let cyrillic = load == .textOnlyCyrillic
        for index in 0..<rules {
            let text = RuleCondition.textContains(cyrillic ? "никогда \(index)" : "never \(index)")
            _ = try await desk.defineRule(
                RuleDefinition(
                    name: "Rule \(index)", priority: index, triggers: [.ticketCreated, .ticketChanged],
                    conditions: load == .priorityAndText ? [.priority([.critical]), text] : [text],
                    actions: [.setPriority(.high)]),
                by: .system)
        }
        let channels = Channel.allCases
        let description =
            cyrillic
            ? String(
                repeating: "Добрый день! Принтер в бухгалтерии на третьем этаже снова зажёвывает бумагу. ", count: 8)
            : ""
        let seconds = try await Measure.seconds {
            for index in 0..<count {
                _ = try await desk.createTicket(
                    NewTicket(
                        title: cyrillic ? "Принтер \(index) зажёвывает бумагу" : "Printer \(index) jams",
                        description: description, channel: channels[index % channels.count],
                        categoryID: category.id, priority: .normal, requester: .freeText("Caller \(index % 97)")),
                    by: .employee(agent.id))
            }
        }
        return Double(count) / seconds
    }

    /// Median latency of typical dispatcher queries over `ticketCount` tickets, plus resident memory.
    @concurrent static func queryLatency(ticketCount: Int) async throws -> [BenchmarkResult] {
        let fixtures = TicketFixtures(seed: 7)
        let store = InMemoryStore()
        Measure.returnFreedMemory()
        let baseline = Measure.residentMiB()
        let loadSeconds = try await Measure.seconds {
            let batch = 50_000
            for start in stride(from: 0, to: ticketCount, by: batch) {
                var work = UnitOfWork()
                for ticket in fixtures.tickets(
                    count: min(batch, ticketCount - start), firstNumber: start + 1, seed: UInt64(start))
                {
                    work.save(ticket, expectedRevision: nil)
                }
                try await store.commit(work)
            }
        }
        let memory = Measure.residentMiB() - baseline
        let image = store.image()
        let rebuildSeconds = Measure.seconds { _ = InMemoryStore(image: image) }
        let workflow = Workflow.standard
        let queries: [(String, TicketQuery)] = [
            (
                "tickets.query.activeByAssignees",
                TicketQuery(
                    statusCategories: [.new, .open, .waiting], assigneeIDs: Set(fixtures.employeeIDs.prefix(3)),
                    sort: [TicketSort(.priority, .descending), TicketSort(.createdAt)], limit: 50)
            ),
            (
                "tickets.query.urgentInGroupLastWeek",
                TicketQuery(
                    priorities: [.high, .critical], groupIDs: [fixtures.groupIDs[0]],
                    createdIn: TicketFixtures.epoch.addingTimeInterval(
                        Double(ticketCount - 10_080) * 60)..<TicketFixtures.epoch.addingTimeInterval(
                            Double(ticketCount) * 60),
                    sort: [TicketSort(.updatedAt, .descending)], limit: 50)
            ),
            (
                "tickets.query.allByNumberDeepPage",
                TicketQuery(sort: [TicketSort(.number, .descending)], offset: 10_000, limit: 100)
            ),
            (
                "tickets.query.titleSearch",
                TicketQuery(titleContains: "vpn backup", sort: [TicketSort(.createdAt, .descending)])
            ),
        ] + scopedQueries(fixtures) + portalQueries(fixtures)
        var results = [
            BenchmarkResult(
                name: "tickets.store.load", value: Double(ticketCount) / loadSeconds, unit: "tickets/s", target: nil,
                higherIsBetter: true, notes: "bulk commits of 50,000 tickets"),
            BenchmarkResult(
                name: "tickets.store.rebuild", value: rebuildSeconds * 1_000, unit: "ms", target: nil,
                higherIsBetter: false,
                notes: "InMemoryStore(image:) from a \(ticketCount)-ticket image (the file store's open)"),
            BenchmarkResult(
                name: "tickets.store.memory", value: memory, unit: "MiB", target: nil, higherIsBetter: false,
                notes: "resident memory added by \(ticketCount) tickets in the in-memory store"),
        ]
        for (name, query) in queries {
            var total = 0
            let milliseconds = try await Measure.medianMilliseconds(runs: 15) {
                total = try await store.tickets(matching: query, workflow: workflow).totalCount
            }
            results.append(
                BenchmarkResult(
                    name: name, value: milliseconds, unit: "ms", target: 50, higherIsBetter: false,
                    notes: "median of 15 over \(ticketCount) tickets; \(total) match"))
        }
        return results
    }

    /// The queue of an engineer whose role reaches their two groups and their assignments, and all
    /// tickets of a lead whose role covers three categories within one group: the queries the
    /// engine runs for them (``StaffAuthority/readableTickets(by:)`` as ``TicketQuery/reach``).
    static func scopedQueries(_ fixtures: TicketFixtures) -> [(String, TicketQuery)] {
        var ids = SeededIdentifierSource(seed: 18)
        let engineer = Employee(
            id: fixtures.employeeIDs[0], name: "Engineer", email: "e@example.com",
            groupIDs: Array(fixtures.groupIDs.prefix(2)))
        let engineerRole = Role(
            id: ids.next(), name: "Engineer", permissions: AccessAction.TicketLevel.change.permissions, reach: .myGroups)
        let leadRole = Role(
            id: ids.next(), name: "Lead", permissions: AccessAction.TicketLevel.full.permissions,
            categoryIDs: Set(fixtures.categoryIDs.prefix(3)))
        func reach(_ role: Role, group: GroupID? = nil) -> [TicketReachClause]? {
            StaffAuthority([StaffAuthority.Holding(role: role, groupID: group)]).readableTickets(by: engineer)
        }
        var queue = TicketQuery(
            statusCategories: [.new, .open, .waiting], sort: [TicketSort(.priority, .descending), TicketSort(.createdAt)],
            limit: 50)
        queue.reach = reach(engineerRole)
        var lead = TicketQuery(sort: [TicketSort(.number, .descending)], limit: 50)
        lead.reach = reach(leadRole, group: fixtures.groupIDs[2])
        return [("tickets.query.scopedEngineerQueue", queue), ("tickets.query.scopedLeadByNumber", lead)]
    }

    /// The portal lists of two contacts of one company: a location-scoped contact looking after
    /// two locations (its active tickets, newest first) and a company-scoped manager (every ticket
    /// of the company, by number) — ``ContactAuthority/readableTickets`` as the
    /// query's reach, as ``ClientPortal/tickets(_:)`` runs them.
    static func portalQueries(_ fixtures: TicketFixtures) -> [(String, TicketQuery)] {
        let company = fixtures.companyIDs[0]
        let local = Contact(
            id: fixtures.contactIDs[0], companyID: company, locationID: fixtures.locationIDs[0], name: "Local",
            portalScope: .location, additionalLocationIDs: [fixtures.locationIDs[1]])
        let manager = Contact(id: fixtures.contactIDs[1], companyID: company, name: "Manager", portalScope: .company)
        var active = TicketQuery(
            statusCategories: [.new, .open, .waiting], sort: [TicketSort(.createdAt, .descending)], limit: 50)
        active.reach = ContactAuthority(contact: local, sharing: .perMember).readableTickets
        var everything = TicketQuery(sort: [TicketSort(.number, .ascending)], limit: 50)
        everything.reach = ContactAuthority(contact: manager, sharing: .perMember).readableTickets
        return [("tickets.query.portalLocationContact", active), ("tickets.query.portalCompanyManager", everything)]
    }
}
