import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@testable import HelpDeskFileStore

/// A host retries a command whose outcome it does not know, with the same idempotency key, on a
/// reopened store: the command takes effect exactly once.
@Suite("Idempotent retries across a reopen")
struct IdempotentRetryTests {
    static let request = NewTicket(title: "Server room too warm", channel: .phone, requester: .freeText("Olga"))

    /// An engine over `store`, as a host builds one after each open.
    private func desk(_ store: FileStore, seed: UInt64) -> HelpDesk {
        HelpDesk(
            store: store, clock: ManualClock(start: TestDesk.start).clock,
            identifiers: SeededIdentifierSource(seed: seed), random: SeededRandomSource(seed: ~seed))
    }

    @Test func aRepeatAfterReopeningReturnsTheFirstResult() async throws {
        let directory = freshDirectory("idempotent-reopen")
        defer { removeDirectory(directory) }
        let store = try await FileStore.open(at: directory)
        let first = try await desk(store, seed: 1).createTicket(Self.request, by: .system, idempotencyKey: "call-1")
        await store.close()
        let reopened = try await FileStore.open(at: directory)
        let again = try await desk(reopened, seed: 2).createTicket(Self.request, by: .system, idempotencyKey: "call-1")
        #expect(again == first)
        #expect(try await reopened.allTickets().count == 1)
        try await reopened.snapshot()
        await reopened.close()
        let fromSnapshot = try await FileStore.open(at: directory)
        #expect(
            try await desk(fromSnapshot, seed: 3).createTicket(Self.request, by: .system, idempotencyKey: "call-1")
                == first)
        #expect(try await fromSnapshot.allTickets().count == 1)
        await fromSnapshot.close()
    }

    /// The sync fails after (`written`) or before the record reached the disk; either way the
    /// caller sees a storage error, reopens and retries, and the ticket exists exactly once.
    @Test(arguments: [true, false])
    func aRetryAfterAFailedSyncTakesEffectExactlyOnce(written: Bool) async throws {
        let directory = freshDirectory("idempotent-sync")
        defer { removeDirectory(directory) }
        let store = try await FileStore.open(at: directory)
        let engine = desk(store, seed: 1)
        _ = try await engine.createTicket(Self.request, by: .system, idempotencyKey: "before")
        store.journalHook.withLock {
            $0 = { wasWritten in
                if wasWritten == written { throw FileStoreError.io(operation: "fdatasync", path: "journal", errno: 5) }
            }
        }
        do {
            _ = try await engine.createTicket(Self.request, by: .system, idempotencyKey: "call-1")
            Issue.record("the failed sync was acknowledged")
        } catch {
            #expect(error.code == .storage)
        }
        await store.close()

        let reopened = try await FileStore.open(at: directory)
        #expect(try await reopened.allTickets().count == (written ? 2 : 1), "the record is durable only if written")
        let retried = try await desk(reopened, seed: 2).createTicket(
            Self.request, by: .system, idempotencyKey: "call-1")
        #expect(try await reopened.allTickets().count == 2)
        let again = try await desk(reopened, seed: 3).createTicket(Self.request, by: .system, idempotencyKey: "call-1")
        #expect(again == retried)
        #expect(try await reopened.allTickets().count == 2)
        await reopened.close()
    }
}
