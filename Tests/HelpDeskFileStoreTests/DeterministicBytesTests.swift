import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@testable import HelpDeskFileStore

/// Equal state gives equal bytes on disk, whatever order its dictionaries were built in: a
/// dictionary's iteration order depends on its history and on the process's hash seed, so the
/// JSON parts of records and snapshots must not follow it.
@Suite("Deterministic bytes")
struct DeterministicBytesTests {
    /// Two equal registration dictionaries, built in opposite orders and at different capacities.
    private static func registrations() -> (built: [String: String], rebuilt: [String: String]) {
        let keys = (0..<40).map { "key-\($0)" }
        var built: [String: String] = [:]
        for key in keys { built[key] = "value of \(key)" }
        var rebuilt: [String: String] = [:]
        rebuilt.reserveCapacity(4_096)
        for key in keys.reversed() { rebuilt[key] = "value of \(key)" }
        return (built, rebuilt)
    }

    private static func unit(registration: [String: String]) -> UnitOfWork {
        var ids = SeededIdentifierSource(seed: 11)
        var work = UnitOfWork()
        work.clients.companies = [Company(id: ids.next(), name: "Acme", registration: registration)]
        return work
    }

    @Test func equalUnitsGiveEqualRecords() throws {
        let (built, rebuilt) = Self.registrations()
        let first = Self.unit(registration: built)
        let second = Self.unit(registration: rebuilt)
        #expect(first == second)
        #expect(try RecordCodec.encode(first) == RecordCodec.encode(second))
    }

    @Test func equalImagesGiveEqualSnapshots() throws {
        let (built, rebuilt) = Self.registrations()
        let first = InMemoryStore()
        let second = InMemoryStore()
        try first.commitNow(Self.unit(registration: built))
        try second.commitNow(Self.unit(registration: rebuilt))
        #expect(first.image() == second.image())
        #expect(
            try SnapshotCodec.encode(first.image(), sequence: 1) == SnapshotCodec.encode(second.image(), sequence: 1))
    }
}
