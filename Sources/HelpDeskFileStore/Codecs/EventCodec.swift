import Foundation
import HelpDeskKit

/// Binary form of outbox events: a ``PendingEvent`` group whose first field is the
/// ``DomainEvent`` group (a case code, then that case's values in declaration order).
///
/// Case codes are fixed forever: a new case takes the next unused code, and a new value of a
/// case is appended after the existing ones (see ``ByteWriter/group(_:)``).
enum EventCodec {
    /// Number of stored properties of `PendingEvent` and `Audience` this codec writes; a test
    /// compares them with `Mirror(reflecting:)` so a new field cannot be silently dropped.
    static let pendingEventFieldCount = 5
    static let audienceFieldCount = 4

    /// Appends a pending event.
    static func encode(_ pending: PendingEvent, to w: inout ByteWriter) {
        w.group { w in
            encode(pending.event, to: &w)
            w.uuid(pending.id.rawValue)
            w.performer(pending.performer)
            w.group { w in
                w.ids(pending.audience.employeeIDs)
                w.ids(pending.audience.groupIDs)
                if let requester = pending.audience.requester {
                    w.u8(1)
                    w.requester(requester)
                } else {
                    w.u8(0)
                }
                w.ids(pending.audience.contactIDs)
            }
            w.date(pending.occurredAt)
        }
    }

    /// Reads a pending event.
    static func decodePendingEvent(from r: inout ByteReader) throws(MalformedBytes) -> PendingEvent {
        var g = try r.group()
        let event = try decodeEvent(from: &g)
        let id: EventID = try g.id()
        let performer = try g.performer()
        var a = try g.group()
        let audience = Audience(
            employeeIDs: try a.ids(), groupIDs: try a.ids(),
            requester: try a.presence() ? try a.requester() : nil,
            contactIDs: a.isAtEnd ? [] : try a.ids())
        return PendingEvent(
            id: id, event: event, performer: performer, audience: audience, occurredAt: try g.date())
    }

    // MARK: Domain events

