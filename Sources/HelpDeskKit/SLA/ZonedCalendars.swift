import Foundation
import Synchronization
import WorkingTime

/// SLA policy calendars read on other zones' wall clocks (clients' local time), built once per
/// engine: building one walks the zone's transitions (about a millisecond), and a client-local
/// ticket needs its calendar on every change, and time rules on every tick.
final class ZonedCalendars: Sendable {
    private struct Key: Hashable {
        var policy: SLAPolicyID
        var zone: String
    }

    private let built = Mutex<[Key: BusinessCalendar]>([:])

    /// An empty cache.
    init() {}

    /// `policy`'s calendar on `zone`'s wall clock (``BusinessCalendar/inTimeZone(_:)``). The
    /// configuration, and so each policy, is fixed for the engine's life.
    func calendar(_ policy: SLAPolicy, in zone: TimeZone) -> BusinessCalendar {
        let key = Key(policy: policy.id, zone: zone.identifier)
        if let found = built.withLock({ $0[key] }) { return found }
        let calendar = policy.calendar.inTimeZone(zone)
        built.withLock { $0[key] = calendar }
        return calendar
    }
}
