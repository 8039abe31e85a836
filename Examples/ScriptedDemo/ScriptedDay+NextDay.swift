import Foundation
import HelpDeskKit

extension ScriptedDay {
    /// A shorter day that continues a desk kept in a data directory: new calls, an answer to a
    /// ticket left waiting, resolutions, and the host's tick.
    mutating func nextDay(after previous: Date) async throws(HelpDeskError) {
        today = DemoTime.startOfDay(demo.clock.now)
        let clients = demo.clients
        let catalog = demo.catalog
        let number = DemoCalendar.workingDays(from: DemoTime.on(0, 0), to: DemoTime.midnight(after: today)).count
        out.heading(
            "Day \(number) of the desk: \(DemoTime.dayAndMonth(today, weekday: true)) (\(DemoTime.date(today)))")
        out.note("The desk was reopened from its data directory; ticket numbers continue where they stopped.")
        let skipped = DemoCalendar.daysOff(from: DemoTime.midnight(after: previous), to: today)
        if !skipped.isEmpty {
            out.note("Days off since the last working day: \(skipped.joined(separator: ", ")).")
        }
        out.line()
        at(9, 0)
        let badge = try await register(
            "New starter needs a door badge", via: .email, from: "Anna Smith, Acme Ltd", contact: clients.anna,
            category: catalog.accounts)
        at(9, 20)
        try await showHints(for: clients.jane, by: demo.staff.olga)
        let toner = try await register(
            "Printer out of toner", via: .phone, from: "Jane Doe, Northwind", contact: clients.jane,
            category: catalog.printers, assets: [clients.northwindPrinter], by: demo.staff.olga)
        let waiting = try await desk.tickets(
            matching: TicketQuery(
                statuses: [.waitingForClient], companyIDs: [clients.northwind.id], sort: [TicketSort(.number)]),
            as: .system
        ).tickets
        if let monitor = waiting.first {
            at(10, 0)
            try await clientReplies("We use the Dell P2422H.", on: monitor.id)
        }
        pause()
        at(11, 0)
        try await move(badge, to: .inProgress, by: demo.staff.sam)
        try await write("The badge is ready at reception.", on: badge, by: demo.staff.sam)
        try await logTime(20, on: badge, by: demo.staff.sam, "programmed the badge and added it to the access system")
        try await move(badge, to: .resolved, by: demo.staff.sam)
        try await showRatingRequest(of: badge)
        at(11, 40)
        try await clientRates(badge, score: 4, "Fine, but it took a morning.")
        at(12, 30)
        try await write("A new cartridge is on its way.", on: toner, by: demo.staff.ben)
        at(17, 0)
        try await tick()
        say("the desk closes for the day")
    }
}
