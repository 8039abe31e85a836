import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@testable import HelpDeskFileStore

@Suite("Record codec: comments, audit entries and events")
struct HistoryCodecTests {
    /// The codecs declare how many stored properties they write; a new field must be encoded.
    @Test func fieldCountsMatchTheTypes() {
        var gen = HistoryGenerator(seed: 1)
        let (entry, comment, pending) = (gen.auditEntry(), gen.comment(), gen.pendingEvent(code: 1))
        #expect(Mirror(reflecting: entry).children.count == EntryCodec.auditEntryFieldCount)
        #expect(Mirror(reflecting: comment).children.count == EntryCodec.commentFieldCount)
        #expect(Mirror(reflecting: pending).children.count == EventCodec.pendingEventFieldCount)
        #expect(Mirror(reflecting: pending.audience).children.count == EventCodec.audienceFieldCount)
    }

    /// Random units of work (every event case, every performer kind, optional values both ways)
    /// come back equal from a kind-2 record.
    @Test func randomUnitsRoundTrip() throws {
        var gen = HistoryGenerator(seed: 2026)
        var names: Set<String> = []
        var codes: Set<UInt8> = []
        var (withWrites, withRest, withHistory) = (0, 0, 0)
        for index in 0..<600 {
            let work = gen.unit()
            let payload = try RecordCodec.encode(work)
            #expect(payload.first == RecordCodec.unitOfWork)
            let decoded = try decode(payload)
            guard decoded == work else {
                Issue.record("unit \(index) changed in a round trip:\n\(work)\nbecame\n\(decoded)")
                break
            }
            names.formUnion(work.events.map(\.event.name))
            codes.formUnion(work.events.map { HistoryGenerator.code(of: $0.event) })
            withWrites += work.ticketWrites.isEmpty ? 0 : 1
            withRest += work.acknowledgedEvents.isEmpty ? 0 : 1
            withHistory += work.comments.isEmpty || work.auditEntries.isEmpty ? 0 : 1
        }
        #expect(names.count == HistoryGenerator.eventCaseCount)
        #expect(names.count == 29)
        #expect(codes == Set(1...UInt8(HistoryGenerator.eventCaseCount)))
        #expect(withWrites > 50 && withRest > 50 && withHistory > 50)
    }

    /// Records written before kind 2 (history as JSON after the ticket writes) still load.
    @Test func kindOneRecordsStillDecode() throws {
        for seed in UInt64(0)..<40 {
            var gen = HistoryGenerator(seed: seed)
            let work = seed == 0 ? gen.richUnit() : gen.unit()
            var w = ByteWriter()
            var scratch = ByteWriter()
            w.u8(RecordCodec.unitOfWorkWithJSONHistory)
            w.varint(UInt64(work.ticketWrites.count))
            for write in work.ticketWrites {
                w.u8(write.expectedRevision == nil ? 0 : 1)
                if let expected = write.expectedRevision { w.int(expected) }
                TicketCodec.encode(write.ticket, to: &w, scratch: &scratch)
            }
            let rest = work.withoutTicketWrites
            if rest.isEmpty { w.varint(0) } else { w.blob(try JSONEncoder().encode(rest)) }
            #expect(w.bytes.first == 1)
            #expect(try decode(w.bytes) == work, "kind-1 unit of seed \(seed)")
        }
    }

    /// A group written by a newer version carries fields this reader does not know: the reader
    /// takes the fields it knows and continues after the whole group.
    @Test func groupsSkipFieldsAddedLater() throws {
        var gen = HistoryGenerator(seed: 3)
        try checkWidened(
            gen.auditEntry(), gen.auditEntry(), encode: { EntryCodec.encode($0, to: &$1) },
            decode: { try EntryCodec.decodeAuditEntry(from: &$0) })
        try checkWidened(
            gen.comment(), gen.comment(), encode: { EntryCodec.encode($0, to: &$1) },
            decode: { try EntryCodec.decodeComment(from: &$0) })
        for code in 1...HistoryGenerator.eventCaseCount {
            try checkWidened(
                gen.pendingEvent(code: code), gen.pendingEvent(code: code),
                encode: { EventCodec.encode($0, to: &$1) },
                decode: { try EventCodec.decodePendingEvent(from: &$0) })
            try checkWidened(
                gen.event(code: code), gen.event(code: code), encode: { EventCodec.encode($0, to: &$1) },
                decode: { try EventCodec.decodeEvent(from: &$0) })
        }
    }

