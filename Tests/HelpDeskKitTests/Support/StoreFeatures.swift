import DoubleEntry
import HelpDeskKit
import HelpDeskTestSupport
import Testing

extension HelpDeskStore {
    /// The whole ledger of a store kept in memory: these tests compare and audit it whole, which
    /// the repositories deliberately do not offer (they read accounts, transfers and statements).
    func ledger() throws -> Ledger {
        if let memory = self as? InMemoryStore { return memory.image().billing.ledger }
        if let backed = self as? any MemoryBackedStore { return backed.backingStore.image().billing.ledger }
        Issue.record("\(type(of: self)) keeps no ledger in memory")
        return Ledger()
    }
}

extension HelpDeskStore {
    /// The store's billing feature (every store these tests use offers it).
    var billing: any BillingRepository {
        get throws { try requireFeature((any BillingRepository).self, of: self) }
    }
}

extension HelpDeskStore {
    /// The store's client directory feature (every store these tests use offers it).
    var companies: any CompanyRepository {
        get throws { try requireFeature((any CompanyRepository).self, of: self) }
    }
}
