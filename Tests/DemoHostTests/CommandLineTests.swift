import Foundation
import Testing

@testable import DemoHost
@testable import HelpDeskFileStore

/// `helpdesk-demo`'s command line: what each argument list means, and what the binary does with
/// the wrong ones.
@Suite("helpdesk-demo command line")
struct CommandLineTests {
    @Test(arguments: [
        ([], DemoMode.day),
        (["--help"], .help),
        (["-h"], .help),
        (["--month", "--help"], .help),
        (["--data", "desk"], .durableDay(directory: "desk")),
        (["--month"], .month(reportDirectory: nil)),
        (["--month", "--report-dir", "out"], .month(reportDirectory: "out")),
        (["--report-dir", "out", "--month"], .month(reportDirectory: "out")),
    ])
    func validCommandLines(arguments: [String], mode: DemoMode) throws {
        #expect(try DemoOptions.parse(arguments) == mode)
    }

    @Test(arguments: [
        (["--verbose"], "unknown option --verbose"),
        (["extra"], "unexpected argument extra"),
        (["--month", "now"], "unexpected argument now"),
        (["--data"], "--data needs a directory"),
        (["--data", ""], "--data needs a directory, not \"\""),
        (["--data", "--month"], "--data needs a directory"),
        (["--data", "a", "--data", "b"], "--data is given twice"),
        (["--month", "--month"], "--month is given twice"),
        (["--month", "--report-dir", "a", "--report-dir", "b"], "--report-dir is given twice"),
        (["--data", "x", "--month"], "--data and --month cannot be combined"),
        (["--report-dir", "x"], "--report-dir needs --month"),
        (["--data", "x", "--report-dir", "y"], "--data and --report-dir cannot be combined"),
    ])
    func wrongCommandLines(arguments: [String], message: String) {
        #expect(throws: UsageError(message: message)) { try DemoOptions.parse(arguments) }
    }

    /// Runs the built binary with `arguments` and returns its exit status, standard output and error.
    static func run(_ arguments: [String]) throws -> (status: Int32, out: String, error: String) {
        let binary = try #require(DemoHostTests.locateBinary(), "helpdesk-demo was not found")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        let out = Pipe()
        let error = Pipe()
        process.standardOutput = out
        process.standardError = error
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errorData, as: UTF8.self)
        )
    }

    @Test func helpPrintsUsageAndSucceeds() throws {
        let result = try Self.run(["--help"])
        #expect(result.status == 0 && result.error.isEmpty)
        #expect(result.out == DemoOptions.usage + "\n")
    }

    @Test(arguments: [
        ["--bogus"], ["--data", "a", "--data", "b"], ["--data", "x", "--month"], ["--data", ""], ["x"],
    ])
    func wrongCommandLineExitsTwoWithOneLineAndTheUsage(arguments: [String]) throws {
        let result = try Self.run(arguments)
        #expect(result.status == 2 && result.out.isEmpty)
        let lines = result.error.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].hasPrefix("helpdesk-demo: ") && lines[1] == DemoOptions.usageLine[...])
    }

    @Test func aFileWhereADirectoryIsExpectedIsOneSentence() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-demo-\(UUID().uuidString)")
        try Data("not a directory".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        for arguments in [["--data", file.path], ["--month", "--report-dir", file.path]] {
            let result = try Self.run(arguments)
            #expect(result.status == 1 && result.out.isEmpty)
            #expect(result.error.hasSuffix("it is a file, not a directory\n"))
            #expect(result.error.split(separator: "\n").count == 1)
        }
        let below = try Self.run(["--data", file.appendingPathComponent("desk").path])
        #expect(below.status == 1)
        #expect(below.error.contains("Not a directory") && !below.error.contains("NSCocoaErrorDomain"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "not a directory", "nothing was written")
    }
}

/// The demo says what opening its store repaired, and nothing when it repaired nothing.
@Suite("helpdesk-demo recovery note")
struct RecoveryNoteTests {
    @Test func aCutTailIsPrintedAndACleanOpenIsNot() {
        var report = RecoveryReport()
        report.lastSequence = 41
        report.replayedRecords = 41
        #expect(DemoHost.recoveryNote(report).isEmpty)
        report.removedObsoleteFiles = ["journal-0000000000000001.log"]
        #expect(DemoHost.recoveryNote(report).isEmpty, "routine housekeeping is not news")
        report.truncatedTail = RecoveryReport.TruncatedTail(
            file: "journal-0000000000000002.log", offset: 4_096, discardedBytes: 300, reason: "record checksum mismatch"
        )
        let note = DemoHost.recoveryNote(report)
        #expect(note.hasPrefix("The store was repaired when it was opened:"))
        #expect(note.contains("Cut 300 bytes from journal-0000000000000002.log at offset 4096"))
        #expect(note.contains("record 41 is the last one kept"))
    }
}
