import Foundation
import HelpDeskKit

/// Why a file store could not be opened or had to stop: thrown by ``FileStore/open(at:options:)``
/// and kept as the `cause` of the ``StorageError`` of later calls.
///
/// Shaped like ``HelpDeskError``: switch on the stable ``code``, show ``message``, and read the
/// precise ``reason`` (file, offset, errno) when a host needs more.
public struct FileStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The precise reason; every other property is derived from it.
    public let reason: Reason

    /// Wraps `reason`.
    public init(_ reason: Reason) {
        self.reason = reason
    }

    /// The precise reason, with the file and position or the operating system's error number.
    public enum Reason: Hashable, Sendable {
        /// Another handle (in this or another process) holds the store's lock file.
        case locked(path: String)
        /// A file was written by a newer or unknown format version.
        case unsupportedVersion(file: String, version: UInt32, supported: UInt32)
        /// A file is not part of a store (wrong magic number).
        case notAStore(file: String)
        /// Stored data failed an integrity check at `offset` of `file`; the store refuses to open.
        case corrupted(file: String, offset: Int, reason: String)
        /// The operating system reported an error.
        case io(operation: String, path: String, errno: Int32)
    }

    /// A stable, extensible error code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// Another handle holds the store.
        public static let locked = Code("locked")
        /// A file's format is newer or unknown.
        public static let unsupportedVersion = Code("unsupportedVersion")
        /// A file is not a store file.
        public static let notAStore = Code("notAStore")
        /// Stored data is damaged.
        public static let corrupted = Code("corrupted")
        /// The operating system failed a call.
        public static let io = Code("io")

        public var description: String { name }
    }

    /// The broad kind of failure.
    public var code: Code {
        switch reason {
        case .locked: .locked
        case .unsupportedVersion: .unsupportedVersion
        case .notAStore: .notAStore
        case .corrupted: .corrupted
        case .io: .io
        }
    }

    /// The operating system's error number, for I/O failures.
    public var errno: Int32? {
        if case .io(_, _, let code) = reason { code } else { nil }
    }

    /// A one-line English explanation; I/O failures carry the system's text (`strerror`) beside errno.
    public var message: String {
        switch reason {
        case .locked(let path):
            "the store at \(path) is already open (its LOCK file is held by another handle or process)"
        case .unsupportedVersion(let file, let version, let supported):
            "\(file) has format version \(version); this build reads versions up to \(supported)"
        case .notAStore(let file): "\(file) is not a HelpDesk file-store file (bad magic number)"
        case .corrupted(let file, let offset, let reason):
            "\(file) is corrupted at offset \(offset): \(reason)" + Self.repairHint(file: file, offset: offset)
        case .io(let operation, let path, let code):
            "\(operation) \(path) failed: \(String(cString: strerror(code))) (errno \(code))"
        }
    }

    public var description: String { message }

    /// How a person gets a corrupted store open again, and what it costs.
    private static func repairHint(file: String, offset: Int) -> String {
        if FileFormat.sequence(inName: file, kind: .journal) != nil {
            return ". To open the store without the records from there on (they are lost), close every handle, copy "
                + "the directory, then call FileStore.discardJournal(in: directory, from: \"\(file)\", at: \(offset))"
        }
        if FileFormat.sequence(inName: file, kind: .snapshot) != nil {
            return ". A snapshot cannot be repaired: restore the directory from a backup"
        }
        return ""
    }

    /// The same failure as a ``StorageError`` of the matching kind, with this error as its cause.
    public var storageError: StorageError {
        switch reason {
        case .locked: StorageError(.unavailable, message, cause: self)
        case .unsupportedVersion, .notAStore, .corrupted: StorageError(.corrupted, message, cause: self)
        case .io: StorageError(.ioFailure, message, cause: self)
        }
    }
}

// Factories, so the store writes `throw .corrupted(file:offset:reason:)` as before.
extension FileStoreError {
    /// Another handle holds the store's lock file.
    public static func locked(path: String) -> FileStoreError { FileStoreError(.locked(path: path)) }
    /// A file was written by a newer or unknown format version.
    public static func unsupportedVersion(file: String, version: UInt32, supported: UInt32) -> FileStoreError {
        FileStoreError(.unsupportedVersion(file: file, version: version, supported: supported))
    }
    /// A file is not part of a store.
    public static func notAStore(file: String) -> FileStoreError { FileStoreError(.notAStore(file: file)) }
    /// Stored data failed an integrity check.
    public static func corrupted(file: String, offset: Int, reason: String) -> FileStoreError {
        FileStoreError(.corrupted(file: file, offset: offset, reason: reason))
    }
    /// The operating system reported an error.
    public static func io(operation: String, path: String, errno: Int32) -> FileStoreError {
        FileStoreError(.io(operation: operation, path: path, errno: errno))
    }
}
