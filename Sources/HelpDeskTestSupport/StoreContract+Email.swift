import Foundation
import HelpDeskKit
import Mail

extension StoreContract {
    /// A mail record with non-Latin text and every problem kind the parser reports for broken mail.
    static func emailRecord(
        _ key: String, outcome: EmailOutcome, at seconds: TimeInterval, ids: inout SeededIdentifierSource
    ) -> EmailRecord {
        EmailRecord(
            id: ids.next(), messageKey: key, sender: "ivan@северсталь.рф", subject: "Принтер «HP» не печатает 🖨️",
            receivedAt: start.addingTimeInterval(seconds),
            rawChecksum: "sha256:" + String(repeating: "ab", count: 32), byteCount: 4_096, kind: .personal,
            match: .messageID, outcome: outcome, problems: [.invalidText, .unknownCharset])
    }

    static let emailChecks: [ContractCheck] = [
        ContractCheck("mail records round-trip by identifier, message key and ticket; the quarantine lists waiting ones")
        { store in
            let mail = try requireFeature((any EmailRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 220)
            let ticket: TicketID = ids.next()
            let first = emailRecord("a1@client.example", outcome: .createdTicket(ticket), at: 10, ids: &ids)
            let second = emailRecord(
                "a2@client.example", outcome: .appended(ticket, ids.next()), at: 5, ids: &ids)
            let held = emailRecord("a3@client.example", outcome: .quarantined(candidate: ticket), at: 20, ids: &ids)
            let ignored = emailRecord("sha256:" + String(repeating: "0f", count: 32), outcome: .ignored(ticket: nil), at: 1, ids: &ids)
            var work = UnitOfWork()
            work.emailRecordWrites = [first, second, held, ignored].map { EmailRecordWrite(record: $0, expectedRevision: nil) }
            try await store.commit(work)
            try requireEqual(try await mail.emailRecord(first.id), first, "by identifier")
            try requireEqual(try await mail.emailRecord(messageKey: "a2@client.example"), second, "by key")
            try requireEqual(try await mail.emailRecord(messageKey: "A2@client.example"), nil, "keys are exact")
            try requireEqual(try await mail.emailRecords(ofTicket: ticket), [second, first, held], "oldest first")
            try requireEqual(try await mail.quarantinedEmailRecords(), [held], "the quarantine")
            try requireEqual(
                try await mail.emailRecords(), [first, second, held, ignored].sorted { $0.id < $1.id }, "the log")
            var decided = held
            decided.outcome = .discarded
            decided.revision = 2
            var decision = UnitOfWork()
            decision.emailRecordWrites = [EmailRecordWrite(record: decided, expectedRevision: 1)]
            try await store.commit(decision)
            try requireEqual(try await mail.quarantinedEmailRecords(), [], "decided messages leave the quarantine")
            try requireEqual(try await mail.emailRecords(ofTicket: ticket), [second, first], "and the ticket's mail")
            try requireEqual(try await mail.emailRecord(held.id), decided, "the decision is stored")
        },
        ContractCheck("a second record of a message key, a known identifier or a stale revision is a conflict") { store in
            _ = try requireFeature((any EmailRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 221)
            let one = emailRecord("one@client.example", outcome: .ignored(ticket: nil), at: 1, ids: &ids)
            var work = UnitOfWork()
            work.emailRecordWrites = [EmailRecordWrite(record: one, expectedRevision: nil)]
            try await store.commit(work)
            let before = try await StoreSnapshot.capture(store)
            var stale = one
            stale.revision = 3
            let twin = emailRecord("one@client.example", outcome: .ignored(ticket: nil), at: 2, ids: &ids)
            let fresh = emailRecord("fresh@client.example", outcome: .ignored(ticket: nil), at: 3, ids: &ids)
            for writes in [
                [EmailRecordWrite(record: stale, expectedRevision: 2)],
                [EmailRecordWrite(record: one, expectedRevision: nil)],
                [EmailRecordWrite(record: fresh, expectedRevision: nil), EmailRecordWrite(record: twin, expectedRevision: nil)],
            ] {
                var unit = UnitOfWork()
                unit.emailRecordWrites = writes
                try await requireStorageError(.conflict) { try await store.commit(unit) }
            }
            try requireEqual(try await StoreSnapshot.capture(store), before, "refused units change nothing")
        },
        ContractCheck("bounce marks are stored by address, change under their revision and leave the list when lifted") {
            store in
            let mail = try requireFeature((any EmailRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 222)
            let mark = BouncedAddress(
                address: "gone@client.example", firstBounceAt: start, lastBounceAt: start, count: 1,
                lastRecordID: ids.next())
            var work = UnitOfWork()
            work.bouncedAddressWrites = [BouncedAddressWrite(mark: mark, expectedRevision: nil)]
            try await store.commit(work)
            try requireEqual(try await mail.bouncedAddresses(), [mark], "listed")
            var twice = mark
            twice.count = 2
            twice.revision = 2
            var again = UnitOfWork()
            again.bouncedAddressWrites = [BouncedAddressWrite(mark: twice, expectedRevision: 1)]
            try await store.commit(again)
            for unit in [again, work] { try await requireStorageError(.conflict) { try await store.commit(unit) } }
            var lifted = twice
            lifted.isActive = false
            lifted.revision = 3
            var lift = UnitOfWork()
            lift.bouncedAddressWrites = [BouncedAddressWrite(mark: lifted, expectedRevision: 2)]
            try await store.commit(lift)
            try requireEqual(try await mail.bouncedAddresses(), [], "a lifted mark is not listed")
            try requireEqual(try await mail.bouncedAddress("gone@client.example"), lifted, "but still read")
        },
    ]
}
