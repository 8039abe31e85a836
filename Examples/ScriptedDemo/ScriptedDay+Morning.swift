import Foundation
import HelpDeskKit

extension ScriptedDay {
    /// 08:42–10:30: tickets arrive from every channel, get routed, answered, merged and postponed.
    mutating func morning() async throws(HelpDeskError) {
        let catalog = demo.catalog
        let groups = demo.groups

        at(8, 42)
        let clients = demo.clients
        let login = try await receiveFirstLetter()
        tickets.login = login
        at(8, 55)
        try await showHints(for: clients.tom, by: staff.olga)
        let printer = try await register(
            "Printer on floor 3 jams every page", via: .phone, from: "Tom Baker, Northwind", contact: clients.tom,
            category: catalog.printers, assets: [clients.northwindPrinter], by: staff.olga)
        tickets.printer = printer
        at(9, 5)
        let vpn = try await register(
            "VPN drops every ten minutes", via: .portal, from: "Priya Nair, Contoso", contact: clients.priya,
            category: catalog.network,
            priority: .high)
        tickets.vpn = vpn
        pause()

        at(9, 10)
        try await move(login, to: .inProgress, by: staff.sam)
        try await write("Which username do you sign in with, and what does the error say?", on: login, by: staff.sam)
        try await move(login, to: .waitingForClient, by: staff.sam)
        at(9, 15)
        let assigned = try await desk.assign(
            printer, to: staff.ben.id, group: groups.fieldEngineers.id, by: .employee(staff.olga.id))
        say("Olga Ivanova assigns \(assigned.number) to \(staff.ben.name) (\(groups.fieldEngineers.name))")
        at(9, 20)
        let printerAgain = try await register(
            "Floor 3 printer broken again", via: .messenger, from: "Jane Doe, Northwind", contact: clients.jane,
            category: catalog.printers)
        tickets.printerAgain = printerAgain
        at(9, 25)
        try await move(vpn, to: .inProgress, by: staff.lena)
        try await write(
            "Tunnel log shows an MTU mismatch on the Contoso gateway.", on: vpn, by: staff.lena, visibility: .internal)
        pause()

        at(9, 30)
        let raised = try await desk.updateTicket(vpn, TicketUpdate(priority: .critical), by: .employee(staff.maria.id))
        say("\(staff.maria.name) raises \(raised.number) to \(raised.priority) priority")
        let watched = try await desk.addWatchers([staff.maria.id], to: vpn, by: .employee(staff.maria.id))
        say(
            "\(staff.maria.name) puts \(watched.number) under control (watchers: \(watched.watcherIDs.map { demo.directory.name(of: $0) }.joined(separator: ", ")))"
        )
        then("from now on she is told about every change to \(watched.number)")
        at(9, 40)
        try await write(
            "Same printer as the phone call at 08:55.", on: printerAgain, by: staff.olga, visibility: .internal)
        let merged = try await desk.merge(printerAgain, into: printer, by: .employee(staff.olga.id))
        let duplicate = try await desk.ticket(printerAgain, as: .system)
        say("Olga Ivanova merges the duplicate \(duplicate.number) into \(merged.number)")
        then("\(duplicate.number) is \(label(duplicate.status)); its comments were copied to \(merged.number)")
        at(9, 50)
        tickets.backupDisk = try await register(
            "Backup server disk 92% full", via: .api, from: "Zabbix monitoring, Acme Ltd", priority: .critical,
            assignee: staff.ben, group: groups.fieldEngineers)
        pause()

        at(10, 5)
        try await annaAnswersByMail(on: login)
        at(10, 15)
        tickets.monitor = try await register(
            "Second monitor for a new starter", via: .webForm, from: "Tom Baker, Northwind", contact: clients.tom,
            category: catalog.hardware,
            priority: .low)
        at(10, 20)
        try await write("I unlocked the account; please sign in again.", on: login, by: staff.sam)
        try await logTime(
            45, on: login, by: staff.sam, billable: true, "unlocked an account in Acme's own CRM")
        try await billTime(on: login, by: staff.sam)
        try await move(login, to: .resolved, by: staff.sam)
        try await showSettlement(of: login)
        try await showRatingRequest(of: login)
        at(10, 25)
        try await annasAbsenceNotice(on: login)
        at(10, 30)
        try await move(printer, to: .inProgress, by: staff.ben)
        try await answerFromTheKnowledgeBase(printer)
        try await write("The fuser unit is worn out; a spare arrives after lunch.", on: printer, by: staff.ben)
        let until = DemoTime.at(14, 0, on: today)
        let postponed = try await desk.postpone(printer, until: until, by: .employee(staff.ben.id))
        say("\(staff.ben.name) postpones \(postponed.number) until \(DemoTime.clock(until))")
        then(
            "\(postponed.number) is \(label(postponed.status)); it returns to work when the engine is ticked after \(DemoTime.clock(until))"
        )
        pause()
    }
}
