import Foundation
import HelpDeskKit
import PostgresStore
import Testing

/// A child process running `PostgresStoreHost` on a database; its output goes to a file.
struct HostProcess {
    let process = Process()
    let output: URL

    /// The host executable, built next to the test bundle.
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["HELPDESK_PG_HOST_BINARY"] {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("PostgresStoreHost")
    }

    /// Starts the host with `arguments` on `settings`' database.
    init(_ arguments: [String], settings: PostgresSettings) throws {
        output = FileManager.default.temporaryDirectory.appendingPathComponent("host-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        process.executableURL = Self.executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HELPDESK_PG_HOST"] = settings.host
        environment["HELPDESK_PG_PORT"] = String(settings.port)
        environment["HELPDESK_PG_USER"] = settings.user
        environment["HELPDESK_PG_DATABASE"] = settings.database
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: output)
        try process.run()
    }

    /// Waits for the process to exit; returns its status and output lines.
    func finish(timeout: Duration = .seconds(300)) async throws -> (status: Int32, lines: [String]) {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while process.isRunning {
            if clock.now > deadline {
                process.terminate()
                Issue.record("host \(process.arguments ?? []) timed out")
                break
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        process.waitUntilExit()
        let text = try String(contentsOf: output, encoding: .utf8)
        try? FileManager.default.removeItem(at: output)
        return (process.terminationStatus, text.split(separator: "\n").map(String.init))
    }
}

@Suite(
    "Two engine hosts and an outbox drainer on one PostgreSQL database",
    .enabled(if: ScratchDatabase.server != nil))
struct MultiProcessTests {
    @Test func concurrentHostsLoseNoUpdateTakeNoNumberTwiceAndDeliverEveryEventOnceInOrder() async throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: HostProcess.executable.path),
            "build the PostgresStoreHost product first (swift build --build-tests builds it)")
        let perHost = 60
        try await ScratchDatabase.withDatabase { settings, store in
            let desk = HelpDesk(
                store: store, clock: .system, identifiers: SystemIdentifierSource(), random: SystemRandomSource())
            let shared = try await desk.createTicket(
                NewTicket(title: "Shared", channel: .phone, requester: .freeText("Setup")), by: .system)
            let marker = FileManager.default.temporaryDirectory.appendingPathComponent("drain-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: marker) }
            let drainer = try HostProcess(["drain", marker.path], settings: settings)
            let hosts = try ["A", "B"].map { role in
                try HostProcess(["commands", role, shared.id.description, String(perHost)], settings: settings)
            }
            var outcomes: [String] = []
            for host in hosts {
                let (status, lines) = try await host.finish()
                #expect(status == 0)
                outcomes += lines
            }
            _ = FileManager.default.createFile(atPath: marker.path, contents: Data())
            let (drainStatus, delivered) = try await drainer.finish()

            // Every command succeeded; no number was handed out twice.
            #expect(outcomes.filter { $0.hasPrefix("failed") } == [])
            #expect(outcomes.filter { $0 == "edited" }.count == 2 * perHost)
            #expect(outcomes.filter { $0 == "commented" }.count == 2 * perHost)
            let numbers = outcomes.compactMap { $0.hasPrefix("created ") ? Int($0.dropFirst(8)) : nil }
            #expect(numbers.count == 2 * perHost)
            #expect(Set(numbers).count == numbers.count, "no duplicate number among the hosts")
            let stored = try await store.allTickets().map(\.number.rawValue)
            #expect(stored.count == 1 + 2 * perHost)
            #expect(Set(stored).count == stored.count, "no duplicate number in the database")
            #expect(stored.sorted() == Array(1...(1 + 2 * perHost)), "numbers without gaps")

            // No lost update: each title edit's old value is the previous edit's new value, and
            // every comment is there once.
            let final = try #require(try await store.ticket(shared.id))
            let comments = try await store.comments(on: shared.id).map(\.body)
            #expect(comments.count == 2 * perHost && Set(comments).count == comments.count)
            let titles = try await store.auditTrail(of: shared.id).filter { $0.field == .title }
            #expect(titles.count == 2 * perHost)
            var previous: String? = "Shared"
            for entry in titles {
                #expect(entry.oldValue == previous, "an edit overwrote one it did not see")
                previous = entry.newValue
            }
            #expect(previous == final.title)

            // The drainer saw every event once, in sequence order, without a gap.
            #expect(drainStatus == 0, "drainer: \(delivered.last ?? "")")
            let last = try await store.lastEventSequence()
            let sequences = delivered.compactMap { UInt64($0.split(separator: " ").first ?? "") }
            #expect(sequences == Array(1...last))
            let eventIDs = delivered.compactMap { $0.split(separator: " ").last.map(String.init) }
            #expect(Set(eventIDs).count == eventIDs.count, "every event once")
            #expect(delivered.filter { $0.contains(" created ") }.count == 1 + 2 * perHost)
            #expect(delivered.filter { $0.contains(" updated \(shared.id)") }.count == 2 * perHost)
            #expect(try await store.undeliveredEvents(limit: 10).isEmpty)
        }
    }
}
