extension InMemoryStore: CompanyRepository, ContractRepository, AssetRepository {
    public func company(_ id: CompanyID) async throws -> Company? {
        state.withLock { $0.clients.companies[id] }
    }

    public func companies() async throws -> [Company] {
        state.withLock { $0.clients.companies.values.sorted { ($0.name, $0.id) < ($1.name, $1.id) } }
    }

    public func location(_ id: LocationID) async throws -> Location? {
        state.withLock { $0.clients.locations[id] }
    }

    public func locations(of company: CompanyID) async throws -> [Location] {
        state.withLock {
            $0.clients.locations.values.filter { $0.companyID == company }.sorted {
                ($0.name, $0.id) < ($1.name, $1.id)
            }
        }
    }

    public func contact(_ id: ContactID) async throws -> Contact? {
        state.withLock { $0.clients.contacts[id] }
    }

    public func contact(email: String) async throws -> Contact? {
        let wanted = email.lowercased()
        return state.withLock { state in
            state.clients.contacts.values.filter { $0.email?.lowercased() == wanted }.min { $0.id < $1.id }
        }
    }

    public func contacts(of company: CompanyID) async throws -> [Contact] {
        state.withLock {
            $0.clients.contacts.values.filter { $0.companyID == company }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
        }
    }

    public func contract(_ id: ContractID) async throws -> Contract? {
        state.withLock { $0.clients.contracts[id] }
    }

    public func contract(number: String) async throws -> Contract? {
        let wanted = number.lowercased()
        return state.withLock { state in
            state.clients.contracts.values.filter { $0.number.lowercased() == wanted }.min { $0.id < $1.id }
        }
    }

    public func contracts(of company: CompanyID) async throws -> [Contract] {
        state.withLock {
            $0.clients.contracts.values.filter { $0.companyID == company }
                .sorted { ($0.number, $0.id) < ($1.number, $1.id) }
        }
    }

    public func contracts() async throws -> [Contract] {
        state.withLock { $0.clients.contracts.values.sorted { ($0.number, $0.id) < ($1.number, $1.id) } }
    }

    public func assetModel(_ id: AssetModelID) async throws -> AssetModel? {
        state.withLock { $0.clients.assetModels[id] }
    }

    public func assetModels() async throws -> [AssetModel] {
        state.withLock { $0.clients.assetModels.values.sorted { ($0.name, $0.id) < ($1.name, $1.id) } }
    }

    public func asset(_ id: AssetID) async throws -> Asset? {
        state.withLock { $0.clients.assets[id] }
    }

    public func assets(company: CompanyID?, location: LocationID?, model: AssetModelID?) async throws -> [Asset] {
        state.withLock {
            $0.clients.assets.values.filter { asset in
                (company.map { asset.companyID == $0 } ?? true) && (location.map { asset.locationID == $0 } ?? true)
                    && (model.map { asset.modelID == $0 } ?? true)
            }
            .sorted { ($0.serialNumber, $0.id) < ($1.serialNumber, $1.id) }
        }
    }
}
