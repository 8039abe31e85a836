import Foundation
import HelpDeskKit
import Testing

/// Service-period fees prorated to a report period.
@Suite struct ReportProrationTests {
    @Test func feesAreProratedBySecondsAndRoundedHalfUp() throws {
        var ids = SeededIdentifierSource(seed: 1)
        let start = ReportDataSet.start
        let day: TimeInterval = 86_400
        let period = ServicePeriod(
            id: ids.next(), startsAt: start, endsAt: start.addingTimeInterval(31 * day),
            fee: Money(minorUnits: 3_100_001, currency: CurrencyCode("RUB")!))
        let tenDays = start.addingTimeInterval(5 * day)..<start.addingTimeInterval(15 * day)
        #expect(try ReportEngine.proratedFee(of: period, in: tenDays).minorUnits == 1_000_000)  // 1_000_000.32 → down
        let whole = start.addingTimeInterval(-day)..<start.addingTimeInterval(40 * day)
        #expect(try ReportEngine.proratedFee(of: period, in: whole).minorUnits == 3_100_001)
        let outside = start.addingTimeInterval(31 * day)..<start.addingTimeInterval(40 * day)
        #expect(try ReportEngine.proratedFee(of: period, in: outside).minorUnits == 0)
        let half = start..<start.addingTimeInterval(15.5 * day)
        #expect(try ReportEngine.proratedFee(of: period, in: half).minorUnits == 1_550_001)  // 1_550_000.5 → up
    }
}
