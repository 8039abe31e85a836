import Foundation
import HelpDeskKit

extension Report {
    /// Section 6: the prepaid client's statement, receivables by age, the debtors and paid-work
    /// revenue, all read from the double-entry ledger.
    func billing(from start: Date, to end: Date, into out: inout Transcript) async throws(HelpDeskError) {
        let clients = demo.clients
        out.heading("6. Billing (from the ledger)")
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
        try await receivables(at: end, into: &out)
        out.line()
        let revenues = try await desk.outOfContractRevenue(in: start..<end, as: .system)
        for revenue in revenues.sorted(by: { (names[$0.companyID] ?? "") < (names[$1.companyID] ?? "") }) {
            out.note(
                "Paid work settled for \(names[revenue.companyID] ?? "-"): \(Self.rubles(revenue.amount)) in \(revenue.transfers) transfer(s)."
            )
        }
    }

    /// Client names by company.
    var names: [CompanyID: String] {
        let clients = demo.clients
        return Dictionary(
            uniqueKeysWithValues: [clients.acme, clients.northwind, clients.contoso].map { ($0.id, $0.name) })
    }

    /// Receivables by age at `instant` and the debtors' overdue periods: both count days from the
    /// payment due date, so an invoice overdue for N days sits in the ageing column of N days.
    func receivables(at instant: Date, into out: inout Transcript) async throws(HelpDeskError) {
        out.note(
            "Receivables by age at \(DemoTime.date(instant)) \(DemoTime.clock(instant)): invoices from their payment due"
        )
        out.note("date, paid work owed from the day it was charged.")
        var ageing = TextTable([
            .init("Client"), .init("Not yet due", .right), .init("Overdue 0-30 days", .right), .init("31-60", .right),
            .init("61-90", .right), .init("90+", .right), .init("Total", .right),
        ])
        for row in try await desk.debtorAgeing(at: instant, as: .system) {
            ageing.add([
                names[row.companyID] ?? "-", Self.rubles(row.notYetDue), Self.rubles(row.upTo30),
                Self.rubles(row.upTo60), Self.rubles(row.upTo90), Self.rubles(row.over90), Self.rubles(row.total),
            ])
        }
        out.lines(ageing.render())
        out.line()
        let debtors = try await desk.debtors(at: instant, as: .system)
        out.note(
            debtors.isEmpty
                ? "Debtors: none." : "Debtors (their new tickets get the debtor SLA policy; engineers are warned):")
        guard !debtors.isEmpty else { return }
        out.lines(Self.debtorTable(debtors))
    }

    /// One row per overdue invoice: client, contract, period, amount, due date, days overdue.
    static func debtorTable(_ debtors: [Debtor]) -> [String] {
        var table = TextTable([
            .init("Client"), .init("Contract"), .init("Period"), .init("Amount", .right), .init("Due"),
            .init("Overdue", .right),
        ])
        for debtor in debtors {
            for debt in debtor.debts {
                table.add([
                    debtor.company.name, debt.contractNumber,
                    DemoTime.dayAndMonth(debt.period.startsAt) + " - "
                        + DemoTime.dayAndMonth(debt.period.endsAt.addingTimeInterval(-1)),
                    debt.amount.description, DemoTime.date(debt.period.paymentDueAt ?? debt.period.startsAt),
                    "\(debt.daysOverdue) days",
                ])
            }
        }
        return table.render()
    }

    /// A rouble amount in minor units as text, e.g. `8875.00 RUB`.
    static func rubles(_ minorUnits: Int64) -> String {
        Money(minorUnits: minorUnits, currency: .rub).description
    }
}
