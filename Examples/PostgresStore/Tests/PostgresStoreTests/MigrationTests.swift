import Foundation
import Logging
import PostgresNIO
import HelpDeskKit
import HelpDeskTestSupport
import PostgresStore
import Testing

/// A scratch database on the test server, dropped afterwards.
struct ScratchDatabase {
    static var server: PostgresSettings? { PostgresSettings.fromEnvironment() }

    /// Runs `body` with a running client on a fresh database, once one of ``ScratchSlots/shared`` is free.
    static func with(_ body: (PostgresClient, Logger) async throws -> Void) async throws {
        await ScratchSlots.shared.acquire()
        do {
            try await withoutSlot(body)
        } catch {
            await ScratchSlots.shared.release()
            throw error
        }
        await ScratchSlots.shared.release()
    }

    private static func withoutSlot(_ body: (PostgresClient, Logger) async throws -> Void) async throws {
        let server = try #require(server, "set HELPDESK_PG_PORT (see .ci/postgres.sh) to run the PostgreSQL tests")
        let logger = Logger(label: "postgres-store-tests")
        let name = "scratch_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
        try await withClient(server.database("postgres")) { admin in
            try await admin.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
        }
        do {
            try await withClient(server.database(name)) { client in try await body(client, logger) }
        } catch {
            try? await dropDatabase(name, server: server, logger: logger)
            // PostgresNIO hides the server's message from `description`; tests want it.
            Issue.record("\(String(reflecting: error))")
            throw error
        }
        try await dropDatabase(name, server: server, logger: logger)
    }

    private static func dropDatabase(_ name: String, server: PostgresSettings, logger: Logger) async throws {
        try await withClient(server.database("postgres")) { admin in
            try await admin.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name)"), logger: logger)
        }
    }

    /// Runs `body` while a client for `settings` runs.
    static func withClient(_ settings: PostgresSettings, _ body: (PostgresClient) async throws -> Void)
        async throws
    {
        var configuration = settings.clientConfiguration
        configuration.options.maximumConnections = ScratchSlots.connectionsPerClient
        let client = PostgresClient(configuration: configuration)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await body(client)
        }
    }
}

@Suite("PostgreSQL schema migrations", .enabled(if: ScratchDatabase.server != nil))
struct MigrationTests {
    /// What undoes each migration after the first, by version.
    static let undoing: [Int: [String]] = [
        7: ["DROP TABLE trail_entries"], 8: ["DROP TABLE allowance_usage"],
        9: ["DROP TABLE employee_schedules", "DROP TABLE round_robin_cursors"], 10: ["DROP TABLE automation_rules"],
        11: [
            "DROP TRIGGER automation_rules_stamp ON automation_rules", "DROP TABLE automation_rules_stamp",
            "DROP FUNCTION automation_rules_changed()",
        ],
        12: ["DROP TABLE employee_capacities", "DROP TABLE group_routings"], 13: ["DROP TABLE notice_logs"],
        14: ["DROP TABLE rule_episodes"],
        15: [
            "DROP TABLE knowledge_citations", "DROP TABLE knowledge_versions", "DROP TABLE knowledge_article_links",
            "DROP TABLE knowledge_articles", "DROP TABLE knowledge_sections", "DROP TABLE knowledge_stamp",
            "DROP FUNCTION knowledge_changed()",
        ],
        16: ["DROP TABLE canned_answers"],
        17: ["DROP TABLE blobs"],
        18: ["DROP TABLE email_records", "DROP TABLE bounced_addresses"],
        19: ["DROP TABLE maintenance_occurrences", "DROP TABLE maintenance_plans"],
        20: ["DROP TABLE planned_visits"],
    ]

    /// Turns the database back into one of a build before `version`: later migrations undone,
    /// newest first, and their versions forgotten.
    static func undo(from version: Int, _ client: PostgresClient, _ logger: Logger) async throws {
        for (added, statements) in undoing.sorted(by: { $0.key > $1.key }) where added >= version {
            for statement in statements { try await client.query("\(unescaped: statement)", logger: logger) }
        }
        try await client.query("DELETE FROM helpdesk_schema WHERE version >= \(version)", logger: logger)
    }

