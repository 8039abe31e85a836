import Foundation
import HelpDeskKit
import Testing

@testable import HelpDeskFileStore

@Suite("File-store errors")
struct FileStoreErrorTests {
    @Test func anIOFailureCarriesTheSystemsTextBesideErrno() {
        let error = FileStoreError.io(operation: "fdatasync", path: "journal", errno: EIO)
        #expect(error.code == .io)
        #expect(error.errno == EIO)
        #expect(error.message.contains(String(cString: strerror(EIO))))
        #expect(error.message.hasSuffix("(errno \(EIO))"))
    }

    @Test func theStorageErrorKeepsTheFileStoreErrorAsItsCause() throws {
        let error = FileStoreError.corrupted(file: "journal-1.log", offset: 42, reason: "checksum")
        let storage = error.storageError
        #expect(storage.kind == .corrupted)
        #expect(storage.cause as? FileStoreError == error)
        let wrapped = HelpDeskError.storage(storage)
        #expect(wrapped.code == .storage)
        #expect((wrapped.cause as? StorageError)?.cause as? FileStoreError == error)
    }
}
