import HelpDeskKit
import NIOCore
import PostgresNIO

/// Turns PostgreSQL and PostgresNIO errors into the engine's ``StorageError`` kinds.
enum StorageErrors {
    /// SQLSTATEs that mean another writer won: the engine retries the command from fresh reads.
    static let conflictStates: Set<String> = [
        "23505",  // unique_violation: a taken id, number, token, key, email
        "23503",  // foreign_key_violation: a comment, entry or rating naming a missing record
        "40001",  // serialization_failure
        "40P01",  // deadlock_detected
    ]

    /// SQLSTATE classes that mean the server cannot be used now.
    static let unavailableClasses: Set<Substring> = [
        "08",  // connection exception
        "53",  // insufficient resources (too many connections, disk full)
        "57",  // operator intervention (shutdown, cancel)
    ]

    /// The ``StorageError`` for `error`: conflicts for races, `.unavailable` for connections,
    /// `.other` for anything else (a ``StorageError`` passes through).
    static func map(_ error: any Error) -> StorageError {
        switch error {
        case let error as StorageError:
            return error
        case let error as PostgresTransactionError:
            if let inner = error.closureError ?? error.commitError ?? error.beginError {
                return map(inner)
            }
            return StorageError(.other, "transaction failed: \(String(reflecting: error))")
        case let error as PSQLError:
            return map(error)
        case is IOError, is ChannelError:
            return StorageError(.unavailable, String(reflecting: error))
        default:
            // The pool reports a closed client with `ConnectionPoolError`, from an underscored
            // (unstable) module of PostgresNIO: recognized by name rather than imported.
            if String(reflecting: type(of: error)).hasSuffix("ConnectionPoolError") {
                return StorageError(.unavailable, String(reflecting: error))
            }
            return StorageError(.other, String(reflecting: error))
        }
    }

    private static func map(_ error: PSQLError) -> StorageError {
        let details = String(reflecting: error)
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            let message = error.serverInfo?[.message] ?? details
            if conflictStates.contains(state) { return StorageError(.conflict, message) }
            if unavailableClasses.contains(state.prefix(2)) { return StorageError(.unavailable, message) }
            return StorageError(.other, "\(state): \(message)")
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .poolClosed, .uncleanShutdown,
            .sslUnsupported, .failedToAddSSLHandler:
            return StorageError(.unavailable, details)
        default:
            return StorageError(.other, details)
        }
    }
}
