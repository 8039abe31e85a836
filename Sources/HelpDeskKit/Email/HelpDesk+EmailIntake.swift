import Foundation
import Mail

extension HelpDesk {
    /// Takes one received message, exactly as fetched (the host does the network part), and files
    /// it: a new ticket, a comment on the ticket it answers, the quarantine, or nothing when a
    /// robot wrote it. Never refuses a message for its form: the raw bytes are always kept in the
    /// store's blob store and recorded (``EmailRecord``); a message received twice changes nothing.
    ///
    /// Throws only when the store fails or a conflict outlasts the retries: deliver the message
    /// again later. Parsing runs on the caller's task, so a server can parse many messages at once.
    public nonisolated func receiveEmail(_ raw: [UInt8], by gateway: Performer = .system)
        async throws(HelpDeskError) -> EmailReceipt
    {
        _ = try await authorize(gateway, .handleEmail)
        let settings = configuration.email
        let message = MailParser(limits: settings.limits).parse(raw)
        let classification = MailClassifier.classify(message, ownDomains: [settings.messageIDDomain])
        let blobs = try blobStore()
        let rawDigest = try await storage { try await blobs.put(raw) }
        let files = classification.kind.changesNothing ? [] : try await storedAttachments(of: message)
        let letter = ReceivedLetter(
            message: message, classification: classification, rawChecksum: rawDigest.checksum, attachments: files)
        return try await file(letter, by: gateway)
    }

    /// The store's blob store, or ``HelpDeskError/Reason/storeLacksFeature(_:)``.
    nonisolated func blobStore() throws(HelpDeskError) -> any BlobStore {
        let found: (any BlobStore)?
        do { found = try store.feature((any BlobStore).self) } catch { throw .storage(error) }
        guard let found else { throw .storeLacksFeature("BlobStore") }
        return found
    }

    /// Files a parsed message (``receiveEmail(_:by:)``).
    private func file(_ letter: ReceivedLetter, by gateway: Performer) async throws(HelpDeskError) -> EmailReceipt {
        var letter = letter
        let records = try feature((any EmailRepository).self)
        if let earlier = try await storage({ try await records.emailRecord(messageKey: letter.key) }) {
            return letter.receipt(earlier, isDuplicate: true)
        }
        let author = letter.message.from.first ?? letter.message.sender ?? MailAddress(address: "")
        let sender = try await sender(author)
        let canonical = configuration.email.canonical(author.address)
        letter.liftedBounce = try await storage { try await records.bouncedAddress(canonical) }
        let threaded = try await thread(of: letter.message)
        switch letter.classification.kind {
        case .ownMail, .outOfOffice:
            return try await record(letter, sender: canonical, match: threaded?.1 ?? .none,
                                    outcome: .ignored(ticket: threaded?.0.id), by: gateway)
        case .bounce:
            return try await recordBounce(letter, sender: canonical, ticket: threaded?.0.id, by: gateway)
        case .personal, .autoReply, .list:
            break
        }
        if case .contact = sender {} else if case .employee = sender {} else if configuration.email.unknownSenders == .reject {
            return try await record(letter, sender: canonical, match: .none,
                                    outcome: .refused(reason: "unknown sender"), by: gateway)
        }
        if let (ticket, match) = threaded {
            if try await takesPart(canonical, in: ticket) {
                do {
                    return try await append(letter, to: ticket, match: match, from: sender, canonical: canonical)
                } catch let error where error.code == .locked {
                    // A closed ticket stays closed: the answer opens a new one.
                } catch {
                    guard !error.isTransient else { throw error }
                    return try await record(letter, sender: canonical, match: match,
                                            outcome: .refused(reason: error.description), by: gateway)
                }
            } else if configuration.email.strangerReplies == .quarantine {
                return try await record(letter, sender: canonical, match: match,
                                        outcome: .quarantined(candidate: ticket.id), by: gateway)
            }
        }
        do {
            return try await open(letter, from: sender, canonical: canonical, by: gateway)
        } catch {
            guard !error.isTransient else { throw error }
            return try await record(letter, sender: canonical, match: .none,
                                    outcome: .refused(reason: error.description), by: gateway)
        }
    }

