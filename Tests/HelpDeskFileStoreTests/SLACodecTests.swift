import Foundation
import HelpDeskKit
import Testing

@testable import HelpDeskFileStore

/// The SLA state's binary form: version 2 adds the client-local basis, version 1 still reads.
@Suite struct SLACodecTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    static func roundTrip(_ sla: TicketSLA) throws -> TicketSLA {
        var writer = ByteWriter()
        SLACodec.encode(sla, to: &writer)
        return try writer.bytes.withUnsafeBytes { buffer in
            var reader = ByteReader(buffer)
            return try SLACodec.decode(from: &reader)
        }
    }

    @Test func clientTimeRoundTrips() throws {
        for usesLocationCalendar in [false, true] {
            var sla = TicketSLA(
                policyID: "standard", startedAt: Self.start,
                reaction: SLAClock(target: .hours(1), dueAt: Self.start.addingTimeInterval(3_600)))
            sla.clientTime = SLAClientTime(
                locationID: LocationID(UUID()), timeZoneIdentifier: "Asia/Vladivostok",
                usesLocationCalendar: usesLocationCalendar)
            #expect(try Self.roundTrip(sla) == sla)
            sla.clientTime = nil
            #expect(try Self.roundTrip(sla) == sla)
        }
    }

    /// A version-1 record (written before client-local time) decodes on desk time.
    @Test func versionOneStillReads() throws {
        var writer = ByteWriter()
        writer.u8(1)
        writer.string("standard")
        writer.date(Self.start)
        writer.varint(0)  // no pauses
        writer.u8(0)  // not paused
        writer.u8(0)  // no reaction clock
        writer.u8(0)  // no resolution clock
        writer.u8(0)  // no next check
        let decoded = try writer.bytes.withUnsafeBytes { buffer in
            var reader = ByteReader(buffer)
            return try SLACodec.decode(from: &reader)
        }
        #expect(decoded == TicketSLA(policyID: "standard", startedAt: Self.start))
        #expect(decoded.clientTime == nil)
    }
}
