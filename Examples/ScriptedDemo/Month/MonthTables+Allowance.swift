import Foundation
import HelpDeskKit

extension MonthReports {
    /// Section 12: the hours each contract includes per month, how many were used, and the work
    /// beyond them that was billed on the tickets by itself.
    func renderAllowances(into out: inout Transcript) {
        out.heading("12. Included hours and work beyond them")
        out.note("Each subscription includes 20 hours of contract work a month. Work done first is covered")
        out.note("first; once the hours are used up, further work is billed on its ticket at the contract's")
        out.note("hourly price, and the account manager was told at 80% and at 100%. Not billed = work")
        out.note("beyond the hours logged on a reopened ticket whose bill was already settled: bill it by hand.")
        var table = TextTable([
            .init("Client"), .init("Contract"), .init("Included", .right), .init("Used", .right),
            .init("Beyond", .right), .init("Not billed", .right), .init("Used %", .right),
            .init("Tickets beyond", .right), .init("Alerts"),
        ])
        for statement in allowances {
            table.add([
                names[statement.companyID.description] ?? "-", statement.contractNumber,
                Self.hours(statement.included), Self.hours(statement.consumed), Self.hours(statement.overage),
                Self.hours(statement.unbilled), "\(statement.percentUsed)%", "\(statement.tickets.filter { $0.excess > 0 }.count)",
                statement.alertsSent.map { "\($0)%" }.joined(separator: ", "),
            ])
        }
        out.lines(table.render())
    }

    /// Minutes as hours with one decimal: `20.0 h`.
    static func hours(_ minutes: Int) -> String {
        "\(minutes / 60).\(minutes % 60 * 10 / 60) h"
    }
}
