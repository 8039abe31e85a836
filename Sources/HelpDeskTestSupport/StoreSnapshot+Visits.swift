import Foundation
import HelpDeskKit

extension StoreSnapshot {
    /// Reads every planned visit, cancelled ones too (none on a store without visits).
    mutating func captureVisits(_ store: any HelpDeskStore) async throws {
        visits = try await store.feature((any VisitRepository).self)?.visits() ?? []
    }
}
