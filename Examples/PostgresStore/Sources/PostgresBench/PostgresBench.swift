import Foundation
import Logging
import PostgresStore

/// `postgres-bench`: the PostgreSQL adapter's figures as one JSON array, like `helpdesk-bench`.
///
/// Run against the server `HELPDESK_PG_*` names (see `.ci/postgres.sh`):
/// `postgres-bench [commit] [dataset] [--quick]` (both groups when none is named). Every
/// measurement creates its own database (`bench_*`) on that server and drops it afterwards.
@main
struct PostgresBench {
    /// Runs the requested groups and prints the results; exits with status 2 without a server.
    static func main() async throws {
        let arguments = Set(CommandLine.arguments.dropFirst())
        let quick = arguments.contains("--quick")
        let groups = arguments.subtracting(["--quick"])
        guard let settings = PostgresSettings.fromEnvironment() else {
            FileHandle.standardError.write(Data("set HELPDESK_PG_PORT (see .ci/postgres.sh)\n".utf8))
            exit(2)
        }
        var logger = Logger(label: "postgres-bench")
        logger.logLevel = .warning
        let database = BenchDatabase(server: settings, logger: logger)
        let server = try await database.describeServer()
        var results: [BenchmarkResult] = []
        if groups.isEmpty || groups.contains("commit") {
            results += try await commitBenchmarks(on: database, quick: quick, server: server)
        }
        if groups.isEmpty || groups.contains("dataset") {
            results += try await datasetBenchmarks(on: database, quick: quick)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        print(String(decoding: try encoder.encode(results), as: UTF8.self))
    }
}
