import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import SeededRandom
import Testing

/// The in-memory start index at the workload calendar's scale: 100,000 visits over a year, 10,000
/// moved one unit at a time, then a month read; each phase well within a second or two.
@Suite("Visits at 100k")
struct VisitScaleTests {
    @Test func aMonthOutOf100kVisitsReadsFast() async throws {
        let store = InMemoryStore()
        var ids = SeededIdentifierSource(seed: 100)
        var random = SplitMix64(seed: 100)
        let crew: [EmployeeID] = (0..<100).map { _ in ids.next() }
        let year = 365.0 * 86_400
        let clock = ContinuousClock()
        var visits: [PlannedVisit] = []
        let inserted = try await clock.measure {
            for _ in 0..<100 {
                var work = UnitOfWork()
                for _ in 0..<1_000 {
                    let visit = PlannedVisit(
                        ticketID: ids.next(),
                        start: TestDesk.start.addingTimeInterval(Double(random.next() % UInt64(year / 60)) * 60),
                        durationMinutes: 60, employeeIDs: [crew[Int(random.next() % 100)]])
                    visits.append(visit)
                    work.plannedVisitWrites.append(PlannedVisitWrite(visit: visit, expectedRevision: nil))
                }
                try await store.commit(work)
            }
        }
        let moved = try await clock.measure {
            for index in 0..<10_000 {
                var visit = visits[index * 10]
                visit.start = TestDesk.start.addingTimeInterval(Double(random.next() % UInt64(year / 60)) * 60)
                visit.revision = 2
                var work = UnitOfWork()
                work.plannedVisitWrites = [PlannedVisitWrite(visit: visit, expectedRevision: 1)]
                try await store.commit(work)
                visits[index * 10] = visit
            }
        }
        let month = (TestDesk.start.addingTimeInterval(90 * 86_400), TestDesk.start.addingTimeInterval(120 * 86_400))
        var found: [PlannedVisit] = []
        let read = try await clock.measure { found = try await store.visits(startingFrom: month.0, before: month.1) }
        let expected = visits.filter { $0.start >= month.0 && $0.start < month.1 }
            .sorted { ($0.start, $0.ticketID) < ($1.start, $1.ticketID) }
        #expect(found == expected)
        #expect(found.count > 7_000)
        print(
            "visits at 100k: insert 100×1000 \(inserted), 10k single moves \(moved), month read \(read) (\(found.count) visits)"
        )
        #expect(read < .seconds(2) && moved < .seconds(20) && inserted < .seconds(20))
    }
}
