import Foundation
import HelpDeskFileStore
import ScriptedDemo

/// Entry point of `helpdesk-demo`: plays a scripted working day on an in-memory desk and prints it.
///
/// The script lives in the `ScriptedDemo` library; this executable parses the command line and
/// opens the file store for `--data`.
@main
struct DemoHost {
    /// How the transcript names a desk kept in a data directory.
    static let fileStoreDescription = "file-store desk"

    /// Prints the demo's output. Exit status 2 for a wrong command line (one line with the usage),
    /// 1 when the engine rejects a scripted command or a directory cannot be used.
    static func main() async {
        let mode: DemoMode
        do {
            mode = try DemoOptions.parse(Array(CommandLine.arguments.dropFirst()))
        } catch {
            FileHandle.standardError.write(Data("helpdesk-demo: \(error)\n\(DemoOptions.usageLine)\n".utf8))
            exit(2)
        }
        do {
            switch mode {
            case .help:
                print(DemoOptions.usage)
            case .day:
                print(try await ScriptedDemo.inMemoryDay(), terminator: "")
            case .durableDay(let path):
                let directory = try DemoDirectory.prepare(path, for: "data directory")
                print(try await run(dataDirectory: directory), terminator: "")
            case .month(let path):
                let directory = try path.map { path throws(DemoFailure) in
                    try DemoDirectory.prepare(path, for: "report directory")
                }
                print(try await ScriptedDemo.month(reportDirectory: directory), terminator: "")
            }
        } catch {
            FileHandle.standardError.write(Data("helpdesk-demo: \(error)\n".utf8))
            exit(1)
        }
    }

    /// What opening the store had to repair, for the person running the demo; empty when it
    /// cut nothing and rebuilt nothing.
    static func recoveryNote(_ report: RecoveryReport) -> String {
        guard report.truncatedTail != nil || report.rebuiltLock else { return "" }
        return (["The store was repaired when it was opened:"] + report.lines.map { "  " + $0 })
            .joined(separator: "\n") + "\n\n"
    }

    /// Runs the demo on a durable desk in `directory`: the first run plays the scripted day, each
    /// later run reopens the same desk and plays the next day.
    static func run(dataDirectory directory: URL) async throws -> String {
        let store = try await FileStore.open(at: directory)
        var text = recoveryNote(store.recovery)
        if try await store.employees().isEmpty {
            text += try await ScriptedDemo.day(on: store, storeDescription: fileStoreDescription)
            text += "\n  The desk is saved in \(directory.path); run again with --data to continue it.\n"
        } else {
            text += try await ScriptedDemo.nextDay(on: store, location: directory.path)
        }
        await store.close()
        return text
    }
}
