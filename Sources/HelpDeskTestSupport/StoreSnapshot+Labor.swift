import Foundation
import HelpDeskKit

extension StoreSnapshot {
    /// Reads the time entries and rating data of every captured ticket and the rates of every employee.
    mutating func captureLaborAndRatings(_ store: any HelpDeskStore) async throws {
        for ticket in tickets {
            timeEntries[ticket.id] = try await store.timeEntries(on: ticket.id)
            ratingRequests[ticket.id] = try await store.ratingRequests(of: ticket.id)
            ratings[ticket.id] = try await store.ratings(of: ticket.id)
        }
        for employee in employees {
            employeeRates[employee.id] = try await store.rateHistory(of: employee.id)
        }
    }
}
