import Foundation

extension HelpDesk {
    /// Adds an equipment model to the nomenclature.
    public func addAssetModel(
        name: String, kind: String, attributes: [String: String] = [:], by performer: Performer,
        idempotencyKey: IdempotencyKey? = nil
    ) async throws(HelpDeskError)
        -> AssetModel
    {
        try await perform(
            by: performer,
            command: "addAssetModel", key: idempotencyKey, inputs: [name, kind, attributes]
        ) { context throws(HelpDeskError) in
            try authorize(context.principal, AccessRequest(.manageClients))
            try Validate.notBlank(name, field: "name")
            try Validate.notBlank(kind, field: "kind")
            try Validate.customFieldKeys(attributes.keys, field: "attributes")
            let existing = try await storage { try await assetStore.assetModels() }
            if existing.contains(where: { $0.name.lowercased() == name.lowercased() }) { throw .duplicateName(name) }
            let model = AssetModel(id: nextID(), name: name, kind: kind, attributes: attributes)
            context.work.clients.assetModels = [model]
            try await recordTrail(
                .created, of: .assetModel(model.id), company: nil, from: nil, to: model, by: context.performer,
                into: &context.work)
            return model
        }
    }

    /// Registers an installed asset at a client's location.
    public func addAsset(_ request: NewAsset, by performer: Performer, idempotencyKey: IdempotencyKey? = nil)
        async throws(HelpDeskError) -> Asset
    {
        try await perform(
            by: performer, command: "addAsset", key: idempotencyKey, inputs: [request]
        ) { context throws(HelpDeskError) in
            guard try await storage({ try await assetStore.assetModel(request.modelID) }) != nil else {
                throw .assetModelNotFound(request.modelID)
            }
            try Validate.notBlank(request.serialNumber, field: "serialNumber")
            try Validate.instant(request.inServiceSince, field: "inServiceSince")
            let location = try await loadLocation(request.locationID)
            try authorize(context.principal, AccessRequest(.manageClients, companyID: location.companyID))
            if let contractID = request.contractID {
                let contract = try await loadContract(contractID)
                guard contract.companyID == location.companyID else {
                    throw .crossCompanyLink(.contract(contractID), expected: location.companyID)
                }
            }
            let sameModel = try await storage {
                try await assetStore.assets(company: nil, location: nil, model: request.modelID)
            }
            if sameModel.contains(where: { $0.serialNumber.lowercased() == request.serialNumber.lowercased() }) {
                throw .duplicateSerialNumber(request.serialNumber)
            }
            let asset = Asset(
                id: nextID(), modelID: request.modelID, serialNumber: request.serialNumber,
                inventoryNumber: request.inventoryNumber, companyID: location.companyID, locationID: location.id,
                contractID: request.contractID, inServiceSince: request.inServiceSince)
            context.work.clients.assets = [asset]
            try await recordTrail(
                .created, of: .asset(asset.id), company: asset.companyID, from: nil, to: asset,
                by: context.performer, into: &context.work)
            return asset
        }
    }
}
