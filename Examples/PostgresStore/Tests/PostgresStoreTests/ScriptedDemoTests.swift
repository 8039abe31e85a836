import Foundation
import HelpDeskKit
import PostgresStore
import ScriptedDemo
import Testing

/// `helpdesk-demo`'s scripted day played on PostgreSQL tells the same story as in memory: every
/// command, routing, SLA deadline, report and notification reads the same, and only the sentence
/// naming the store differs.
@Suite("The scripted day on PostgreSQL", .enabled(if: ScratchDatabase.server != nil))
struct ScriptedDemoTests {
    @Test func transcriptMatchesTheInMemoryDay() async throws {
        let reference = try await ScriptedDemo.inMemoryDay()
        try await ScratchDatabase.withStore { store in
            let postgres = try await ScriptedDemo.day(on: store, storeDescription: "PostgreSQL desk")
            #expect(postgres.contains("A fresh PostgreSQL desk, seeded with"))
            let renamed = postgres.replacingOccurrences(
                of: "A fresh PostgreSQL desk,", with: "A fresh \(ScriptedDemo.inMemoryDescription),")
            #expect(renamed == reference)
            if renamed != reference { Issue.record("first difference:\n\(Self.firstDifference(renamed, reference))") }
        }
    }

    /// The first line where `actual` and `expected` differ, both versions, for the failure message.
    static func firstDifference(_ actual: String, _ expected: String) -> String {
        let left = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let right = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let postgres = index < left.count ? String(left[index]) : "<end>"
            let memory = index < right.count ? String(right[index]) : "<end>"
            if postgres != memory { return "line \(index + 1)\n  PostgreSQL: \(postgres)\n  in memory:  \(memory)" }
        }
        return "none"
    }
}
