import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@Suite("Store images and units of work carry labor and ratings")
struct LaborAndRatingImageTests {
    @Test func aRebuiltStoreHasTheSameTimeEntriesRatesRequestsAndRatings() async throws {
        var configuration = HelpDeskConfiguration()
        configuration.ratings = .standard
        let test = try await TestDesk.make(configuration: configuration)
        let agent = Performer.employee(test.anna.id)
        let ticket = try await test.ticket()
        let entry = try await test.desk.logTime(
            on: ticket.id, NewTimeEntry(workDate: LaborFixtures.monday, minutes: 25), by: .employee(test.boris.id))
        _ = try await test.desk.editTimeEntry(entry.id, TimeEntryUpdate(comment: "Edited"), by: .employee(test.anna.id))
        try await test.desk.setEmployeeRate(
            test.boris.id, validFrom: LaborFixtures.monday, hourlyCost: LaborFixtures.rub(99_999), by: .system)
        _ = try await test.desk.changeStatus(ticket.id, to: .resolved, by: agent)
        _ = try await test.desk.changeStatus(ticket.id, to: .inProgress, by: agent)
        _ = try await test.desk.changeStatus(ticket.id, to: .resolved, by: agent)
        _ = try await test.desk.rate(
            token: try #require(try await test.desk.ratingRequests(of: ticket.id, as: .system).first { $0.withdrawnAt == nil }).token,
            score: 4)

        let original = try #require(test.store as? InMemoryStore)
        let image = original.image()
        #expect(image.labor.timeEntries.count == 1 && image.labor.employeeRates.count == 1)
        #expect(image.ratings.requests.count == 2 && image.ratings.ratings.count == 1)
        let rebuilt = InMemoryStore(image: image)
        #expect(try await StoreSnapshot.capture(rebuilt) == (try await test.snapshot()))
        #expect(rebuilt.image() == image)
        #expect(try JSONDecoder().decode(StoreImage.self, from: try JSONEncoder().encode(image)) == image)
    }

    @Test func unitsOfWorkRoundTripAndOlderUnitsWithoutTheNewKeysStillDecode() throws {
        var ids = SeededIdentifierSource(seed: 5)
        var work = UnitOfWork()
        let entry = TimeEntry(
            id: ids.next(), ticketID: ids.next(), employeeID: ids.next(), workDate: LaborFixtures.monday,
            spentMinutes: 5,
            chargedMinutes: 15, billable: true, activity: "work", createdAt: TestDesk.start)
        work.timeEntryWrites = [TimeEntryWrite(entry: entry, expectedRevision: nil)]
        work.timeEntryDeletions = [TimeEntryDeletion(id: ids.next(), expectedRevision: 2)]
        work.employeeRates = [
            EmployeeRate(
                employeeID: entry.employeeID, validFrom: LaborFixtures.monday, hourlyCost: LaborFixtures.rub(1))
        ]
        #expect(!work.isEmpty)
        let data = try JSONEncoder().encode(work)
        #expect(try JSONDecoder().decode(UnitOfWork.self, from: data) == work)
        let old = Data(
            #"{"ticketWrites":[],"comments":[],"auditEntries":[],"events":[],"employees":[],"groups":[],"categories":[],"acknowledgedEvents":[3]}"#
                .utf8)
        let decoded = try JSONDecoder().decode(UnitOfWork.self, from: old)
        #expect(decoded.acknowledgedEvents == [3] && decoded.timeEntryWrites.isEmpty && decoded.ratings.isEmpty)
    }
}