    /// Appends a domain event.
    static func encode(_ event: DomainEvent, to w: inout ByteWriter) {
        w.group { w in
            func head(_ code: UInt64, _ ticket: TicketID, _ number: TicketNumber) {
                w.varint(code)
                w.uuid(ticket.rawValue)
                w.int(number.rawValue)
            }
            switch event {
            case .ticketCreated(let ticket, let number, let channel, let priority):
                head(1, ticket, number)
                w.string(channel.rawValue)
                w.int(priority.rawValue)
            case .ticketAssigned(let ticket, let number, let assignee, let group):
                head(2, ticket, number)
                w.optionalID(assignee)
                w.optionalID(group)
            case .statusChanged(let ticket, let number, let from, let to):
                head(3, ticket, number)
                w.string(from.rawValue)
                w.string(to.rawValue)
            case .ticketReopened(let ticket, let number):
                head(4, ticket, number)
            case .commentAdded(let ticket, let number, let comment, let visibility):
                head(5, ticket, number)
                w.uuid(comment.rawValue)
                w.string(visibility.rawValue)
            case .ticketPostponed(let ticket, let number, let until):
                head(6, ticket, number)
                w.date(until)
            case .returnedToWork(let ticket, let number):
                head(7, ticket, number)
            case .ticketUpdated(let ticket, let number, let fields):
                head(8, ticket, number)
                w.varint(UInt64(fields.count))
                for field in fields { w.string(field.rawValue) }
            case .watchersChanged(let ticket, let number, let added, let removed):
                head(9, ticket, number)
                w.ids(added)
                w.ids(removed)
            case .attachmentsAdded(let ticket, let number, let files):
                head(10, ticket, number)
                w.attachments(files)
            case .ticketsLinked(let ticket, let number, let kind, let other, let otherNumber):
                head(11, ticket, number)
                link(kind, other, otherNumber, to: &w)
            case .ticketsUnlinked(let ticket, let number, let kind, let other, let otherNumber):
                head(12, ticket, number)
                link(kind, other, otherNumber, to: &w)
            case .slaWarning(let ticket, let number, let clock, let threshold, let dueAt):
                head(13, ticket, number)
                w.string(clock.rawValue)
                w.int(threshold)
                w.date(dueAt)
            case .slaBreached(let ticket, let number, let clock, let dueAt):
                head(14, ticket, number)
                w.string(clock.rawValue)
                w.date(dueAt)
            case .contractReminder(let contract, let number, let reminder):
                w.varint(15)
                w.uuid(contract.rawValue)
                w.string(number)
                encode(reminder, to: &w)
            case .ticketsMerged(let source, let sourceNumber, let target, let targetNumber):
                head(16, source, sourceNumber)
                w.uuid(target.rawValue)
                w.int(targetNumber.rawValue)
            case .timeLogged(let ticket, let number, let entry, let employee, let minutes):
                head(17, ticket, number)
                w.uuid(entry.rawValue)
                w.uuid(employee.rawValue)
                w.int(minutes)
            case .timeEntryEdited(let ticket, let number, let entry):
                head(18, ticket, number)
                w.uuid(entry.rawValue)
            case .timeEntryDeleted(let ticket, let number, let entry):
                head(19, ticket, number)
                w.uuid(entry.rawValue)
            case .ratingRequested(let ticket, let number, let request, let token, let expiresAt):
                head(20, ticket, number)
                w.uuid(request.rawValue)
                w.string(token.rawValue)
                w.date(expiresAt)
            case .ticketRated(let ticket, let number, let rating, let score):
                head(21, ticket, number)
                w.uuid(rating.rawValue)
                w.int(score)
            case .lowRatingReceived(let ticket, let number, let rating, let score, let assignee):
                head(22, ticket, number)
                w.uuid(rating.rawValue)
                w.int(score)
                w.optionalID(assignee)
            case .paidWorkApproval(let ticket, let number, let version, let decision):
                head(23, ticket, number)
                w.int(version)
                w.string(decision.rawValue)
            case .recordChanged(let subject, let action, let entry):
                w.varint(24)
                encode(subject, to: &w)
                w.string(action.rawValue)
                w.uuid(entry.rawValue)
            case .specificationChanged(let ticket, let number, let version):
                head(25, ticket, number)
                w.int(version)
            case .workSettled(let ticket, let number, let version):
                head(26, ticket, number)
                w.int(version)
            case .debtorTicketAssigned(let ticket, let number, let company, let assignee):
                head(27, ticket, number)
                w.uuid(company.rawValue)
                w.uuid(assignee.rawValue)
            case .noticeSent(let ticket, let number, let notice):
                head(29, ticket, number)
                w.string(notice.purpose.rawValue)
                w.string(notice.reader.rawValue)
                w.string(notice.subject)
                w.string(notice.text)
                w.string(notice.html)
                w.int(notice.isAutomatic ? 1 : 0)
            case .visitPlanned(let ticket, let number, let start, let end):
                head(30, ticket, number)
                w.date(start)
                w.date(end)
            case .visitRescheduled(let ticket, let number, let start, let end):
                head(31, ticket, number)
                w.date(start)
                w.date(end)
            case .visitCancelled(let ticket, let number):
                head(32, ticket, number)
            case .allowanceAlert(
                let contract, let number, let period, let measure, let percent, let consumed, let included):
                w.varint(28)
                w.uuid(contract.rawValue)
                w.string(number)
                w.uuid(period.rawValue)
                w.string(measure.rawValue)
                w.int(percent)
                w.int(consumed)
                w.int(included)
            }
        }
    }

