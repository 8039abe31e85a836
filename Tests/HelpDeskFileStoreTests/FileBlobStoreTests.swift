import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@testable import HelpDeskFileStore

/// Overwrites the file of `digest` in the blob directory `directory` (simulated damage).
private func damageFile(in directory: URL, _ digest: BlobDigest, _ bytes: [UInt8]) throws {
    let hex = digest.description
    let url = directory.appendingPathComponent(String(hex.prefix(2))).appendingPathComponent(String(hex.dropFirst(2)))
    try Data(bytes).write(to: url)
}

@Suite("File blob stores honour the blob contract")
struct FileBlobStoreTests {
    @Test(arguments: BlobStoreContract.checks)
    func standalone(_ check: BlobContractCheck) async throws {
        let directory = freshDirectory("blobs")
        defer { removeDirectory(directory) }
        let store = try FileBlobStore(directory: directory)
        try await check.run(
            on: BlobStoreSubject(
                store, damage: { digest, bytes in try damageFile(in: directory, digest, bytes) },
                reopen: { try FileBlobStore(directory: directory) }))
    }

    @Test(arguments: BlobStoreContract.checks)
    func offeredByTheFileStore(_ check: BlobContractCheck) async throws {
        let directory = freshDirectory("store-blobs")
        defer { removeDirectory(directory) }
        let store = try await FileStore.open(at: directory)
        let blobs = try #require(try store.feature((any BlobStore).self))
        #expect(blobs is FileStore)
        let blobDirectory = directory.appendingPathComponent(FileStore.blobDirectoryName)
        try await check.run(
            on: BlobStoreSubject(
                blobs, damage: { digest, bytes in try damageFile(in: blobDirectory, digest, bytes) },
                reopen: {
                    await store.close()
                    return try await FileStore.open(at: directory)
                }))
        await store.close()
    }

    /// A put interrupted before its rename leaves only a temporary file: the blob is absent, and
    /// opening removes the file.
    @Test func interruptedPutLeavesNothingVisible() async throws {
        let directory = freshDirectory("blobs-crash")
        defer { removeDirectory(directory) }
        let store = try FileBlobStore(directory: directory)
        let kept = try await store.put([1, 2, 3])
        let bytes = [UInt8](repeating: 7, count: 10_000)
        let digest = SHA256.hash(bytes)
        let hex = digest.description
        let folder = directory.appendingPathComponent(String(hex.prefix(2)))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(String(hex.dropFirst(2)) + ".4242-1.tmp")
        try Data(bytes.prefix(4096)).write(to: temporary)
        #expect(try await store.contains(digest) == false)
        #expect(try await store.bytes(digest) == nil)

        let reopened = try FileBlobStore(directory: directory)
        #expect(!FileManager.default.fileExists(atPath: temporary.path))
        #expect(try await reopened.bytes(kept) == [1, 2, 3])
        #expect(try await reopened.put(bytes) == digest)
        #expect(try await reopened.bytes(digest) == bytes)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names == [String(hex.dropFirst(2))])
    }

    /// A store that never stored a blob has no blob directory (the journal directory is unchanged).
    @Test func blobDirectoryIsCreatedByTheFirstPut() async throws {
        let directory = freshDirectory("store-no-blobs")
        defer { removeDirectory(directory) }
        let store = try await FileStore.open(at: directory)
        let blobDirectory = directory.appendingPathComponent(FileStore.blobDirectoryName)
        #expect(!FileManager.default.fileExists(atPath: blobDirectory.path))
        let digest = try await store.put(Array("hello".utf8))
        #expect(FileManager.default.fileExists(atPath: blobDirectory.path))
        await store.close()
        await #expect(throws: StorageError.self) { _ = try await store.bytes(digest) }
        let reopened = try await FileStore.open(at: directory)
        #expect(try await reopened.bytes(digest) == Array("hello".utf8))
        await reopened.close()
    }
}
