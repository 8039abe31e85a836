import Foundation
import HelpDeskKit
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A durable ``BlobStore`` in a directory: each blob is one file `ab/cdef…` (the digest's first
/// two hex digits name a fan-out directory, the other 62 the file).
///
/// A put writes a temporary file in the blob's fan-out directory, syncs it, renames it into place
/// and syncs the directory, so a reader never sees a partial blob and a crash leaves at most a
/// temporary file, which opening removes. A read hashes the file and throws `.corrupted` when it
/// does not match its name. One process at a time may open a directory (``FileStore`` holds its
/// lock for the `blobs` directory beside its journal).
public final class FileBlobStore: BlobStore {
    /// The directory holding the fan-out directories.
    public let directory: URL
    /// The directory's path.
    let path: String
    /// Names the temporary files of concurrent puts apart.
    private let temporaryCounter = Atomic<UInt64>(0)
    /// Where blocking file calls run, off the cooperative thread pool.
    private let io = DispatchQueue(label: "HelpDeskFileStore.blobs", attributes: .concurrent)

    /// Suffix of a blob being written.
    static let temporarySuffix = ".tmp"

    /// Opens the blob directory (created by the first put), removing temporary files a crash left.
    public init(directory: URL) throws(FileStoreError) {
        self.directory = directory.standardizedFileURL
        self.path = self.directory.path
        try removeTemporaryFiles()
    }

    public func put(_ bytes: [UInt8]) async throws -> BlobDigest {
        let digest = SHA256.hash(bytes)
        try await blocking { () throws(FileStoreError) in try self.write(bytes, as: digest) }
        return digest
    }

    public func bytes(_ digest: BlobDigest) async throws -> [UInt8]? {
        let bytes = try await blocking { () throws(FileStoreError) -> [UInt8]? in
            do throws(FileStoreError) {
                return try FileIO.readAll(self.file(digest))
            } catch  where error.errno == ENOENT {
                return nil
            }
        }
        guard let bytes else { return nil }
        guard SHA256.hash(bytes) == digest else {
            throw StorageError.corruptedBlob(digest, "the file \(file(digest)) hashes differently")
        }
        return bytes
    }

    public func contains(_ digest: BlobDigest) async throws -> Bool {
        try await byteCount(digest) != nil
    }

    public func byteCount(_ digest: BlobDigest) async throws -> Int64? {
        let path = file(digest)
        return try await blocking { () throws(FileStoreError) -> Int64? in
            var info = stat()
            if stat(path, &info) == 0 { return Int64(info.st_size) }
            if errno == ENOENT { return nil }
            throw FileIO.fail("stat", path)
        }
    }

    // MARK: Files

    /// The fan-out directory of `digest`.
    func fanOut(_ digest: BlobDigest) -> String {
        path + "/" + digest.description.prefix(2)
    }

    /// The file of `digest`.
    func file(_ digest: BlobDigest) -> String {
        fanOut(digest) + "/" + digest.description.dropFirst(2)
    }

    /// Writes the blob durably unless its file exists: temporary file, sync, rename, directory sync.
    private func write(_ bytes: [UInt8], as digest: BlobDigest) throws(FileStoreError) {
        let target = file(digest)
        if access(target, F_OK) == 0 { return }
        let folder = fanOut(digest)
        try FileIO.makeDirectory(folder)
        let number = temporaryCounter.add(1, ordering: .relaxed).newValue
        let temporary = "\(target).\(getpid())-\(number)\(Self.temporarySuffix)"
        let fd = try FileIO.open(temporary, O_WRONLY | O_CREAT | O_EXCL)
        do {
            try withBytes(bytes) { buffer throws(FileStoreError) in try FileIO.write(fd, buffer, at: 0, path: temporary)
            }
            try FileIO.syncFile(fd, path: temporary)
        } catch {
            FileIO.close(fd)
            try? FileIO.remove(temporary)
            throw error
        }
        FileIO.close(fd)
        do {
            try FileIO.rename(temporary, target)
        } catch {
            try? FileIO.remove(temporary)
            throw error
        }
        try FileIO.syncDirectory(folder)
    }

    /// Removes the temporary files of puts a crash interrupted.
    private func removeTemporaryFiles() throws(FileStoreError) {
        guard access(path, F_OK) == 0 else { return }
        for folder in try FileIO.list(path) where folder.utf8.count == 2 {
            let folderPath = path + "/" + folder
            var removed = false
            for name in try FileIO.list(folderPath) where name.hasSuffix(Self.temporarySuffix) {
                try FileIO.remove(folderPath + "/" + name)
                removed = true
            }
            if removed { try FileIO.syncDirectory(folderPath) }
        }
    }

    /// Runs `body` on the I/O queue; a ``FileStoreError`` arrives as its ``StorageError``.
    private func blocking<Value: Sendable>(
        _ body: @escaping @Sendable () throws(FileStoreError) -> Value
    ) async throws(StorageError) -> Value {
        let outcome: Result<Value, FileStoreError> = await withCheckedContinuation { continuation in
            io.async { continuation.resume(returning: Result { () throws(FileStoreError) in try body() }) }
        }
        do { return try outcome.get() } catch { throw error.storageError }
    }
}
