import Foundation
import HelpDeskKit
import WorkingTime

/// The binary encoding of a ticket's SLA state inside a ticket record (tag `sla`).
///
/// A version byte comes first; version 1 writes the policy, start, pauses, the pause in progress,
/// both clocks and the next check instant. Version 2 appends the client-local basis: a presence
/// byte, then the location, the zone identifier and a byte for "the location's own calendar".
/// A newer version may append fields after these; a reader of an older version ignores them.
enum SLACodec {
    /// Appends `sla` to `w`.
    static func encode(_ sla: TicketSLA, to w: inout ByteWriter) {
        w.u8(2)
        w.string(sla.policyID.rawValue)
        w.date(sla.startedAt)
        w.varint(UInt64(sla.pauses.count))
        for pause in sla.pauses {
            w.date(pause.start)
            w.date(pause.end)
        }
        optionalDate(sla.pausedSince, to: &w)
        clock(sla.reaction, to: &w)
        clock(sla.resolution, to: &w)
        optionalDate(sla.nextCheckAt, to: &w)
        w.u8(sla.clientTime == nil ? 0 : 1)
        if let clientTime = sla.clientTime {
            w.uuid(clientTime.locationID.rawValue)
            w.string(clientTime.timeZoneIdentifier)
            w.u8(clientTime.usesLocationCalendar ? 1 : 0)
        }
    }

    private static func clock(_ clock: SLAClock?, to w: inout ByteWriter) {
        guard let clock else {
            w.u8(0)
            return
        }
        w.u8(1)
        w.int(Int(clock.target.seconds))
        w.date(clock.dueAt)
        optionalDate(clock.stoppedAt, to: &w)
        optionalDate(clock.breachedAt, to: &w)
        w.varint(UInt64(clock.warnedThresholds.count))
        for threshold in clock.warnedThresholds { w.int(threshold) }
    }

    private static func optionalDate(_ date: Date?, to w: inout ByteWriter) {
        w.u8(date == nil ? 0 : 1)
        if let date { w.date(date) }
    }

    /// Reads an SLA state written by ``encode(_:to:)``.
    static func decode(from r: inout ByteReader) throws(MalformedBytes) -> TicketSLA {
        let start = r.position
        let version = try r.u8()
        guard version >= 1 else { throw MalformedBytes(offset: start, reason: "sla: unknown version") }
        var sla = TicketSLA(policyID: SLAPolicyID(try r.string()), startedAt: try r.date())
        for _ in 0..<(try r.length()) {
            let from = try r.date()
            let to = try r.date()
            // `DateInterval` traps on an end before its start: damaged bytes must throw instead.
            guard from <= to else { throw MalformedBytes(offset: r.position, reason: "sla: a pause ends before it starts") }
            sla.pauses.append(DateInterval(start: from, end: to))
        }
        sla.pausedSince = try optionalDate(from: &r)
        sla.reaction = try clock(from: &r)
        sla.resolution = try clock(from: &r)
        sla.nextCheckAt = try optionalDate(from: &r)
        if version >= 2, try r.u8() == 1 {
            sla.clientTime = SLAClientTime(
                locationID: LocationID(try r.uuid()), timeZoneIdentifier: try r.string(),
                usesLocationCalendar: try r.u8() == 1)
        }
        return sla
    }

    private static func clock(from r: inout ByteReader) throws(MalformedBytes) -> SLAClock? {
        guard try r.u8() == 1 else { return nil }
        var clock = SLAClock(target: WorkingDuration(seconds: Int64(try r.int())), dueAt: try r.date())
        clock.stoppedAt = try optionalDate(from: &r)
        clock.breachedAt = try optionalDate(from: &r)
        for _ in 0..<(try r.length()) { clock.warnedThresholds.append(try r.int()) }
        return clock
    }

    private static func optionalDate(from r: inout ByteReader) throws(MalformedBytes) -> Date? {
        try r.u8() == 1 ? try r.date() : nil
    }
}
