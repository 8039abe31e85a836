import Foundation
import HelpDeskKit
import Logging
import PostgresNIO
import PostgresStore
import ScriptedDemo

/// `postgres-demo`: `helpdesk-demo`'s scripted working day, played on a ``PostgresStore``.
///
/// Usage: `postgres-demo [--url postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE]`; without `--url`
/// the `HELPDESK_PG_*` variables name the database. The schema is migrated first; the database must
/// hold no desk yet (the script seeds its own directory and numbers tickets from #1001). Prints the
/// same transcript as `helpdesk-demo`, but for the name of the store. Exits with status 1 when a
/// command fails, 2 on bad arguments.
@main
struct PostgresDemo {
    /// How the transcript names a desk kept in PostgreSQL.
    static let storeDescription = "PostgreSQL desk"

    /// Parses the arguments, plays the day, prints its transcript and exits with its status.
    static func main() async {
        let configuration: PostgresClient.Configuration
        do {
            configuration = try connection(from: Array(CommandLine.arguments.dropFirst()))
        } catch {
            FileHandle.standardError.write(Data("postgres-demo: \(error)\n".utf8))
            exit(2)
        }
        let client = PostgresClient(configuration: configuration)
        let outcome: Result<String, DemoFailure> = await withTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            do {
                return .success(try await playDay(client: client))
            } catch let failure as DemoFailure {
                return .failure(failure)
            } catch {
                // PostgresNIO hides the server's message from `description`.
                return .failure(DemoFailure(String(reflecting: error)))
            }
        }
        switch outcome {
        case .success(let transcript):
            print(transcript, terminator: "")
            print("\npostgres-demo: the day ran to the end on PostgreSQL.")
            exit(0)
        case .failure(let failure):
            FileHandle.standardError.write(Data("postgres-demo: FAILED: \(failure)\n".utf8))
            exit(1)
        }
    }

    /// Opens (and migrates) the store over `client`, checks it holds no desk, and plays the day.
    static func playDay(client: PostgresClient) async throws -> String {
        var logger = Logger(label: "postgres-demo")
        logger.logLevel = .warning
        let store = try await PostgresStore.open(client: client, logger: logger)
        if let last = try await store.lastTicketNumber() {
            throw DemoFailure("the database already holds a desk (tickets up to \(last)); give an empty database")
        }
        guard try await store.employees().isEmpty else {
            throw DemoFailure("the database already holds a desk's employees; give an empty database")
        }
        return try await ScriptedDemo.day(on: store, storeDescription: storeDescription)
    }

    /// The client configuration `--url` or the `HELPDESK_PG_*` variables describe.
    static func connection(from arguments: [String]) throws(DemoFailure) -> PostgresClient.Configuration {
        switch arguments.count {
        case 0:
            guard let settings = PostgresSettings.fromEnvironment() else {
                throw DemoFailure("give --url postgres://user@host:port/db or set HELPDESK_PG_PORT and HELPDESK_PG_DATABASE")
            }
            return settings.clientConfiguration
        case 2 where arguments[0] == "--url":
            return try parse(url: arguments[1])
        default:
            throw DemoFailure("usage: postgres-demo [--url postgres://user[:password]@host[:port]/database]")
        }
    }

    /// `postgres://user[:password]@host[:port]/database` (or `postgresql://`) as a configuration, no TLS.
    static func parse(url text: String) throws(DemoFailure) -> PostgresClient.Configuration {
        guard let url = URLComponents(string: text), url.scheme == "postgres" || url.scheme == "postgresql",
            let host = url.host, !host.isEmpty
        else { throw DemoFailure("not a postgres:// URL: \(text)") }
        let database = String(url.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else { throw DemoFailure("the URL names no database: \(text)") }
        return PostgresClient.Configuration(
            host: host, port: url.port ?? 5432, username: url.user ?? "postgres", password: url.password,
            database: database, tls: .disable)
    }
}

/// Why the demo stopped: bad arguments, or a database that cannot hold the scripted day.
struct DemoFailure: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String

    /// A failure described by `description`.
    init(_ description: String) { self.description = description }
}
