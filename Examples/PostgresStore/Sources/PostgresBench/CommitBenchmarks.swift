import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import PostgresStore

/// Commit figures: durable commits per second with 1 and 16 writers, raw `commit` of the same
/// one-ticket units `helpdesk-bench filestore-commit` commits to the file store, and 16 clients
/// issuing `createTicket` through one engine. Each measurement runs on a fresh database.
func commitBenchmarks(on database: BenchDatabase, quick: Bool, server: String) async throws -> [BenchmarkResult] {
    let fixtures = TicketFixtures(seed: 7)
    var results: [BenchmarkResult] = []

    let commits = quick ? 300 : 2_000
    let singleTickets = fixtures.tickets(count: commits, seed: 8)
    let (singleSeconds, singleCPU) = try await database.withFreshStore("bench_commit_single") { store in
        let cpu = Measure.processCPUSeconds()
        let seconds = try await Measure.seconds {
            for ticket in singleTickets { try await store.commit(unit(ticket)) }
        }
        return (seconds, Measure.processCPUSeconds() - cpu)
    }
    results.append(
        BenchmarkResult(
            name: "postgres.commit.1writer", value: Double(commits) / singleSeconds, unit: "commits/s",
            target: nil, higherIsBetter: true,
            notes: "\(commits) one-ticket units (ticket + created audit entry + outbox event) through "
                + "PostgresStore.commit, one after another, each its own transaction; "
                + "\(Int(singleCPU * 1e6 / Double(commits))) µs of client CPU per commit; \(server)"))

    let writers = 16
    let concurrentCommits = quick ? 1_600 : 16_000
    let sharedTickets = fixtures.tickets(count: concurrentCommits, seed: 9)
    let (concurrentSeconds, concurrentCPU) = try await database.withFreshStore("bench_commit_concurrent") { store in
        let cpu = Measure.processCPUSeconds()
        let seconds = try await Measure.seconds {
            try await commitConcurrently(sharedTickets[...], to: store, writers: writers)
        }
        return (seconds, Measure.processCPUSeconds() - cpu)
    }
    results.append(
        BenchmarkResult(
            name: "postgres.commit.16writers", value: Double(concurrentCommits) / concurrentSeconds,
            unit: "commits/s", target: nil, higherIsBetter: true,
            notes: "\(writers) concurrent writers (one pooled connection each), \(concurrentCommits) one-ticket "
                + "units through PostgresStore.commit; the server's WAL flushes group concurrent commits; "
                + "\(Int(concurrentCPU * 1e6 / Double(concurrentCommits))) µs of client CPU per commit"))

    let quietSeconds = try await database.withFreshStore("bench_commit_no_events") { store in
        try await Measure.seconds {
            try await commitConcurrently(sharedTickets[...], to: store, writers: writers, events: false)
        }
    }
    results.append(
        BenchmarkResult(
            name: "postgres.commit.16writers.noEvents", value: Double(concurrentCommits) / quietSeconds,
            unit: "commits/s", target: nil, higherIsBetter: true,
            notes: "the same \(concurrentCommits) units from \(writers) writers without their outbox event: no "
                + "commit takes the outbox sequence row, so the server can flush concurrent commits together"))

    let commands = quick ? 800 : 8_000
    let (engineSeconds, failures) = try await database.withFreshStore("bench_engine_clients") { store in
        try await createTickets(on: store, clients: writers, commands: commands)
    }
    results.append(
        BenchmarkResult(
            name: "engine.postgres.16clients", value: Double(commands) / engineSeconds, unit: "commands/s",
            target: nil, higherIsBetter: true,
            notes: "\(writers) concurrent clients, \(commands) HelpDesk.createTicket commands through one engine "
                + "over a PostgresStore (numbers from the database, conflicts retried), \(failures) failed"))
    return results
}

/// Commits one unit per ticket from `writers` concurrent tasks, each taking every `writers`-th ticket.
private func commitConcurrently(
    _ tickets: ArraySlice<Ticket>, to store: PostgresStore, writers: Int, events: Bool = true
) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        for writer in 0..<writers {
            group.addTask {
                for index in stride(from: tickets.startIndex + writer, to: tickets.endIndex, by: writers) {
                    var work = unit(tickets[index])
                    if !events { work.events.removeAll() }
                    try await store.commit(work)
                }
            }
        }
        try await group.waitForAll()
    }
}

/// `clients` tasks issuing `createTicket` through one engine; returns the seconds and failures.
private func createTickets(on store: PostgresStore, clients: Int, commands: Int) async throws -> (Double, Int) {
    let desk = HelpDesk(
        store: store, configuration: HelpDeskConfiguration(conflictRetries: 200),
        clock: ManualClock(start: Date(timeIntervalSince1970: 1_772_442_000)).clock,
        identifiers: SeededIdentifierSource(seed: 11), random: SeededRandomSource(seed: 12))
    var failures = 0
    let seconds = await Measure.seconds {
        failures = await withTaskGroup(of: Int.self) { group in
            for client in 0..<clients {
                group.addTask {
                    var failed = 0
                    for index in stride(from: client, to: commands, by: clients) {
                        do {
                            _ = try await desk.createTicket(
                                NewTicket(
                                    title: "Ticket \(index)", channel: .email, requester: .freeText("Client \(client)")),
                                by: .system)
                        } catch {
                            failed += 1
                        }
                    }
                    return failed
                }
            }
            return await group.reduce(0, +)
        }
    }
    return (seconds, failures)
}

/// A unit inserting `ticket`, as the engine's createTicket would (ticket + audit entry + event);
/// the same unit `helpdesk-bench filestore-commit` commits.
func unit(_ ticket: Ticket) -> UnitOfWork {
    var work = UnitOfWork()
    work.save(ticket, expectedRevision: nil)
    var ids = SeededIdentifierSource(seed: UInt64(ticket.number.rawValue))
    work.auditEntries.append(
        AuditEntry(
            id: ids.next(), ticketID: ticket.id, field: .created, oldValue: nil, newValue: ticket.number.description,
            performer: .system, at: ticket.createdAt))
    work.events.append(
        PendingEvent(
            id: ids.next(),
            event: .ticketCreated(
                ticket: ticket.id, number: ticket.number, channel: ticket.channel, priority: ticket.priority),
            performer: .system, audience: Audience(requester: ticket.requester), occurredAt: ticket.createdAt))
    return work
}
