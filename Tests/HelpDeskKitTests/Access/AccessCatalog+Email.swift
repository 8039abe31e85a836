import Foundation
import HelpDeskKit
import HelpDeskTestSupport

extension AccessFixture {
    /// A stranger's letter about a1 (`[#number]` in the subject) to be received by the catalogue's entry.
    static func strangerLetter(_ f: AccessFixture) -> [UInt8] {
        Array(
            """
            From: Stranger <stranger@elsewhere.example>\r
            To: support@desk.example\r
            Subject: About [\(f.a1.number)]\r
            Message-ID: <stranger-1@elsewhere.example>\r
            \r
            Let me in.\r

            """.utf8)
    }

    /// The fixture's mail: a letter held in the quarantine, naming a1 (committed directly, its raw bytes stored).
    static func addMail(_ test: TestDesk, about a1: Ticket) async throws {
        guard let blobs = try test.store.feature((any BlobStore).self) else { throw AccessFixtureError.noRule }
        let raw = Array("From: someone@elsewhere.example\r\nSubject: [\(a1.number)] hello\r\n\r\nHi\r\n".utf8)
        let digest = try await blobs.put(raw)
        var ids = SeededIdentifierSource(seed: 2_200)
        var work = UnitOfWork()
        work.emailRecordWrites = [
            EmailRecordWrite(
                record: EmailRecord(
                    id: ids.next(), messageKey: "held@elsewhere.example", sender: "someone@elsewhere.example",
                    subject: "[\(a1.number)] hello", receivedAt: TestDesk.start, rawChecksum: digest.checksum,
                    byteCount: raw.count, kind: .personal, match: .subjectNumber,
                    outcome: .quarantined(candidate: a1.id), problems: []),
                expectedRevision: nil)
        ]
        try await test.store.commit(work)
    }

    /// The held letter's record identifier, read from the store.
    static func heldLetter(_ f: AccessFixture) async throws -> EmailRecordID {
        guard let mail = try f.desk.store.feature((any EmailRepository).self),
            let record = try await mail.emailRecord(messageKey: "held@elsewhere.example")
        else { throw AccessFixtureError.noRule }
        return record.id
    }
}

extension AccessCatalog {
    /// Mail is the gateway's business (`email.handle`); a ticket's mail log is internal.
    static let emailEntries: [AccessEntry] = [
        E("receiveEmail(_:by:)", "receiveEmail: a stranger's letter") { f, p in
            try await E.call { try await f.desk.receiveEmail(AccessFixture.strangerLetter(f), by: p) }
        },
        E("emails(for:as:)", "emails: for the outbox's first events") { f, p in
            try await E.call {
                for event in try await f.desk.store.undeliveredEvents(limit: 20) {
                    _ = try await f.desk.emails(for: event, as: p)
                }
            }
        },
        E("emailRecords(of:as:)", "emailRecords: of a1", foreign: hidesA1, concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.emailRecords(of: f.a1.id, as: p) }
        },
        E("quarantinedEmails(as:)", "quarantinedEmails: the held letter") { f, p in
            try await E.call { try await f.desk.quarantinedEmails(as: p) }
        },
        E("bouncedAddresses(as:)", "bouncedAddresses: none yet") { f, p in
            try await E.call { try await f.desk.bouncedAddresses(as: p) }
        },
        E("receivedEmail(_:as:)", "receivedEmail: the held letter") { f, p in
            try await E.call { try await f.desk.receivedEmail(try await AccessFixture.heldLetter(f), as: p) }
        },
        E("decideQuarantinedEmail(_:_:by:)", "decideQuarantinedEmail: discard the held letter") { f, p in
            try await E.call {
                try await f.desk.decideQuarantinedEmail(try await AccessFixture.heldLetter(f), .discard, by: p)
            }
        },
    ]
}
