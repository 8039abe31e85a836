import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// A store offering everything the in-memory store does except blobs.
private final class BloblessStore: MemoryBackedStore {
    let backingStore = InMemoryStore()

    func ensureAvailable() throws(StorageError) {}

    func commit(_ work: UnitOfWork) async throws { try await backingStore.commit(work) }

    func feature<Feature>(_ feature: Feature.Type) throws(StorageError) -> Feature? {
        feature == (any BlobStore).self ? nil : backingStore as? Feature
    }
}

@Suite("Uploading files and referencing them")
struct AttachmentUploadTests {
    static func anna(_ test: TestDesk) -> Performer { .employee(test.anna.id) }

    @Test func anUploadReturnsTheAttachmentThatNamesItsBytes() async throws {
        let store = InMemoryStore()
        let test = try await TestDesk.make(store: store)
        let bytes = Array("Отчёт о поломке".utf8)
        let file = try await test.desk.uploadAttachment(
            bytes, fileName: "отчёт.txt", mediaType: "text/plain", by: Self.anna(test))
        #expect(file.checksum == SHA256.hash(bytes).checksum)
        #expect(file.byteCount == Int64(bytes.count))
        #expect((file.fileName, file.mediaType) == ("отчёт.txt", "text/plain"))
        #expect(try await store.bytes(try #require(BlobDigest(checksum: file.checksum))) == bytes)
        let again = try await test.desk.uploadAttachment(
            bytes, fileName: "отчёт.txt", mediaType: "text/plain", by: .client(name: "Ivan Petrov"))
        #expect(again == file, "the same bytes give the same attachment")
        #expect(store.blobStore.count == 1)
        let empty = try await test.desk.uploadAttachment([], fileName: "empty", mediaType: "a/b", by: .system)
        #expect(empty.byteCount == 0)
    }

