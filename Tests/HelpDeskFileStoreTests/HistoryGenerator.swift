import Foundation
import HelpDeskKit
import HelpDeskTestSupport

@testable import HelpDeskFileStore

/// Seeded random comments, audit entries, outbox events and units of work.
struct HistoryGenerator {
    /// The number of `DomainEvent` cases: ``event(code:)`` builds codes `1...eventCaseCount`.
    static let eventCaseCount = 32
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
        case .visitPlanned: 30
        case .visitRescheduled: 31
        case .visitCancelled: 32
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
        case 30: .visitPlanned(ticket: t, number: n, start: date(), end: date())
        case 31: .visitRescheduled(ticket: t, number: n, start: date(), end: date())
        case 32: .visitCancelled(ticket: t, number: n)
        default: preconditionFailure("no DomainEvent case has code \(code)")
        }
    }

    /// A trail subject of any kind, accounts in money and in prepaid units.
    mutating func subject() -> TrailSubject {
        pick([
            .company(id()), .location(id()), .contact(id()), .contract(id()), .asset(id()), .assetModel(id()),
            .priceListItem(id()), .contractPrice(id(), item: id()), .account(id(), unit: .money(.rub)),
            .account(id(), unit: .prepaid(text())), .knowledgeSection(id()), .knowledgeArticle(id()),
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
