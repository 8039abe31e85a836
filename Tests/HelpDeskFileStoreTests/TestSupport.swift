import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@testable import HelpDeskFileStore

/// A fresh, empty directory under the system temporary directory.
func freshDirectory(_ label: String = "store") -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("helpdesk-filestore-tests", isDirectory: true)
        .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Deletes a test directory.
func removeDirectory(_ url: URL) {
    try? FileManager.default.removeItem(at: url)
}

/// The path of the single journal segment (or the newest one) in `directory`.
func newestSegment(in directory: URL) throws -> URL {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    let name = try #require(names.filter { $0.hasPrefix("journal-") && $0.hasSuffix(".log") }.sorted().last)
    return directory.appendingPathComponent(name)
}

/// Closes `store`, opens its `directory` again and returns what the new handle holds.
func imageAfterReopening(_ store: FileStore, at directory: URL) async throws -> StoreImage {
    await store.close()
    return try await reopening(directory).image
}

/// Opens the (closed) store in `directory`, and returns what it holds and what opening found.
func reopening(_ directory: URL) async throws -> (image: StoreImage, recovery: RecoveryReport) {
    let reopened = try await FileStore.open(at: directory)
    let image = Result { try reopened.image() }
    await reopened.close()
    return (try image.get(), reopened.recovery)
}

/// The path of the newest snapshot in `directory`, if any.
func newestSnapshot(in directory: URL) throws -> URL? {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    return names.filter { $0.hasPrefix("snapshot-") && $0.hasSuffix(".snap") }.sorted().last
        .map { directory.appendingPathComponent($0) }
}

/// Runs `count` random engine commands on a test desk over `store`, acknowledging half the events.
func runRandomCommands(on store: any HelpDeskStore, seed: UInt64, count: Int) async throws {
    let test = try await TestDesk.make(store: store, seed: seed)
    var random = SplitMix64(seed: seed)
    var commands = RandomCommands(test: test)
    for _ in 0..<count {
        test.clock.advance(by: Double(random.next() % 1_800))
        _ = try await commands.runOne(using: &random, tickets: try await test.snapshot().tickets)
    }
    let events = try await test.desk.undeliveredEvents(limit: 10_000, as: .system)
    try await test.desk.acknowledgeEvents(events.prefix(events.count / 2).map(\.sequence), by: .system)
}

/// A unit of work that upserts one employee: a small journal record.
func smallUnit(_ index: Int) -> UnitOfWork {
    var work = UnitOfWork()
    var ids = SeededIdentifierSource(seed: UInt64(index) + 1_000)
    work.employees = [Employee(id: ids.next(), name: "Employee \(index)", email: "e\(index)@example.com")]
    return work
}

/// Runs `body` on a fresh file store (taking a snapshot afterwards when `snapshotFirst`), closes
/// it, and requires the reopened store to hold exactly the same data.
func expectSameAfterReopening(
    _ label: String, snapshotFirst: Bool = false, _ body: (FileStore) async throws -> Void
) async throws {
    let directory = freshDirectory(label)
    defer { removeDirectory(directory) }
    let store = try await FileStore.open(at: directory)
    try await body(store)
    if snapshotFirst { try await store.snapshot() }
    let before = try await StoreSnapshot.capture(store)
    let image = try store.image()
    await store.close()
    let reopened = try await FileStore.open(at: directory)
    #expect(try await StoreSnapshot.capture(reopened) == before)
    #expect(try reopened.image() == image)
    await reopened.close()
}
