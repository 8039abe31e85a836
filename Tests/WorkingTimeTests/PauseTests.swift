import Foundation
import Testing
import WorkingTime

/// Pauses are measured in the calendar's working time (GLPI #10594 measured them on 24/7).
@Suite struct PauseTests {
    let cal = office()

    @Test func pauseOverNightCountsOnlyWorkingHours() throws {
        let start = at("2026-11-30T09:00:00+01:00")
        let pause = DateInterval(start: at("2026-11-30T12:00:00+01:00"), end: at("2026-12-01T10:00:00+01:00"))
        // Worked 09-12 (3 h); paused until Tuesday 10:00; 5 h more: 10-13 and 14-16.
        #expect(try cal.deadline(from: start, adding: .hours(8), excluding: [pause]) == at("2026-12-01T16:00:00+01:00"))
        // The pause removed 6 working hours (Monday 12-13 and 14-18, Tuesday 09-10), not 22.
        let elapsed = try cal.workingTime(from: start, to: at("2026-12-01T16:00:00+01:00"))
        let paused = try cal.workingTime(from: start, to: at("2026-12-01T16:00:00+01:00"), excluding: [pause])
        #expect(elapsed - paused == .hours(6))
        #expect(paused == .hours(8))
    }

    @Test func pauseEntirelyOutsideWorkingTimeChangesNothing() throws {
        let night = DateInterval(start: at("2026-11-30T18:00:00+01:00"), end: at("2026-12-01T09:00:00+01:00"))
        let start = at("2026-11-30T15:00:00+01:00")
        #expect(try cal.deadline(from: start, adding: .hours(5), excluding: [night]) == cal.deadline(from: start, adding: .hours(5)))
    }

    @Test func unsortedOverlappingPausesAreMerged() throws {
        let pauses = PauseSet([
            DateInterval(start: at("2026-11-30T11:00:00+01:00"), end: at("2026-11-30T12:00:00+01:00")),
            DateInterval(start: at("2026-11-30T09:30:00+01:00"), end: at("2026-11-30T10:30:00+01:00")),
            DateInterval(start: at("2026-11-30T10:00:00+01:00"), end: at("2026-11-30T11:15:00+01:00")),
            DateInterval(start: at("2026-11-30T15:00:00+01:00"), duration: 0),
        ])
        #expect(pauses.intervals == [DateInterval(start: at("2026-11-30T09:30:00+01:00"), end: at("2026-11-30T12:00:00+01:00"))])
        #expect(try cal.workingTime(from: at("2026-11-30T09:00:00+01:00"), to: at("2026-11-30T18:00:00+01:00"), excluding: pauses) == .hm(5, 30))
        #expect(try cal.deadline(from: at("2026-11-30T09:00:00+01:00"), adding: .hours(1), excluding: pauses) == at("2026-11-30T12:30:00+01:00"))
    }

    @Test func startInsidePauseAndNavigation() throws {
        let pause: PauseSet = [DateInterval(start: at("2026-11-30T10:00:00+01:00"), end: at("2026-11-30T15:00:00+01:00"))]
        let inside = at("2026-11-30T11:00:00+01:00")
        #expect(!cal.isWorking(at: inside, excluding: pause))
        #expect(cal.isWorking(at: inside))
        #expect(try cal.deadline(from: inside, adding: .hours(1), excluding: pause) == at("2026-11-30T16:00:00+01:00"))
        #expect(try cal.deadline(from: inside, adding: .zero, excluding: pause) == inside)
        #expect(try cal.nextWorkingInstant(atOrAfter: inside, excluding: pause) == at("2026-11-30T15:00:00+01:00"))
        #expect(try cal.previousWorkingInstant(before: inside, excluding: pause) == at("2026-11-30T09:59:59+01:00"))
        #expect(try cal.nextChange(after: at("2026-11-30T09:15:00+01:00"), excluding: pause) == at("2026-11-30T10:00:00+01:00"))
        #expect(try cal.nextChange(after: inside, excluding: pause) == at("2026-11-30T15:00:00+01:00"))
    }

    @Test func openEndedPauseStopsTheClock() throws {
        let waiting: PauseSet = [DateInterval(start: at("2026-11-30T10:00:00+01:00"), end: .distantFuture)]
        #expect(try cal.deadline(from: at("2026-11-30T09:00:00+01:00"), adding: .minutes(30), excluding: waiting) == at("2026-11-30T09:30:00+01:00"))
        #expect(throws: WorkingTimeError.resultOutOfRange) {
            try cal.deadline(from: at("2026-11-30T09:00:00+01:00"), adding: .hours(2), excluding: waiting)
        }
        #expect(try cal.workingTime(from: at("2026-11-30T09:00:00+01:00"), to: at("2027-11-30T09:00:00+01:00"), excluding: waiting) == .hours(1))
    }
}
