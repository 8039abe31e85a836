import Foundation

extension HelpDesk {
    /// The largest quantity of one line (minutes or items).
    static let maximumLineQuantity: Int64 = 10_000_000

    /// The ticket's specification, or `nil` when it has none yet.
    public func specification(of ticket: TicketID, as viewer: Performer) async throws(HelpDeskError)
        -> TicketSpecification?
    {
        try await internalTicket(ticket, as: viewer)
        return try await storage { try await billingStore.specification(of: ticket) }
    }

    /// Adds a line to the ticket's specification (creating it at version 1) and returns the new version.
    ///
    /// An item line takes the item's price valid now, under the ticket contract's override when set,
    /// unless the request gives a price in the same unit. A free-form line needs a description,
    /// a pricing unit and a price. Quantities are minutes for hourly lines. A settled
    /// specification rejects the edit with ``HelpDeskError/specificationSettled(_:version:)``.
    public func addSpecificationLine(
        to ticketID: TicketID, _ request: NewSpecificationLine, by performer: Performer,
        idempotencyKey: IdempotencyKey? = nil
    )
        async throws(HelpDeskError) -> TicketSpecification
    {
        try await perform(
            by: performer, editing: [ticketID],
            command: "addSpecificationLine", key: idempotencyKey, inputs: [ticketID, request]
        ) { context throws(HelpDeskError) in
            let ticket = try await loadTicket(ticketID)
            try authorize(context.principal, .settleWork, on: ticket)
            let now = clock.now()
            guard (1...Self.maximumLineQuantity).contains(request.quantity) else {
                throw .invalidInput(field: "quantity", problem: .outOfRange(1...Int(Self.maximumLineQuantity)))
            }
            if let price = request.price, price.minorUnits < 0 {
                throw .invalidInput(field: "price", problem: .negative)
            }
            let line: SpecificationLine
            if let itemID = request.itemID {
                let item = try await loadPriceListItem(itemID)
                var price = try await validPrice(of: itemID, under: ticket.contractID, at: now)
                if let given = request.price {
                    guard given.unit == price.unit else {
                        throw .unitMismatch(expected: price.unit, actual: given.unit)
                    }
                    price = given
                }
                line = SpecificationLine(
                    id: nextID(), itemID: itemID, description: request.description ?? item.name, pricing: item.pricing,
                    quantity: request.quantity, unitPrice: price, coverage: request.coverage,
                    rounding: configuration.billing.hourlyRounding)
            } else {
                guard let description = request.description else {
                    throw .invalidInput(field: "description", problem: .blank)
                }
                try Validate.notBlank(description, field: "description")
                guard let pricing = request.pricing else { throw .invalidInput(field: "pricing", problem: .blank) }
                guard let price = request.price else { throw .invalidInput(field: "price", problem: .blank) }
                line = SpecificationLine(
                    id: nextID(), itemID: nil, description: description, pricing: pricing, quantity: request.quantity,
                    unitPrice: price, coverage: request.coverage, rounding: configuration.billing.hourlyRounding)
            }
            return try await changeSpecification(of: ticket, at: now, by: context.performer, into: &context.work) {
                lines throws(HelpDeskError) in lines.append(line)
            }
        }
    }

    /// Removes a line from the ticket's unsettled specification; returns the new version.
    public func removeSpecificationLine(
        _ lineID: SpecificationLineID, from ticketID: TicketID, by performer: Performer,
        idempotencyKey: IdempotencyKey? = nil
    )
        async throws(HelpDeskError) -> TicketSpecification
    {
        try await perform(
            by: performer, editing: [ticketID],
            command: "removeSpecificationLine", key: idempotencyKey, inputs: [lineID, ticketID]
        ) { context throws(HelpDeskError) in
            let ticket = try await loadTicket(ticketID)
            try authorize(context.principal, .settleWork, on: ticket)
            return try await changeSpecification(
                of: ticket, at: clock.now(), by: context.performer, creating: false, into: &context.work) {
                lines throws(HelpDeskError) in
                guard let index = lines.firstIndex(where: { $0.id == lineID }) else {
                    throw .specificationLineNotFound(lineID)
                }
                lines.remove(at: index)
            }
        }
    }

