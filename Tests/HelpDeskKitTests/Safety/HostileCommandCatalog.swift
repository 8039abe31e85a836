import Foundation
import HelpDeskKit
import HelpDeskTestSupport

/// One public command or read of ``HelpDesk``, called with arguments drawn from a
/// ``HostileDraw`` (issue #14, "Proof").
struct HostileCommand: Sendable, CustomStringConvertible {
    /// The declaration in the source, e.g. `ticket(_:as:)`: the completeness test matches these.
    let api: String
    /// `false` for a read: it must leave the store exactly as it was, whatever it returns.
    let mutates: Bool
    /// A known defect this entry hits now and then (the draws that hit it are known issues).
    var knownIssue: String?
    /// Valid setup run once on the entry's fresh fixture before its draws (not in the mixed runs).
    var prepare: (@Sendable (AccessFixture) async throws -> Void)?
    /// Draws the arguments and makes the call.
    let run: @Sendable (inout HostileDraw) async throws -> Void

    var description: String { api }

    /// A stable seed for draw `draw` of this entry (FNV-1a of the declaration, then the draw).
    func seed(_ draw: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in api.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash ^ (UInt64(draw) &* 0x9E37_79B9_7F4A_7C15)
    }
}

/// Every public command and read of ``HelpDesk`` with hostile arguments.
///
/// ``HostileCommandTests/everyPublicMethodHasAHostileEntry()`` fails when a public method of
/// `HelpDesk` has no entry here.
enum HostileCommandCatalog {
    static let entries: [HostileCommand] =
        ticketCommands + ticketReads + directoryEntries + roleEntries + ruleEntries + clientCommands + clientReads
        + laborEntries + ratingEntries + billingCommands + billingReads + assignmentEntries + knowledgeEntries
            + knowledgeSearchEntries + cannedAnswerEntries + emailEntries + attachmentEntries + maintenanceEntries
            + visitEntries + workloadEntries

    /// A mutating command.
    static func command(
        _ api: String, knownIssue: String? = nil, prepare: (@Sendable (AccessFixture) async throws -> Void)? = nil,
        _ run: @escaping @Sendable (inout HostileDraw) async throws -> Void
    ) -> HostileCommand {
        HostileCommand(api: api, mutates: true, knownIssue: knownIssue, prepare: prepare, run: run)
    }

    /// A read.
    static func read(
        _ api: String, prepare: (@Sendable (AccessFixture) async throws -> Void)? = nil,
        _ run: @escaping @Sendable (inout HostileDraw) async throws -> Void
    ) -> HostileCommand {
        HostileCommand(api: api, mutates: false, prepare: prepare, run: run)
    }

    static func newTicket(_ d: inout HostileDraw) -> NewTicket {
        NewTicket(
            title: d.text(["Alpha printer jams"]), description: d.text(), channel: d.pick(Channel.allCases),
            categoryID: d.optionalID(d.categories), priority: d.pick(Priority.allCases), requester: d.requester(),
            companyID: d.optionalID(d.companies), locationID: d.optionalID(d.locations),
            contractID: d.optionalID(d.contracts),
            assetIDs: d.ids(d.assets), assigneeID: d.optionalID(d.employees), groupID: d.optionalID(d.groups),
            watcherIDs: d.ids(d.employees), attachments: d.attachments(), customFields: d.customFields())
    }

    static func ticketUpdate(_ d: inout HostileDraw) -> TicketUpdate {
        var update = TicketUpdate()
        if d.bool() { update.title = d.text() }
        if d.bool() { update.description = d.text() }
        if d.oneIn(3) { update.channel = d.pick(Channel.allCases) }
        if d.oneIn(3) { update.priority = d.pick(Priority.allCases) }
        if d.oneIn(3) { update.categoryID = .some(d.optionalID(d.categories)) }
        if d.oneIn(3) { update.requester = d.requester() }
        if d.oneIn(3) { update.companyID = .some(d.optionalID(d.companies)) }
        if d.oneIn(3) { update.locationID = .some(d.optionalID(d.locations)) }
        if d.oneIn(3) { update.contractID = .some(d.optionalID(d.contracts)) }
        if d.oneIn(3) { update.assetIDs = d.ids(d.assets) }
        if d.oneIn(3) { update.customFields = d.customFields().mapValues { d.bool() ? $0 : nil } }
        return update
    }

