import Foundation
import HelpDeskKit
import Recurrence
import WorkingTime

extension ScriptedDay {
    /// 17:40–17:57: planned work. Olga sets up Northwind's preventive maintenance (the printer on the
    /// 2nd Tuesday of each month, the warehouse cameras on the 23rd, moved off days off), the tick
    /// opens the first maintenance ticket with Ben's visit, she books more visits for Tuesday, the
    /// load calendar shows Ben overloaded, a levelling suggestion is applied, and a cancelled
    /// ticket calls its visit off.
    mutating func plannedWork() async throws(HelpDeskError) {
        pause()
        out.note("Planned work: recurring maintenance, engineers' visits and the load calendar")
        let olga = Performer.employee(staff.olga.id)
        let northwind = demo.clients.northwind
        let sites = try await desk.locations(of: northwind.id, as: .system)
        guard let shop = sites.first(where: { $0.name.hasPrefix("Shop") }),
            let warehouse = sites.first(where: { $0.name.hasPrefix("Warehouse") }),
            let contract = try await desk.contracts(of: northwind.id, as: .system).first
        else { preconditionFailure("the demo's Northwind has a shop, a warehouse and a contract") }

        at(17, 40)
        let printerPlan = try await desk.createMaintenancePlan(
            MaintenancePlanRequest(
                name: "Printer preventive maintenance", companyID: northwind.id, contractID: contract.id,
                locationID: shop.id, assetIDs: [demo.clients.northwindPrinter.id],
                template: MaintenanceTemplate(
                    title: "Preventive maintenance: HP LaserJet M428 (NW-0042)", groupID: demo.groups.fieldEngineers.id,
                    assigneeID: staff.ben.id, estimatedMinutes: 90,
                    checklist: ["Clean the paper path and rollers", "Check the fuser and the toner", "Print a test page"]
                ),
                schedule: Self.schedule("FREQ=MONTHLY;BYDAY=2TU", from: "2026-03-10", at: "10:00"),
                calendarPolicy: .nextWorkingDay, leadDays: 5, catchUp: .latest, flexibilityDays: 2),
            by: olga)
        say("\(staff.olga.name) sets up preventive maintenance of Northwind's printer: the 2nd Tuesday of each")
        then("month at 10:00, 1 h 30 min, \(staff.ben.name); the ticket opens five days ahead")
        let printerDates = try await desk.previewMaintenancePlan(printerPlan.id, count: 6, as: olga)
        then("next visits: " + printerDates.compactMap { $0.scheduledDate.map(Self.day) }.joined(separator: ", "))

        at(17, 42)
        let camerasPlan = try await desk.createMaintenancePlan(
            MaintenancePlanRequest(
                name: "CCTV check", companyID: northwind.id, contractID: contract.id, locationID: warehouse.id,
                template: MaintenanceTemplate(
                    title: "Monthly CCTV check at the warehouse", groupID: demo.groups.fieldEngineers.id,
                    assigneeID: staff.lena.id, estimatedMinutes: 60,
                    checklist: ["Check every camera's picture", "Check the recorder's archive depth"]),
                schedule: Self.schedule("FREQ=MONTHLY;BYMONTHDAY=23", from: "2026-03-23", at: "15:00"),
                calendarPolicy: .nextWorkingDay, leadDays: 2),
            by: olga)
        say("\(staff.olga.name) adds a CCTV check at Northwind's warehouse on the 23rd of each month, moved to")
        then("the next working day when the 23rd is a day off; over the next twelve months:")
        for line in try await desk.previewMaintenancePlan(camerasPlan.id, count: 12, as: olga)
        where line.scheduledDate != line.date {
            guard let moved = line.scheduledDate else { continue }
            let holiday = DemoCalendar.hours.exceptions.first { $0.date == line.date }?.note
            then("\(Self.day(line.date)) moves to \(Self.day(moved))" + (holiday.map { " (\($0))" } ?? ""))
        }

        at(17, 45)
        try await tick()
        let generated = try await desk.maintenanceOccurrences(of: printerPlan.id, as: olga)
        if let ticketID = generated.first?.outcome.ticketID, let visit = try await desk.visit(of: ticketID, as: olga) {
            tickets.maintenance = ticketID
            then("with \(staff.ben.name)'s visit \(Self.span(visit.start, visit.durationMinutes)); Northwind is told when the engineer comes")
        }
        try await bookTuesday(shop: shop, warehouse: warehouse, by: olga)
        try await levelTheLoad(by: olga)
    }

