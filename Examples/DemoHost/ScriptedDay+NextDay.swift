import Foundation
import HelpDeskKit

extension ScriptedDay {
    /// A shorter day that continues a desk kept in a data directory: new calls, an answer to a
    /// ticket left waiting, resolutions, and the host's tick.
    mutating func nextDay(number day: Int) async throws(HelpDeskError) {
        dayOffset = day
        let clients = demo.clients
        let catalog = demo.catalog
        out.heading("Day \(day + 1) of the desk: \(DemoTime.date(demo.clock.now))")
        out.note("The desk was reopened from its data directory; ticket numbers continue where they stopped.")
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
        try await move(badge, to: .resolved, by: demo.staff.sam)
        at(12, 30)
        try await write("A new cartridge is on its way.", on: toner, by: demo.staff.ben)
        at(17, 0)
        try await tick()
        say("the desk closes for the day")
    }
}
