import Foundation

/// Runs a peer written in Python (`Benchmarks/<path>`) on files the benchmark wrote, in the same
/// run as our figures, and decodes the JSON it prints.
enum PythonPeer {
    /// Why a peer's figures are missing (no `python3`, a missing module, a failing script).
    struct Skipped: Error {
        var message: String
    }

    /// A temporary folder named after `name` and this process, created empty, removed by `body`'s caller.
    static func folder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(getpid())")
    }

    /// Runs `python3 Benchmarks/<script> <arguments…>` and decodes its standard output as `Figures`.
    static func run<Figures: Decodable>(_ script: String, _ arguments: [String], as _: Figures.Type)
        -> Result<Figures, Skipped>
    {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(script)
        do {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", path.path] + arguments
            let output = Pipe()
            let errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            let problem = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                let text = String(decoding: problem, as: UTF8.self).split(separator: "\n").last ?? ""
                return .failure(Skipped(message: "python3 exited \(process.terminationStatus): \(text)"))
            }
            return .success(try JSONDecoder().decode(Figures.self, from: data))
        } catch {
            return .failure(Skipped(message: "\(error)"))
        }
    }
}
