import Foundation
import HelpDeskKit
import HelpDeskTestSupport

/// Every public command and read of ``HelpDesk``, each with valid arguments on Alpha's records.
///
/// ``AccessCatalogCompletenessTests`` fails when a public method of `HelpDesk` is neither in
/// ``entries`` nor in ``exempt``.
enum AccessCatalog {
    static let entries: [AccessEntry] =
        ticketCommands + ticketReads + directoryEntries + clientCommands + clientReads + laborEntries + ratingEntries
        + billingEntries + ruleReads + assignmentEntries + knowledgeEntries + knowledgeSearchEntries + cannedAnswerEntries
        + emailEntries + attachmentEntries + maintenanceEntries + visitEntries + workloadEntries

    /// Public methods that take no performer by design, with the reason.
    static let exempt: [String: String] = [
        "rate(token:score:comment:idempotencyKey:)": "authorised by the unguessable rating token",
        "portal(for:)": "builds a ClientPortal; every portal call goes through the catalogued commands and reads",
        "ratingRequest(token:)": "authorised by the unguessable rating token",
        "tick(now:)": "the engine's own time-driven work, run by the host as .system",
    ]

    /// Commands that need no idempotency key: repeating one is recognised by its content, with the reason.
    static let idempotentByContent: [String: String] = [
        "receiveEmail(_:by:)": "a message received again is known by its Message-ID (or raw digest) and changes nothing",
        "decideQuarantinedEmail(_:_:by:)": "the same decision again returns the decided record and changes nothing",
    ]

    typealias E = AccessEntry

    /// What a performer who may not read `ticket` gets from a command or read on it.
    static func hides(_ ticket: @escaping @Sendable (AccessFixture) -> Ticket) -> AccessEntry.ForeignOutcome {
        .hidden { .ticketNotFound(ticket($0).id) }
    }

    static let hidesA1 = hides { $0.a1 }

    static func newTicket(_ f: AccessFixture, _ change: (inout NewTicket) -> Void) -> NewTicket {
        var request = NewTicket(title: "Filed in the test", channel: .portal, requester: .contact(f.alice.id))
        change(&request)
        return request
    }

