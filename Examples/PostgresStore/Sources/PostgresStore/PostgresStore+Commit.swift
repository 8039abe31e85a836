import Foundation
import HelpDeskKit
import PostgresNIO

extension PostgresStore {
    /// Applies `work` in one transaction (`READ COMMITTED`), or nothing of it.
    ///
    /// In order: the commit preconditions are checked against the committed rows (locked
    /// `FOR SHARE`); the ledger accounts the unit touches are opened and locked `FOR UPDATE` in
    /// identifier order and its balance preconditions checked (``lockLedger(of:on:)``); time-entry
    /// revisions are checked (locked `FOR UPDATE`); tickets are inserted or updated under their
    /// expected revision; then comments and audit entries, the directory, clients, labor, ratings,
    /// the price list, specifications and transfer notes, idempotency records, acknowledgements;
    /// then the ledger batch under the ledger clock (``recordTransfers(_:locked:on:)``), and last
    /// the outbox events (see ``appendEvents(_:on:)``). Every lock is taken in this order by every
    /// unit, and the two one-row locks (ledger clock, then outbox sequence) come last; a unit that
    /// changes automation rules locks the one-row rule-set stamp before its rule rows. Every rule the in-memory store
    /// enforces with `.conflict` fails here with `.conflict` too: zero-row revision updates,
    /// failed preconditions, and unique or foreign-key violations.
    public func commit(_ work: UnitOfWork) async throws {
        try refuseUnstoredChanges(of: work)
        guard !work.isEmpty else { return }
        try await transaction { connection in
            try await checkPreconditions(work.preconditions, on: connection)
            let ledger = try await lockLedger(of: work, on: connection)
            try await checkLabor(work[LaborChanges.self], on: connection)
            try await writeTickets(work.ticketWrites, on: connection)
            try await appendHistory(of: work, on: connection)
            try await writeDirectory(of: work, on: connection)
            try await writeClients(work.clients, on: connection)
            try await writeLabor(work[LaborChanges.self], on: connection)
            try await writeRatings(work[RatingChanges.self], on: connection)
            try await writeRoles(work[RoleChanges.self], on: connection)
            try await writeAllowances(work[AllowanceChanges.self], on: connection)
            try await writeAutomation(work[AutomationChanges.self], on: connection)
            try await writeKnowledge(work[KnowledgeChanges.self], on: connection)
            try await writeAssignment(work[AssignmentChanges.self], on: connection)
            try await writeTrail(work[TrailChanges.self], on: connection)
            try await writeNotifications(work[NotificationChanges.self], on: connection)
            try await writeCannedAnswers(work[CannedAnswerChanges.self], on: connection)
            try await writeEmail(work[EmailChanges.self], on: connection)
            try await writeMaintenance(work[MaintenanceChanges.self], on: connection)
            try await writeVisits(work[VisitChanges.self], on: connection)
            try await writeBillingRecords(work.billing, on: connection)
            try await writeIdempotency(work[IdempotencyChanges.self], on: connection)
            try await acknowledge(work.acknowledgedEvents, on: connection)
            if !work.clients.isEmpty || !work[RoleChanges.self].isEmpty || work[AutomationChanges.self].changesRules {
                // Deferred unique keys (emails, contract numbers, role names) are checked now, before the
                // ledger clock and outbox locks, so nothing waits while holding them.
                try await execute("SET CONSTRAINTS ALL IMMEDIATE", on: connection)
            }
            try await recordTransfers(work.billing, locked: ledger, on: connection)
            try await appendEvents(work.events, on: connection)
        }
    }