    /// Records `letter` with `outcome` and nothing else.
    func record(
        _ letter: ReceivedLetter, sender: String, match: EmailThreadMatch, outcome: EmailOutcome, by gateway: Performer
    ) async throws(HelpDeskError) -> EmailReceipt {
        try await perform(by: gateway) { context throws(HelpDeskError) in
            if let earlier = try await letter.earlier(in: self) { return letter.receipt(earlier, isDuplicate: true) }
            let record = keep(letter, sender: sender, match: match, outcome: outcome, replacing: nil, in: &context.work)
            return letter.receipt(record, isDuplicate: false)
        }
    }

    /// Opens a ticket from `letter`, written by its sender (whose permissions apply).
    func open(
        _ letter: ReceivedLetter, from sender: EmailSender, canonical: String, match: EmailThreadMatch = .none,
        replacing existing: EmailRecord? = nil, by gateway: Performer
    ) async throws(HelpDeskError) -> EmailReceipt {
        var sender = sender
        if case .unknown(let address) = sender, case .newContact(let company) = configuration.email.unknownSenders {
            let contact = try await addContact(
                NewContact(
                    companyID: company, name: EmailSender.displayName(of: address),
                    email: canonical),
                by: gateway)
            sender = .contact(contact)
        }
        let request = try await newTicket(from: letter, sender: sender)
        return try await perform(by: sender.performer) { context throws(HelpDeskError) in
            if existing == nil, let earlier = try await letter.earlier(in: self) {
                return letter.receipt(earlier, isDuplicate: true)
            }
            context.work.notes.answersRobot = letter.classification.isAutomatic
            let ticket = try await buildTicket(request, in: &context)
            let record = keep(
                letter, sender: canonical, match: match, outcome: .createdTicket(ticket.id), replacing: existing,
                in: &context.work)
            return letter.receipt(record, isDuplicate: false)
        }
    }

    /// The ticket `letter` asks for: its subject, text and files; its sender's copied colleagues follow it.
    private func newTicket(from letter: ReceivedLetter, sender: EmailSender) async throws(HelpDeskError) -> NewTicket {
        let message = letter.message
        var title = message.subject.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { title = "(no subject)" }
        var request = NewTicket(
            title: String(title.prefix(configuration.maximumTitleLength)),
            description: String(
                message.text.trimmingCharacters(in: .whitespacesAndNewlines).prefix(configuration.maximumTextLength)),
            channel: .email,
            requester: sender.requester, attachments: letter.attachments)
        if configuration.email.copiedContactsFollow, case .contact(let requester) = sender {
            request.ccContactIDs = try await copiedContacts(of: message, colleaguesOf: requester)
        }
        return request
    }

    /// Active contacts of `requester`'s company named in `To`/`Cc`, except the requester and the desk.
    private func copiedContacts(of message: MailMessage, colleaguesOf requester: Contact) async throws(HelpDeskError)
        -> [ContactID]
    {
        let own = configuration.email.ownAddresses
        var found: Set<ContactID> = []
        for address in (message.to + message.cc).prefix(50) where !own.contains(address.normalized) {
            guard case .contact(let contact) = try await sender(address), contact.companyID == requester.companyID,
                contact.isActive, contact.id != requester.id
            else { continue }
            found.insert(contact.id)
        }
        return found.sorted()
    }

    /// Adds `letter` to `ticket` as a public reply by its sender (the quote and signature cut off).
    func append(
        _ letter: ReceivedLetter, to ticket: Ticket, match: EmailThreadMatch, from sender: EmailSender, canonical: String,
        replacing existing: EmailRecord? = nil
    ) async throws(HelpDeskError) -> EmailReceipt {
        var performer = sender.performer
        if case .unknown = sender, case .freeText(let text) = ticket.requester { performer = .client(name: text) }
        let split = ReplyText.split(letter.message.text)
        let body = String(
            (split.reply.isEmpty ? letter.message.text : split.reply).trimmingCharacters(in: .whitespacesAndNewlines)
                .prefix(configuration.maximumTextLength))
        let request = NewComment(body, visibility: .public, attachments: letter.attachments)
        try check(request, by: performer)
        return try await perform(by: performer, editing: [ticket.id]) { context throws(HelpDeskError) in
            if existing == nil, let earlier = try await letter.earlier(in: self) {
                return letter.receipt(earlier, isDuplicate: true)
            }
            context.work.notes.answersRobot = letter.classification.isAutomatic
            var added: Comment?
            _ = try await edit(ticket.id, in: &context, for: .replyPublicly) { edit throws(HelpDeskError) in
                try addComment(request, to: ticket.id, by: performer, in: &edit)
                added = edit.comments.last
            }
            guard let added else { throw .invalidInput(field: "body", problem: .blank) }
            let record = keep(
                letter, sender: canonical, match: match, outcome: .appended(ticket.id, added.id), replacing: existing,
                in: &context.work)
            return letter.receipt(record, isDuplicate: false)
        }
    }

