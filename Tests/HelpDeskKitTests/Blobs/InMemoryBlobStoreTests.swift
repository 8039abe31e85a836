import HelpDeskKit
import HelpDeskTestSupport
import Testing

@Suite("In-memory blob stores honour the blob contract")
struct InMemoryBlobStoreTests {
    @Test(arguments: BlobStoreContract.checks)
    func standalone(_ check: BlobContractCheck) async throws {
        let store = InMemoryBlobStore()
        try await check.run(
            on: BlobStoreSubject(store, damage: { digest, bytes in store.overwrite(digest, with: bytes) }))
    }

    @Test(arguments: BlobStoreContract.checks)
    func offeredByTheStore(_ check: BlobContractCheck) async throws {
        let store = InMemoryStore()
        let blobs = try #require(try store.feature((any BlobStore).self))
        try await check.run(
            on: BlobStoreSubject(blobs, damage: { digest, bytes in store.blobStore.overwrite(digest, with: bytes) }))
    }

    /// The contract's damage check can fail: a store that skipped verification would return bytes.
    @Test func damageIsNoticed() async throws {
        let store = InMemoryBlobStore()
        let digest = try await store.put([1, 2, 3])
        #expect(store.overwrite(digest, with: [1, 2, 4]))
        await #expect(throws: StorageError.self) { _ = try await store.bytes(digest) }
        #expect(store.overwrite(SHA256.hash([9]), with: [9]) == false)
        #expect(store.count == 1)
    }
}
