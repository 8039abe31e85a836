import Foundation
import WorkingTime

/// Remembers a span of UTC seconds over which a zone's offset does not change, so that most
/// occurrences get their instant without a zone lookup.
///
/// The answer is always the one of ``LocalDate/instant(at:in:)``: the cached offset is used only when
/// the span covers two days either side of the guessed instant — every probe that function makes — and
/// there it returns exactly `local - offset`. Otherwise it asks that function and refreshes the span
/// from the zone's next transition.
struct OffsetCache: Sendable {
    let zone: TimeZone
    private var offset = 0
    private var from = Int.max
    private var until = Int.min

    init(zone: TimeZone) { self.zone = zone }

    /// The instant at which `zone`'s wall clock shows `seconds` after midnight on `date` (day number `day`).
    mutating func instant(_ date: LocalDate, day: Int, seconds: Int) -> Date {
        let guess = day * 86_400 + seconds - offset
        if guess - 2 * 86_400 >= from, guess + 2 * 86_400 < until {
            return Date(timeIntervalSince1970: Double(guess))
        }
        let time = (try? TimeOfDay(secondsSinceMidnight: seconds)) ?? .midnight
        let exact = date.instant(at: time, in: zone)
        let probe = exact.addingTimeInterval(-2 * 86_400)
        offset = zone.secondsFromGMT(for: probe)
        from = Int(probe.timeIntervalSince1970)
        if let next = zone.nextDaylightSavingTimeTransition(after: probe)?.timeIntervalSince1970, next.isFinite,
            abs(next) < 1e15
        {
            until = Int(next.rounded(.down))
        } else {
            until = Int.max
        }
        return exact
    }
}
