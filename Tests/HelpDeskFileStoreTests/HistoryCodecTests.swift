import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

@testable import HelpDeskFileStore

@Suite("Record codec: comments, audit entries and events")
struct HistoryCodecTests {
    /// The codecs declare how many stored properties they write; a new field must be encoded.
    @Test func fieldCountsMatchTheTypes() {
        var gen = HistoryGenerator(seed: 1)
        let (entry, comment, pending) = (gen.auditEntry(), gen.comment(), gen.pendingEvent(code: 1))
        #expect(Mirror(reflecting: entry).children.count == EntryCodec.auditEntryFieldCount)
        #expect(Mirror(reflecting: comment).children.count == EntryCodec.commentFieldCount)
        #expect(Mirror(reflecting: pending).children.count == EventCodec.pendingEventFieldCount)
        #expect(Mirror(reflecting: pending.audience).children.count == EventCodec.audienceFieldCount)
    }

    /// Random units of work (every event case, every performer kind, optional values both ways)
    /// come back equal from a kind-2 record.
    @Test func randomUnitsRoundTrip() throws {
        var gen = HistoryGenerator(seed: 2026)
        var names: Set<String> = []
        var codes: Set<UInt8> = []
        var (withWrites, withRest, withHistory) = (0, 0, 0)
        for index in 0..<600 {
            let work = gen.unit()
            let payload = try RecordCodec.encode(work)
            #expect(payload.first == RecordCodec.unitOfWork)
            let decoded = try decode(payload)
            guard decoded == work else {
                Issue.record("unit \(index) changed in a round trip:\n\(work)\nbecame\n\(decoded)")
                break
            }
            names.formUnion(work.events.map(\.event.name))
            codes.formUnion(work.events.map { HistoryGenerator.code(of: $0.event) })
            withWrites += work.ticketWrites.isEmpty ? 0 : 1
            withRest += work.acknowledgedEvents.isEmpty ? 0 : 1
            withHistory += work.comments.isEmpty || work.auditEntries.isEmpty ? 0 : 1
        }
        #expect(names.count == HistoryGenerator.eventCaseCount)
        #expect(names.count == 32)
        #expect(codes == Set(1...UInt8(HistoryGenerator.eventCaseCount)))
        #expect(withWrites > 50 && withRest > 50 && withHistory > 50)
    }

    /// Records written before kind 2 (history as JSON after the ticket writes) still load.
    @Test func kindOneRecordsStillDecode() throws {
        for seed in UInt64(0)..<40 {
            var gen = HistoryGenerator(seed: seed)
            let work = seed == 0 ? gen.richUnit() : gen.unit()
            var w = ByteWriter()
            var scratch = ByteWriter()
            w.u8(RecordCodec.unitOfWorkWithJSONHistory)
            w.varint(UInt64(work.ticketWrites.count))
            for write in work.ticketWrites {
                w.u8(write.expectedRevision == nil ? 0 : 1)
                if let expected = write.expectedRevision { w.int(expected) }
                TicketCodec.encode(write.ticket, to: &w, scratch: &scratch)
            }
            let rest = work.withoutTicketWrites
            if rest.isEmpty { w.varint(0) } else { w.blob(try JSONEncoder().encode(rest)) }
            #expect(w.bytes.first == 1)
            #expect(try decode(w.bytes) == work, "kind-1 unit of seed \(seed)")
        }
    }

    /// A group written by a newer version carries fields this reader does not know: the reader
    /// takes the fields it knows and continues after the whole group.
    @Test func groupsSkipFieldsAddedLater() throws {
        var gen = HistoryGenerator(seed: 3)
        try checkWidened(
            gen.auditEntry(), gen.auditEntry(), encode: { EntryCodec.encode($0, to: &$1) },
            decode: { try EntryCodec.decodeAuditEntry(from: &$0) })
        try checkWidened(
            gen.comment(), gen.comment(), encode: { EntryCodec.encode($0, to: &$1) },
            decode: { try EntryCodec.decodeComment(from: &$0) })
        for code in 1...HistoryGenerator.eventCaseCount {
            try checkWidened(
                gen.pendingEvent(code: code), gen.pendingEvent(code: code),
                encode: { EventCodec.encode($0, to: &$1) },
                decode: { try EventCodec.decodePendingEvent(from: &$0) })
            try checkWidened(
                gen.event(code: code), gen.event(code: code), encode: { EventCodec.encode($0, to: &$1) },
                decode: { try EventCodec.decodeEvent(from: &$0) })
        }
    }