    /// 17:46–17:48: two calls for on-site work come in, and Olga books Ben's other Tuesday visits;
    /// the load calendar shows Tuesday overloaded.
    private mutating func bookTuesday(shop: Location, warehouse: Location, by olga: Performer)
        async throws(HelpDeskError)
    {
        at(17, 46)
        tickets.labelPrinter = try await register(
            "Warehouse label printer needs a new print head", via: .phone, from: "Igor Sokolov, Northwind",
            contact: demo.clients.igor, assignee: staff.ben, group: demo.groups.fieldEngineers, by: staff.olga)
        at(17, 47)
        tickets.upsBatteries = try await register(
            "UPS batteries at the head office are due for replacement", via: .phone, from: "Anna Smith, Acme Ltd",
            contact: demo.clients.anna, assignee: staff.ben, group: demo.groups.fieldEngineers, by: staff.olga)
        at(17, 48)
        let tuesday = Self.date("2026-03-10")
        let wednesday = Self.date("2026-03-11")
        let window = DateInterval(
            start: tuesday.instant(at: .midnight, in: DemoTime.zone),
            end: (try? wednesday.adding(days: 2))?.instant(at: .midnight, in: DemoTime.zone) ?? .distantFuture)
        let bookings: [(TicketID?, String, Int, LocationID?, DateInterval?, Bool)] = [
            (tickets.monitor, "11:30", 90, shop.id, nil, true),
            (tickets.labelPrinter, "14:00", 210, warehouse.id, window, false),
            (tickets.upsBatteries, "17:30", 120, nil, window, false),
        ]
        for (ticketID, time, minutes, site, allowed, fixed) in bookings {
            guard let ticketID else { continue }
            let start = tuesday.instant(at: Self.time(time), in: DemoTime.zone)
            _ = try await desk.planVisit(
                on: ticketID,
                VisitRequest(
                    start: start, durationMinutes: minutes, employeeIDs: [staff.ben.id], locationID: site,
                    window: allowed, isFixed: fixed),
                by: olga)
        }
        say("\(staff.olga.name) books \(staff.ben.name)'s other Tuesday visits: the new starter's monitor at 11:30")
        then("(agreed with Tom: fixed), the label printer at 14:00 and Acme's UPS batteries at 17:30; the last")
        then("two may move until Thursday")
        try await showLoad(title: "Field engineers' load, 9–13 March (planned / working hours)")
    }

    /// 17:50–17:55: the levelling suggestion, applied; the client hears of the new time.
    private mutating func levelTheLoad(by olga: Performer) async throws(HelpDeskError) {
        at(17, 50)
        let march = (Self.date("2026-03-01"), Self.date("2026-03-31"))
        let overloaded = try await desk.overloadedCells(
            of: demo.groups.fieldEngineers.id, from: march.0, through: march.1, as: olga)
        for cell in overloaded {
            say(
                "March's load calendar: \(demo.directory.name(of: cell.employeeID)) is overloaded on \(Self.day(cell.date))"
                    + " by \(Self.hours(cell.overloadMinutes))")
        }
        let suggestions = try await desk.levellingSuggestions(
            for: demo.groups.fieldEngineers.id, from: march.0, through: march.1, as: olga)
        guard let first = suggestions.first else { return }
        let number = try await desk.ticket(first.ticketID, as: .system).number
        then(
            "levelling suggests moving the visit of \(number) from "
                + "\(demo.directory.name(of: first.from.employeeID)) \(moment(first.from.start)) to "
                + "\(demo.directory.name(of: first.to.employeeID)) \(moment(first.to.start))")
        at(17, 55)
        let moved = try await desk.applyLevellingSuggestion(first, by: olga)
        say("\(staff.olga.name) applies it: the visit is now \(Self.span(moved.start, moved.durationMinutes))")
        then("the client is told of the new time; the move is on the ticket's audit trail")
        try await showLoad(title: "After levelling")
        try await callOffTheUPSVisit()
    }

