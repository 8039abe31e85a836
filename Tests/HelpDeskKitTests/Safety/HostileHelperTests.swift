import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing
import WorkingTime

/// Public arithmetic helpers of Labor and WorkingTime take any numbers (issue #14, point 6.4).
@Suite("Hostile numbers in helpers")
struct HostileHelperTests {
    @Test func laborRoundingOfTheLargestMinutesSaturates() {
        #expect(LaborRounding.charged(spentMinutes: .max, step: 15) == .max)
        #expect(LaborRounding.charged(spentMinutes: .max, step: .max) == .max)
        #expect(LaborRounding.charged(spentMinutes: 16, step: 15) == 30)
        #expect(LaborRounding.charged(spentMinutes: 15, step: 15) == 15)
        #expect(LaborRounding.charged(spentMinutes: .min, step: 15) == .min)
    }

    @Test func workingDurationsSaturate() {
        #expect(WorkingDuration.days(.max).seconds == .max)
        #expect(WorkingDuration.hours(.min).seconds == .min)
        #expect(WorkingDuration.minutes(2).seconds == 120)
        #expect((WorkingDuration.seconds(.max) + .seconds(1)).seconds == .max)
        #expect((WorkingDuration.seconds(.min) - .seconds(1)).seconds == .min)
        #expect((WorkingDuration.seconds(.min) + .seconds(.max)).seconds == -1)
    }

    @Test func anAbsurdTimeOfDayIsAnError() {
        #expect(throws: WorkingTimeError.invalidTimeOfDay(seconds: .max)) {
            _ = try TimeOfDay(hour: .max, minute: .max)
        }
        #expect(throws: WorkingTimeError.invalidTimeOfDay(seconds: .min)) { _ = try TimeOfDay(hour: .min) }
    }

    @Test func aSaturatedTargetIsOutOfRangeNotATrap() throws {
        let calendar = BusinessCalendar.twentyFourSeven()
        #expect(throws: WorkingTimeError.resultOutOfRange) {
            _ = try calendar.deadline(from: TestDesk.start, adding: .days(.max))
        }
    }

    @Test func theInstantRangeIsWorkingTimesRange() {
        #expect(InstantRange.seconds == -2_208_988_800...13_569_465_599)
        #expect(InstantRange.contains(SupportedInstants.lowerBound))
        #expect(!InstantRange.contains(SupportedInstants.upperBound))
        #expect(InstantRange.containsEnd(SupportedInstants.upperBound))
        #expect(!InstantRange.contains(Date(timeIntervalSince1970: .nan)))
        #expect(!InstantRange.containsEnd(Date(timeIntervalSince1970: .nan)))
        for instant in SafetyFixture.hostileInstants { #expect(!InstantRange.contains(instant)) }
    }
}
