/// A dated override of the weekly schedule for one local date.
///
/// It replaces the intervals that *start* on `date` (a night shift that started the evening
/// before still runs past midnight into a holiday).
public struct CalendarException: Sendable, Hashable, Codable {
    /// What happens on the date.
    public enum Kind: Sendable, Hashable {
        /// No working interval starts on this date.
        case holiday
        /// The date has these intervals instead of its usual ones (e.g. a pre-holiday short day).
        case shortened([LocalInterval])
        /// A normally free date (e.g. a transferred working Saturday) works these intervals,
        /// or, when `nil`, the schedule's `standardWorkday` intervals.
        case extraWorkingDay([LocalInterval]?)
        /// The date's usual intervals (its weekday's, or the schedule's `standardWorkday` when its
        /// weekday has none) with this much working time taken off the end of the day: a
        /// pre-holiday day "one hour shorter" that follows the host's own schedule.
        case shortenedBy(WorkingDuration)
    }

    /// The local date overridden.
    public var date: LocalDate
    /// The override.
    public var kind: Kind
    /// A free-form note, e.g. the holiday's name; not used in computations.
    public var note: String

    /// Creates an exception for `date`.
    public init(date: LocalDate, kind: Kind, note: String = "") {
        self.date = date
        self.kind = kind
        self.note = note
    }

    /// A holiday on `date`.
    public static func holiday(_ date: LocalDate, note: String = "") -> CalendarException {
        CalendarException(date: date, kind: .holiday, note: note)
    }

    /// The intervals that start on the date under this exception.
    func intervals(in schedule: WeeklySchedule) -> [LocalInterval] {
        switch kind {
        case .holiday: return []
        case .shortened(let intervals): return intervals
        case .extraWorkingDay(let intervals): return intervals ?? schedule.standardWorkday
        case .shortenedBy(let cut):
            let usual = schedule.intervals(on: date.weekday)
            return LocalInterval.removing(cut, fromEndOf: usual.isEmpty ? schedule.standardWorkday : usual)
        }
    }

    /// The file-format name of the kind: `holiday`, `shortened` (also for `shortenedBy`) or `working`.
    var kindName: String {
        switch kind {
        case .holiday: "holiday"
        case .shortened, .shortenedBy: "shortened"
        case .extraWorkingDay: "working"
        }
    }

    /// The explicit intervals, if the kind carries any.
    var explicitIntervals: [LocalInterval]? {
        switch kind {
        case .holiday, .shortenedBy: nil
        case .shortened(let intervals): intervals
        case .extraWorkingDay(let intervals): intervals
        }
    }

    /// The amount a `shortenedBy` day loses, as `HH:MM[:SS]` (`nil` for other kinds).
    var cutText: String? {
        guard case .shortenedBy(let cut) = kind else { return nil }
        return LocalInterval.cutText(cut)
    }

    /// Builds the kind from its file-format name and optional intervals.
    ///
    /// `holiday` takes no intervals, `shortened` requires them, `working` takes them optionally.
    static func kind(named name: String, intervals: [LocalInterval]?, cut: WorkingDuration? = nil)
        throws(WorkingTimeError) -> Kind
    {
        if let cut {
            guard name == "shortened", intervals?.isEmpty ?? true else {
                throw .malformed(line: 0, reason: "only a 'shortened' day takes a cut ('-HH:MM'), and no intervals besides")
            }
            return .shortenedBy(cut)
        }
        switch name {
        case "holiday":
            guard intervals?.isEmpty ?? true else {
                throw .malformed(line: 0, reason: "a holiday takes no intervals (use 'shortened')")
            }
            return .holiday
        case "shortened":
            guard let intervals, !intervals.isEmpty else {
                throw .malformed(line: 0, reason: "a shortened day needs its intervals (use 'holiday' for none)")
            }
            return .shortened(intervals)
        case "working":
            return .extraWorkingDay(intervals.flatMap { $0.isEmpty ? nil : $0 })
        default:
            throw .malformed(line: 0, reason: "unknown kind '\(name)', expected holiday, shortened or working")
        }
    }

    private enum CodingKeys: String, CodingKey { case date, kind, intervals, shortenedBy, note }

    /// Encodes as `{"date": "2027-02-20", "kind": "working", "intervals": [...], "note": "..."}`;
    /// a `shortenedBy` day as `{"date": …, "kind": "shortened", "shortenedBy": "01:00"}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(date, forKey: .date)
        try container.encode(kindName, forKey: .kind)
        try container.encodeIfPresent(explicitIntervals, forKey: .intervals)
        try container.encodeIfPresent(cutText, forKey: .shortenedBy)
        if !note.isEmpty { try container.encode(note, forKey: .note) }
    }

    /// Decodes the JSON form written by `encode(to:)`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        date = try container.decode(LocalDate.self, forKey: .date)
        let name = try container.decode(String.self, forKey: .kind)
        let intervals = try container.decodeIfPresent([LocalInterval].self, forKey: .intervals)
        let cutText = try container.decodeIfPresent(String.self, forKey: .shortenedBy)
        do {
            var cut: WorkingDuration?
            if let cutText { cut = try LocalInterval.parseCut(cutText) }
            kind = try CalendarException.kind(named: name, intervals: intervals, cut: cut)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: error.description)
        }
        note = try container.decodeIfPresent(String.self, forKey: .note) ?? ""
    }
}