    @Test func aFreshDatabaseMigratesToTheLatestVersionOnce() async throws {
        try await ScratchDatabase.with { client, logger in
            #expect(try await SchemaMigrations.currentVersion(client, logger: logger) == 0)
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest)
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest)
            let rows = try await client.query("SELECT count(*) FROM helpdesk_schema", logger: logger)
            for try await count in rows.decode(Int.self) { #expect(count == SchemaMigrations.all.count) }
        }
    }

    @Test func hostsMigratingAtOnceApplyEachStepOnce() async throws {
        try await ScratchDatabase.with { client, logger in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 { group.addTask { try await SchemaMigrations.migrate(client, logger: logger) } }
                for try await version in group { #expect(version == SchemaMigrations.latest) }
            }
            let rows = try await client.query("SELECT last FROM outbox_sequence", logger: logger)
            var sequences: [Int] = []
            for try await last in rows.decode(Int.self) { sequences.append(last) }
            #expect(sequences == [0], "the sequence row is created once")
        }
    }

    @Test func aDatabaseFromANewerBuildIsRefused() async throws {
        try await ScratchDatabase.with { client, logger in
            try await SchemaMigrations.migrate(client, logger: logger)
            let newer = SchemaMigrations.latest + 1
            try await client.query(
                "INSERT INTO helpdesk_schema (version, name) VALUES (\(newer), 'future')", logger: logger)
            await #expect(throws: SchemaError.newerSchema(newer, known: SchemaMigrations.latest)) {
                try await SchemaMigrations.migrate(client, logger: logger)
            }
        }
    }

    @Test func version4FillsTheSLAOutcomeColumnsOfTicketsWrittenBeforeIt() async throws {
        try await ScratchDatabase.with { client, logger in
            let store = try await PostgresStore.open(client: client, logger: logger)
            let tickets = TicketFixtures(seed: 44).tickets(count: 300, seed: 45)
            var work = UnitOfWork()
            for ticket in tickets { work.save(ticket, expectedRevision: nil) }
            try await store.commit(work)
            let groupings = [TicketGrouping(.total), TicketGrouping(.priority), TicketGrouping(.employee)]
            var before: [[SLAOutcomeTally]] = []
            for grouping in groupings { before.append(try await store.slaOutcomes(in: TicketScan(), groupedBy: grouping)) }
            // Undo version 4 as if these tickets had been written by a build before it, then migrate.
            try await client.query(
                "ALTER TABLE tickets DROP COLUMN sla_reaction, DROP COLUMN sla_resolution", logger: logger)
            try await client.query("DELETE FROM helpdesk_schema WHERE version = 4", logger: logger)
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest)
            for (grouping, expected) in zip(groupings, before) {
                let backfilled = try await store.slaOutcomes(in: TicketScan(), groupedBy: grouping)
                #expect(backfilled == expected)
                #expect(backfilled == SLAOutcomeTally.tally(tickets, in: TicketScan(), groupedBy: grouping))
            }
            #expect(before[0].first.map { $0.reaction.met > 0 && $0.reaction.breached > 0 && $0.reaction.pending > 0 } == true)
        }
    }

    @Test func version6GivesTicketsWrittenBeforeItNoCopiedContactsAndFindsThemOnceCopied() async throws {
        try await ScratchDatabase.with { client, logger in
            let store = try await PostgresStore.open(client: client, logger: logger)
            let fixtures = TicketFixtures(seed: 66)
            // Written by a build before copied contacts existed: nobody is copied.
            var tickets = fixtures.tickets(count: 200, seed: 67).map { ticket in
                var old = ticket
                old.ccContactIDs = []
                return old
            }
            var work = UnitOfWork()
            for ticket in tickets { work.save(ticket, expectedRevision: nil) }
            try await store.commit(work)
            // Undo version 6 as if these tickets had been written by a build before it, then migrate.
            try await client.query("ALTER TABLE tickets DROP COLUMN cc_contacts", logger: logger)
            try await client.query("DELETE FROM helpdesk_schema WHERE version = 6", logger: logger)
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest)
            let indexes = try await client.query(
                "SELECT count(*) FROM pg_indexes WHERE indexname = 'tickets_cc_contacts'", logger: logger)
            for try await count in indexes.decode(Int.self) { #expect(count == 1, "the index is back") }
            let copied = fixtures.contactIDs[0]
            var copying = TicketQuery(limit: TicketQuery.maximumLimit)
            copying.reach = [TicketReachClause(copying: [copied])]
            #expect(try await store.tickets(matching: copying, workflow: .standard).totalCount == 0)
            #expect(try await store.ticket(tickets[7].id) == tickets[7], "old bodies read back unchanged")
            var changed = tickets[7]
            changed.ccContactIDs = [copied]
            changed.revision += 1
            var update = UnitOfWork()
            update.save(changed, expectedRevision: tickets[7].revision)
            try await store.commit(update)
            tickets[7] = changed
            #expect(try await store.tickets(matching: copying, workflow: .standard).tickets == [changed])
            var random = SplitMix64(seed: 68)
            for _ in 0..<60 {
                let query = fixtures.query(using: &random, ticketCount: tickets.count)
                #expect(
                    try await store.tickets(matching: query, workflow: .standard)
                        == query.evaluate(tickets, workflow: .standard), "\(query)")
            }
        }
    }

    @Test func version7AddsTheRecordTrailToADatabaseThatHadNone() async throws {
        try await ScratchDatabase.with { client, logger in
            let store = try await PostgresStore.open(client: client, logger: logger)
            var ids = SeededIdentifierSource(seed: 77)
            let company: CompanyID = ids.next()
            func entry(_ subject: TrailSubject, _ action: TrailAction) -> TrailEntry {
                TrailEntry(
                    id: ids.next(), subject: subject, companyID: company, action: action,
                    changes: [TrailChange("name", from: nil, to: "Alpha «Retail»")], performer: .system,
                    at: Date(timeIntervalSince1970: 1_772_442_000))
            }
            // A database of a build before the trail: versions 7 and later undone, no tables.
            try await Self.undo(from: 7, client, logger)
            #expect(try await SchemaMigrations.currentVersion(client, logger: logger) == 6)
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest)
            let indexes = try await client.query(
                "SELECT count(*) FROM pg_indexes WHERE tablename = 'trail_entries'", logger: logger)
            for try await count in indexes.decode(Int.self) { #expect(count == 4, "primary key and three indexes") }
            #expect(try await store.trailEntries(offset: 0, limit: 10) == [], "a new trail is empty")
            let subject = TrailSubject.account(company, unit: .money(.rub))
            var work = UnitOfWork()
            work.trailEntries = [entry(.company(company), .created), entry(subject, .toppedUp)]
            try await store.commit(work)
            var later = UnitOfWork()
            later.trailEntries = [entry(subject, .adjusted)]
            try await store.commit(later)
            #expect(try await store.trail(of: subject) == [work.trailEntries[1], later.trailEntries[0]])
            #expect(try await store.trailEntries(offset: 0, limit: 10) == work.trailEntries + later.trailEntries)
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest, "once")
        }
    }

    @Test func version8AddsAllowanceUsageKeyedByContractPeriodAndMeasure() async throws {
        try await ScratchDatabase.with { client, logger in
            let store = try await PostgresStore.open(client: client, logger: logger)
            var ids = SeededIdentifierSource(seed: 88)
            let (contract, period): (ContractID, ServicePeriodID) = (ids.next(), ids.next())
            // A database of a build before allowances: versions 8 and later undone, no tables.
            try await Self.undo(from: 8, client, logger)
            #expect(try await SchemaMigrations.currentVersion(client, logger: logger) == 7)
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest)
            #expect(try await store.allowanceUsages() == [], "no usage yet")
            let minutes = AllowanceUsage(contractID: contract, periodID: period, measure: .laborMinutes, alertsSent: [80])
            let visits = AllowanceUsage(contractID: contract, periodID: period, measure: .visits)
            var work = UnitOfWork()
            work.allowanceUsageWrites = [minutes, visits].map { AllowanceUsageWrite(usage: $0, expectedRevision: nil) }
            try await store.commit(work)
            #expect(try await store.allowanceUsages(of: contract) == [minutes, visits])
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest, "once")
        }
    }

    @Test func version9AddsEmployeeSchedulesAndRoundRobinCursorsUnderRevision() async throws {
        try await ScratchDatabase.with { client, logger in
            let store = try await PostgresStore.open(client: client, logger: logger)
            var ids = SeededIdentifierSource(seed: 99)
            let (employee, group): (EmployeeID, GroupID) = (ids.next(), ids.next())
            // A database of a build before assignment strategies: versions 9 and later undone, no tables.
            try await Self.undo(from: 9, client, logger)
            #expect(try await SchemaMigrations.currentVersion(client, logger: logger) == 8)
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest)
            #expect(try await store.employeeSchedules() == [], "no schedules yet")
            #expect(try await store.roundRobinCursors() == [], "no cursors yet")
            let schedule = EmployeeSchedule(
                employeeID: employee, calendar: .twentyFourSeven(timeZone: TimeZone(identifier: "Europe/Berlin")!))
            let cursor = RoundRobinCursor(groupID: group, lastAssigneeID: employee)
            var work = UnitOfWork()
            work.employeeSchedules = [schedule]
            work.roundRobinCursorWrites = [RoundRobinCursorWrite(cursor: cursor, expectedRevision: nil)]
            try await store.commit(work)
            #expect(try await store.employeeSchedule(of: employee) == schedule)
            #expect(try await store.roundRobinCursor(of: group) == cursor)
            var stale = UnitOfWork()
            stale.roundRobinCursorWrites = [
                RoundRobinCursorWrite(cursor: RoundRobinCursor(groupID: group, lastAssigneeID: nil, revision: 3), expectedRevision: 2)
            ]
            await #expect(throws: StorageError.self) { try await store.commit(stale) }
            #expect(try await store.roundRobinCursor(of: group) == cursor, "the stale write changed nothing")
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest, "once")
        }
    }

    @Test func version11StampsRuleChangesByTheAdapterAndByAnyOtherWriter() async throws {
        try await ScratchDatabase.with { client, logger in
            let store = try await PostgresStore.open(client: client, logger: logger)
            var ids = SeededIdentifierSource(seed: 111)
            let rule = AutomationRule(
                id: ids.next(), name: "Printers", priority: 1, triggers: [.ticketCreated],
                conditions: [.textContains("printer")], actions: [.setPriority(.high)])
            var work = UnitOfWork()
            work.ruleWrites = [AutomationRuleWrite(rule: rule, expectedRevision: nil)]
            try await store.commit(work)
            // A database of a build before the stamp: version 11 undone, its rules kept.
            try await Self.undo(from: 11, client, logger)
            #expect(try await SchemaMigrations.currentVersion(client, logger: logger) == 10)
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest)
            #expect(try await store.rules() == [rule], "the rules stay")
            let migrated = try await store.ruleSetStamp()
            var paused = rule
            paused.isActive = false
            paused.revision = 2
            var change = UnitOfWork()
            change.ruleWrites = [AutomationRuleWrite(rule: paused, expectedRevision: 1)]
            try await store.commit(change)
            let changed = try await store.ruleSetStamp()
            #expect(changed != migrated, "a change through the adapter")
            var ticket = UnitOfWork()
            ticket.save(TicketFixtures(seed: 112).tickets(count: 1, seed: 113)[0], expectedRevision: nil)
            try await store.commit(ticket)
            #expect(try await store.ruleSetStamp() == changed, "a unit without rules")
            // Another writer of the table, outside the adapter: the trigger raises the stamp.
            try await client.query("UPDATE automation_rules SET revision = 3", logger: logger)
            let fixed = try await store.ruleSetStamp()
            #expect(fixed != changed)
            try await client.query("TRUNCATE automation_rules", logger: logger)
            #expect(try await store.ruleSetStamp() != fixed)
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest, "once")
        }
    }

    @Test func version13AddsNoticeLogsUnderRevision() async throws {
        try await ScratchDatabase.with { client, logger in
            let store = try await PostgresStore.open(client: client, logger: logger)
            try await Self.undo(from: 13, client, logger)
            #expect(try await SchemaMigrations.currentVersion(client, logger: logger) == 12)
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest)
            #expect(try await store.noticeLogs() == [], "no logs yet")
            let log = NoticeLog(key: "recipient:ann@acme.example", sentAt: [Date(timeIntervalSince1970: 1_772_442_000)])
            var work = UnitOfWork()
            work.noticeLogWrites = [NoticeLogWrite(log: log, expectedRevision: nil)]
            try await store.commit(work)
            #expect(try await store.noticeLog(log.key) == log)
            await #expect(throws: StorageError.self) { try await store.commit(work) }
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest, "once")
        }
    }

    @Test func version12AddsEmployeeCapacitiesAndGroupRouting() async throws {
        try await ScratchDatabase.with { client, logger in
            let store = try await PostgresStore.open(client: client, logger: logger)
            var ids = SeededIdentifierSource(seed: 120)
            let (employee, group): (EmployeeID, GroupID) = (ids.next(), ids.next())
            // A database of a build before caps and routing: versions 12 and later undone, no tables.
            try await Self.undo(from: 12, client, logger)
            #expect(try await SchemaMigrations.currentVersion(client, logger: logger) == 11)
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest)
            #expect(try await store.employeeCapacities() == [], "no caps yet")
            #expect(try await store.groupRoutings() == [], "no routing yet")
            let capacity = EmployeeCapacity(employeeID: employee, maximum: 3)
            let routing = GroupRoutingRecord(
                groupID: group,
                routing: GroupRouting(lead: employee, strategy: .roundRobin.capped(at: 5), drainsBacklog: true))
            var work = UnitOfWork()
            work.employeeCapacities = [capacity]
            work.groupRoutings = [routing]
            try await store.commit(work)
            #expect(try await store.employeeCapacity(of: employee) == capacity)
            #expect(try await store.groupRouting(of: group) == routing)
            var change = UnitOfWork()
            change.employeeCapacities = [EmployeeCapacity(employeeID: employee, maximum: nil)]
            try await store.commit(change)
            #expect(try await store.employeeCapacities() == [EmployeeCapacity(employeeID: employee, maximum: nil)])
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest, "once")
        }
    }

    @Test func version14AddsRuleEpisodesOpenOncePerRuleAndTicket() async throws {
        try await ScratchDatabase.with { client, logger in
            let store = try await PostgresStore.open(client: client, logger: logger)
            var ids = SeededIdentifierSource(seed: 111)
            // A database of a build before time rules: version 14 undone, no episodes table.
            try await Self.undo(from: 14, client, logger)
            #expect(try await SchemaMigrations.currentVersion(client, logger: logger) == 13)
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest)
            #expect(try await store.ruleEpisodes() == [], "no episodes yet")
            let ticket = try #require(TicketFixtures(seed: 114).tickets(count: 1, seed: 114).first)
            var creation = UnitOfWork()
            creation.save(ticket, expectedRevision: nil)
            try await store.commit(creation)
            let stamp = try await store.ruleSetStamp()
            let rule: AutomationRuleID = ids.next()
            let episode = RuleEpisode(
                id: ids.next(), ruleID: rule, ticketID: ticket.id, firedAt: ticket.createdAt.addingTimeInterval(900.25))
            var work = UnitOfWork()
            work.ruleEpisodeStarts = [episode]
            try await store.commit(work)
            #expect(try await store.ruleEpisodes(on: ticket.id) == [episode])
            #expect(try await store.ruleSetStamp() == stamp, "episodes leave the rule-set stamp alone")
            var again = UnitOfWork()
            again.ruleEpisodeStarts = [RuleEpisode(id: ids.next(), ruleID: rule, ticketID: ticket.id, firedAt: .now)]
            await #expect(throws: StorageError.self) { try await store.commit(again) }
            var orphan = UnitOfWork()
            orphan.ruleEpisodeStarts = [RuleEpisode(id: ids.next(), ruleID: rule, ticketID: ids.next(), firedAt: .now)]
            await #expect(throws: StorageError.self) { try await store.commit(orphan) }
            #expect(try await store.ruleEpisodes() == [episode], "the refused units changed nothing")
            #expect(try await SchemaMigrations.migrate(client, logger: logger) == SchemaMigrations.latest, "once")
        }
    }
}
