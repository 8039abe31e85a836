import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Shared values of the safety tests (issue #14, points 6 and 7).
enum SafetyFixture {
    /// An instant far beyond any calendar (and beyond `Int`'s range in days or seconds).
    static let farFuture = Date(timeIntervalSince1970: 1e300)
    /// An instant far before any calendar.
    static let farPast = Date(timeIntervalSince1970: -1e300)
    /// Instants every command and read must reject, none of them NaN.
    static let hostileInstants: [Date] = [
        farFuture, farPast, .distantPast, .distantFuture, Date(timeIntervalSince1970: .infinity),
        Date(timeIntervalSince1970: -.infinity), Date(timeIntervalSince1970: Double(Int64.max)),
        Date(timeIntervalSince1970: -2_208_988_801), Date(timeIntervalSince1970: 13_569_465_600),
    ]

    /// What an instant outside ``InstantRange`` in `field` is rejected with.
    static func outOfRange(_ field: String) -> HelpDeskError {
        .invalidInput(field: field, problem: .outOfRange(InstantRange.seconds))
    }

    /// Two settlements of `Int64.max` kopecks each, both posted as owed: the receivable and the
    /// revenue hold `2 × Int64.max`, which the ledger's `UInt64` totals represent but no report
    /// figure can. The second is posted a minute after the first.
    static func hugeSettlements() async throws -> BillingFixture {
        let f = try await BillingFixture.make(BillingConfiguration(insufficientFunds: .receivable))
        for title in ["Gold plating", "More gold"] {
            let ticket = try await f.ticket(title)
            _ = try await f.desk.addSpecificationLine(
                to: ticket.id,
                NewSpecificationLine(description: title, pricing: .fixed, quantity: 1, price: BillingFixture.rub(.max)),
                by: f.anna)
            try await f.desk.settle(ticket.id, by: f.anna)
            f.test.clock.advance(by: 60)
        }
        return f
    }

    /// The first day of ``TestDesk/start``, from an hour before.
    static var firstDay: Range<Date> {
        TestDesk.start.addingTimeInterval(-3_600)..<TestDesk.start.addingTimeInterval(86_400)
    }
}
