import Foundation
import HelpDeskKit
import Testing

@testable import HelpDeskFileStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Crash safety")
struct CrashTests {
    /// `helpdesk-crash-writer`, built next to the test bundle (the test target depends on it).
    private func crashWriter() throws -> URL {
        var candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        for bundle in Bundle.allBundles { candidates.append(bundle.bundleURL.deletingLastPathComponent()) }
        for folder in candidates {
            let binary = folder.appendingPathComponent("helpdesk-crash-writer")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "helpdesk-crash-writer near \(candidates)"])
    }

    /// Kills the writer with SIGKILL at random moments (during open, recovery, commits, snapshots
    /// and segment rotation) and checks, after each kill, that every acknowledged number is
    /// stored and that the store is consistent: tickets 1…n, each with its audit entry and event.
    @Test func acknowledgedCommitsSurviveSIGKILL() async throws {
        let binary = try crashWriter()
        let directory = freshDirectory("crash")
        defer { removeDirectory(directory) }
        var random = SplitMix64(seed: 2026)
        var acknowledged = 0
        var truncations = 0
        var unfinishedSnapshots = 0
        var segmentsAfterOpen = 1
        var unfinishedDeletions = 0
        let rounds = 200
        for round in 0..<rounds {
            let process = Process()
            process.executableURL = binary
            process.arguments = [directory.path, String(4_096 + Int(random.next() % 16_384))]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Mostly after start-up (about 40 ms for a debug build), sometimes during open and recovery.
            let delay = round % 8 == 0 ? random.next() % 30_000 : 30_000 + random.next() % 90_000
            usleep(useconds_t(delay))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            // Only complete lines were acknowledged.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            if let last = lines.last.flatMap({ Int($0) }) { acknowledged = max(acknowledged, last) }

            // A snapshot was being written: a segment newer than the last open's is there (or a
            // temporary file), while its snapshot is not.
            let segmentsAtKill = try segmentCount(in: directory)
            let temporaryFileLeft = try hasTemporaryFile(in: directory)
            if segmentsAtKill > segmentsAfterOpen || temporaryFileLeft { unfinishedSnapshots += 1 }
            let store = try await FileStore.open(at: directory)
            if store.recovery.truncatedTail != nil { truncations += 1 }
            if !store.recovery.removedObsoleteFiles.isEmpty { unfinishedDeletions += 1 }
            let stored = try await store.lastTicketNumber()?.rawValue ?? 0
            #expect(stored >= acknowledged, "round \(round): acknowledged \(acknowledged), stored \(stored)")
            let page = try await store.tickets(matching: TicketQuery(limit: 1), workflow: .standard)
            #expect(page.totalCount == stored, "round \(round): tickets are not 1…\(stored)")
            #expect(try await store.lastEventSequence() == UInt64(stored))
            if stored > 0, let ticket = try await store.ticket(number: TicketNumber(stored)) {
                #expect(ticket.title == "Crash record \(stored)")
                #expect(try await store.auditTrail(of: ticket.id).count == 1)
            } else if stored > 0 {
                Issue.record("round \(round): ticket \(stored) missing")
            }
            acknowledged = max(acknowledged, stored)
            await store.close()
            segmentsAfterOpen = try segmentCount(in: directory)
        }
        // Every acknowledged number is present, in full, once more at the end.
        let store = try await FileStore.open(at: directory)
        for number in stride(from: 1, through: acknowledged, by: max(1, acknowledged / 500)) {
            #expect(try await store.ticket(number: TicketNumber(number))?.title == "Crash record \(number)")
        }
        await store.close()
        #expect(acknowledged > rounds, "the writer committed too little to be a meaningful test")
        print(
            "crash test: \(rounds) kills, \(acknowledged) acknowledged commits, \(truncations) torn tails repaired, "
                + "\(unfinishedSnapshots) reopens with a snapshot unfinished, "
                + "\(unfinishedDeletions) with obsolete files left to delete")
    }

    /// Journal segments in `directory`.
    private func segmentCount(in directory: URL) throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("journal-") }.count
    }

    /// Whether `directory` holds a file under a temporary name (a snapshot or segment cut off).
    private func hasTemporaryFile(in directory: URL) throws -> Bool {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).contains { $0.hasSuffix(".tmp") }
    }
}