    /// Throws `.other` for changes this adapter does not store: two-phase transfers, and any
    /// capability it does not know (refused rather than dropped).
    func refuseUnstoredChanges(of work: UnitOfWork) throws {
        try refuseUnstoredBilling(work.billing)
        var unknown = work.capabilities
        unknown[LaborChanges.self] = LaborChanges()
        unknown[RatingChanges.self] = RatingChanges()
        unknown[RoleChanges.self] = RoleChanges()
        unknown[AllowanceChanges.self] = AllowanceChanges()
        unknown[AutomationChanges.self] = AutomationChanges()
        unknown[KnowledgeChanges.self] = KnowledgeChanges()
        unknown[AssignmentChanges.self] = AssignmentChanges()
        unknown[TrailChanges.self] = TrailChanges()
        unknown[NotificationChanges.self] = NotificationChanges()
        unknown[CannedAnswerChanges.self] = CannedAnswerChanges()
        unknown[EmailChanges.self] = EmailChanges()
        unknown[MaintenanceChanges.self] = MaintenanceChanges()
        unknown[IdempotencyChanges.self] = IdempotencyChanges()
        unknown[VisitChanges.self] = VisitChanges()
        guard unknown.isEmpty else {
            throw StorageError(.other, "the unit holds changes of a capability this store does not keep")
        }
    }

    /// Throws `.conflict` unless every precondition holds; the rows read stay locked
    /// (`FOR SHARE`) until the commit, so a concurrent deactivation or deletion waits for it.
    /// Ledger balances are checked by ``lockLedger(of:on:)``.
    func checkPreconditions(_ preconditions: [CommitPrecondition], on connection: PostgresConnection)
        async throws
    {
        for precondition in preconditions {
            let query: PostgresQuery
            switch precondition {
            case .employeeActive(let id):
                query = "SELECT 1 FROM employees WHERE id = \(id.uuid) AND is_active FOR SHARE"
            case .administratorActive(let id):
                // Grants live in the body: decode the locked row.
                if try await lockedEmployee(id, on: connection)?.isActiveAdministrator != true {
                    throw StorageError(.conflict, "precondition no longer holds: \(precondition)")
                }
                continue
            case .employeeUnchanged(let employee):
                if try await lockedEmployee(employee.id, on: connection) != employee {
                    throw StorageError(.conflict, "precondition no longer holds: employee \(employee.id) changed")
                }
                continue
            case .contactActive(let id):
                query = "SELECT 1 FROM contacts WHERE id = \(id.uuid) AND is_active FOR SHARE"
            case .companyExists(let id):
                query = "SELECT 1 FROM companies WHERE id = \(id.uuid) FOR SHARE"
            case .contractExists(let id):
                query = "SELECT 1 FROM contracts WHERE id = \(id.uuid) FOR SHARE"
            case .ledgerBalance:
                // Checked with the ledger's row locks, in account order (``lockLedger(of:on:)``).
                continue
            }
            let found = try await rowCount(query, on: connection)
            if found == 0 { throw StorageError(.conflict, "precondition no longer holds: \(precondition)") }
        }
    }

    /// The stored employee `id`, its row locked `FOR SHARE` until the commit.
    private func lockedEmployee(_ id: EmployeeID, on connection: PostgresConnection) async throws -> Employee? {
        try await rows("SELECT body FROM employees WHERE id = \(id.uuid) FOR SHARE", on: connection) { row in
            try RecordCoding.decode(Employee.self, from: row)
        }.first
    }

    /// Inserts new tickets (a taken identifier or number violates a unique key: a conflict) and
    /// updates changed ones where the stored revision and number are the expected ones.
    func writeTickets(_ writes: [TicketWrite], on connection: PostgresConnection) async throws {
        // By identifier: two units updating the same tickets lock them in one order (no deadlock).
        for write in writes.sorted(by: { $0.ticket.id < $1.ticket.id }) {
            let row = try TicketColumns(write.ticket)
            if let expected = write.expectedRevision {
                try await update(row, expectedRevision: expected, on: connection)
            } else {
                try await insert(row, on: connection)
            }
            if !row.assetIDs.isEmpty {
                try await execute(
                    """
                    INSERT INTO ticket_assets (ticket_id, asset_id) SELECT \(row.id), unnest(\(row.assetIDs)::uuid[])
                    """, on: connection)
            }
        }
    }

