import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import WorkingTime

/// Dates and desks for the labor tests. The test desk's clock starts on Monday 2026-03-02.
enum LaborFixtures {
    static func day(_ text: String) -> LocalDate { try! LocalDate(parsing: text) }
    static let monday = day("2026-03-02")

    /// A test desk with a 15-minute rounding step.
    static func desk(step: Int = 15) async throws -> TestDesk {
        var configuration = HelpDeskConfiguration()
        configuration.labor = try LaborConfiguration(roundingStepMinutes: step)
        return try await TestDesk.make(configuration: configuration)
    }

    static func rub(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .rub) }
}
