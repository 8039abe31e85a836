import Foundation
import HelpDeskKit

extension MonthSimulation {
    /// 09:00 every working day: Contoso Bank's contract charges paid work only once the bank
    /// approves it, so Priya Nair goes through the bank's tickets whose bill waits for her in the
    /// client portal; she approves most and declines a few (the engineer then drops the disputed
    /// line and she approves the rest the next day). A resolved ticket whose bill she approved is
    /// charged by the accountant right away.
    mutating func reviewPaidWork() async throws {
        let clients = demo.clients
        let portal = try await desk.portal(for: clients.priya.id)
        let page = try await desk.tickets(
            matching: TicketQuery(companyIDs: [clients.contoso.id], limit: 1_000), as: .system)
        for ticket in page.tickets {
            guard let specification = try await desk.specification(of: ticket.id, as: .system),
                !specification.isSettled, specification.approval?.decision == .requested
            else { continue }
            if chance(0.15) {
                _ = try await portal.declinePaidWork(of: ticket.id, reason: "Not agreed in advance")
                tally.declined += 1
                if let disputed = specification.lines.last(where: { $0.coverage == .billable }) {
                    // The engineer takes the disputed line off; the rest is asked for again.
                    _ = try await desk.removeSpecificationLine(
                        disputed.id, from: ticket.id, by: .employee(demo.staff.maria.id))
                }
                continue
            }
            _ = try await portal.approvePaidWork(of: ticket.id)
            tally.approved += 1
            let category = desk.workflow.category(of: ticket.status)
            if category == .resolved || category == .closed {
                _ = try await desk.settle(ticket.id, by: .employee(demo.staff.maria.id))
            }
        }
    }
}