    /// Every proper prefix of a record is rejected, and so is an unknown event code.
    @Test func damageThrowsMalformedBytes() throws {
        var gen = HistoryGenerator(seed: 5)
        let work = gen.richUnit()
        let payload = try RecordCodec.encode(work)
        #expect(try decode(payload) == work)

        // `RecordCodec.decode` throws only `MalformedBytes` (typed throws), so `try?` sees only those.
        let decodedPrefixes = (1..<payload.count).filter { (try? decode(payload[..<$0])) != nil }
        #expect(decodedPrefixes.isEmpty, "prefixes of \(payload.count) bytes that decoded")

        // The events follow the history of the same unit without events; each event group starts
        // with its 4-byte length, then the domain event group's 4-byte length, then the case code.
        var withoutEvents = work
        withoutEvents.events = []
        withoutEvents.acknowledgedEvents = []
        var offset = try RecordCodec.encode(withoutEvents).count - 2  // The event count, then `0`.
        #expect(payload[offset] == UInt8(work.events.count))
        offset += 1
        for pending in work.events {
            #expect(payload[offset + 8] == HistoryGenerator.code(of: pending.event))
            for unknown: UInt8 in [0, 99, 200] {
                var damaged = payload
                damaged[offset + 8] = unknown
                #expect(throws: MalformedBytes.self, "\(pending.event.name) as code \(unknown)") {
                    try decode(damaged)
                }
            }
            offset += 4 + Int(groupLength(payload, at: offset))
        }
        #expect(Int(payload[offset]) == payload.count - offset - 1)  // Only the JSON rest follows.

        // Any changed byte either decodes (to some value: the frame checksum guards the content) or
        // throws `MalformedBytes`; it never traps.
        var random = SplitMix64(seed: 55)
        var thrown = 0
        for _ in 0..<4000 {
            var damaged = payload
            let index = Int(random.next() % UInt64(payload.count))
            damaged[index] ^= UInt8(truncatingIfNeeded: 1 + random.next() % 255)
            thrown += (try? decode(damaged)) == nil ? 1 : 0
        }
        #expect(thrown > 100)  // Counts, lengths, codes and kinds are hit too, not only payload bytes.
    }
}

// MARK: - Helpers

/// Decodes a record payload.
private func decode(_ bytes: some Collection<UInt8>) throws -> UnitOfWork {
    try Array(bytes).withUnsafeBytes { try RecordCodec.decode($0) }
}

/// The little-endian group length at `offset`.
private func groupLength(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    bytes[offset..<offset + 4].reversed().reduce(0) { $0 << 8 | UInt32($1) }
}

/// Encodes `first` with five unknown bytes appended inside its group (its length rewritten to
/// cover them), then `second` as is, and decodes both.
private func checkWidened<Value: Equatable>(
    _ first: Value, _ second: Value, encode: (Value, inout ByteWriter) -> Void,
    decode: (inout ByteReader) throws -> Value, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    var w = ByteWriter()
    encode(first, &w)
    let length = groupLength(w.bytes, at: 0)
    #expect(Int(length) == w.bytes.count - 4, sourceLocation: sourceLocation)
    w.bytes += [0xFF, 0x00, 0x7F, 0x80, 0x01]
    withUnsafeBytes(of: (length + 5).littleEndian) { w.bytes.replaceSubrange(0..<4, with: $0) }
    let firstEnd = w.bytes.count
    encode(second, &w)
    let (decoded, ends) = try w.bytes.withUnsafeBytes { buffer in
        var r = ByteReader(buffer)
        let values = [try decode(&r)]
        let firstEnd = r.position
        return (values + [try decode(&r)], [firstEnd, r.position])
    }
    #expect(decoded == [first, second], sourceLocation: sourceLocation)
    #expect(ends == [firstEnd, w.bytes.count], sourceLocation: sourceLocation)
}
