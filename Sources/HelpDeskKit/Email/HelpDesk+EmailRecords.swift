import Mail

/// What a person decides about a quarantined message.
public enum QuarantineDecision: String, Hashable, Sendable, Codable, CaseIterable {
    /// Open a ticket of its own, written by its sender.
    case openTicket
    /// Add it to the ticket it named after all, as its sender's reply (the sender's permissions apply).
    case appendToCandidate
    /// Drop it; the record and the raw message stay.
    case discard
}

extension HelpDesk {
    /// The mail records of a ticket, oldest first: for staff who may see the ticket's internals.
    public func emailRecords(of ticket: TicketID, as viewer: Performer) async throws(HelpDeskError) -> [EmailRecord] {
        try await internalTicket(ticket, as: viewer)
        let records = try feature((any EmailRepository).self)
        return try await storage { try await records.emailRecords(ofTicket: ticket) }
    }

    /// The messages waiting in the quarantine, oldest first.
    public func quarantinedEmails(as viewer: Performer) async throws(HelpDeskError) -> [EmailRecord] {
        _ = try await authorize(viewer, .handleEmail)
        let records = try feature((any EmailRepository).self)
        return try await storage { try await records.quarantinedEmailRecords() }
    }

    /// The addresses whose mail bounces, by address.
    public func bouncedAddresses(as viewer: Performer) async throws(HelpDeskError) -> [BouncedAddress] {
        _ = try await authorize(viewer, .handleEmail)
        let records = try feature((any EmailRepository).self)
        return try await storage { try await records.bouncedAddresses() }
    }

    /// A received message in full (its whole text, quote and signature included), parsed again
    /// from the raw bytes the desk kept.
    public func receivedEmail(_ id: EmailRecordID, as viewer: Performer) async throws(HelpDeskError) -> MailMessage {
        _ = try await authorize(viewer, .handleEmail)
        let record = try await loadEmailRecord(id)
        return try await rawMessage(of: record)
    }

    /// Decides about a quarantined message: a ticket of its own, a reply on the ticket it named, or
    /// nothing. Idempotent: the same decision again returns the record as decided.
    public func decideQuarantinedEmail(_ id: EmailRecordID, _ decision: QuarantineDecision, by performer: Performer)
        async throws(HelpDeskError) -> EmailReceipt
    {
        _ = try await authorize(performer, .handleEmail)
        let stored = try await loadEmailRecord(id)
        let message = try await rawMessage(of: stored)
        let classification = MailClassifier.classify(message, ownDomains: [configuration.email.messageIDDomain])
        switch (decision, stored.outcome) {
        case (.discard, .discarded), (.openTicket, .createdTicket), (.appendToCandidate, .appended):
            // The same decision again (a retry whose answer was lost) changes nothing.
            return EmailReceipt(
                record: stored, isDuplicate: true, classification: classification, problems: message.problems)
        default: break
        }
        guard case .quarantined(let candidate) = stored.outcome else {
            throw .invalidInput(field: "id", problem: .malformed(expected: "a quarantined message"))
        }
        let letter = ReceivedLetter(
            message: message, classification: classification, rawChecksum: stored.rawChecksum,
            attachments: try await storedAttachments(of: message))
        let author = message.from.first ?? message.sender ?? MailAddress(address: "")
        let sender = try await sender(author)
        switch decision {
        case .discard:
            return try await perform(by: performer) { context throws(HelpDeskError) in
                let record = keep(
                    letter, sender: stored.sender, match: stored.match, outcome: .discarded, replacing: stored,
                    in: &context.work)
                return letter.receipt(record, isDuplicate: false)
            }
        case .openTicket:
            return try await open(
                letter, from: sender, canonical: stored.sender, match: stored.match, replacing: stored, by: performer)
        case .appendToCandidate:
            guard let candidate else { throw .invalidInput(field: "decision", problem: .malformed(expected: "a candidate ticket")) }
            return try await append(
                letter, to: try await loadTicket(candidate), match: stored.match, from: sender, canonical: stored.sender,
                replacing: stored)
        }
    }

    /// The record `id`, or ``HelpDeskError/Reason/invalidInput(field:problem:)`` naming it.
    private func loadEmailRecord(_ id: EmailRecordID) async throws(HelpDeskError) -> EmailRecord {
        let records = try feature((any EmailRepository).self)
        guard let record = try await storage({ try await records.emailRecord(id) }) else {
            throw .invalidInput(field: "id", problem: .malformed(expected: "a received message"))
        }
        return record
    }

    /// The message `record` was made from, parsed again from its raw bytes.
    private func rawMessage(of record: EmailRecord) async throws(HelpDeskError) -> MailMessage {
        let blobs = try blobStore()
        guard let digest = BlobDigest(checksum: record.rawChecksum),
            let raw = try await storage({ try await blobs.bytes(digest) })
        else { throw .storage(StorageError(.corrupted, "the raw message of \(record.id) is missing")) }
        return MailParser(limits: configuration.email.limits).parse(raw)
    }

    /// `message`'s files as attachments, stored (again: storing is idempotent).
    nonisolated func storedAttachments(of message: MailMessage) async throws(HelpDeskError) -> [Attachment] {
        let blobs = try blobStore()
        var files: [Attachment] = []
        for (index, file) in message.attachments.enumerated() {
            let digest = try await storage { try await blobs.put(file.bytes) }
            files.append(
                Attachment(
                    fileName: Self.safeFileName(file.fileName, index: index), mediaType: Self.safeMediaType(file.mediaType),
                    byteCount: Int64(file.bytes.count), checksum: digest.checksum))
        }
        return files
    }
}
