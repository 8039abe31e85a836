extension HelpDesk {
    /// The store's companies, locations and contacts; ``HelpDeskError/storeLacksFeature(_:)``
    /// when it keeps no client directory.
    var companyStore: any CompanyRepository {
        get throws(HelpDeskError) { try feature((any CompanyRepository).self) }
    }

    /// The store's contracts; ``HelpDeskError/storeLacksFeature(_:)`` when it keeps none.
    var contractStore: any ContractRepository {
        get throws(HelpDeskError) { try feature((any ContractRepository).self) }
    }

    /// The store's equipment; ``HelpDeskError/storeLacksFeature(_:)`` when it keeps none.
    var assetStore: any AssetRepository {
        get throws(HelpDeskError) { try feature((any AssetRepository).self) }
    }
}
