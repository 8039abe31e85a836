import Foundation
import HelpDeskFileStore
import HelpDeskKit
import HelpDeskTestSupport
import Synchronization

/// File-store figures: durable commits per second with 1 and 16 writers. Compare with
/// `Benchmarks/Comparisons/sqlite_compare.py`.
@concurrent func fileStoreCommitBenchmarks(quick: Bool) async throws -> [BenchmarkResult] {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let fixtures = TicketFixtures(seed: 7)
    var results: [BenchmarkResult] = []

    let commits = quick ? 300 : 2_000
    let single = try await FileStore.open(at: root.appendingPathComponent("single"))
    let singleTickets = fixtures.tickets(count: commits, seed: 8)
    let singleCPU = Measure.processCPUSeconds()
    let singleSeconds = try await Measure.seconds {
        for ticket in singleTickets { try await single.commit(unit(ticket)) }
    }
    let singleCPUPerCommit = (Measure.processCPUSeconds() - singleCPU) * 1e6 / Double(commits)
    await single.close()
    results.append(
        BenchmarkResult(
            name: "filestore.commit.1writer", value: Double(commits) / singleSeconds, unit: "commits/s",
            target: nil, higherIsBetter: true,
            notes: "\(commits) one-ticket units, each durable (fdatasync) before the next, "
                + "\(Int(singleCPUPerCommit)) µs of CPU per commit; target: ≥ SQLite WAL+FULL"))

    let writers = 16
    let concurrentCommits = quick ? 1_600 : 16_000
    let shared = try await FileStore.open(at: root.appendingPathComponent("concurrent"))
    let sharedTickets = fixtures.tickets(count: concurrentCommits, seed: 9)
    let concurrentCPU = Measure.processCPUSeconds()
    let concurrentSeconds = try await Measure.seconds {
        try await commitConcurrently(sharedTickets.prefix(concurrentCommits), to: shared, writers: writers)
    }
    let concurrentCPUPerCommit = (Measure.processCPUSeconds() - concurrentCPU) * 1e6 / Double(concurrentCommits)
    let unitsPerSync = shared.statistics.unitsPerSync
    await shared.close()
    results.append(
        BenchmarkResult(
            name: "filestore.commit.16writers", value: Double(concurrentCommits) / concurrentSeconds,
            unit: "commits/s", target: nil, higherIsBetter: true,
            notes:
                "\(writers) concurrent writers, \(concurrentCommits) one-ticket units, group commit "
                + "(\(String(format: "%.1f", unitsPerSync)) units per sync), "
                + "\(Int(concurrentCPUPerCommit)) µs of CPU per commit; target: ≥ 10× SQLite"
        ))
    results.append(
        try await engineClientsBenchmark(
            at: root, clients: writers, commands: concurrentCommits, rounds: quick ? 1 : 3,
            tickets: sharedTickets))
    return results
}

/// Commits one unit per ticket from `writers` concurrent tasks, each taking every `writers`-th ticket.
private func commitConcurrently(_ tickets: ArraySlice<Ticket>, to store: FileStore, writers: Int) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        for writer in 0..<writers {
            group.addTask {
                for index in stride(from: tickets.startIndex + writer, to: tickets.endIndex, by: writers) {
                    try await store.commit(unit(tickets[index]))
                }
            }
        }
        try await group.waitForAll()
    }
}

