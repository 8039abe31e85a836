import Foundation
import PostgresNIO

/// Where the adapter's database is: host, port, user, database (no password: local trust or a
/// `.pgpass` file), read from `HELPDESK_PG_HOST`, `HELPDESK_PG_PORT`, `HELPDESK_PG_USER` and
/// `HELPDESK_PG_DATABASE` by ``fromEnvironment(_:)``.
public struct PostgresSettings: Sendable, Hashable {
    /// The server's host name or address.
    public var host: String
    /// The server's TCP port.
    public var port: Int
    /// The role to connect as.
    public var user: String
    /// The database holding the desk.
    public var database: String

    /// Describes a server and database.
    public init(host: String = "127.0.0.1", port: Int = 5432, user: String = "postgres", database: String) {
        self.host = host
        self.port = port
        self.user = user
        self.database = database
    }

    /// The settings in `environment`, or `nil` when `HELPDESK_PG_PORT` is missing or not a port.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> PostgresSettings?
    {
        guard let port = environment["HELPDESK_PG_PORT"].flatMap(Int.init), (1...65_535).contains(port) else {
            return nil
        }
        return PostgresSettings(
            host: environment["HELPDESK_PG_HOST"] ?? "127.0.0.1", port: port,
            user: environment["HELPDESK_PG_USER"] ?? "postgres",
            database: environment["HELPDESK_PG_DATABASE"] ?? "helpdesk")
    }

    /// The same server, another database.
    public func database(_ name: String) -> PostgresSettings {
        var copy = self
        copy.database = name
        return copy
    }

    /// A PostgresNIO client configuration for these settings, without TLS (a local server).
    public var clientConfiguration: PostgresClient.Configuration {
        PostgresClient.Configuration(
            host: host, port: port, username: user, password: nil, database: database, tls: .disable)
    }
}