    /// Reads a domain event.
    static func decodeEvent(from r: inout ByteReader) throws(MalformedBytes) -> DomainEvent {
        var g = try r.group()
        let start = g.position
        let code = try g.varint()
        if code == 15 {
            return .contractReminder(
                contract: try g.id(), number: try g.string(), reminder: try decodeReminder(from: &g))
        }
        if code == 24 {
            return .recordChanged(subject: try decodeSubject(from: &g), action: try g.raw(), entry: try g.id())
        }
        if code == 28 {
            let (contract, number, period): (ContractID, String, ServicePeriodID) = (try g.id(), try g.string(), try g.id())
            let raw = try g.string()
            guard let measure = AllowanceMeasure(rawValue: raw) else {
                throw MalformedBytes(offset: start, reason: "unknown allowance measure \(raw)")
            }
            return .allowanceAlert(
                contract: contract, number: number, period: period, measure: measure, percent: try g.int(),
                consumed: try g.int(), included: try g.int())
        }
        let ticket: TicketID = try g.id()
        let number = TicketNumber(try g.int())
        switch code {
        case 1:
            let channel: Channel = try g.raw()
            guard let priority = Priority(rawValue: try g.int()) else {
                throw MalformedBytes(offset: start, reason: "unknown priority")
            }
            return .ticketCreated(ticket: ticket, number: number, channel: channel, priority: priority)
        case 2:
            return .ticketAssigned(
                ticket: ticket, number: number, assignee: try g.optionalID(), group: try g.optionalID())
        case 3:
            return .statusChanged(ticket: ticket, number: number, from: try g.raw(), to: try g.raw())
        case 4: return .ticketReopened(ticket: ticket, number: number)
        case 5:
            return .commentAdded(
                ticket: ticket, number: number, comment: try g.id(), visibility: try g.raw())
        case 6: return .ticketPostponed(ticket: ticket, number: number, until: try g.date())
        case 7: return .returnedToWork(ticket: ticket, number: number)
        case 8:
            var fields: [AuditField] = []
            for _ in 0..<(try g.length()) { fields.append(try g.raw()) }
            return .ticketUpdated(ticket: ticket, number: number, fields: fields)
        case 9:
            return .watchersChanged(
                ticket: ticket, number: number, added: try g.ids(), removed: try g.ids())
        case 10: return .attachmentsAdded(ticket: ticket, number: number, files: try g.attachments())
        case 11:
            return .ticketsLinked(
                ticket: ticket, number: number, kind: try g.raw(), other: try g.id(),
                otherNumber: TicketNumber(try g.int()))
        case 12:
            return .ticketsUnlinked(
                ticket: ticket, number: number, kind: try g.raw(), other: try g.id(),
                otherNumber: TicketNumber(try g.int()))
        case 13:
            return .slaWarning(
                ticket: ticket, number: number, clock: try g.raw(), threshold: try g.int(),
                dueAt: try g.date())
        case 14:
            return .slaBreached(ticket: ticket, number: number, clock: try g.raw(), dueAt: try g.date())
        case 16:
            return .ticketsMerged(
                source: ticket, sourceNumber: number, target: try g.id(),
                targetNumber: TicketNumber(try g.int()))
        case 17:
            return .timeLogged(
                ticket: ticket, number: number, entry: try g.id(), employee: try g.id(),
                minutes: try g.int())
        case 18: return .timeEntryEdited(ticket: ticket, number: number, entry: try g.id())
        case 19: return .timeEntryDeleted(ticket: ticket, number: number, entry: try g.id())
        case 20:
            return .ratingRequested(
                ticket: ticket, number: number, request: try g.id(), token: RatingToken(try g.string()),
                expiresAt: try g.date())
        case 21:
            return .ticketRated(ticket: ticket, number: number, rating: try g.id(), score: try g.int())
        case 22:
            return .lowRatingReceived(
                ticket: ticket, number: number, rating: try g.id(), score: try g.int(),
                assignee: try g.optionalID())
        case 23:
            let version = try g.int()
            let raw = try g.string()
            guard let decision = ApprovalDecision(rawValue: raw) else {
                throw MalformedBytes(offset: start, reason: "unknown approval decision \(raw)")
            }
            return .paidWorkApproval(ticket: ticket, number: number, version: version, decision: decision)
        case 25: return .specificationChanged(ticket: ticket, number: number, version: try g.int())
        case 26: return .workSettled(ticket: ticket, number: number, version: try g.int())
        case 27:
            return .debtorTicketAssigned(ticket: ticket, number: number, company: try g.id(), assignee: try g.id())
        case 29:
            let notice = Notice(
                purpose: try g.raw(), reader: try g.raw(), subject: try g.string(), text: try g.string(),
                html: try g.string(), isAutomatic: try g.int() != 0)
            return .noticeSent(ticket: ticket, number: number, notice: notice)
        case 30: return .visitPlanned(ticket: ticket, number: number, start: try g.date(), end: try g.date())
        case 31: return .visitRescheduled(ticket: ticket, number: number, start: try g.date(), end: try g.date())
        case 32: return .visitCancelled(ticket: ticket, number: number)
        default: throw MalformedBytes(offset: start, reason: "unknown event code \(code)")
        }
    }