    static let ticketCommands: [HostileCommand] = [
        command("createTicket(_:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.createTicket(newTicket(&d), by: d.performer(), idempotencyKey: d.key())
        },
        command("updateTicket(_:_:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.updateTicket(
                d.id(d.tickets), ticketUpdate(&d), by: d.performer(), idempotencyKey: d.key())
        },
        command("assign(_:to:group:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.assign(
                d.id(d.tickets), to: d.optionalID(d.employees), group: d.optionalID(d.groups), by: d.performer(),
                idempotencyKey: d.key())
        },
        command("addWatchers(_:to:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.addWatchers(
                d.ids(d.employees), to: d.id(d.tickets), by: d.performer(), idempotencyKey: d.key())
        },
        command("removeWatchers(_:from:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.removeWatchers(
                d.ids(d.employees), from: d.id(d.tickets), by: d.performer(), idempotencyKey: d.key())
        },
        command("attach(_:to:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.attach(
                d.attachments(), to: d.id(d.tickets), by: d.performer(), idempotencyKey: d.key())
        },
        command("comment(on:_:by:idempotencyKey:)") { d in
            let comment = NewComment(
                d.text(), visibility: d.bool() ? .public : .internal, attachments: d.attachments(),
                citations: d.ids(knowledgeArticles))
            _ = try await d.f.desk.comment(on: d.id(d.tickets), comment, by: d.performer(), idempotencyKey: d.key())
        },
        command("changeStatus(_:to:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.changeStatus(
                d.id(d.tickets), to: d.status(), by: d.performer(), idempotencyKey: d.key())
        },
        command("postpone(_:until:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.postpone(
                d.id(d.tickets), until: d.instant(), by: d.performer(), idempotencyKey: d.key())
        },
        command("link(_:_:to:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.link(
                d.id(d.tickets), d.pick(LinkKind.allCases), to: d.id(d.tickets), by: d.performer(),
                idempotencyKey: d.key())
        },
        command("unlink(_:from:by:idempotencyKey:)") { d in
            let (ticket, other) = d.hostile() ? (d.id(d.tickets), d.id(d.tickets)) : (d.f.a1.id, d.f.a2.id)
            _ = try await d.f.desk.unlink(ticket, from: other, by: d.performer(), idempotencyKey: d.key())
        },
        command("merge(_:into:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.merge(
                d.id(d.tickets), into: d.id(d.tickets), by: d.performer(), idempotencyKey: d.key())
        },
        command("acknowledgeEvents(_:by:idempotencyKey:)") { d in
            let sequences: [UInt64] =
                switch d.random.next() % 4 {
                case 0: []
                case 1: [0, 1, .max, UInt64(Int64.max), UInt64(Int64.max) + 1]
                case 2: (0..<3).map { _ in d.random.next() % 200 }
                default: (0..<10_000).map { _ in d.random.next() }
                }
            try await d.f.desk.acknowledgeEvents(sequences, by: d.performer(), idempotencyKey: d.key())
        },
        command("tick(now:)") { d in
            _ = try await d.f.desk.tick(now: d.instant())
        },
    ]

    static func query(_ d: inout HostileDraw) -> TicketQuery {
        var query = TicketQuery(offset: d.int(), limit: d.int())
        if d.oneIn(3) {
            query.statusCategories = Set((0..<Int(d.random.next() % 3)).map { _ in d.pick(StatusCategory.allCases) })
        }
        if d.oneIn(3) { query.statuses = [d.status(), d.status()] }
        if d.oneIn(3) { query.categoryIDs = d.idSet(d.categories, nilAllowed: true) }
        if d.oneIn(3) { query.priorities = [d.pick(Priority.allCases)] }
        if d.oneIn(3) { query.assigneeIDs = d.idSet(d.employees, nilAllowed: true) }
        if d.oneIn(3) { query.groupIDs = d.idSet(d.groups, nilAllowed: true) }
        if d.oneIn(3) { query.companyIDs = d.idSet(d.companies, nilAllowed: true) }
        if d.oneIn(3) { query.locationIDs = d.idSet(d.locations, nilAllowed: true) }
        if d.oneIn(3) { query.contractIDs = d.idSet(d.contracts, nilAllowed: true) }
        if d.oneIn(3) { query.assetIDs = Set(d.ids(d.assets)) }
        if d.oneIn(3) { query.requesters = [d.requester(), d.requester()] }
        if d.oneIn(3) { query.channels = [d.pick(Channel.allCases)] }
        if d.oneIn(2) { query.createdIn = d.period() }
        if d.oneIn(3) { query.slaConditions = [d.pick(SLACondition.allCases)] }
        if d.oneIn(3) { query.slaDueBefore = d.instant() }
        if d.oneIn(2) { query.titleContains = d.text(["Alpha"]) }
        if d.oneIn(2) {
            query.sort = (0..<Int(d.random.next() % 4)).map { _ in
                TicketSort(d.pick(TicketSortField.allCases), d.bool() ? .ascending : .descending)
            }
        }
        return query
    }

    static let ticketReads: [HostileCommand] = [
        read("ticket(_:as:)") { d in _ = try await d.f.desk.ticket(d.id(d.tickets), as: d.performer()) },
        read("ticket(number:as:)") { d in
            let number = d.bool() ? d.pick(d.f.allTickets).number : TicketNumber(d.int())
            _ = try await d.f.desk.ticket(number: number, as: d.performer())
        },
        read("tickets(matching:as:)") { d in
            let page = try await d.f.desk.tickets(matching: query(&d), as: d.performer())
            if page.tickets.count > TicketQuery.maximumLimit {
                throw HostileCommandFailure("a page of \(page.tickets.count) tickets")
            }
        },
        read("comments(on:as:)") { d in _ = try await d.f.desk.comments(on: d.id(d.tickets), as: d.performer()) },
        read("auditTrail(of:as:)") { d in _ = try await d.f.desk.auditTrail(of: d.id(d.tickets), as: d.performer()) },
        read("clientNotices(for:as:)") { d in
            let waiting = try await d.f.desk.undeliveredEvents(limit: 1_000, as: .system)
            let real = waiting[Int(d.random.next() % UInt64(waiting.count))]
            // A host may hand back an event it altered or made up: another ticket, another requester.
            let event =
                d.hostile()
                ? OutboxEvent(
                    sequence: UInt64(bitPattern: Int64(d.int())),
                    pending: PendingEvent(
                        id: real.id,
                        event: .commentAdded(
                            ticket: d.id(d.tickets), number: TicketNumber(d.int()), comment: d.id([]),
                            visibility: d.bool() ? .public : .internal),
                        performer: d.performer(), audience: Audience(requester: .contact(d.id(d.contacts))),
                        occurredAt: d.instant()))
                : real
            _ = try await d.f.desk.clientNotices(for: event, as: d.performer())
        },
        read("undeliveredEvents(limit:as:)") { d in
            _ = try await d.f.desk.undeliveredEvents(limit: d.int(), as: d.performer())
        },
    ]
}

/// A successful call returned something impossible (reported as a test issue, not a rejection).
struct HostileCommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