    /// Every proper prefix of a record is rejected, and so is an unknown event code.
    @Test func damageThrowsMalformedBytes() throws {
        var gen = HistoryGenerator(seed: 5)
        let work = gen.richUnit()
        let payload = try RecordCodec.encode(work)
        #expect(try decode(payload) == work)

        // `RecordCodec.decode` throws only `MalformedBytes` (typed throws), so `try?` sees only those.
        let decodedPrefixes = (1..<payload.count).filter { (try? decode(payload[..<$0])) != nil }
        #expect(decodedPrefixes.isEmpty, "prefixes of \(payload.count) bytes that decoded")

        // The events follow the history of the same unit without events; each event group starts
        // with its 4-byte length, then the domain event group's 4-byte length, then the case code.
        var withoutEvents = work
        withoutEvents.events = []
        withoutEvents.acknowledgedEvents = []
        var offset = try RecordCodec.encode(withoutEvents).count - 2  // The event count, then `0`.
        #expect(payload[offset] == UInt8(work.events.count))
        offset += 1
        for pending in work.events {
            #expect(payload[offset + 8] == HistoryGenerator.code(of: pending.event))
            for unknown: UInt8 in [0, 30, 99] {
                var damaged = payload
                damaged[offset + 8] = unknown
                #expect(throws: MalformedBytes.self, "\(pending.event.name) as code \(unknown)") {
                    try decode(damaged)
                }
            }
            offset += 4 + Int(groupLength(payload, at: offset))
        }
        #expect(Int(payload[offset]) == payload.count - offset - 1)  // Only the JSON rest follows.

        // Any changed byte either decodes (to some value: the frame checksum guards the content) or
        // throws `MalformedBytes`; it never traps.
        var random = SplitMix64(seed: 55)
        var thrown = 0
        for _ in 0..<4000 {
            var damaged = payload
            let index = Int(random.next() % UInt64(payload.count))
            damaged[index] ^= UInt8(truncatingIfNeeded: 1 + random.next() % 255)
            thrown += (try? decode(damaged)) == nil ? 1 : 0
        }
        #expect(thrown > 100)  // Counts, lengths, codes and kinds are hit too, not only payload bytes.
    }
}

// MARK: - Helpers

/// Decodes a record payload.
private func decode(_ bytes: some Collection<UInt8>) throws -> UnitOfWork {
    try Array(bytes).withUnsafeBytes { try RecordCodec.decode($0) }
}

/// The little-endian group length at `offset`.
private func groupLength(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    bytes[offset..<offset + 4].reversed().reduce(0) { $0 << 8 | UInt32($1) }
}

/// Encodes `first` with five unknown bytes appended inside its group (its length rewritten to
/// cover them), then `second` as is, and decodes both.
private func checkWidened<Value: Equatable>(
    _ first: Value, _ second: Value, encode: (Value, inout ByteWriter) -> Void,
    decode: (inout ByteReader) throws -> Value, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    var w = ByteWriter()
    encode(first, &w)
    let length = groupLength(w.bytes, at: 0)
    #expect(Int(length) == w.bytes.count - 4, sourceLocation: sourceLocation)
    w.bytes += [0xFF, 0x00, 0x7F, 0x80, 0x01]
    withUnsafeBytes(of: (length + 5).littleEndian) { w.bytes.replaceSubrange(0..<4, with: $0) }
    let firstEnd = w.bytes.count
    encode(second, &w)
    let (decoded, ends) = try w.bytes.withUnsafeBytes { buffer in
        var r = ByteReader(buffer)
        let values = [try decode(&r)]
        let firstEnd = r.position
        return (values + [try decode(&r)], [firstEnd, r.position])
    }
    #expect(decoded == [first, second], sourceLocation: sourceLocation)
    #expect(ends == [firstEnd, w.bytes.count], sourceLocation: sourceLocation)
}

/// Seeded random comments, audit entries, outbox events and units of work.
private struct HistoryGenerator {
    /// The number of `DomainEvent` cases: ``event(code:)`` builds codes `1...eventCaseCount`.
    static let eventCaseCount = 29
    private static let fixtures = TicketFixtures(seed: 77)
    private static let texts = [
        "", " ", "Printer on the 3rd floor jams", "Принтер не печатает", "ΣΦΑΛΜΑ δικτύου",
        "İstanbul café Straße", "🖨️🔥 — «quoted»\nsecond line\ttab", "e\u{301} and é", "nul\u{0}inside",
        "日本語のテキスト", String(repeating: "long text ", count: 40),
    ]