/// 16 concurrent clients issuing `createTicket` through one engine over a file store, against 16
/// raw writers committing the same kind of unit; raw and engine rounds alternate on fresh stores,
/// so both see the same disk (target: engine ≥ 80 % of raw, 0 failures).
private func engineClientsBenchmark(
    at root: URL, clients: Int, commands: Int, rounds: Int, tickets: [Ticket]
) async throws -> BenchmarkResult {
    var raw: [Double] = []
    var engine: [Double] = []
    var failures = 0
    var cpuPerCommand: [Double] = []
    for round in 0..<rounds {
        let rawStore = try await FileStore.open(at: root.appendingPathComponent("raw-\(round)"))
        let rawSeconds = try await Measure.seconds {
            try await commitConcurrently(tickets.prefix(commands), to: rawStore, writers: clients)
        }
        await rawStore.close()
        raw.append(Double(commands) / rawSeconds)

        let store = try await FileStore.open(at: root.appendingPathComponent("engine-\(round)"))
        let desk = HelpDesk(
            store: store, clock: ManualClock(start: Date(timeIntervalSince1970: 1_772_442_000)).clock,
            identifiers: SeededIdentifierSource(seed: 11), random: SeededRandomSource(seed: 12))
        let cpu = Measure.processCPUSeconds()
        var failed = 0
        let seconds = await Measure.seconds {
            failed = await withTaskGroup(of: Int.self) { group in
                for client in 0..<clients {
                    group.addTask {
                        var failed = 0
                        for index in stride(from: client, to: commands, by: clients) {
                            do {
                                _ = try await desk.createTicket(
                                    NewTicket(
                                        title: "Ticket \(index)", channel: .email,
                                        requester: .freeText("Client \(client)")),
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
        cpuPerCommand.append((Measure.processCPUSeconds() - cpu) * 1e6 / Double(commands))
        failures += failed
        await store.close()
        engine.append(Double(commands) / seconds)
    }
    let ratios = zip(engine, raw).map { $0 / $1 }.sorted()
    let medianRatio = ratios[ratios.count / 2]
    let medianEngine = engine.sorted()[engine.count / 2]
    return BenchmarkResult(
        name: "engine.filestore.16clients", value: medianEngine, unit: "commands/s", target: nil,
        higherIsBetter: true,
        notes: "\(clients) concurrent clients, \(commands) createTicket commands through one engine over a file store, "
            + "\(failures) failed; \(rounds) rounds alternating with \(clients) raw writers on fresh stores: "
            + "engine \(engine.map { Int($0) }) /s, raw \(raw.map { Int($0) }) /s, median engine/raw "
            + "\(Int(100 * medianRatio)) %, \(Int(cpuPerCommand.sorted()[cpuPerCommand.count / 2])) µs of CPU per command; "
            + "target: ≥ 80 % of raw with 0 failures")
}

/// File-store figures: open time of a 1,000,000-ticket store (from its snapshot), and the longest
/// commit while that snapshot is written.
@concurrent func fileStoreOpenBenchmarks(quick: Bool) async throws -> [BenchmarkResult] {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let fixtures = TicketFixtures(seed: 7)
    let ticketCount = quick ? 50_000 : 1_000_000
    let bigDirectory = root.appendingPathComponent("big")
    let big = try await FileStore.open(at: bigDirectory)
    let tickets = fixtures.tickets(count: ticketCount, seed: 10)
    for start in stride(from: 0, to: ticketCount, by: 50_000) {
        var work = UnitOfWork()
        for ticket in tickets[start..<min(start + 50_000, ticketCount)] { addWithHistory(ticket, to: &work) }
        try await big.commit(work)
    }
    let (snapshotSeconds, longestCommit) = try await snapshotWhileCommitting(big, tickets: fixtures)
    try await big.snapshot()  // Again, with no commits beside it: the open below replays nothing.
    await big.close()
    let snapshotBytes =
        (try? FileManager.default.contentsOfDirectory(atPath: bigDirectory.path))?
        .filter { $0.hasSuffix(".snap") }
        .compactMap {
            try? FileManager.default.attributesOfItem(atPath: bigDirectory.appendingPathComponent($0).path)[.size]
                as? Int
        }
        .reduce(0, +) ?? 0
    // The opened stores stay alive until all runs are done, so no run times freeing the last one.
    var opened: [FileStore] = []
    let openMilliseconds = try await Measure.medianMilliseconds(runs: 3) {
        let store = try await FileStore.open(at: bigDirectory)
        await store.close()
        opened.append(store)
    }
    opened.removeAll()
    return [
        BenchmarkResult(
            name: "filestore.open.1M", value: openMilliseconds, unit: "ms", target: quick ? nil : 3_000,
            higherIsBetter: false,
            notes: "open of a \(ticketCount)-ticket store from its snapshot (\(snapshotBytes / 1_048_576) MiB; "
                + "two audit entries per ticket, a comment on every fifth), median of 3"),
        BenchmarkResult(
            name: "filestore.snapshot.longestCommit", value: longestCommit * 1_000, unit: "ms", target: nil,
            higherIsBetter: false,
            notes: "longest one-ticket commit while the \(ticketCount)-ticket snapshot was written "
                + "(\(Int(snapshotSeconds * 1_000)) ms), one writer committing back to back"),
    ]
}

/// Adds `ticket` to `work` with the history a ticket handled through the engine has: the
/// `created` entry and a status change, and a public reply on every fifth ticket.
private func addWithHistory(_ ticket: Ticket, to work: inout UnitOfWork) {
    work.save(ticket, expectedRevision: nil)
    var ids = SeededIdentifierSource(seed: UInt64(ticket.number.rawValue))
    work.auditEntries.append(createdEntry(of: ticket, ids: &ids))
    work.auditEntries.append(
        AuditEntry(
            id: ids.next(), ticketID: ticket.id, field: .status, oldValue: "new", newValue: "inProgress",
            performer: .system, at: ticket.createdAt.addingTimeInterval(600)))
    guard ticket.number.rawValue % 5 == 0 else { return }
    work.comments.append(
        Comment(
            id: ids.next(), ticketID: ticket.id, author: .system,
            body: "On site: replaced the drum unit, test page printed fine.", visibility: .public,
            createdAt: ticket.createdAt.addingTimeInterval(3_600)))
}

/// Snapshots `store` while one writer commits one-ticket units back to back; returns how long the
/// snapshot took and the longest commit meanwhile, in seconds.
private func snapshotWhileCommitting(
    _ store: FileStore, tickets fixtures: TicketFixtures
) async throws -> (snapshot: Double, longestCommit: Double) {
    let extra = fixtures.tickets(count: 20_000, firstNumber: 5_000_000, seed: 12)
    let done = Mutex(false)
    async let longest: Double = {
        var longest = 0.0
        for ticket in extra where !done.withLock({ $0 }) {
            longest = max(longest, try await Measure.seconds { try await store.commit(unit(ticket)) })
        }
        return longest
    }()
    let seconds = try await Measure.seconds { try await store.snapshot() }
    done.withLock { $0 = true }
    return (seconds, try await longest)
}

/// A unit inserting `ticket`, as the engine's createTicket would (ticket + audit entry + event).
private func unit(_ ticket: Ticket) -> UnitOfWork {
    var work = UnitOfWork()
    work.save(ticket, expectedRevision: nil)
    var ids = SeededIdentifierSource(seed: UInt64(ticket.number.rawValue))
    work.auditEntries.append(createdEntry(of: ticket, ids: &ids))
    work.events.append(
        PendingEvent(
            id: ids.next(),
            event: .ticketCreated(
                ticket: ticket.id, number: ticket.number, channel: ticket.channel, priority: ticket.priority),
            performer: .system, audience: Audience(requester: ticket.requester), occurredAt: ticket.createdAt))
    return work
}

/// The `created` audit entry of `ticket`, as the engine writes it.
private func createdEntry(of ticket: Ticket, ids: inout SeededIdentifierSource) -> AuditEntry {
    AuditEntry(
        id: ids.next(), ticketID: ticket.id, field: .created, oldValue: nil, newValue: ticket.number.description,
        performer: .system, at: ticket.createdAt)
}