    /// Records a bounce and marks the addresses that failed.
    private func recordBounce(_ letter: ReceivedLetter, sender: String, ticket: TicketID?, by gateway: Performer)
        async throws(HelpDeskError) -> EmailReceipt
    {
        let records = try feature((any EmailRepository).self)
        let failed = Array(Set(letter.classification.failedRecipients.map(configuration.email.canonical))).sorted().prefix(50)
        return try await perform(by: gateway) { context throws(HelpDeskError) in
            if let earlier = try await letter.earlier(in: self) { return letter.receipt(earlier, isDuplicate: true) }
            let now = clock.now()
            let record = keep(
                letter, sender: sender, match: ticket == nil ? .none : .messageID, outcome: .ignored(ticket: ticket),
                replacing: nil, in: &context.work)
            for address in failed {
                let stored = try await storage { try await records.bouncedAddress(address) }
                var mark = BouncedAddress(
                    address: address, firstBounceAt: now, lastBounceAt: now, count: 1, lastRecordID: record.id)
                if let stored, stored.isActive {
                    mark = stored
                    mark.lastBounceAt = now
                    mark.count = stored.count.addingReportingOverflow(1).overflow ? stored.count : stored.count + 1
                    mark.lastRecordID = record.id
                }
                mark.revision = (stored?.revision ?? 0) + 1
                context.work.bouncedAddressWrites.append(
                    BouncedAddressWrite(mark: mark, expectedRevision: stored?.revision))
            }
            return letter.receipt(record, isDuplicate: false)
        }
    }

    /// Adds the record of `letter` to `work`: a new one, or `existing` (a quarantined message) decided.
    func keep(
        _ letter: ReceivedLetter, sender: String, match: EmailThreadMatch, outcome: EmailOutcome,
        replacing existing: EmailRecord?, in work: inout UnitOfWork
    ) -> EmailRecord {
        var record = letter.record(
            id: existing?.id ?? nextID(), sender: sender, at: existing?.receivedAt ?? clock.now(), match: match,
            outcome: outcome)
        record.revision = (existing?.revision ?? 0) + 1
        if let existing { record.messageKey = existing.messageKey }
        work.emailRecordWrites.append(EmailRecordWrite(record: record, expectedRevision: existing?.revision))
        if var mark = letter.liftedBounce, mark.isActive, outcome.ticketID != nil, !outcome.isQuarantined {
            mark.isActive = false
            mark.revision += 1
            work.bouncedAddressWrites.append(BouncedAddressWrite(mark: mark, expectedRevision: mark.revision - 1))
        }
        return record
    }

    /// `name` without directories or control characters, never blank, at most 255 characters.
    nonisolated static func safeFileName(_ name: String, index: Int) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = last.filter { !($0.unicodeScalars.first.map(CharacterSet.controlCharacters.contains) ?? false) }
            .trimmingCharacters(in: .whitespaces)
        return clean.isEmpty ? "attachment-\(index + 1)" : String(clean.prefix(255))
    }

    /// `type` when it is `type/subtype` without spaces, else `application/octet-stream`.
    nonisolated static func safeMediaType(_ type: String) -> String {
        let parts = type.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts.contains(where: \.isEmpty), !type.contains(where: \.isWhitespace) else {
            return "application/octet-stream"
        }
        return String(type.prefix(255))
    }
}

extension HelpDeskError {
    /// `true` for a failure that says nothing about the message (a conflict that outlasted the
    /// retries, an unavailable or failing store): it reaches the host, which delivers the message
    /// again later, instead of being recorded as a refusal.
    var isTransient: Bool { code == .conflict || code == .unavailable || code == .storage }
}

extension MailClassification.Kind {
    /// `true` for mail the desk only records: its own, absence notices and bounces.
    var changesNothing: Bool { self == .ownMail || self == .outOfOffice || self == .bounce }
}