    /// 17:57: Acme's own admin replaced the batteries; cancelling the ticket calls its visit off.
    private mutating func callOffTheUPSVisit() async throws(HelpDeskError) {
        guard let ups = tickets.upsBatteries else { return }
        at(17, 57)
        say("\(demo.clients.anna.name) phones back: Acme's own admin has replaced the UPS batteries")
        try await move(ups, to: .cancelled, by: staff.olga)
        guard let visit = try await desk.visit(of: ups, as: .employee(staff.olga.id)), visit.isCancelled else { return }
        then("its Tuesday visit is called off with it: \(staff.ben.name) has that evening free, Acme is told,")
        then("and the ticket's audit trail says why (ticket cancelled)")
    }

    /// Prints the field engineers' load for the week of 9 March.
    private mutating func showLoad(title: String) async throws(HelpDeskError) {
        let calendar = try await desk.workload(
            of: demo.groups.fieldEngineers.id, from: Self.date("2026-03-09"), through: Self.date("2026-03-13"),
            as: .employee(staff.olga.id))
        var table = TextTable([.init("Engineer")] + calendar.dates.map { .init(Self.day($0)) })
        for employee in calendar.employeeIDs {
            table.add(
                [demo.directory.name(of: employee)]
                    + calendar.row(of: employee).map { cell in
                        cell.capacityMinutes == 0 && cell.plannedMinutes == 0
                            ? "day off"
                            : "\(Self.hours(cell.plannedMinutes)) / \(Self.hours(cell.capacityMinutes))"
                                + (cell.isOverloaded ? " !" : "")
                    })
        }
        out.line()
        out.note(title + ":")
        out.lines(table.render())
        out.line()
    }

    // MARK: Words

    /// A schedule in Moscow time from constant text the script knows to be valid.
    static func schedule(_ rule: String, from start: String, at time: String) -> RecurrenceSchedule {
        do {
            return try RecurrenceSchedule(
                rule: try RecurrenceRule(parsing: rule), start: date(start), time: self.time(time), timeZone: DemoTime.zone)
        } catch {
            preconditionFailure("the demo's schedule \(rule) is invalid: \(error)")
        }
    }

    /// A date the script names.
    static func date(_ text: String) -> LocalDate {
        guard let date = try? LocalDate(parsing: text) else { preconditionFailure("invalid demo date \(text)") }
        return date
    }

    /// A time the script names.
    static func time(_ text: String) -> TimeOfDay {
        guard let time = try? TimeOfDay(parsing: text) else { preconditionFailure("invalid demo time \(text)") }
        return time
    }

    /// `Tue 10 Mar`, or `Tue 23 Feb 2027` in another year.
    static func day(_ date: LocalDate) -> String {
        let midnight = date.instant(at: .midnight, in: DemoTime.zone)
        return DemoTime.dayAndMonth(midnight, weekday: true) + (date.year == 2026 ? "" : " \(date.year)")
    }

    /// `Tue 10 Mar 10:00–11:30`.
    static func span(_ start: Date, _ minutes: Int) -> String {
        DemoTime.dayAndMonth(start, weekday: true) + " " + DemoTime.clock(start) + "–"
            + DemoTime.clock(start.addingTimeInterval(Double(minutes) * 60))
    }

    /// `9 h 30 min`, `8 h`, `0 h`.
    static func hours(_ minutes: Int) -> String {
        let (h, m) = minutes.quotientAndRemainder(dividingBy: 60)
        if h == 0, m > 0 { return "\(m) min" }
        return m == 0 ? "\(h) h" : "\(h) h \(m) min"
    }
}
