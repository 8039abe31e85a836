import HelpDeskKit
import HelpDeskTestSupport
import Testing

@testable import HelpDeskFileStore

/// The portal's records (sharing, further locations, copied contacts, category visibility,
/// approvals and their events) survive a snapshot as well as the journal.
@Suite("Portal records survive a snapshot of the file store")
struct PortalSnapshotTests {
    /// The store-contract checks of the portal's records.
    static let checks = StoreContract.checks.filter { $0.name.hasPrefix("portal fields") }

    /// Runs `body` on a fresh store, snapshots it, and requires the same data after reopening.
    static func snapshotThenReopen(_ label: String, _ body: (FileStore) async throws -> Void) async throws {
        try await expectSameAfterReopening(label, snapshotFirst: true, body)
    }

    /// The round-trip check of the portal's fields, read back from a snapshot.
    @Test func portalFieldsSurviveASnapshot() async throws {
        #expect(Self.checks.count == 1)
        for check in Self.checks {
            try await Self.snapshotThenReopen("portal-snapshot") { store in try await check.run(on: store) }
        }
    }

    /// Portal traffic with approval events in the outbox, read back from a snapshot.
    @Test func portalTrafficSurvivesASnapshot() async throws {
        try await Self.snapshotThenReopen("portal-race-snapshot") { store in
            let problems = try await PortalRace(companies: 2).check(on: store)
            #expect(problems.isEmpty, "\(problems)")
            let events = try await store.undeliveredEvents(limit: 10_000)
            #expect(events.contains { $0.event.name == "paidWorkApproval" })
        }
    }
}
