import HelpDeskKit

/// One named check of the repository contract, run against a fresh, empty store.
public struct ContractCheck: Sendable, CustomStringConvertible {
    /// What the check verifies.
    public let name: String
    private let body: @Sendable (any HelpDeskStore) async throws -> Void

    /// Creates a check.
    public init(_ name: String, _ body: @escaping @Sendable (any HelpDeskStore) async throws -> Void) {
        self.name = name
        self.body = body
    }

    /// Runs the check on `store`, which must be empty; throws ``ContractViolation`` on failure.
    public func run(on store: any HelpDeskStore) async throws {
        try await body(store)
    }

    public var description: String { name }
}

/// A failed contract expectation, naming what was expected and where.
public struct ContractViolation: Error, CustomStringConvertible {
    /// What went wrong.
    public let message: String
    /// Source location of the expectation.
    public let location: String

    public var description: String { "\(location): \(message)" }
}

/// Throws a ``ContractViolation`` unless `condition` holds.
public func require(
    _ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line
) throws {
    if !condition { throw ContractViolation(message: message(), location: "\(file):\(line)") }
}

/// Throws a ``ContractViolation`` unless `actual == expected`.
public func requireEqual<Value: Equatable>(
    _ actual: Value, _ expected: Value, _ what: @autoclosure () -> String = "value",
    file: StaticString = #fileID, line: UInt = #line
) throws {
    if actual != expected {
        throw ContractViolation(
            message: "\(what()): expected \(expected), got \(actual)", location: "\(file):\(line)")
    }
}

/// Runs `operation` and throws a ``ContractViolation`` unless it fails with a ``StorageError`` of `kind`.
public func requireStorageError(
    _ kind: StorageError.Kind, file: StaticString = #fileID, line: UInt = #line,
    _ operation: () async throws -> Void
) async throws {
    do {
        try await operation()
    } catch let error as StorageError {
        try require(error.kind == kind, "expected a \(kind) error, got \(error)", file: file, line: line)
        return
    }
    throw ContractViolation(
        message: "expected a \(kind) error, but the operation succeeded", location: "\(file):\(line)")
}

/// The store's implementation of a capability's repository, or a ``ContractViolation`` when the
/// adapter does not offer it (every adapter that runs the whole suite offers every feature).
public func requireFeature<Feature>(
    _ feature: Feature.Type, of store: any HelpDeskStore, file: StaticString = #fileID, line: UInt = #line
) throws -> Feature {
    guard let found = try store.feature(feature) else {
        throw ContractViolation(message: "the store does not offer \(feature)", location: "\(file):\(line)")
    }
    return found
}
