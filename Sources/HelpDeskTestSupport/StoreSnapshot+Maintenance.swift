import Foundation
import HelpDeskKit

extension StoreSnapshot {
    /// Every maintenance plan and occurrence record reachable through the maintenance repository,
    /// in the image's order (none on a store without it).
    static func maintenanceImage(of store: any HelpDeskStore) async throws -> MaintenanceImage {
        guard let maintenance = try store.feature((any MaintenanceRepository).self) else { return MaintenanceImage() }
        let plans = try await maintenance.maintenancePlans()
        var occurrences: [MaintenanceOccurrence] = []
        for plan in plans { occurrences += try await maintenance.maintenanceOccurrences(of: plan.id) }
        return MaintenanceImage(plans: plans, occurrences: occurrences)
    }
}
