import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@testable import HelpDeskFileStore

/// The committed stores in `Fixtures/store-v<N>` (snapshot + journal written by format version N)
/// must keep opening as domain types gain fields; `expected-image-v<N>.json` is what each holds.
/// Version 1 journals hold kind-1 records; versions 2 and 3 hold kind-2 records with tickets,
/// comments, audit entries and events, each record flagged as the start of its write. Snapshots
/// of versions 1 and 2 keep comments, audit entries and undelivered events as JSON (ticket chunks
/// of kind 1, the directory), those of version 3 in binary (ticket chunks of kind 4, outbox and
/// time-entry sections of kinds 5 and 6).
@Suite("Committed fixture stores")
struct FixtureTests {
    private var fixtures: URL {
        get throws {
            try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        }
    }

    @Test(arguments: [UInt32(1), 2, 3])
    func fixtureStoreOpensWithItsContent(version: UInt32) async throws {
        let source = try fixtures.appendingPathComponent("store-v\(version)")
        let directory = freshDirectory("fixture")
        defer { removeDirectory(directory) }
        try FileManager.default.removeItem(at: directory)
        try FileManager.default.copyItem(at: source, to: directory)
        let expected = try JSONDecoder().decode(
            StoreImage.self,
            from: Data(contentsOf: try fixtures.appendingPathComponent("expected-image-v\(version).json")))
        let lock = directory.appendingPathComponent(FileFormat.lockName)
        #expect(try lockVersion(lock) == version)
        let journal = [UInt8](try Data(contentsOf: try newestSegment(in: directory)))
        let kinds = Set(try JournalScan(journal, file: "segment").records.map { journal[$0.payload.lowerBound] })
        #expect(kinds.contains(version == 1 ? RecordCodec.unitOfWorkWithJSONHistory : RecordCodec.unitOfWork))
        let sections = try sectionKinds(of: try #require(try newestSnapshot(in: directory)))
        let chunkKind: SnapshotCodec.Section = version < 3 ? .ticketsWithJSONHistory : .tickets
        #expect(sections.contains(chunkKind.rawValue))
        #expect(sections.contains(SnapshotCodec.Section.outbox.rawValue) == (version >= 3))
        #expect(sections.contains(SnapshotCodec.Section.timeEntries.rawValue) == (version >= 3))
        let store = try await FileStore.open(at: directory)
        #expect(store.recovery.snapshotSequence > 0)
        #expect(store.recovery.replayedRecords > 0)
        #expect(try store.image() == expected)
        await store.close()
        // Opening marks the store as written by this format version, so older builds refuse it.
        #expect(try lockVersion(lock) == FileFormat.version)
    }

    /// The tags of the frames of the snapshot file at `url`.
    private func sectionKinds(of url: URL) throws -> Set<UInt64> {
        let bytes = [UInt8](try Data(contentsOf: url))
        var kinds: Set<UInt64> = []
        var offset = FileFormat.headerSize
        while offset < bytes.count {
            let frame = try bytes.withUnsafeBytes { try Frame.read($0, at: offset) }
            kinds.insert(frame.tag)
            offset = frame.end
        }
        return kinds
    }

    private func lockVersion(_ lock: URL) throws -> UInt32 {
        try FileFormat.readHeader([UInt8](Data(contentsOf: lock)), kind: .lock, file: "LOCK").version
    }

    /// Writes the fixture of the current format version; run once with `HELPDESK_WRITE_FIXTURE=1`
    /// after a deliberate format change (never in CI), and add the version to the test above.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["HELPDESK_WRITE_FIXTURE"] != nil))
    func writeFixture() async throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        let target = folder.appendingPathComponent("store-v\(FileFormat.version)")
        try? FileManager.default.removeItem(at: target)
        let store = try await FileStore.open(at: target)
        try await runRandomCommands(on: store, seed: 2_026, count: 60)
        try await store.snapshot()
        // Journal records after the snapshot carry tickets, comments, audit entries and events.
        let desk = HelpDesk(
            store: store, clock: ManualClock(start: TestDesk.start).clock, identifiers: SeededIdentifierSource(seed: 7),
            random: SeededRandomSource(seed: 8))
        for index in 0..<4 {
            let ticket = try await desk.createTicket(
                NewTicket(title: "Fixture \(index)", channel: .email, requester: .freeText("Client \(index)")),
                by: .system)
            _ = try await desk.comment(on: ticket.id, NewComment("Reply \(index)", visibility: .public), by: .system)
        }
        for index in 0..<5 { try await store.commit(smallUnit(index)) }
        let image = try store.image()
        await store.close()
        // Keep the records, not the megabyte of preallocated zeros after them.
        let segment = try newestSegment(in: target)
        let bytes = [UInt8](try Data(contentsOf: segment))
        try Data(bytes[..<(try JournalScan(bytes, file: "segment").validEnd)]).write(to: segment)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(image).write(to: folder.appendingPathComponent("expected-image-v\(FileFormat.version).json"))
    }
}