    private static func link(
        _ kind: LinkKind, _ other: TicketID, _ otherNumber: TicketNumber, to w: inout ByteWriter
    ) {
        w.string(kind.rawValue)
        w.uuid(other.rawValue)
        w.int(otherNumber.rawValue)
    }

    /// A trail subject: its kind (0…10), its identifiers, and for an account its unit's ledger code.
    private static func encode(_ subject: TrailSubject, to w: inout ByteWriter) {
        switch subject {
        case .company(let id): w.u8(0); w.uuid(id.rawValue)
        case .location(let id): w.u8(1); w.uuid(id.rawValue)
        case .contact(let id): w.u8(2); w.uuid(id.rawValue)
        case .contract(let id): w.u8(3); w.uuid(id.rawValue)
        case .asset(let id): w.u8(4); w.uuid(id.rawValue)
        case .assetModel(let id): w.u8(5); w.uuid(id.rawValue)
        case .priceListItem(let id): w.u8(6); w.uuid(id.rawValue)
        case .contractPrice(let contract, let item):
            w.u8(7)
            w.uuid(contract.rawValue)
            w.uuid(item.rawValue)
        case .account(let company, let unit):
            w.u8(8)
            w.uuid(company.rawValue)
            w.string(unit.description)
        case .knowledgeSection(let id): w.u8(9); w.uuid(id.rawValue)
        case .knowledgeArticle(let id): w.u8(10); w.uuid(id.rawValue)
        case .maintenancePlan(let id): w.u8(11); w.uuid(id.rawValue)
        }
    }

    private static func decodeSubject(from r: inout ByteReader) throws(MalformedBytes) -> TrailSubject {
        let start = r.position
        switch try r.u8() {
        case 0: return .company(try r.id())
        case 1: return .location(try r.id())
        case 2: return .contact(try r.id())
        case 3: return .contract(try r.id())
        case 4: return .asset(try r.id())
        case 5: return .assetModel(try r.id())
        case 6: return .priceListItem(try r.id())
        case 7: return .contractPrice(try r.id(), item: try r.id())
        case 8:
            let company: CompanyID = try r.id()
            let code = try r.string()
            if code.hasPrefix("prepaid:") { return .account(company, unit: .prepaid(String(code.dropFirst(8)))) }
            guard let currency = CurrencyCode(code) else {
                throw MalformedBytes(offset: start, reason: "unknown billing unit \(code)")
            }
            return .account(company, unit: .money(currency))
        case 9: return .knowledgeSection(try r.id())
        case 10: return .knowledgeArticle(try r.id())
        case 11: return .maintenancePlan(try r.id())
        case let kind: throw MalformedBytes(offset: start, reason: "unknown trail subject \(kind)")
        }
    }

    private static func encode(_ reminder: ContractReminder, to w: inout ByteWriter) {
        switch reminder {
        case .renewalDue(let period):
            w.u8(0)
            w.uuid(period.rawValue)
        case .periodUnpaid(let period):
            w.u8(1)
            w.uuid(period.rawValue)
        case .contractEnding:
            w.u8(2)
        }
    }

    private static func decodeReminder(from r: inout ByteReader) throws(MalformedBytes)
        -> ContractReminder
    {
        let start = r.position
        switch try r.u8() {
        case 0: return .renewalDue(try r.id())
        case 1: return .periodUnpaid(try r.id())
        case 2: return .contractEnding
        case let kind: throw MalformedBytes(offset: start, reason: "unknown contract reminder \(kind)")
        }
    }
}