    @Test func uploadsAreCheckedBeforeAnythingIsStored() async throws {
        let store = InMemoryStore()
        var configuration = HelpDeskConfiguration()
        configuration.maximumAttachmentBytes = 10
        let test = try await TestDesk.make(store: store, configuration: configuration)
        let anna = Self.anna(test)
        let cases: [(String, [UInt8], String, String, Performer, HelpDeskError)] = [
            (
                "too large", Array(repeating: 1, count: 11), "a.bin", "a/b", anna,
                .invalidInput(field: "attachment.byteCount", problem: .outOfRange(0...10))
            ),
            (
                "a path", [1], "../a.bin", "a/b", anna,
                .invalidInput(field: "attachment.fileName", problem: .malformed(expected: "a name without directories"))
            ),
            ("a blank name", [1], " ", "a/b", anna, .invalidInput(field: "attachment.fileName", problem: .blank)),
            (
                "no subtype", [1], "a.bin", "text", anna,
                .invalidInput(field: "attachment.mediaType", problem: .malformed(expected: "type/subtype"))
            ),
            ("a former employee", [1], "a.bin", "a/b", .employee(test.former.id), .employeeInactive(test.former.id)),
        ]
        for (label, bytes, name, type, performer, expected) in cases {
            await #expect(throws: expected, "\(label)") {
                _ = try await test.desk.uploadAttachment(bytes, fileName: name, mediaType: type, by: performer)
            }
        }
        #expect(store.blobStore.count == 0, "a refused upload stores nothing")
        _ = try await test.desk.uploadAttachment(
            Array(repeating: 1, count: 10), fileName: "a", mediaType: "a/b", by: anna)
        #expect(store.blobStore.count == 1, "exactly the limit is accepted")
    }

    @Test func commandsRefuseSHA256FilesTheStoreDoesNotHold() async throws {
        let test = try await TestDesk.make()
        let anna = Self.anna(test)
        let file = try await test.desk.uploadAttachment([1, 2, 3], fileName: "a.bin", mediaType: "a/b", by: anna)
        let ticket = try await test.ticket()
        let before = try await test.snapshot()
        var resized = file
        resized.byteCount = 4
        let never = Attachment(fileName: "b.bin", mediaType: "a/b", byteCount: 1, checksum: SHA256.hash([7]).checksum)
        var uppercase = file
        uppercase.checksum = "sha256:" + file.checksum.dropFirst(7).uppercased()
        var notADigest = file
        notADigest.checksum = "sha256:00ff"
        for bad in [resized, never, notADigest] {
            await #expect(throws: HelpDeskError.attachmentNotUploaded(bad.checksum)) {
                _ = try await test.desk.createTicket(
                    NewTicket(title: "T", channel: .email, requester: .freeText("Ivan"), attachments: [file, bad]),
                    by: anna)
            }
            await #expect(throws: HelpDeskError.attachmentNotUploaded(bad.checksum)) {
                _ = try await test.desk.comment(on: ticket.id, NewComment("x", attachments: [bad]), by: anna)
            }
            await #expect(throws: HelpDeskError.attachmentNotUploaded(bad.checksum)) {
                _ = try await test.desk.attach([bad], to: ticket.id, by: anna)
            }
        }
        #expect(try await test.snapshot() == before, "refused commands change nothing")
        // The same digest in capitals names the same blob; another algorithm is a host-kept file.
        let hostKept = Attachment(fileName: "c.bin", mediaType: "a/b", byteCount: 9, checksum: "md5:abcd")
        let attached = try await test.desk.attach([uppercase, hostKept], to: ticket.id, by: anna)
        #expect(attached.attachments == [uppercase, hostKept])
    }

    @Test func aStoreWithoutBlobsRefusesUploadsAndKeepsMetadataOnly() async throws {
        let test = try await TestDesk.make(store: BloblessStore())
        await #expect(throws: HelpDeskError.storeLacksFeature(String(describing: (any BlobStore).self))) {
            _ = try await test.desk.uploadAttachment([1], fileName: "a", mediaType: "a/b", by: .system)
        }
        let ticket = try await test.ticket()
        let madeUp = Attachment(fileName: "a.bin", mediaType: "a/b", byteCount: 1, checksum: "sha256:ab12")
        _ = try await test.desk.attach([madeUp], to: ticket.id, by: .system)
        await #expect(throws: HelpDeskError.storeLacksFeature(String(describing: (any BlobStore).self))) {
            _ = try await test.desk.attachmentContent(madeUp.checksum, on: ticket.id, as: .system)
        }
    }

    @Test func readsFindOnlyAttachedFilesAndNeverDamagedBytes() async throws {
        let store = InMemoryStore()
        let test = try await TestDesk.make(store: store)
        let anna = Self.anna(test)
        let ticket = try await test.ticket()
        let attached = try await test.desk.uploadAttachment([1, 2], fileName: "a", mediaType: "a/b", by: anna)
        let loose = try await test.desk.uploadAttachment([3, 4], fileName: "b", mediaType: "a/b", by: anna)
        _ = try await test.desk.attach([attached], to: ticket.id, by: anna)
        #expect(try await test.desk.attachmentContent(attached.checksum, on: ticket.id, as: anna) == [1, 2])
        await #expect(throws: HelpDeskError.attachmentNotFound(loose.checksum), "uploaded but not attached here") {
            _ = try await test.desk.attachmentContent(loose.checksum, on: ticket.id, as: anna)
        }
        await #expect(throws: HelpDeskError.attachmentNotFound("sha256:zz")) {
            _ = try await test.desk.attachmentContent("sha256:zz", on: ticket.id, as: anna)
        }
        store.blobStore.overwrite(try #require(BlobDigest(checksum: attached.checksum)), with: [1, 3])
        do {
            _ = try await test.desk.attachmentContent(attached.checksum, on: ticket.id, as: anna)
            Issue.record("damaged bytes were returned")
        } catch {
            #expect(error.code == .storage, "\(error)")
        }
    }

    @Test func noClientReadsAnInternalNotesFile() async throws {
        let problems = try await AttachmentLeak().check(on: InMemoryStore())
        #expect(problems.isEmpty, "\(problems)")
    }
}