    private var random: SplitMix64
    private var ids: SeededIdentifierSource
    private var ticketSeed: UInt64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
        ids = SeededIdentifierSource(seed: seed ^ 0xC0DE)
        ticketSeed = seed << 16
    }

    /// The `EventCodec` case code of `event`. The switch is exhaustive: a new `DomainEvent` case
    /// does not compile here until it gets its code, ``eventCaseCount`` and ``event(code:)`` grow.
    static func code(of event: DomainEvent) -> UInt8 {
        switch event {
        case .ticketCreated: 1
        case .ticketAssigned: 2
        case .statusChanged: 3
        case .ticketReopened: 4
        case .commentAdded: 5
        case .ticketPostponed: 6
        case .returnedToWork: 7
        case .ticketUpdated: 8
        case .watchersChanged: 9
        case .attachmentsAdded: 10
        case .ticketsLinked: 11
        case .ticketsUnlinked: 12
        case .slaWarning: 13
        case .slaBreached: 14
        case .contractReminder: 15
        case .ticketsMerged: 16
        case .timeLogged: 17
        case .timeEntryEdited: 18
        case .timeEntryDeleted: 19
        case .ratingRequested: 20
        case .ticketRated: 21
        case .lowRatingReceived: 22
        case .paidWorkApproval: 23
        case .recordChanged: 24
        case .specificationChanged: 25
        case .workSettled: 26
        case .debtorTicketAssigned: 27
        case .allowanceAlert: 28
        case .noticeSent: 29
        }
    }

    mutating func below(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
    mutating func coin() -> Bool { random.next() & 1 == 0 }
    mutating func pick<Element>(_ choices: [Element]) -> Element { choices[below(choices.count)] }
    mutating func id<Tag>() -> Identifier<Tag> { ids.next() }
    mutating func maybeID<Tag>() -> Identifier<Tag>? { coin() ? nil : ids.next() }
    mutating func idList<Tag>() -> [Identifier<Tag>] { (0..<below(4)).map { _ in ids.next() } }
    mutating func text() -> String { pick(Self.texts) }
    mutating func maybeText() -> String? { below(3) == 0 ? nil : text() }
    mutating func ticketNumber() -> TicketNumber { TicketNumber(int()) }

    /// Small numbers mostly, sometimes the extremes or any 64 bits.
    mutating func int() -> Int {
        switch below(4) {
        case 0: pick([Int.min, Int.max, 0, -1])
        case 1: Int(truncatingIfNeeded: random.next())
        default: below(200) - 50
        }
    }

    /// Instants with fractions of a second, before and after 2001.
    mutating func date() -> Date {
        Date(timeIntervalSinceReferenceDate: Double(Int64(bitPattern: random.next()) >> 24) / 1000)
    }

    /// Any of the four kinds.
    mutating func performer() -> Performer {
        pick([.employee(id()), .contact(id()), .client(name: text()), .system])
    }

    mutating func visibility() -> CommentVisibility { coin() ? .public : .internal }
    mutating func status() -> StatusCode { coin() ? pick(Self.fixtures.statuses) : .init(text()) }

    mutating func attachments(upTo limit: Int) -> [HelpDeskKit.Attachment] {
        (0..<below(limit + 1)).map { _ in
            HelpDeskKit.Attachment(
                fileName: text(), mediaType: pick(["image/png", "application/pdf", ""]),
                byteCount: Int64(int()), checksum: "sha256:\(String(random.next(), radix: 16))")
        }
    }

    mutating func comment() -> HelpDeskKit.Comment {
        HelpDeskKit.Comment(
            id: id(), ticketID: id(), author: performer(), body: text(), visibility: visibility(),
            attachments: attachments(upTo: 2), createdAt: date(), mergedFrom: maybeID())
    }

    mutating func auditEntry() -> AuditEntry {
        AuditEntry(
            id: id(), ticketID: id(), field: pick(AuditField.allCases), oldValue: maybeText(),
            newValue: maybeText(), performer: performer(), at: date())
    }

    mutating func reminder() -> ContractReminder {
        pick([.renewalDue(id()), .periodUnpaid(id()), .contractEnding])
    }

    /// A random event of the case with `EventCodec` code `code`.
    mutating func event(code: Int) -> DomainEvent {
        let (t, n): (TicketID, TicketNumber) = (id(), ticketNumber())
        return switch code {
        case 1:
            .ticketCreated(
                ticket: t, number: n, channel: pick(Channel.allCases), priority: pick(Priority.allCases))
        case 2: .ticketAssigned(ticket: t, number: n, assignee: maybeID(), group: maybeID())
        case 3: .statusChanged(ticket: t, number: n, from: status(), to: status())
        case 4: .ticketReopened(ticket: t, number: n)
        case 5: .commentAdded(ticket: t, number: n, comment: id(), visibility: visibility())
        case 6: .ticketPostponed(ticket: t, number: n, until: date())
        case 7: .returnedToWork(ticket: t, number: n)
        case 8:
            .ticketUpdated(
                ticket: t, number: n, fields: (0..<below(4)).map { _ in pick(AuditField.allCases) })
        case 9: .watchersChanged(ticket: t, number: n, added: idList(), removed: idList())
        case 10: .attachmentsAdded(ticket: t, number: n, files: attachments(upTo: 3))
        case 11:
            .ticketsLinked(
                ticket: t, number: n, kind: pick(LinkKind.allCases), other: id(),
                otherNumber: ticketNumber())
        case 12:
            .ticketsUnlinked(
                ticket: t, number: n, kind: pick(LinkKind.allCases), other: id(),
                otherNumber: ticketNumber())
        case 13:
            .slaWarning(
                ticket: t, number: n, clock: pick(SLAClockKind.allCases), threshold: int(), dueAt: date())
        case 14: .slaBreached(ticket: t, number: n, clock: pick(SLAClockKind.allCases), dueAt: date())
        case 15: .contractReminder(contract: id(), number: text(), reminder: reminder())
        case 16: .ticketsMerged(source: t, sourceNumber: n, target: id(), targetNumber: ticketNumber())
        case 17: .timeLogged(ticket: t, number: n, entry: id(), employee: id(), minutes: int())
        case 18: .timeEntryEdited(ticket: t, number: n, entry: id())
        case 19: .timeEntryDeleted(ticket: t, number: n, entry: id())
        case 20:
            .ratingRequested(ticket: t, number: n, request: id(), token: token(), expiresAt: date())
        case 21: .ticketRated(ticket: t, number: n, rating: id(), score: int())
        case 22:
            .lowRatingReceived(ticket: t, number: n, rating: id(), score: int(), assignee: maybeID())
        case 23:
            .paidWorkApproval(ticket: t, number: n, version: int(), decision: pick(ApprovalDecision.allCases))
        case 24: .recordChanged(subject: subject(), action: pick(TrailAction.allCases), entry: id())
        case 25: .specificationChanged(ticket: t, number: n, version: int())
        case 26: .workSettled(ticket: t, number: n, version: int())
        case 27: .debtorTicketAssigned(ticket: t, number: n, company: id(), assignee: id())
        case 28:
            .allowanceAlert(
                contract: id(), number: text(), period: id(), measure: pick(AllowanceMeasure.allCases), percent: int(),
                consumed: int(), included: int())
        case 29:
            .noticeSent(
                ticket: t, number: n,
                notice: Notice(
                    purpose: pick(NoticePurpose.allCases), reader: pick(NoticeReader.allCases), subject: text(),
                    text: text(), html: text(), isAutomatic: coin()))
        default: preconditionFailure("no DomainEvent case has code \(code)")
        }
    }

    /// A trail subject of any kind, accounts in money and in prepaid units.
    mutating func subject() -> TrailSubject {
        pick([
            .company(id()), .location(id()), .contact(id()), .contract(id()), .asset(id()), .assetModel(id()),
            .priceListItem(id()), .contractPrice(id(), item: id()), .account(id(), unit: .money(.rub)),
            .account(id(), unit: .prepaid(text())),
        ])
    }

    mutating func token() -> RatingToken {
        RatingToken(coin() ? "AbCdEfGhIjKlMnOpQrStUvWxYz012-_9" : text())
    }

    /// Employee and group lists, empty or not; no requester, a contact or free text.
    mutating func audience() -> Audience {
        Audience(
            employeeIDs: idList(), groupIDs: idList(),
            requester: pick([nil, .contact(id()), .freeText(text())]))
    }

    mutating func pendingEvent(code: Int) -> PendingEvent {
        PendingEvent(
            id: id(), event: event(code: code), performer: performer(), audience: audience(),
            occurredAt: date())
    }

    /// Saves one or two fixture tickets, some with an expected revision.
    mutating func saveTickets(into work: inout UnitOfWork) {
        ticketSeed += 1
        let count = 1 + below(2)
        for ticket in Self.fixtures.tickets(count: count, firstNumber: 1 + below(999), seed: ticketSeed) {
            work.save(ticket, expectedRevision: coin() ? nil : int())
        }
    }

    /// 0–3 comments, 0–4 audit entries, 0–4 events, sometimes ticket writes and a JSON rest.
    mutating func unit() -> UnitOfWork {
        var work = UnitOfWork()
        if below(3) == 0 { saveTickets(into: &work) }
        work.comments = (0..<below(4)).map { _ in comment() }
        work.auditEntries = (0..<below(5)).map { _ in auditEntry() }
        work.events = (0..<below(5)).map { _ in pendingEvent(code: 1 + below(Self.eventCaseCount)) }
        if below(4) == 0 { work.acknowledgedEvents = coin() ? [3, 5] : [random.next(), 0, .max] }
        return work
    }

    /// Ticket writes, 3 comments, 4 audit entries, one event of every case and a JSON rest.
    mutating func richUnit() -> UnitOfWork {
        var work = UnitOfWork()
        saveTickets(into: &work)
        work.comments = (0..<3).map { _ in comment() }
        work.auditEntries = (0..<4).map { _ in auditEntry() }
        work.events = (1...Self.eventCaseCount).map { pendingEvent(code: $0) }
        work.acknowledgedEvents = [3, 5]
        return work
    }
}