    /// A contact files only as the ticket's requester: Alice may run the first entry; the others
    /// name the free-text requester "Walk-in" (so that the company is found from the location,
    /// contract or asset, which the custom-policy test needs) and are forbidden to her.
    static let ticketCommands: [AccessEntry] = [
        E(
            "createTicket(_:by:idempotencyKey:)", "createTicket: for Alpha's contact", ownContact: true,
            concernsAlpha: true
        ) { f, p in
            try await E.call { try await f.desk.createTicket(newTicket(f) { $0.companyID = f.alpha.id }, by: p) }
        },
        E("createTicket(_:by:idempotencyKey:)", "createTicket: at Alpha's office", concernsAlpha: true) { f, p in
            try await E.call {
                try await f.desk.createTicket(
                    newTicket(f) {
                        $0.requester = .freeText("Walk-in")
                        $0.locationID = f.alphaOffice.id
                    }, by: p)
            }
        },
        E("createTicket(_:by:idempotencyKey:)", "createTicket: under Alpha's contract", concernsAlpha: true) { f, p in
            try await E.call {
                try await f.desk.createTicket(
                    newTicket(f) {
                        $0.requester = .freeText("Walk-in")
                        $0.contractID = f.alphaContract.id
                    }, by: p)
            }
        },
        E("createTicket(_:by:idempotencyKey:)", "createTicket: about Alpha's printer", concernsAlpha: true) { f, p in
            try await E.call {
                try await f.desk.createTicket(
                    newTicket(f) {
                        $0.requester = .freeText("Walk-in")
                        $0.assetIDs = [f.alphaPrinter.id]
                    }, by: p)
            }
        },
        E("updateTicket(_:_:by:idempotencyKey:)", "updateTicket: a1's priority", foreign: hidesA1, concernsAlpha: true)
        { f, p in
            try await E.call { try await f.desk.updateTicket(f.a1.id, TicketUpdate(priority: .high), by: p) }
        },
        E("assign(_:to:group:by:idempotencyKey:)", "assign: a1 to Boris", foreign: hidesA1, concernsAlpha: true) {
            f, p in
            try await E.call {
                try await f.desk.assign(f.a1.id, to: f.test.boris.id, group: f.test.fieldEngineers.id, by: p)
            }
        },
        E("addWatchers(_:to:by:idempotencyKey:)", "addWatchers: Anna on a1", foreign: hidesA1, concernsAlpha: true) {
            f, p in
            try await E.call { try await f.desk.addWatchers([f.test.anna.id], to: f.a1.id, by: p) }
        },
        E(
            "removeWatchers(_:from:by:idempotencyKey:)", "removeWatchers: Boris from a1", foreign: hidesA1,
            concernsAlpha: true
        ) { f, p in
            try await E.call { try await f.desk.removeWatchers([f.test.boris.id], from: f.a1.id, by: p) }
        },
        E(
            "attach(_:to:by:idempotencyKey:)", "attach: a photo to a1", foreign: hidesA1, ownContact: true,
            concernsAlpha: true
        ) { f, p in
            try await E.call { try await f.desk.attach([AccessFixture.file], to: f.a1.id, by: p) }
        },
        E(
            "comment(on:_:by:idempotencyKey:)", "comment: public reply on a1", foreign: hidesA1, ownContact: true,
            concernsAlpha: true
        ) { f, p in
            try await E.call { try await f.desk.comment(on: f.a1.id, NewComment("Any news?"), by: p) }
        },
        E(
            "comment(on:_:by:idempotencyKey:)", "comment: internal note on a1", foreign: hidesA1,
            clientRefusal: .clientCannotWriteInternalNote, concernsAlpha: true
        ) { f, p in
            try await E.call { try await f.desk.comment(on: f.a1.id, NewComment("psst", visibility: .internal), by: p) }
        },
        E(
            "changeStatus(_:to:by:idempotencyKey:)", "changeStatus: a1 to in progress", foreign: hidesA1,
            concernsAlpha: true
        ) { f, p in
            try await E.call { try await f.desk.changeStatus(f.a1.id, to: .inProgress, by: p) }
        },
        E("postpone(_:until:by:idempotencyKey:)", "postpone: a1 until tomorrow", foreign: hidesA1, concernsAlpha: true)
        { f, p in
            try await E.call { try await f.desk.postpone(f.a1.id, until: AccessFixture.day(1), by: p) }
        },
        E("link(_:_:to:by:idempotencyKey:)", "link: a1 to a3", foreign: hidesA1, concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.link(f.a1.id, .related, to: f.a3.id, by: p) }
        },
        E("unlink(_:from:by:idempotencyKey:)", "unlink: a1 from a2", foreign: hidesA1, concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.unlink(f.a1.id, from: f.a2.id, by: p) }
        },
        E("merge(_:into:by:idempotencyKey:)", "merge: a3 into a2", foreign: hides { $0.a3 }, concernsAlpha: true) {
            f, p in
            try await E.call { try await f.desk.merge(f.a3.id, into: f.a2.id, by: p) }
        },
        E("acknowledgeEvents(_:by:idempotencyKey:)", "acknowledgeEvents: the first event") { f, p in
            try await E.call { try await f.desk.acknowledgeEvents([1], by: p) }
        },
    ]

    /// A ticket list read that returns the tickets it found.
    static func list(_ label: String, _ query: @escaping @Sendable (AccessFixture) -> TicketQuery) -> AccessEntry {
        E("tickets(matching:as:)", "tickets: " + label, foreign: .narrowed, ownContact: true, concernsAlpha: true) {
            f, p in
            try await f.desk.tickets(matching: query(f), as: p).tickets
        }
    }

    static let ticketReads: [AccessEntry] = [
        E("ticket(_:as:)", "ticket: a1", foreign: hidesA1, ownContact: true, concernsAlpha: true) { f, p in
            [try await f.desk.ticket(f.a1.id, as: p)]
        },
        E(
            "ticket(number:as:)", "ticket: a1 by number", foreign: .hidden({ .ticketNumberNotFound($0.a1.number) }),
            ownContact: true, concernsAlpha: true
        ) { f, p in
            [try await f.desk.ticket(number: f.a1.number, as: p)]
        },
        list("everything") { _ in TicketQuery(limit: TicketQuery.maximumLimit) },
        list("of Alpha") { f in TicketQuery(companyIDs: [f.alpha.id]) },
        list("of Alpha or without a company") { f in TicketQuery(companyIDs: [f.alpha.id, nil]) },
        list("requested by Alice") { f in TicketQuery(requesters: [.contact(f.alice.id)]) },
        list("about Alpha's printer") { f in TicketQuery(assetIDs: [f.alphaPrinter.id]) },
        list("at Alpha's office") { f in TicketQuery(locationIDs: [f.alphaOffice.id]) },
        list("under Alpha's contract") { f in TicketQuery(contractIDs: [f.alphaContract.id]) },
        list("titled Alpha") { _ in TicketQuery(titleContains: "Alpha") },
        E("comments(on:as:)", "comments: on a1", foreign: hidesA1, ownContact: true, concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.comments(on: f.a1.id, as: p) }
        },
        E("auditTrail(of:as:)", "auditTrail: of a1", foreign: hidesA1, concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.auditTrail(of: f.a1.id, as: p) }
        },
        E("undeliveredEvents(limit:as:)", "undeliveredEvents") { f, p in
            try await E.call { try await f.desk.undeliveredEvents(as: p) }
        },
        E("clientNotices(for:as:)", "clientNotice: of every waiting event") { f, p in
            try await E.call {
                for event in try await f.test.store.undeliveredEvents(limit: 1_000) {
                    _ = try await f.desk.clientNotices(for: event, as: p)
                }
            }
        },
    ]

    static let directoryEntries: [AccessEntry] = roleEntries + [
        E("addEmployee(_:by:idempotencyKey:)", "addEmployee") { f, p in
            try await E.call {
                try await f.desk.addEmployee(NewEmployee(name: "New Hire", email: "new@service.example"), by: p)
            }
        },
        E("deactivateEmployee(_:by:idempotencyKey:)", "deactivateEmployee: Boris") { f, p in
            try await E.call { try await f.desk.deactivateEmployee(f.test.boris.id, by: p) }
        },
        E("addGroup(named:by:idempotencyKey:)", "addGroup") { f, p in
            try await E.call { try await f.desk.addGroup(named: "Night shift", by: p) }
        },
        E("addCategory(_:by:idempotencyKey:)", "addCategory") { f, p in
            try await E.call { try await f.desk.addCategory(NewServiceCategory(name: "Phones"), by: p) }
        },
        E("employees(as:)", "employees") { f, p in
            try await E.call { try await f.desk.employees(as: p) }
        },
        E("groups(as:)", "groups") { f, p in
            try await E.call { try await f.desk.groups(as: p) }
        },
        E("categories(as:)", "categories", foreign: .allowed, ownContact: true) { f, p in
            try await E.call { try await f.desk.categories(as: p) }
        },
        E("setEmployeeRate(_:validFrom:hourlyCost:hourlyBilling:by:idempotencyKey:)", "setEmployeeRate: Boris") {
            f, p in
            try await E.call {
                try await f.desk.setEmployeeRate(
                    f.test.boris.id, validFrom: AccessFixture.monday,
                    hourlyCost: Money(minorUnits: 400_00, currency: .rub), by: p)
            }
        },
        E("employeeRate(_:on:as:)", "employeeRate: Anna's") { f, p in
            try await E.call { try await f.desk.employeeRate(f.test.anna.id, on: AccessFixture.monday, as: p) }
        },
        E("rateHistory(of:as:)", "rateHistory: Anna's") { f, p in
            try await E.call { try await f.desk.rateHistory(of: f.test.anna.id, as: p) }
        },
    ]

    /// Roles: defined, changed and granted by whoever may manage roles; listed with the directory.
    static let roleEntries: [AccessEntry] = [
        E("defineRole(_:by:idempotencyKey:)", "defineRole: Accountant") { f, p in
            try await E.call {
                try await f.desk.defineRole(RoleDefinition(name: "Accountant", permissions: [.readBilling]), by: p)
            }
        },
        E("changeRole(_:to:by:idempotencyKey:)", "changeRole: Dispatcher to read-only") { f, p in
            try await E.call {
                try await f.desk.changeRole(AccessFixture.dispatcherID, to: RoleDefinition(name: "Dispatcher", tickets: .read), by: p)
            }
        },
        E("grantRoles(_:to:by:idempotencyKey:)", "grantRoles: Dispatcher to Boris") { f, p in
            try await E.call {
                try await f.desk.grantRoles([RoleGrant(AccessFixture.dispatcherID)], to: f.test.boris.id, by: p)
            }
        },
        E("roles(as:)", "roles") { f, p in
            try await E.call { try await f.desk.roles(as: p) }
        },
        E("defineRule(_:by:idempotencyKey:)", "defineRule: Night shift") { f, p in
            try await E.call {
                try await f.desk.defineRule(
                    RuleDefinition(name: "Night shift", priority: 20, triggers: [.ticketCreated], actions: [.setPriority(.low)]),
                    by: p)
            }
        },
        E("changeRule(_:_:by:idempotencyKey:)", "changeRule: Escalate VIP") { f, p in
            try await E.call {
                let rule = try await AccessFixture.pausedRule(f)
                return try await f.desk.changeRule(
                    rule.id,
                    RuleDefinition(name: rule.name, priority: 11, isActive: false, triggers: rule.triggers, actions: rule.actions),
                    by: p)
            }
        },
        E("deleteRule(_:by:idempotencyKey:)", "deleteRule: Escalate VIP") { f, p in
            try await E.call { try await f.desk.deleteRule(try await AccessFixture.pausedRule(f).id, by: p) }
        },
        E("rules(as:)", "rules") { f, p in
            try await E.call { try await f.desk.rules(as: p) }
        },
    ]

    /// `explain` reads a ticket's internals too.
    static let ruleReads: [AccessEntry] = [
        E("explain(_:on:as:)", "explain: Escalate VIP on a1", foreign: hidesA1, concernsAlpha: true) { f, p in
            try await E.call { try await f.desk.explain(try await AccessFixture.pausedRule(f).id, on: f.a1.id, as: p) }
        },
    ]
}
