import Foundation

extension HelpDesk {
    /// Adds a work or service to the price list.
    ///
    /// The code and name must not be blank, the price must not be negative, and the validity
    /// must end after it starts. Two items may share a code only when their validity periods do
    /// not overlap (a new price from a date is a new item with the same code).
    public func addPriceListItem(
        _ request: NewPriceListItem, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> PriceListItem {
        try await perform(
            by: performer,
            command: "addPriceListItem", key: idempotencyKey, inputs: [request]
        ) { context throws(HelpDeskError) in
            try authorize(context.principal, AccessRequest(.editPriceList))
            try Validate.notBlank(request.code, field: "code")
            try Validate.notBlank(request.name, field: "name")
            if request.price.minorUnits < 0 { throw .invalidInput(field: "price", problem: .negative) }
            try Validate.instant(request.validFrom, field: "validFrom")
            try Validate.end(request.validUntil, field: "validUntil")
            if let until = request.validUntil, until <= request.validFrom {
                throw .invalidInput(field: "validUntil", problem: .notAfterStart)
            }
            let sameCode = try await storage { try await billingStore.priceListItems() }.filter { $0.code == request.code }
            let requested = request.validFrom..<(request.validUntil ?? .distantFuture)
            if sameCode.contains(where: { requested.overlaps($0.validFrom..<($0.validUntil ?? .distantFuture)) }) {
                throw .duplicateName(request.code)
            }
            let item = PriceListItem(
                id: nextID(), code: request.code, name: request.name, kind: request.kind, pricing: request.pricing,
                price: request.price, validFrom: request.validFrom, validUntil: request.validUntil)
            context.work.billing.priceListItems = [item]
            try await recordTrail(
                .created, of: .priceListItem(item.id), company: nil, from: nil, to: item, by: context.performer,
                into: &context.work)
            return item
        }
    }

    /// Sets `contract`'s own price for `item`; it must be in the item's unit and not negative.
    @discardableResult
    public func setContractPrice(
        _ contract: ContractID, item: PriceListItemID, price: Price, by performer: Performer,
        idempotencyKey: IdempotencyKey? = nil
    )
        async throws(HelpDeskError) -> ContractPrice
    {
        try await perform(
            by: performer,
            command: "setContractPrice", key: idempotencyKey, inputs: [contract, item, price]
        ) { context throws(HelpDeskError) in
            let owner = try await loadContract(contract)
            try authorize(context.principal, AccessRequest(.editPriceList, companyID: owner.companyID))
            let listed = try await loadPriceListItem(item)
            guard price.unit == listed.price.unit else {
                throw .unitMismatch(expected: listed.price.unit, actual: price.unit)
            }
            if price.minorUnits < 0 { throw .invalidInput(field: "price", problem: .negative) }
            let override = ContractPrice(contractID: contract, itemID: item, price: price)
            context.work.billing.contractPrices = [override]
            try await recordContractPrice(override, of: owner, item: listed, by: context.performer, into: &context.work)
            return override
        }
    }

    /// The whole price list, sorted by code.
    public func priceList(as viewer: Performer) async throws(HelpDeskError) -> [PriceListItem] {
        _ = try await authorize(viewer, .readBilling)
        return try await storage { try await billingStore.priceListItems() }
    }

    /// The price of `item` at `instant`, under `contract`'s override when it has one.
    public func price(of item: PriceListItemID, under contract: ContractID?, at instant: Date, as viewer: Performer)
        async throws(HelpDeskError) -> Price
    {
        let principal = try await principal(for: viewer)
        var owner: CompanyID?
        if let contract { owner = try await loadContract(contract).companyID }
        try authorize(principal, AccessRequest(.readBilling, companyID: owner))
        try Validate.instant(instant, field: "instant")
        return try await validPrice(of: item, under: contract, at: instant)
    }

    /// ``price(of:under:at:as:)`` for an instant the engine chose (its clock), inside a command.
    func validPrice(of item: PriceListItemID, under contract: ContractID?, at instant: Date)
        async throws(HelpDeskError) -> Price
    {
        let listed = try await loadPriceListItem(item)
        guard listed.isValid(at: instant) else { throw .priceNotValid(item, at: instant) }
        if let contract {
            let overrides = try await storage { try await billingStore.contractPrices(of: contract) }
            if let override = overrides.first(where: { $0.itemID == item }) { return override.price }
        }
        return listed.price
    }

    /// The item with `code` valid at `instant`; else ``HelpDeskError/Reason/priceNotValid(_:at:)``
    /// for the latest item with that code, or ``HelpDeskError/Reason/priceListCodeNotFound(_:)``.
    func priceListItem(code: String, at instant: Date) async throws(HelpDeskError) -> PriceListItem {
        let items = try await storage { try await billingStore.priceListItems() }.filter { $0.code == code }
        if let valid = items.first(where: { $0.isValid(at: instant) }) { return valid }
        guard let latest = items.max(by: { $0.validFrom < $1.validFrom }) else { throw .priceListCodeNotFound(code) }
        throw .priceNotValid(latest.id, at: instant)
    }

    /// The price-list item with `id`, or ``HelpDeskError/priceListItemNotFound(_:)``.
    func loadPriceListItem(_ id: PriceListItemID) async throws(HelpDeskError) -> PriceListItem {
        guard let item = try await storage({ try await billingStore.priceListItem(id) }) else {
            throw .priceListItemNotFound(id)
        }
        return item
    }
}
