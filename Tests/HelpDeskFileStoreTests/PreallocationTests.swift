import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@testable import HelpDeskFileStore

/// Journal segments grow in preallocated zero steps; the zeros are the journal's clean end.
@Suite("Preallocated journal segments")
struct PreallocationTests {
    /// The scanner relies on this: zeros can never be mistaken for a record.
    @Test func allZeroHeaderIsNeverAFrame() {
        let zeros = [UInt8](repeating: 0, count: 64)
        zeros.withUnsafeBytes { buffer in
            #expect(throws: Frame.Problem.self) { try Frame.read(buffer, at: 0) }
            #expect(Frame.onlyZeros(in: buffer, from: 8))
            #expect(!Frame.validFrameExists(in: buffer, after: 0))
        }
        var almost = zeros
        almost[63] = 1
        almost.withUnsafeBytes { #expect(!Frame.onlyZeros(in: $0, from: 8)) }
    }

    /// The segment's size changes in steps, not on every commit, and every record survives
    /// reopening across several steps, including appends after a reopen.
    @Test func segmentGrowsInStepsAndReopensWhole() async throws {
        let directory = freshDirectory("prealloc")
        defer { removeDirectory(directory) }
        let tickets = TicketFixtures(seed: 5).tickets(count: 900, seed: 6).map { ticket in
            var ticket = ticket
            ticket.description = String(repeating: "Printer on floor \(ticket.number) jams. ", count: 60)
            return ticket
        }
        var sizes = Set<Int>()
        let store = try await FileStore.open(at: directory)
        for ticket in tickets[..<600] {
            var work = UnitOfWork()
            work.save(ticket, expectedRevision: nil)
            try await store.commit(work)
            let size = try #require(try newestSegment(in: directory).resourceValues(forKeys: [.fileSizeKey]).fileSize)
            sizes.insert(size)
        }
        let image = try store.image()
        await store.close()
        #expect(sizes.allSatisfy { $0 % 4_096 == 0 && $0 >= SegmentFile.preallocationStep })
        #expect((2...3).contains(sizes.count), "sizes \(sizes.sorted())")

        let reopened = try await FileStore.open(at: directory)
        #expect(try reopened.image() == image)
        #expect(reopened.recovery.lastSequence == 600)
        #expect(reopened.recovery.truncatedTail == nil)
        for ticket in tickets[600...] {
            var work = UnitOfWork()
            work.save(ticket, expectedRevision: nil)
            try await reopened.commit(work)
        }
        let grown = try reopened.image()
        await reopened.close()

        let again = try await FileStore.open(at: directory)
        #expect(try again.image() == grown)
        #expect(again.recovery.lastSequence == 900)
        #expect(again.recovery.truncatedTail == nil)
        await again.close()
    }
}
