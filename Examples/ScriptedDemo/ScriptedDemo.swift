import Foundation
import HelpDeskKit

/// HelpDeskKit's scripted demo: a working day at a small Moscow service desk, told as a transcript.
///
/// Identifiers are seeded and time is simulated, so a run prints the same text on every store. The
/// month simulation lives in `ScriptedDemo+Month.swift`.
public enum ScriptedDemo {
    /// How the transcript names a desk kept in memory.
    public static let inMemoryDescription = "in-memory desk"

    /// Plays the scripted day on a fresh in-memory desk and returns its transcript.
    public static func inMemoryDay() async throws -> String {
        try await day(on: InMemoryStore(), storeDescription: inMemoryDescription)
    }

    /// Seeds a fresh desk on an empty `store`, plays the scripted day and returns its transcript.
    ///
    /// `storeDescription` names the store for a service-desk manager: "file-store desk",
    /// "PostgreSQL desk". It is the only text that differs from one store to another.
    public static func day(on store: some HelpDeskStore, storeDescription: String) async throws -> String {
        var out = Transcript()
        out.line("HelpDeskKit demo: one working day at a small service desk in Moscow")
        out.line(
            "Simulated time on Friday \(DemoTime.date(DemoDesk.opening)), Moscow time (UTC+3); seeded identifiers,")
        out.line("so every run prints exactly the same text.")

        let demo = try await DemoDesk.seeded(store: store)
        demo.describe(storeDescription: storeDescription, into: &out)
        try await DemoRoles.describe(on: demo.desk, staff: demo.staff, into: &out)
        try await demo.clients.describe(on: demo.desk, at: demo.clock.now, into: &out)

        var day = ScriptedDay(demo: demo, out: out)
        try await day.run()
        out = day.out

        let report = try await Report(demo: demo)
        try await report.ticketsTable(into: &out)
        try await report.slaBoard(into: &out)
        if let printer = day.tickets.printer {
            try await report.auditTrail(of: printer, into: &out)
        }
        try await report.notifications(into: &out)
        try await report.laborAndRatings(from: DemoTime.on(0, 0), to: demo.clock.now, into: &out)
        try await report.billing(from: DemoTime.on(0, 0), to: demo.clock.now, into: &out)
        return try await AutomationScene.preview(into: out).text
    }

    /// Reopens the desk an earlier run left in `store` and returns the transcript of its next working day.
    ///
    /// `location` says where the desk is kept, such as a data directory's path.
    public static func nextDay(on store: some HelpDeskStore, location: String) async throws -> String {
        let previous =
            try await store.tickets(
                matching: TicketQuery(sort: [TicketSort(.createdAt, .descending)], limit: 1), workflow: .standard
            ).tickets.first?.createdAt ?? DemoDesk.opening
        let demo = try await DemoDesk.resumed(store: store)
        var out = Transcript()
        out.line("HelpDeskKit demo: continuing the desk in \(location)")
        var script = ScriptedDay(demo: demo, out: out)
        try await script.nextDay(after: DemoTime.startOfDay(previous))
        out = script.out
        let report = try await Report(demo: demo)
        try await report.ticketsTable(into: &out)
        try await report.slaBoard(into: &out)
        try await report.notifications(into: &out)
        let morning = DemoTime.startOfDay(demo.clock.now)
        try await report.laborAndRatings(from: morning, to: demo.clock.now, into: &out)
        try await report.billing(from: morning, to: demo.clock.now, into: &out)
        return out.text
    }
}
