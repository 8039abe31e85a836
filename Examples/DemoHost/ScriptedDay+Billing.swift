import Foundation
import HelpDeskKit

extension ScriptedDay {
    /// Adds paid (out-of-contract) engineer time to a ticket's specification and narrates it.
    mutating func paidWork(minutes: Int64, on id: TicketID, by employee: Employee) async throws(HelpDeskError) {
        let item = demo.clients.engineerHour
        let specification = try await desk.addSpecificationLine(
            to: id, NewSpecificationLine(itemID: item.id, quantity: minutes, coverage: .billable),
            by: .employee(employee.id))
        let number = try await desk.ticket(id, as: .system).number
        say("\(employee.name) adds \(minutes) min of \"\(item.name)\" at \(item.price) per hour to \(number)")
        then("the ticket's specification (version \(specification.version)) is settled when it is resolved")
    }

    /// Narrates what resolving a ticket did to its client's prepaid balance.
    mutating func showSettlement(of id: TicketID) async throws(HelpDeskError) {
        guard let settlement = try await desk.specification(of: id, as: .system)?.settlement,
            let company = try await desk.ticket(id, as: .system).companyID
        else { return }
        let charged = settlement.charged.map(\.description).joined(separator: ", ")
        then("settled in the same unit of work as the status change: \(charged) debited")
        if let balance = try await desk.balance(of: company, in: .money(.rub), as: .system) {
            then(
                "\(try await desk.company(company, as: .system).name)'s prepaid balance is now \(Self.rubles(balance.postedCreditsMinusDebits))"
            )
        }
    }

    /// Roubles and kopecks of a ledger amount, e.g. `8875.00 RUB`.
    static func rubles(_ minorUnits: Int128) -> String {
        Money(minorUnits: Int64(minorUnits), currency: .rub).description
    }
}
