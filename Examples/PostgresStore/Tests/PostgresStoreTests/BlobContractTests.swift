import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import PostgresNIO
import PostgresStore
import Testing

@Suite("PostgreSQL store honours the blob contract", .enabled(if: ScratchDatabase.server != nil))
struct PostgresBlobContractTests {
    @Test(arguments: BlobStoreContract.checks)
    func contract(_ check: BlobContractCheck) async throws {
        try await ScratchDatabase.with { client, logger in
            let store = try await PostgresStore.open(client: client, logger: logger)
            let blobs = try #require(try store.feature((any BlobStore).self))
            try await check.run(
                on: BlobStoreSubject(
                    blobs,
                    damage: { digest, bytes in
                        try await client.query(
                            "UPDATE blobs SET bytes = \(Data(bytes)) WHERE digest = \(Data(digest.bytes))",
                            logger: logger)
                    },
                    reopen: { PostgresStore(client: client, logger: logger) }))
        }
    }
}
