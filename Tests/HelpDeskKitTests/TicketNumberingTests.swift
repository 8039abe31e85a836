import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@Suite("Ticket numbers")
struct TicketNumberingTests {
    @Test func theLastRepresentableNumberIsHandedOutThenCreatesAreRefused() async throws {
        let test = try await TestDesk.make(configuration: HelpDeskConfiguration(firstTicketNumber: .max))
        let last = try await test.ticket("Last")
        #expect(last.number.rawValue == .max)
        let before = try await test.snapshot()
        await #expect(throws: HelpDeskError.ticketNumbersExhausted) { try await test.ticket("One too many") }
        #expect(try await test.snapshot() == before)
    }

    @Test func aCreateWhoseCommitFailsGivesItsNumberBack() async throws {
        let store = RacingStore { _ in throw StorageError(.ioFailure, "disk full") }
        let test = try await TestDesk.make(store: store, configuration: HelpDeskConfiguration(firstTicketNumber: 100))
        _ = try await test.ticket("First")
        store.arm()
        await #expect(throws: HelpDeskError.storage(StorageError(.ioFailure, "disk full"))) {
            try await test.ticket("Lost")
        }
        #expect(try await test.ticket("Second").number.rawValue == 101, "numbers stay contiguous")
    }
}

@Suite("Instants at the ticket commands' boundary")
struct TicketInstantTests {
    @Test(arguments: [Date.distantFuture, Date(timeIntervalSince1970: 1e300), Date(timeIntervalSince1970: -1e300)])
    func postponeAndTickRefuseInstantsOutsideTheSupportedRange(_ instant: Date) async throws {
        let test = try await TestDesk.make()
        let ticket = try await test.ticket()
        let before = try await test.snapshot()
        await #expect(throws: HelpDeskError.self) {
            _ = try await test.desk.postpone(ticket.id, until: instant, by: .employee(test.anna.id))
        }
        do {
            _ = try await test.desk.tick(now: instant)
            Issue.record("tick accepted \(instant)")
        } catch {
            #expect(error.field == "now")
        }
        #expect(try await test.snapshot() == before)
    }
}
