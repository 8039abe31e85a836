import DoubleEntry
import Foundation
import HelpDeskKit
import Logging
import PostgresNIO
import PostgresStore
import Testing

@Suite("PostgreSQL failures become storage errors", .enabled(if: ScratchDatabase.server != nil))
struct ErrorMappingTests {
    @Test func aClosedClientIsUnavailable() async throws {
        let server = try #require(ScratchDatabase.server)
        let client = PostgresClient(configuration: server.clientConfiguration)
        let running = Task { await client.run() }
        running.cancel()
        _ = await running.value
        let store = PostgresStore(client: client, logger: Logger(label: "closed"))
        do {
            _ = try await store.lastEventSequence()
            Issue.record("a closed client answered")
        } catch let error as StorageError {
            #expect(error.kind == .unavailable, "\(error)")
        }
    }

    @Test func aCorruptBodyIsCorrupted() async throws {
        try await ScratchDatabase.with { client, logger in
            let store = try await PostgresStore.open(client: client, logger: logger)
            let ticket = Units.ticket(number: 1)
            try await store.commit(Units.creation(of: ticket))
            try await client.query("UPDATE tickets SET body = '\\x7b'::bytea", logger: logger)
            #expect(await storageErrorKind { _ = try await store.ticket(ticket.id) } == .corrupted)
        }
    }

    @Test func twoPhaseTransfersAreRefusedWhole() async throws {
        try await ScratchDatabase.withStore { store async throws in
            var work = Units.creation(of: Units.ticket(number: 1))
            let account = Account(id: 1, unit: LedgerUnit("RUB"))
            work.billing.accounts = [
                BillingAccount(account: account, companyID: nil, role: .cash, unit: .money(.rub)),
                BillingAccount(
                    account: Account(id: 2, unit: LedgerUnit("RUB")), companyID: nil, role: .adjustments,
                    unit: .money(.rub)),
            ]
            work.billing.transfers = [.pending(id: 1, debit: 1, credit: 2, amount: 5)]
            let kind = await storageErrorKind { try await store.commit(work) }
            #expect(kind == .other)
            #expect(try await store.allTickets().isEmpty)
            #expect(try await store.billingAccounts().isEmpty)
            #expect(try await store.lastEventSequence() == 0)
        }
    }
}

/// The kind of the ``StorageError`` `body` throws; `nil` when it succeeds or throws another error.
func storageErrorKind(_ body: () async throws -> Void) async -> StorageError.Kind? {
    do {
        try await body()
        return nil
    } catch {
        return (error as? StorageError)?.kind
    }
}
