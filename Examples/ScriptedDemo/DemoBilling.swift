import Foundation
import HelpDeskKit

/// The desk's billing calendar for February and March 2026: when the account manager sends the
/// monthly invoices and when each client pays. Northwind Traders pays for neither month.
enum DemoBilling {
    /// One thing the account manager does.
    enum Step: Sendable {
        /// Every contract's period starting at `periodStart` is invoiced.
        case invoice(periodStart: Date)
        /// The client pays its period starting at `periodStart`.
        case payment(company: CompanyID, periodStart: Date)
        /// The client tops up its prepaid balance for paid work.
        case topUp(company: CompanyID, amount: Int64, reference: String)
    }

    /// The steps in time order.
    static func schedule(_ clients: DemoClients) -> [(at: Date, step: Step)] {
        func at(_ month: Int, _ day: Int, _ hour: Int) -> Date {
            DemoTime.at(hour, 0, on: DemoTime.midnight(of: DateComponents(year: 2026, month: month, day: day)))
        }
        let (february, march) = (DemoClients.february, DemoClients.march)
        return [
            (at(2, 2, 10), .invoice(periodStart: february)),
            (at(2, 9, 12), .payment(company: clients.acme.id, periodStart: february)),
            (at(2, 9, 15), .payment(company: clients.contoso.id, periodStart: february)),
            (at(2, 17, 11), .topUp(company: clients.acme.id, amount: 10_000_00, reference: "PP-2026-0217")),
            (at(3, 2, 10), .invoice(periodStart: march)),
            (at(3, 4, 12), .payment(company: clients.acme.id, periodStart: march)),
            (at(3, 5, 15), .payment(company: clients.contoso.id, periodStart: march)),
            (at(3, 20, 11), .topUp(company: clients.acme.id, amount: 15_000_00, reference: "PP-2026-0320")),
        ]
    }

    /// Performs the scheduled steps in `[from, to)`, setting `clock` to each step's time; returns how many ran.
    @discardableResult
    static func run(
        from start: Date, to end: Date, on desk: HelpDesk, clock: ManualClock, clients: DemoClients,
        by manager: Employee
    ) async throws(HelpDeskError) -> Int {
        let steps = schedule(clients).filter { $0.at >= start && $0.at < end }
        for (instant, step) in steps {
            if instant > clock.now { clock.set(to: instant) }
            try await perform(step, on: desk, clients: clients, by: manager)
        }
        return steps.count
    }

    /// Performs one step.
    static func perform(_ step: Step, on desk: HelpDesk, clients: DemoClients, by manager: Employee)
        async throws(HelpDeskError)
    {
        let by = Performer.employee(manager.id)
        switch step {
        case .invoice(let start):
            for company in [clients.acme, clients.northwind, clients.contoso] {
                for contract in try await desk.contracts(of: company.id, as: .system) {
                    for period in contract.periods where period.startsAt == start {
                        _ = try await desk.markServicePeriodInvoiced(period.id, of: contract.id, by: by)
                    }
                }
            }
        case .payment(let company, let start):
            for contract in try await desk.contracts(of: company, as: .system) {
                for period in contract.periods where period.startsAt == start {
                    _ = try await desk.markServicePeriodPaid(period.id, of: contract.id, by: by)
                }
            }
        case .topUp(let company, let amount, let reference):
            _ = try await desk.topUp(
                company, amount: Money(minorUnits: amount, currency: .rub), paymentReference: reference, by: by)
        }
    }
}
