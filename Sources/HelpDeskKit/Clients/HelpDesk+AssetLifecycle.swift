import Foundation

/// Changes to an installed asset: a set field changes, `.some(nil)` clears an optional one.
public struct AssetUpdate: Hashable, Sendable, Encodable {
    /// New serial number; not blank, unused by another asset of the same model.
    public var serialNumber: String?
    /// New inventory number (`.some(nil)` clears it).
    public var inventoryNumber: String??
    /// New contract, of the asset's company (`.some(nil)`: serviced under no contract).
    public var contractID: ContractID??
    /// New date it went into service.
    public var inServiceSince: Date?

    /// Describes an update.
    public init(
        serialNumber: String? = nil, inventoryNumber: String?? = nil, contractID: ContractID?? = nil,
        inServiceSince: Date? = nil
    ) {
        self.serialNumber = serialNumber
        self.inventoryNumber = inventoryNumber
        self.contractID = contractID
        self.inServiceSince = inServiceSince
    }
}

extension HelpDesk {
    /// Changes an asset's serial or inventory number, contract or in-service date, checked like
    /// ``addAsset(_:by:idempotencyKey:)``; an update that changes nothing commits nothing. A
    /// retired asset no longer changes (``HelpDeskError/assetRetired(_:)``).
    public func updateAsset(
        _ id: AssetID, _ update: AssetUpdate, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> Asset {
        try await perform(
            by: performer, command: "updateAsset", key: idempotencyKey, inputs: [id, update]
        ) { context throws(HelpDeskError) in
            let original = try await managedAsset(id, by: context.principal)
            var asset = original
            if let serial = update.serialNumber {
                try Validate.notBlank(serial, field: "serialNumber")
                let sameModel = try await storage { try await assetStore.assets(company: nil, location: nil, model: asset.modelID) }
                if sameModel.contains(where: { $0.id != id && $0.serialNumber.lowercased() == serial.lowercased() }) {
                    throw .duplicateSerialNumber(serial)
                }
                asset.serialNumber = serial
            }
            if let inventory = update.inventoryNumber { asset.inventoryNumber = inventory }
            if let contractID = update.contractID {
                if let contractID { try await checkContract(contractID, of: asset) }
                asset.contractID = contractID
            }
            if let since = update.inServiceSince {
                try Validate.instant(since, field: "inServiceSince")
                asset.inServiceSince = since
            }
            guard asset != original else { return asset }
            context.work.clients.assets = [asset]
            try await recordTrail(
                .updated, of: .asset(id), company: asset.companyID, from: original, to: asset, by: context.performer,
                into: &context.work)
            return asset
        }
    }

    /// Moves an asset to another location of the same company (else
    /// ``HelpDeskError/crossCompanyLink(_:expected:)``). Its contract, when it lists the locations
    /// it covers, must cover the new one (``HelpDeskError/contractDoesNotCover(_:location:)``):
    /// change or clear the contract first. Tickets keep pointing at the asset.
    public func moveAsset(
        _ id: AssetID, to locationID: LocationID, by performer: Performer, idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError) -> Asset {
        try await perform(
            by: performer, command: "moveAsset", key: idempotencyKey, inputs: [id, locationID]
        ) { context throws(HelpDeskError) in
            let original = try await managedAsset(id, by: context.principal)
            let location = try await loadLocation(locationID)
            guard location.companyID == original.companyID else {
                throw .crossCompanyLink(.location(locationID), expected: original.companyID)
            }
            guard locationID != original.locationID else { return original }
            if let contractID = original.contractID {
                let contract = try await loadContract(contractID)
                guard contract.coveredLocationIDs.isEmpty || contract.coveredLocationIDs.contains(locationID) else {
                    throw .contractDoesNotCover(contractID, location: locationID)
                }
            }
            let from = try await loadLocation(original.locationID)
            var asset = original
            asset.locationID = locationID
            context.work.clients.assets = [asset]
            try await recordTrail(
                .moved, of: .asset(id), company: asset.companyID,
                changes: [TrailChange("location", from: from.name, to: location.name)], by: context.performer,
                into: &context.work)
            return asset
        }
    }

    /// Takes an asset out of service at the clock's instant: it stays readable and on the tickets
    /// that name it, but new tickets cannot link it and pickers no longer offer it. Retiring a
    /// retired asset changes nothing.
    public func retireAsset(_ id: AssetID, by performer: Performer, idempotencyKey: IdempotencyKey? = nil)
        async throws(HelpDeskError) -> Asset
    {
        try await perform(
            by: performer, command: "retireAsset", key: idempotencyKey, inputs: [id]
        ) { context throws(HelpDeskError) in
            let original = try await managedAsset(id, by: context.principal, inServiceOnly: false)
            guard original.isActive else { return original }
            var asset = original
            asset.retiredAt = clock.now()
            context.work.clients.assets = [asset]
            try await recordTrail(
                .retired, of: .asset(id), company: asset.companyID, from: original, to: asset, by: context.performer,
                into: &context.work)
            return asset
        }
    }

    /// The asset with `id`, or ``HelpDeskError/assetNotFound(_:)``.
    func loadAsset(_ id: AssetID) async throws(HelpDeskError) -> Asset {
        guard let asset = try await storage({ try await assetStore.asset(id) }) else { throw .assetNotFound(id) }
        return asset
    }

    /// Throws unless `contractID` exists and belongs to `asset`'s company.
    private func checkContract(_ contractID: ContractID, of asset: Asset) async throws(HelpDeskError) {
        let contract = try await loadContract(contractID)
        guard contract.companyID == asset.companyID else {
            throw .crossCompanyLink(.contract(contractID), expected: asset.companyID)
        }
    }

    /// The asset with `id`, once `principal` may manage its company's equipment; a retired asset
    /// is ``HelpDeskError/assetRetired(_:)`` unless `inServiceOnly` is `false`.
    private func managedAsset(_ id: AssetID, by principal: Principal, inServiceOnly: Bool = true)
        async throws(HelpDeskError) -> Asset
    {
        let asset = try await loadAsset(id)
        try authorize(principal, AccessRequest(.manageClients, companyID: asset.companyID))
        if inServiceOnly, !asset.isActive { throw .assetRetired(id) }
        return asset
    }
}
