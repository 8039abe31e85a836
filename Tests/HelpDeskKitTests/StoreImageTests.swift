import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@Suite("Store images")
struct StoreImageTests {
    /// A store rebuilt from its image exposes exactly the same data and keeps numbering events.
    @Test func aStoreRebuiltFromItsImageIsIndistinguishable() async throws {
        let test = try await deskAfterRandomCommands(seed: 21, count: 120)
        let events = try await test.desk.undeliveredEvents(limit: 10_000, as: .system)
        try await test.desk.acknowledgeEvents(events.prefix(events.count / 2).map(\.sequence), by: .system)

        let original = try #require(test.store as? InMemoryStore)
        let image = original.image()
        let rebuilt = InMemoryStore(image: image)
        #expect(try await StoreSnapshot.capture(rebuilt) == (try await test.snapshot()))
        #expect(rebuilt.image() == image)
        let data = try JSONEncoder().encode(image)
        #expect(try JSONDecoder().decode(StoreImage.self, from: data) == image)

        let next = try await HelpDesk(
            store: rebuilt, clock: test.clock.clock, identifiers: SeededIdentifierSource(seed: 1),
            random: SeededRandomSource(seed: 2)
        )
        .createTicket(NewTicket(title: "After reload", channel: .api, requester: .freeText("Bot")), by: .system)
        let last = try await rebuilt.undeliveredEvents(limit: 10_000).last
        #expect(last?.sequence == (try await original.lastEventSequence()) + 1)
        #expect(next.number.rawValue == (try await original.lastTicketNumber())!.rawValue + 1)
    }

    /// A detached image equals the shared one, and the store it came from goes on unchanged.
    @Test func aDetachedImageEqualsTheSharedOne() async throws {
        let test = try await deskAfterRandomCommands(seed: 22, count: 80)
        let store = try #require(test.store as? InMemoryStore)
        let before = try await test.snapshot()
        #expect(store.detachedImage() == store.image())
        #expect(try await test.snapshot() == before)
    }

    /// `Parallel.copy` copies every element, in order, around and across its slice boundaries.
    @Test(arguments: [0, 1, 65_536, 65_537, 131_072, 200_003])
    func parallelCopiesEqualTheirSource(count: Int) {
        var random = SplitMix64(seed: UInt64(count))
        let source = (0..<count).map { _ in "row \(random.next() % 1_000_000)" }
        let copy = Parallel.copy(source)
        #expect(copy == source)
    }

    /// A test desk after `count` seeded random commands, half an hour apart at most.
    private func deskAfterRandomCommands(seed: UInt64, count: Int) async throws -> TestDesk {
        let test = try await TestDesk.make(seed: seed)
        var random = SplitMix64(seed: seed)
        var commands = RandomCommands(test: test)
        for _ in 0..<count {
            test.clock.advance(by: Double(random.next() % 1_800))
            _ = try await commands.runOne(using: &random, tickets: try await test.snapshot().tickets)
        }
        return test
    }
}
