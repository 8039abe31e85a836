extension LocalInterval {
    /// The intervals with `cut` of working time removed from the end of their union (nominal
    /// wall-clock seconds, as `nominalDuration` counts them); intervals that end up empty are dropped.
    ///
    /// Intervals are taken as offsets from the date's midnight (one crossing midnight runs past
    /// 24 h), so "the end of the day" is the latest working second starting that date.
    ///
    /// - Complexity: O(n log n) for n intervals.
    static func removing(_ cut: WorkingDuration, fromEndOf intervals: [LocalInterval]) -> [LocalInterval] {
        guard cut.seconds > 0, !intervals.isEmpty else { return intervals }
        let spans = intervals.map { (start: $0.startSeconds, end: $0.startSeconds + $0.length) }
            .sorted { $0.start < $1.start }
        var union: [(start: Int, end: Int)] = []
        for span in spans {
            if let last = union.last, span.start <= last.end {
                union[union.count - 1].end = max(last.end, span.end)
            } else {
                union.append(span)
            }
        }
        // Everything from `cutoff` on is removed; walk the union backwards until `cut` is used up.
        var remaining = cut.seconds
        var cutoff = union[0].start
        for piece in union.reversed() {
            let length = Int64(piece.end - piece.start)
            if length > remaining {
                cutoff = piece.end - Int(remaining)
                break
            }
            remaining -= length
            cutoff = piece.start
        }
        return intervals.compactMap { interval in
            let start = interval.startSeconds
            let end = min(start + interval.length, cutoff)
            guard end > start else { return nil }
            return LocalInterval(uncheckedStart: start, end: end > 86_400 ? end - 86_400 : end)
        }
    }

    /// Parses the amount of a cut, `HH:MM` or `HH:MM:SS`, at most `24:00`.
    static func parseCut(_ text: String) throws(WorkingTimeError) -> WorkingDuration {
        .seconds(Int64(try TimeOfDay(parsing: text).secondsSinceMidnight))
    }

    /// Writes a cut as `HH:MM[:SS]` (clamped to `00:00 ... 24:00`, the range a calendar accepts).
    static func cutText(_ cut: WorkingDuration) -> String {
        TimeOfDay(unchecked: Int(min(max(cut.seconds, 0), 86_400))).description
    }
}
