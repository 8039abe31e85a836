import Foundation
import Testing

@testable import Recurrence

/// A rule refuses values outside the ranges RFC 5545 allows.
@Suite struct RuleValidationTests {
    @Test func intervalAndCountMustBePositive() {
        for interval in [0, -1, Int.min, 10_001, Int.max] {
            #expect(throws: RecurrenceError.self) { try RecurrenceRule(frequency: .daily, interval: interval) }
        }
        for count in [0, -5, Int.min] {
            #expect(throws: RecurrenceError.self) { try RecurrenceRule(frequency: .weekly, end: .count(count)) }
        }
        #expect((try? RecurrenceRule(frequency: .monthly, interval: 3, end: .count(12))) != nil)
    }
}
