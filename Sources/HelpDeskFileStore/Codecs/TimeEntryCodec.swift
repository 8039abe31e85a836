import Foundation
import HelpDeskKit
import WorkingTime

/// Binary form of a time entry, one group (see ``ByteWriter/group(_:)`` for how fields may be
/// added later): a snapshot of a desk with labor tracking holds one per logged piece of work.
enum TimeEntryCodec {
    /// Number of stored properties of `TimeEntry` this codec writes; a test compares it with
    /// `Mirror(reflecting:)` so a new field cannot be silently dropped.
    static let fieldCount = 12

    /// Appends a time entry.
    static func encode(_ entry: TimeEntry, to w: inout ByteWriter) {
        w.group { w in
            w.uuid(entry.id.rawValue)
            w.uuid(entry.ticketID.rawValue)
            w.uuid(entry.employeeID.rawValue)
            w.int(entry.workDate.year)
            w.int(entry.workDate.month)
            w.int(entry.workDate.day)
            w.int(entry.spentMinutes)
            w.int(entry.chargedMinutes)
            w.u8(entry.billable ? 1 : 0)
            w.string(entry.activity)
            w.string(entry.comment)
            w.date(entry.createdAt)
            w.date(entry.updatedAt)
            w.int(entry.revision)
        }
    }

    /// Reads a time entry.
    static func decode(from r: inout ByteReader) throws(MalformedBytes) -> TimeEntry {
        var g = try r.group()
        let (id, ticketID, employeeID): (TimeEntryID, TicketID, EmployeeID) = (try g.id(), try g.id(), try g.id())
        let dateOffset = g.position
        let (year, month, day) = (try g.int(), try g.int(), try g.int())
        guard let workDate = try? LocalDate(year: year, month: month, day: day) else {
            throw MalformedBytes(offset: dateOffset, reason: "invalid work date \(year)-\(month)-\(day)")
        }
        return TimeEntry(
            id: id, ticketID: ticketID, employeeID: employeeID, workDate: workDate, spentMinutes: try g.int(),
            chargedMinutes: try g.int(), billable: try g.presence(), activity: try g.string(), comment: try g.string(),
            createdAt: try g.date(), updatedAt: try g.date(), revision: try g.int())
    }
}
