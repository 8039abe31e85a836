import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@Suite("Ratings without a random source")
struct RatingSourceTests {
    /// A host that configures ratings but builds the engine without a random source gets a typed
    /// error when a ticket would be resolved, and the resolution changes nothing.
    @Test func resolvingFailsWithATypedErrorAndChangesNothing() async throws {
        let store = InMemoryStore()
        let clock = ManualClock(start: TestDesk.start)
        let desk = HelpDesk(
            store: store, configuration: HelpDeskConfiguration(ratings: try RatingConfiguration()), clock: clock.clock,
            identifiers: SeededIdentifierSource(seed: 5))
        let ticket = try await desk.createTicket(
            NewTicket(title: "Printer jams", channel: .phone, requester: .freeText("Ivan")), by: .system)
        let before = try await StoreSnapshot.capture(store)
        await #expect(throws: HelpDeskError.ratingsNeedRandomSource) {
            _ = try await desk.changeStatus(ticket.id, to: .resolved, by: .system)
        }
        #expect(try await StoreSnapshot.capture(store) == before)
        #expect(try await desk.changeStatus(ticket.id, to: .inProgress, by: .system).status == .inProgress)
    }
}
