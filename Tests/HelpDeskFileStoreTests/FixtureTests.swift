import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@testable import HelpDeskFileStore

/// The committed store in `Fixtures/store-v1` (snapshot + journal written by format version 1)
/// must keep opening as domain types gain fields; `expected-image.json` is what it holds.
@Suite("Committed fixture store")
struct FixtureTests {
    private var fixtures: URL {
        get throws {
            try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        }
    }

    @Test func fixtureStoreOpensWithItsContent() async throws {
        let source = try fixtures.appendingPathComponent("store-v1")
        let directory = freshDirectory("fixture")
        defer { removeDirectory(directory) }
        try FileManager.default.removeItem(at: directory)
        try FileManager.default.copyItem(at: source, to: directory)
        let expected = try JSONDecoder().decode(
            StoreImage.self, from: Data(contentsOf: try fixtures.appendingPathComponent("expected-image.json")))
        let lock = directory.appendingPathComponent(FileFormat.lockName)
        #expect(try FileFormat.readHeader([UInt8](Data(contentsOf: lock)), kind: .lock, file: "LOCK").version == 1)
        let store = try await FileStore.open(at: directory)
        #expect(store.recovery.snapshotSequence > 0)
        #expect(store.recovery.replayedRecords > 0)
        #expect(try store.image() == expected)
        await store.close()
        // Opening marks the store as written by this format version, so older builds refuse it.
        #expect(try FileFormat.readHeader([UInt8](Data(contentsOf: lock)), kind: .lock, file: "LOCK").version == 2)
    }

    /// Regenerates the fixture; run once with `HELPDESK_WRITE_FIXTURE=1` (never in CI).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["HELPDESK_WRITE_FIXTURE"] != nil))
    func writeFixture() async throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        let target = folder.appendingPathComponent("store-v1")
        try? FileManager.default.removeItem(at: target)
        let store = try await FileStore.open(at: target)
        try await runRandomCommands(on: store, seed: 2_026, count: 60)
        try await store.snapshot()
        for index in 0..<5 { try await store.commit(smallUnit(index)) }
        let image = try store.image()
        await store.close()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(image).write(to: folder.appendingPathComponent("expected-image.json"))
    }
}