    private func insert(_ row: TicketColumns, on connection: PostgresConnection) async throws {
        try await execute(
            """
            INSERT INTO tickets (
                id, number, revision, status, priority, channel, category_id, assignee_id, group_id,
                company_id, location_id, contract_id, requester, requester_order,
                title_folded, title_lowered, title_bytes, created_at, updated_at, postponed_until,
                sla_condition, sla_next_due, sla_next_check, sla_reaction, sla_resolution, cc_contacts, body)
            VALUES (
                \(row.id), \(row.number), \(row.revision), \(row.status), \(row.priority), \(row.channel),
                \(row.categoryID), \(row.assigneeID), \(row.groupID), \(row.companyID), \(row.locationID),
                \(row.contractID), \(row.requester), \(row.requesterOrder), \(row.titleFolded),
                \(row.titleLowered), \(row.titleBytes), \(row.createdAt), \(row.updatedAt), \(row.postponedUntil),
                \(row.slaCondition), \(row.slaNextDue), \(row.slaNextCheck), \(row.slaReaction),
                \(row.slaResolution), \(row.ccContacts), \(row.body))
            """, on: connection)
    }

    /// `UPDATE … WHERE id AND revision AND number`: zero rows means missing, stale or
    /// renumbered, a conflict. A concurrent writer of the same ticket holds the row until it
    /// commits; this statement then re-reads the new revision and matches nothing.
    private func update(_ row: TicketColumns, expectedRevision: Int, on connection: PostgresConnection)
        async throws
    {
        let updated = try await rowCount(
            """
            UPDATE tickets SET
                revision = \(row.revision), status = \(row.status), priority = \(row.priority),
                channel = \(row.channel), category_id = \(row.categoryID), assignee_id = \(row.assigneeID),
                group_id = \(row.groupID), company_id = \(row.companyID), location_id = \(row.locationID),
                contract_id = \(row.contractID), requester = \(row.requester), requester_order = \(row.requesterOrder),
                title_folded = \(row.titleFolded), title_lowered = \(row.titleLowered), title_bytes = \(row.titleBytes),
                created_at = \(row.createdAt), updated_at = \(row.updatedAt), postponed_until = \(row.postponedUntil),
                sla_condition = \(row.slaCondition), sla_next_due = \(row.slaNextDue),
                sla_next_check = \(row.slaNextCheck), sla_reaction = \(row.slaReaction),
                sla_resolution = \(row.slaResolution), cc_contacts = \(row.ccContacts), body = \(row.body)
            WHERE id = \(row.id) AND revision = \(expectedRevision) AND number = \(row.number)
            RETURNING 1
            """, on: connection)
        guard updated > 0 else {
            throw StorageError(
                .conflict, "ticket #\(row.number) is missing, not at revision \(expectedRevision), or renumbered")
        }
        try await execute("DELETE FROM ticket_assets WHERE ticket_id = \(row.id)", on: connection)
    }

    /// Appends comments and audit entries in array order. Their tickets must be stored or
    /// inserted by this unit (a foreign key: a conflict otherwise). A ticket the unit does not
    /// write is locked first, so appends to one ticket commit in the order of their positions.
    func appendHistory(of work: UnitOfWork, on connection: PostgresConnection) async throws {
        guard !work.comments.isEmpty || !work.auditEntries.isEmpty else { return }
        let referenced = Set(work.comments.map(\.ticketID) + work.auditEntries.map(\.ticketID))
        let unwritten = referenced.filter { !work.writesTicket($0) }.map(\.uuid).sorted {
            $0.uuidString < $1.uuidString
        }
        if !unwritten.isEmpty {
            let locked = try await rowCount(
                "SELECT id FROM tickets WHERE id = ANY(\(unwritten)) ORDER BY id FOR NO KEY UPDATE", on: connection)
            guard locked == unwritten.count else {
                throw StorageError(.conflict, "a comment or audit entry names a ticket that does not exist")
            }
        }
        for comment in work.comments {
            let body = try RecordCoding.encode(comment)
            try await execute(
                "INSERT INTO comments (id, ticket_id, body) VALUES (\(comment.id.uuid), \(comment.ticketID.uuid), \(body))",
                on: connection)
        }
        for entry in work.auditEntries {
            let body = try RecordCoding.encode(entry)
            try await execute(
                "INSERT INTO audit_entries (id, ticket_id, body) VALUES (\(entry.id.uuid), \(entry.ticketID.uuid), \(body))",
                on: connection)
        }
    }
}
