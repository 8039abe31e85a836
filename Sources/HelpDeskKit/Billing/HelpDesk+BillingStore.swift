extension HelpDesk {
    /// The store's billing repository; ``HelpDeskError/storeLacksFeature(_:)`` when the store
    /// keeps no price list, specifications or ledger.
    var billingStore: any BillingRepository {
        get throws(HelpDeskError) { try feature((any BillingRepository).self) }
    }
}
