import Foundation
import HelpDeskKit

/// Why a file store could not be opened or had to stop: thrown by ``FileStore/open(at:options:)``
/// and carried, as text, inside the ``StorageError`` of later calls.
public enum FileStoreError: Error, Hashable, Sendable, CustomStringConvertible {
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

    public var description: String {
        switch self {
        case .locked(let path):
            "the store at \(path) is already open (its LOCK file is held by another handle or process)"
        case .unsupportedVersion(let file, let version, let supported):
            "\(file) has format version \(version); this build reads versions up to \(supported)"
        case .notAStore(let file): "\(file) is not a HelpDesk file-store file (bad magic number)"
        case .corrupted(let file, let offset, let reason): "\(file) is corrupted at offset \(offset): \(reason)"
        case .io(let operation, let path, let code):
            "\(operation) \(path) failed: \(String(cString: strerror(code))) (errno \(code))"
        }
    }

    /// The same failure as a ``StorageError`` of the matching kind, with this error as its cause.
    public var storageError: StorageError {
        switch self {
        case .locked: StorageError(.unavailable, description, cause: self)
        case .unsupportedVersion, .notAStore, .corrupted: StorageError(.corrupted, description, cause: self)
        case .io: StorageError(.ioFailure, description, cause: self)
        }
    }
}
