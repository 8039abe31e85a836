import Foundation
import HelpDeskKit

extension Report {
    /// Section 5: the prepaid client's statement, the debtors' ageing and paid-work revenue, all
    /// read from the double-entry ledger.
    func billing(from start: Date, to end: Date, into out: inout Transcript) async throws(HelpDeskError) {
        let clients = demo.clients
        out.heading("5. Billing (from the ledger)")
        out.note("Personal accounts, invoices and payments are double-entry transfers; nothing is a flag.")
        out.line()
        if let statement = try await desk.statement(
            of: clients.acme.id, in: .money(.rub), period: start..<end, as: .system)
        {
            out.note("Statement of \(clients.acme.name), prepaid roubles, \(DemoTime.date(start)):")
            var table = TextTable([.init("Time"), .init("Entry"), .init("Change", .right), .init("Balance", .right)])
            table.add(["", "opening balance", "", Self.rubles(statement.opening)])
            for line in statement.lines {
                table.add([
                    DemoTime.clock(line.at), line.code?.label ?? "transfer", Self.rubles(line.change),
                    Self.rubles(line.balanceAfter),
                ])
            }
            table.add(["", "closing balance", "", Self.rubles(statement.closing)])
            out.lines(table.render())
            out.line()
        }
        let names = Dictionary(
            uniqueKeysWithValues: [clients.acme, clients.northwind, clients.contoso].map { ($0.id, $0.name) })
        var ageing = TextTable([
            .init("Debtor"), .init("0-30 days", .right), .init("31-60", .right), .init("61-90", .right),
            .init("90+", .right), .init("Total", .right),
        ])
        for row in try await desk.debtorAgeing(at: end, as: .system) {
            ageing.add([
                names[row.companyID] ?? "-", Self.rubles(row.upTo30), Self.rubles(row.upTo60), Self.rubles(row.upTo90),
                Self.rubles(row.over90), Self.rubles(row.total),
            ])
        }
        out.note("Receivables by age (invoiced service periods and unpaid paid work):")
        out.lines(ageing.render())
        out.line()
        for revenue in try await desk.outOfContractRevenue(in: start..<end, as: .system) {
            out.note(
                "Out-of-contract revenue from \(names[revenue.companyID] ?? "-"): \(Self.rubles(revenue.amount)) in \(revenue.transfers) settlement(s)."
            )
        }
    }

    /// A rouble amount in minor units as text, e.g. `8875.00 RUB`.
    static func rubles(_ minorUnits: Int64) -> String {
        Money(minorUnits: minorUnits, currency: .rub).description
    }
}
