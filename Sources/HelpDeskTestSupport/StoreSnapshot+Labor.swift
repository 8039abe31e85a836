import Foundation
import HelpDeskKit

extension StoreSnapshot {
    /// Reads the time entries and rating data of every captured ticket and the rates of every employee.
    mutating func captureLaborAndRatings(_ store: any HelpDeskStore) async throws {
        // A store without the ratings feature holds no ratings.
        let ratingStore = try store.feature((any RatingRepository).self)
        let laborStore = try store.feature((any LaborRepository).self)
        for ticket in tickets {
            timeEntries[ticket.id] = try await laborStore?.timeEntries(on: ticket.id) ?? []
            if let ratingStore {
                ratingRequests[ticket.id] = try await ratingStore.ratingRequests(of: ticket.id)
                ratings[ticket.id] = try await ratingStore.ratings(of: ticket.id)
            }
        }
        for employee in employees {
            employeeRates[employee.id] = try await laborStore?.rateHistory(of: employee.id) ?? []
        }
    }
}