    /// Turns the ticket's billable time entries not yet specified into hourly lines of the
    /// configured labor item (the item with ``BillingConfiguration/laborItemCode`` valid now): the quantity is the charged
    /// minutes, the price the employee's hourly billing rate on the work date (the labor hook,
    /// ``laborCost(of:)``) or, without one, the item's price. Returns the specification.
    public func specifyBillableTime(
        of ticketID: TicketID, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    )
        async throws(HelpDeskError) -> TicketSpecification
    {
        try await perform(
            by: performer, editing: [ticketID],
            command: "specifyBillableTime", key: idempotencyKey, inputs: [ticketID]
        ) { context throws(HelpDeskError) in
            guard let code = configuration.billing.laborItemCode else {
                throw .invalidInput(field: "laborItemCode", problem: .blank)
            }
            let ticket = try await loadTicket(ticketID)
            try authorize(context.principal, .settleWork, on: ticket)
            let now = clock.now()
            let item = try await priceListItem(code: code, at: now)
            let itemID = item.id
            let itemPrice = try await validPrice(of: itemID, under: ticket.contractID, at: now)
            let specified = Set(
                (try await storage { try await billingStore.specification(of: ticketID) })?.lines.compactMap(\.timeEntryID)
                    ?? [])
            var lines: [SpecificationLine] = []
            for entry in try await labor({ try await $0.timeEntries(on: ticketID) })
            where entry.billable && !specified.contains(entry.id) {
                let hourly = try await laborCost(of: entry, as: .system).rate?.hourlyBilling
                let price = hourly.map(Price.init) ?? itemPrice
                guard price.unit == itemPrice.unit else {
                    throw .unitMismatch(expected: itemPrice.unit, actual: price.unit)
                }
                lines.append(
                    SpecificationLine(
                        id: nextID(), itemID: itemID, description: "\(item.name) \(entry.workDate)", pricing: .perHour,
                        quantity: Int64(entry.chargedMinutes), unitPrice: price, coverage: .billable,
                        rounding: configuration.billing.hourlyRounding, timeEntryID: entry.id))
            }
            guard !lines.isEmpty else {
                if let current = try await storage({ try await billingStore.specification(of: ticketID) }) { return current }
                throw .specificationNotFound(ticket.number)
            }
            return try await changeSpecification(of: ticket, at: now, by: context.performer, into: &context.work) {
                all throws(HelpDeskError) in all += lines
            }
        }
    }

    /// Loads (or starts) the specification, refuses a settled one, applies `change`, checks the
    /// totals fit, and adds the next version to `work`.
    func changeSpecification(
        of ticket: Ticket, at now: Date, by performer: Performer, creating: Bool = true, into work: inout UnitOfWork,
        _ change: (inout [SpecificationLine]) throws(HelpDeskError) -> Void
    ) async throws(HelpDeskError) -> TicketSpecification {
        let pending = work.billing.specifications.first { $0.specification.ticketID == ticket.id }
        let stored = try await pendingSpecification(of: ticket.id, in: work)
        if let stored, let settlement = stored.settlement {
            throw .specificationSettled(ticket.number, version: settlement.version)
        }
        guard stored != nil || creating else { throw .specificationNotFound(ticket.number) }
        var specification =
            stored
            ?? TicketSpecification(
                ticketID: ticket.id, ticketNumber: ticket.number, companyID: ticket.companyID,
                contractID: ticket.contractID,
                version: 0, lines: [], updatedAt: now)
        try change(&specification.lines)
        do {
            _ = try specification.totals(.billable)
            _ = try specification.totals(.inContract)
        } catch {
            throw .money(error)
        }
        specification.companyID = ticket.companyID
        specification.contractID = ticket.contractID
        // A unit writes each specification once: a second change in it stays on the same version.
        if pending == nil { specification.version += 1 }
        specification.updatedAt = now
        auditSpecificationChange(from: stored, to: specification, on: ticket, by: performer, at: now, into: &work)
        var asks = specification.approval != nil
        if !asks { asks = try await contractRequiresApproval(specification) }
        if asks {
            if specification.lines.contains(where: { $0.coverage == .billable }) {
                // Changed lines need the client's approval again.
                specification.approval = SpecificationApproval(
                    decision: .requested, version: specification.version, requestedAt: now, requestedBy: performer)
                try await recordApprovalStep(.requested, of: specification, on: ticket, by: performer, at: now, into: &work)
            } else {
                // Nothing is charged any more: nothing to approve.
                specification.approval = nil
            }
        }
        work.billing.specifications.removeAll { $0.specification.ticketID == ticket.id }
        work.billing.specifications.append(
            SpecificationWrite(specification: specification, expectedVersion: pending?.expectedVersion ?? stored?.version))
        return specification
    }

    /// The ticket's specification as `work` leaves it: the unit's pending write, else the stored one.
    func pendingSpecification(of ticket: TicketID, in work: UnitOfWork) async throws(HelpDeskError)
        -> TicketSpecification?
    {
        if let pending = work.billing.specifications.first(where: { $0.specification.ticketID == ticket }) {
            return pending.specification
        }
        return try await storage { try await billingStore.specification(of: ticket) }
    }

    /// `true` when the specification's contract charges paid work only once the client approves it.
    func contractRequiresApproval(_ specification: TicketSpecification) async throws(HelpDeskError) -> Bool {
        guard let id = specification.contractID else { return false }
        return try await storage { try await contractStore.contract(id) }?.requiresPaidWorkApproval ?? false
    }
}
