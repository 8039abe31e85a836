import DoubleEntry
import Foundation

extension HelpDesk {
    /// Settles the ticket's specification when the edit enters the configured status (called by
    /// `record(_:into:)`), so the debit commits in the same unit of work as the status change.
    func syncSettlement(_ edit: TicketEdit, ticket: Ticket, into work: inout UnitOfWork) async throws(HelpDeskError) {
        let before = workflow.category(of: edit.original.status)
        let after = workflow.category(of: ticket.status)
        let enters: Bool
        switch configuration.billing.settleOn {
        // Entering resolved, or closing a resolved ticket whose specification is still open.
        case .resolved: enters = (after == .resolved || after == .closed) && before != after
        case .closed: enters = after == .closed && before != .closed
        case .manual: enters = false
        }
        // A store without billing holds no specification to settle.
        guard enters, let billing = try optionalFeature((any BillingRepository).self),
            let specification = try await storage({ try await billing.specification(of: ticket.id) }),
            !specification.isSettled
        else { return }
        // Work the client has not approved waits; settle it by hand once approved.
        if try await pendingApproval(of: specification) != nil { return }
        try await settle(specification, ticket: ticket, at: edit.at, by: edit.performer, into: &work)
    }

    /// Settles the ticket's specification now, whatever its status (for ``SettlementTrigger/manual``).
    ///
    /// Throws ``HelpDeskError/alreadySettled(_:version:)`` for a settled specification.
    @discardableResult
    public func settle(_ ticketID: TicketID, by performer: Performer, idempotencyKey: IdempotencyKey? = nil)
        async throws(HelpDeskError) -> TicketSpecification
    {
        try await perform(
            by: performer, editing: [ticketID],
            command: "settle", key: idempotencyKey, inputs: [ticketID]
        ) { context throws(HelpDeskError) in
            let ticket = try await loadTicket(ticketID)
            try authorize(context.principal, .settleWork, on: ticket)
            guard let specification = try await storage({ try await billingStore.specification(of: ticketID) }) else {
                throw .specificationNotFound(ticket.number)
            }
            if let settlement = specification.settlement {
                throw .alreadySettled(ticket.number, version: settlement.version)
            }
            if let decision = try await pendingApproval(of: specification) {
                throw .paidWorkNotApproved(ticket.number, decision: decision)
            }
            let settled = try await settle(
                specification, ticket: ticket, at: clock.now(), by: performer, into: &context.work)
            return settled
        }
    }

    /// Adds the settlement of `specification` to `work`: one debit per unit of its billable total
    /// (deterministic transfer ids from ticket, version and unit), the insufficient-funds policy,
    /// and the specification marked settled at its version (stored as the next version).
    @discardableResult
    func settle(
        _ specification: TicketSpecification, ticket: Ticket, at instant: Date, by performer: Performer,
        into work: inout UnitOfWork
    ) async throws(HelpDeskError) -> TicketSpecification {
        let totals: [Price]
        do {
            totals = try specification.totals(.billable).filter { $0.minorUnits > 0 }
        } catch {
            throw .money(error)
        }
        guard !totals.isEmpty else { return specification }
        guard let company = specification.companyID ?? ticket.companyID else { throw .ticketHasNoClient(ticket.number) }
        var transfers: [Transfer] = []
        var accounts: [BillingAccount] = []
        var charged: [Price] = []
        var receivable: [Price] = []
        for total in totals {
            let wallet = billingAccount(company, .wallet, total.unit)
            let revenue = billingAccount(nil, .revenue, total.unit)
            accounts += [wallet, revenue]
            var fromWallet = total.minorUnits
            if configuration.billing.insufficientFunds == .receivable {
                let balance = try await storage { try await billingStore.ledgerBalance(of: wallet.id) } ?? .zero
                fromWallet = Int64(max(0, min(Int128(total.minorUnits), balance.availableToDebit)))
            }
            if fromWallet > 0 {
                let id = Settlement.transferID(ticket: ticket.id, version: specification.version, unit: total.unit)
                transfers.append(
                    .single(
                        id: id, debit: wallet.id, credit: revenue.id, amount: try ledgerAmount(fromWallet),
                        code: BillingTransferCode.settlement.rawValue,
                        reference: UInt64(truncatingIfNeeded: ticket.number.rawValue)))
                charged.append(Price(minorUnits: fromWallet, unit: total.unit))
            }
            let rest = total.minorUnits - fromWallet
            if rest > 0 {
                let owed = billingAccount(company, .receivable, total.unit)
                accounts.append(owed)
                transfers.append(
                    .single(
                        id: Settlement.transferID(
                            ticket: ticket.id, version: specification.version, unit: total.unit, receivable: true),
                        debit: owed.id, credit: revenue.id,
                        amount: try ledgerAmount(rest), code: BillingTransferCode.settlementReceivable.rawValue,
                        reference: UInt64(truncatingIfNeeded: ticket.number.rawValue)))
                receivable.append(Price(minorUnits: rest, unit: total.unit))
            }
        }
        try await post(transfers, opening: accounts, at: instant, into: &work)
        var settled = specification
        settled.settlement = Settlement(
            version: specification.version, settledAt: instant, charged: charged, receivable: receivable,
            transferIDs: transfers.map(\.id))
        settled.version += 1
        settled.updatedAt = instant
        work.billing.specifications.append(
            SpecificationWrite(specification: settled, expectedVersion: specification.version))
        auditSettlement(settled, on: ticket, by: performer, at: instant, into: &work)
        return settled
    }

    /// Where the client's approval stands when it still holds the specification's settlement back:
    /// asked or declined, or never asked although its contract requires approval of billable work.
    func pendingApproval(of specification: TicketSpecification) async throws(HelpDeskError) -> ApprovalDecision? {
        if let approval = specification.approval { return approval.decision == .approved ? nil : approval.decision }
        guard specification.lines.contains(where: { $0.coverage == .billable }) else { return nil }
        return try await contractRequiresApproval(specification) ? .requested : nil
    }
}
