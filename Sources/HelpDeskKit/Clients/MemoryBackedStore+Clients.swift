extension MemoryBackedStore {
    public func company(_ id: CompanyID) async throws -> Company? {
        try ensureAvailable()
        return try await backingStore.company(id)
    }

    public func companies() async throws -> [Company] {
        try ensureAvailable()
        return try await backingStore.companies()
    }

    public func location(_ id: LocationID) async throws -> Location? {
        try ensureAvailable()
        return try await backingStore.location(id)
    }

    public func locations(of company: CompanyID) async throws -> [Location] {
        try ensureAvailable()
        return try await backingStore.locations(of: company)
    }

    public func contact(_ id: ContactID) async throws -> Contact? {
        try ensureAvailable()
        return try await backingStore.contact(id)
    }

    public func contact(email: String) async throws -> Contact? {
        try ensureAvailable()
        return try await backingStore.contact(email: email)
    }

    public func contacts(of company: CompanyID) async throws -> [Contact] {
        try ensureAvailable()
        return try await backingStore.contacts(of: company)
    }

    public func contract(_ id: ContractID) async throws -> Contract? {
        try ensureAvailable()
        return try await backingStore.contract(id)
    }

    public func contract(number: String) async throws -> Contract? {
        try ensureAvailable()
        return try await backingStore.contract(number: number)
    }

    public func contracts(of company: CompanyID) async throws -> [Contract] {
        try ensureAvailable()
        return try await backingStore.contracts(of: company)
    }

    public func contracts() async throws -> [Contract] {
        try ensureAvailable()
        return try await backingStore.contracts()
    }

    public func assetModel(_ id: AssetModelID) async throws -> AssetModel? {
        try ensureAvailable()
        return try await backingStore.assetModel(id)
    }

    public func assetModels() async throws -> [AssetModel] {
        try ensureAvailable()
        return try await backingStore.assetModels()
    }

    public func asset(_ id: AssetID) async throws -> Asset? {
        try ensureAvailable()
        return try await backingStore.asset(id)
    }

    public func assets(company: CompanyID?, location: LocationID?, model: AssetModelID?) async throws -> [Asset] {
        try ensureAvailable()
        return try await backingStore.assets(company: company, location: location, model: model)
    }
}
