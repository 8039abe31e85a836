import Foundation
import WorkingTime

/// Throughput of the WorkingTime math: deadlines for 8-hour and 30×24-hour SLAs and
/// elapsed working time, on Mon-Fri 09:00-13:00 + 14:00-18:00 in Europe/Berlin (with DST)
/// with the 2025-2027 Russian production calendar (62 exceptions) as the exception table.
func workingTimeBenchmarks() -> [BenchmarkResult] {
    let calendar = WorkingTimeBench.calendar()
    let starts = WorkingTimeBench.starts(count: 4_096)
    let notes = "Europe/Berlin, Mon-Fri 09-13+14-18, 62 exceptions 2025-2027, starts uniform over 2025-2027, one core"
    return [
        BenchmarkResult(
            name: "workingtime.deadline.8h",
            value: WorkingTimeBench.deadlines(calendar, starts, .hours(8), iterations: 2_000_000),
            unit: "ops/s", target: 1_000_000, higherIsBetter: true, notes: notes),
        BenchmarkResult(
            name: "workingtime.deadline.30d",
            value: WorkingTimeBench.deadlines(calendar, starts, .days(30), iterations: 1_000_000),
            unit: "ops/s", target: 100_000, higherIsBetter: true,
            notes: notes + "; 30 × 24 h = 720 h of working time (18 working weeks)"),
        BenchmarkResult(
            name: "workingtime.elapsed",
            value: WorkingTimeBench.elapsed(calendar, starts, iterations: 1_000_000),
            unit: "ops/s", target: nil, higherIsBetter: true,
            notes: notes + "; workingTime(from:to:) over spans of 0-60 calendar days"),
        BenchmarkResult(
            name: "workingtime.deadline.8h.paused",
            value: WorkingTimeBench.pausedDeadlines(calendar, starts, iterations: 1_000_000),
            unit: "ops/s", target: nil, higherIsBetter: true,
            notes: notes + "; two pauses (3 h and 20 h) after each start"),
    ]
}

/// Fixtures and timing loops for `workingTimeBenchmarks()`.
enum WorkingTimeBench {
    /// Russia's 2025-2027 production calendar (date,kind,intervals), as in the test fixture.
    static let exceptionsCSV = """
    2025-01-01,holiday,
    2025-01-02,holiday,
    2025-01-03,holiday,
    2025-01-04,holiday,
    2025-01-05,holiday,
    2025-01-06,holiday,
    2025-01-07,holiday,
    2025-01-08,holiday,
    2025-02-23,holiday,
    2025-03-08,holiday,
    2025-05-01,holiday,
    2025-05-02,holiday,
    2025-05-08,holiday,
    2025-05-09,holiday,
    2025-06-12,holiday,
    2025-06-13,holiday,
    2025-11-01,working,
    2025-11-03,holiday,
    2025-11-04,holiday,
    2025-12-31,holiday,
    2026-01-01,holiday,
    2026-01-02,holiday,
    2026-01-03,holiday,
    2026-01-04,holiday,
    2026-01-05,holiday,
    2026-01-06,holiday,
    2026-01-07,holiday,
    2026-01-08,holiday,
    2026-01-09,holiday,
    2026-02-23,holiday,
    2026-03-08,holiday,
    2026-03-09,holiday,
    2026-05-01,holiday,
    2026-05-09,holiday,
    2026-05-11,holiday,
    2026-06-12,holiday,
    2026-11-04,holiday,
    2026-12-31,holiday,
    2027-01-01,holiday,
    2027-01-02,holiday,
    2027-01-03,holiday,
    2027-01-04,holiday,
    2027-01-05,holiday,
    2027-01-06,holiday,
    2027-01-07,holiday,
    2027-01-08,holiday,
    2027-02-20,working,
    2027-02-22,holiday,
    2027-02-23,holiday,
    2027-03-08,holiday,
    2027-05-01,holiday,
    2027-05-03,holiday,
    2027-05-09,holiday,
    2027-05-10,holiday,
    2027-06-12,holiday,
    2027-06-14,holiday,
    2027-11-04,holiday,
    2027-11-05,holiday,
    2027-12-31,holiday,
    """

    static func calendar() -> BusinessCalendar {
        let workweek = WeeklySchedule(
            weekdays: [.monday, .tuesday, .wednesday, .thursday, .friday],
            intervals: [try! LocalInterval(parsing: "09:00-13:00"), try! LocalInterval(parsing: "14:00-18:00")])
        let exceptions = try! ExceptionFile.parseCSV(exceptionsCSV)
        return try! BusinessCalendar(timeZoneIdentifier: "Europe/Berlin", schedule: workweek, exceptions: exceptions)
    }

    /// Seeded pseudo-random whole-second start instants, uniform over 2025-01-01 ..< 2028-01-01 UTC.
    static func starts(count: Int) -> [Date] {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        let from: UInt64 = 1_735_689_600, span: UInt64 = 3 * 365 * 86_400
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Date(timeIntervalSince1970: Double(from + (state >> 20) % span))
        }
    }

    /// Runs `body` twice (a warm-up, then timed) and returns `iterations` per second of wall-clock time.
    static func rate(_ iterations: Int, _ body: () -> Double) -> Double {
        let clock = ContinuousClock()
        var sink = body()
        let elapsed = clock.measure { sink += body() }
        precondition(sink != 0, "benchmark result unused")
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return Double(iterations) / seconds
    }

    static func deadlines(_ calendar: BusinessCalendar, _ starts: [Date], _ sla: WorkingDuration, iterations: Int) -> Double {
        rate(iterations) {
            var sum = 0.0
            for i in 0..<iterations {
                let start = starts[i & (starts.count - 1)]
                sum += (try? calendar.deadline(from: start, adding: sla))?.timeIntervalSince1970 ?? 0
            }
            return sum
        }
    }

    static func elapsed(_ calendar: BusinessCalendar, _ starts: [Date], iterations: Int) -> Double {
        let ends = starts.enumerated().map { $1 + Double(($0 * 7_919) % 60 * 86_400 + $0 % 86_400) }
        return rate(iterations) {
            var sum = 0.0
            for i in 0..<iterations {
                let k = i & (starts.count - 1)
                sum += Double((try? calendar.workingTime(from: starts[k], to: ends[k]))?.seconds ?? 0)
            }
            return sum + 1
        }
    }

    static func pausedDeadlines(_ calendar: BusinessCalendar, _ starts: [Date], iterations: Int) -> Double {
        let pauses = starts.map {
            PauseSet([DateInterval(start: $0 + 3_600, duration: 3 * 3_600), DateInterval(start: $0 + 86_400, duration: 20 * 3_600)])
        }
        return rate(iterations) {
            var sum = 0.0
            for i in 0..<iterations {
                let k = i & (starts.count - 1)
                sum += (try? calendar.deadline(from: starts[k], adding: .hours(8), excluding: pauses[k]))?.timeIntervalSince1970 ?? 0
            }
            return sum
        }
    }
}
