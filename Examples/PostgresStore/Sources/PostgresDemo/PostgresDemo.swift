import Foundation
import HelpDeskKit
import Logging
import PostgresNIO
import PostgresStore

/// `postgres-demo`: a scripted working day on a ``PostgresStore``, in the style of `helpdesk-demo`.
///
/// Usage: `postgres-demo [--url postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE]`; without `--url`
/// the `HELPDESK_PG_*` variables name the database. The database must hold no desk yet (the
/// script seeds its own directory and numbers tickets from #1001). Exits with status 1 when a
/// command fails or the desk does not behave as the script expects, 2 on bad arguments.
@main
struct PostgresDemo {
    /// Parses the arguments, runs the day and exits with its status.
    static func main() async {
        let configuration: PostgresClient.Configuration
        do {
            configuration = try connection(from: Array(CommandLine.arguments.dropFirst()))
        } catch {
            FileHandle.standardError.write(Data("postgres-demo: \(error)\n".utf8))
            exit(2)
        }
        let client = PostgresClient(configuration: configuration)
        let failure: String? = await withTaskGroup(of: String?.self) { group in
            group.addTask {
                await client.run()
                return nil
            }
            defer { group.cancelAll() }
            do {
                var logger = Logger(label: "postgres-demo")
                logger.logLevel = .warning
                let store = try await PostgresStore.open(client: client, logger: logger)
                if let last = try await store.lastTicketNumber() {
                    return "the database already holds a desk (tickets up to \(last)); give an empty database"
                }
                var day = try await DemoDay.seeded(on: store)
                try await day.run()
                return nil
            } catch {
                return String(reflecting: error)
            }
        }
        if let failure {
            FileHandle.standardError.write(Data("postgres-demo: FAILED: \(failure)\n".utf8))
            exit(1)
        }
        print("\npostgres-demo: the day ran to the end on PostgreSQL.")
        exit(0)
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

/// Why the demo stopped: a command failed or the desk did not do what the script expects.
struct DemoFailure: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String

    /// A failure described by `description`.
    init(_ description: String) { self.description = description }
}
