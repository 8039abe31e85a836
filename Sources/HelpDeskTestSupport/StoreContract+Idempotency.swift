import Foundation
import HelpDeskKit

extension StoreContract {
    /// A record for `key` expiring `hours` after ``start``.
    static func idempotencyRecord(_ key: IdempotencyKey, expiringAfter hours: Double) -> IdempotencyRecord {
        IdempotencyRecord(
            key: key, command: "createTicket", fingerprint: "00ff\(key)", result: Data("{\"n\":«1»}".utf8),
            recordedAt: start, expiresAt: start.addingTimeInterval(hours * 3_600.5))
    }

    static let idempotencyChecks: [ContractCheck] = [
        ContractCheck("idempotency records round-trip and list by expiry") { store in
            var work = UnitOfWork()
            let late = idempotencyRecord("req-late", expiringAfter: 48)
            let early = idempotencyRecord("req-early", expiringAfter: 24)
            work.idempotency.records = [late, early]
            try await store.commit(work)
            try requireEqual(
                try await requireFeature((any IdempotencyRepository).self, of: store).idempotencyRecord("req-late"),
                late, "by key")
            try requireEqual(
                try await requireFeature((any IdempotencyRepository).self, of: store).idempotencyRecord("unknown"), nil,
                "unknown key")
            try requireEqual(
                try await requireFeature((any IdempotencyRepository).self, of: store).idempotencyKeys(
                    expiringBy: .distantFuture, limit: 10), ["req-early", "req-late"],
                "earliest expiry first")
            try requireEqual(
                try await requireFeature((any IdempotencyRepository).self, of: store).idempotencyKeys(
                    expiringBy: early.expiresAt, limit: 10), ["req-early"], "at the instant"
            )
            try requireEqual(
                try await requireFeature((any IdempotencyRepository).self, of: store).idempotencyKeys(
                    expiringBy: .distantFuture, limit: 1), ["req-early"], "limit")
        },
        ContractCheck("an idempotency key is unique: a second insert conflicts unless the unit forgets it first") {
            store in
            var work = UnitOfWork()
            work.idempotency.records = [idempotencyRecord("req-1", expiringAfter: 1)]
            try await store.commit(work)
            var again = UnitOfWork()
            again.idempotency.records = [idempotencyRecord("req-1", expiringAfter: 2)]
            try await requireStorageError(.conflict) { try await store.commit(again) }
            var twice = UnitOfWork()
            twice.idempotency.records = [
                idempotencyRecord("req-2", expiringAfter: 1), idempotencyRecord("req-2", expiringAfter: 2),
            ]
            try await requireStorageError(.conflict) { try await store.commit(twice) }
            try requireEqual(
                try await requireFeature((any IdempotencyRepository).self, of: store).idempotencyRecord("req-2"), nil,
                "a rejected unit records nothing")
            again.idempotency.forgotten = ["req-1"]
            try await store.commit(again)
            try requireEqual(
                try await requireFeature((any IdempotencyRepository).self, of: store).idempotencyRecord("req-1"),
                idempotencyRecord("req-1", expiringAfter: 2), "replaced")
            var forget = UnitOfWork()
            forget.idempotency.forgotten = ["req-1"]
            try await store.commit(forget)
            try requireEqual(
                try await requireFeature((any IdempotencyRepository).self, of: store).idempotencyRecord("req-1"), nil,
                "forgotten")
        },
    ]
}
