import Foundation

/// The trend buckets covering a report period, with a fast lookup of an instant's bucket.
///
/// Buckets are local calendar days, ISO weeks (starting Monday 00:00) or months in the request's
/// zone; the first and last may be cut by the period. DST days are 23 or 25 hours long.
public struct ReportBuckets: Hashable, Sendable {
    /// Start of each bucket (the calendar start; the first may lie before the period).
    public let starts: [Date]
    /// End of each bucket, clipped to the period's end.
    public let ends: [Date]
    /// The size of every bucket.
    public let bucket: TimeBucket
    private let boundaries: [Double]
    private let period: Range<Date>

    /// The buckets of `bucket` size in `timeZone` that overlap `period`.
    ///
    /// A period reaching outside ``InstantRange`` has no buckets (every report rejects such a
    /// period before it gets here; this keeps a direct call from looping over millennia).
    ///
    /// - Complexity: O(*b*) calendar calls for *b* buckets.
    public init(period: Range<Date>, bucket: TimeBucket, timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 2
        calendar.minimumDaysInFirstWeek = 4
        let unit: Calendar.Component =
            switch bucket {
            case .day: .day
            case .week: .weekOfYear
            case .month: .month
            }
        var starts: [Date] = []
        var ends: [Date] = []
        if !period.isEmpty, InstantRange.contains(period.lowerBound), InstantRange.containsEnd(period.upperBound),
            var interval = calendar.dateInterval(of: unit, for: period.lowerBound)
        {
            while interval.start < period.upperBound {
                starts.append(interval.start)
                ends.append(min(interval.end, period.upperBound))
                guard let next = calendar.dateInterval(of: unit, for: interval.end), next.start > interval.start else {
                    break
                }
                interval = next
            }
        }
        self.starts = starts
        self.ends = ends
        self.bucket = bucket
        self.boundaries = starts.map(\.timeIntervalSinceReferenceDate)
        self.period = period
    }

    /// A readable name of bucket `index` from its local start date in `timeZone`: `2026-03-02` for a day,
    /// `week starting 2026-03-02`, `month starting 2026-03-01` (calendar arithmetic only, so any zone is safe).
    func label(_ index: Int, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: starts[index])
        let date = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        switch bucket {
        case .day: return date
        case .week: return "week starting " + date
        case .month: return "month starting " + date
        }
    }

    /// The index of the bucket holding `instant`, or `nil` outside the period.
    ///
    /// - Complexity: O(log *b*).
    public func index(of instant: Date) -> Int? {
        guard period.contains(instant), !boundaries.isEmpty else { return nil }
        let value = instant.timeIntervalSinceReferenceDate
        var low = 0
        var high = boundaries.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if boundaries[middle] <= value { low = middle } else { high = middle }
        }
        return low
    }
}
