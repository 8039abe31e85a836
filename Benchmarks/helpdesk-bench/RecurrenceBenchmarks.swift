import Foundation
import HelpDeskKit
import Recurrence
import WorkingTime

/// Planned work (issue #23): expanding 10,000 seeded maintenance plans over one year with
/// `RecurrenceSchedule.occurrences(from:through:)` — local dates and the instants DTSTART's wall time
/// names in each plan's zone — and, in the same run, python-dateutil's `rrule.between` over the same plans
/// through `Benchmarks/recurrence/expand_python.py` (reported as skipped when Python or dateutil is missing).
func recurrenceBenchmarks(quick: Bool) throws -> [BenchmarkResult] {
    let plans = RecurrenceBench.plans(count: quick ? 1_000 : 10_000)
    let from = try LocalDate(year: 2027, month: 1, day: 1)
    let through = try LocalDate(year: 2027, month: 12, day: 31)

    var parsed: [RecurrenceSchedule] = []
    let parseSeconds = try Measure.seconds {
        parsed = try plans.map { plan in
            try RecurrenceSchedule(
                rule: RecurrenceRule(parsing: plan.rule), start: LocalDate(parsing: plan.start),
                time: TimeOfDay(parsing: plan.time), timeZone: TimeZone(identifier: plan.zone)!)
        }
    }
    let schedules = parsed
    var total = 0
    let runs = quick ? 3 : 7
    var samples: [Double] = []
    for _ in 0..<runs {
        var count = 0
        samples.append(
            Measure.seconds {
                for schedule in schedules { count += schedule.occurrences(from: from, through: through).count }
            } * 1_000)
        total = count
    }
    samples.sort()
    let milliseconds = samples[samples.count / 2]
    let rate = Double(total) / (milliseconds / 1_000)
    let mix = "2nd Tuesday monthly, weekly on 2–4 days, quarterly last Friday, yearly, daily every 1–7 days"
    var results = [
        BenchmarkResult(
            name: "recurrence.expand.year", value: rate, unit: "occurrences/s", target: nil, higherIsBetter: true,
            notes: "\(plans.count) seeded plans (\(mix)), DTSTART in 2026, 9 zones, expanded over 2027 with "
                + "occurrences(from:through:): \(total) occurrences (dates + instants) in "
                + "\(RecurrenceBench.format(milliseconds)) ms, median of \(runs) runs"),
        BenchmarkResult(
            name: "recurrence.expand.year.total", value: milliseconds, unit: "ms", target: nil, higherIsBetter: false,
            notes: "as recurrence.expand.year: all \(plans.count) plans over one year, median of \(runs) runs"),
        BenchmarkResult(
            name: "recurrence.parse", value: Double(plans.count) / parseSeconds, unit: "schedules/s", target: nil,
            higherIsBetter: true,
            notes: "RecurrenceRule(parsing:) + LocalDate/TimeOfDay parsing + TimeZone lookup for each plan, one pass"),
    ]
    // Previews as a plan screen asks for them: the next 12 occurrences from mid-2027 (a COUNT-free
    // rule starts at the period that reaches the date instead of walking from DTSTART).
    let previewFrom = try LocalDate(year: 2027, month: 6, day: 15)
    var previewed = 0
    let previewMilliseconds =
        Measure.seconds {
            for schedule in schedules { previewed += schedule.occurrences(onOrAfter: previewFrom, count: 12).count }
        } * 1_000
    results.append(
        BenchmarkResult(
            name: "recurrence.preview", value: previewMilliseconds * 1_000 / Double(schedules.count), unit: "µs",
            target: nil, higherIsBetter: false,
            notes: "occurrences(onOrAfter: 2027-06-15, count: 12) per plan, averaged over the \(schedules.count) plans "
                + "(\(previewed) occurrences, \(RecurrenceBench.format(previewMilliseconds)) ms in all)"))
    results += RecurrenceBench.compareWithPython(plans, ours: rate, total: total, runs: quick ? 1 : 3)
    return results
}

/// Plans, the Python process and formatting for `recurrenceBenchmarks(quick:)`.
enum RecurrenceBench {
    /// One plan as both sides read it.
    struct Plan: Codable {
        var rule: String
        var start: String
        var time: String
        var zone: String
    }

    /// Python's figures as `expand_python.py` prints them.
    struct PythonFigures: Decodable {
        var plans: Int
        var occurrences: Int
        var seconds: Double
        var python: String
        var dateutil: String
    }

    static let zones = [
        "America/New_York", "Europe/Berlin", "Europe/Moscow", "Asia/Kolkata", "UTC", "Australia/Sydney",
        "America/Los_Angeles", "Europe/London", "Asia/Tokyo",
    ]

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }

    /// `count` seeded plans with DTSTART in 2026.
    static func plans(count: Int) -> [Plan] {
        var rng = SplitMix64(seed: 23)
        let codes = ["MO", "TU", "WE", "TH", "FR"]
        return (0..<count).map { i in
            let rule: String
            switch i % 5 {
            case 0: rule = "FREQ=MONTHLY;BYDAY=2TU"
            case 1:
                let days = codes.shuffled(using: &rng).prefix(Int.random(in: 2...4, using: &rng))
                rule = "FREQ=WEEKLY;BYDAY=" + days.joined(separator: ",")
            case 2: rule = "FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR"
            case 3: rule = "FREQ=YEARLY"
            default: rule = "FREQ=DAILY;INTERVAL=\(Int.random(in: 1...7, using: &rng))"
            }
            let day = Int.random(in: 0..<365, using: &rng)
            let start = try! LocalDate(year: 2026, month: 1, day: 1).adding(days: day)
            let minutes = Int.random(in: 7 * 4...19 * 4, using: &rng) * 15
            let time = String(format: "%02d:%02d", minutes / 60, minutes % 60)
            return Plan(
                rule: rule, start: start.description, time: time,
                zone: zones[Int.random(in: 0..<zones.count, using: &rng)])
        }
    }

    /// dateutil's rate on the same plans and the ratio of ours to it, or a skipped row.
    static func compareWithPython(_ plans: [Plan], ours: Double, total: Int, runs: Int) -> [BenchmarkResult] {
        let folder = PythonPeer.folder("recurrence-bench")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("plans.json")
        do {
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try JSONEncoder().encode(plans).write(to: file)
        } catch {
            return [skipped("\(error)")]
        }
        switch PythonPeer.run(
            "recurrence/expand_python.py", [file.path, "2027-01-01", "2027-12-31", String(runs)], as: PythonFigures.self
        )
        {
        case .success(let python):
            let theirs = Double(python.occurrences) / python.seconds
            let agree =
                python.occurrences == total
                ? "the same \(total) occurrences" : "DIFFERENT totals: \(python.occurrences) vs our \(total)"
            return [
                BenchmarkResult(
                    name: "recurrence.expand.year.python", value: theirs, unit: "occurrences/s", target: nil,
                    higherIsBetter: true,
                    notes:
                        "Python \(python.python), python-dateutil \(python.dateutil): rrulestr parsed before timing, "
                        + "rrule.between(2027-01-01, 2027-12-31 23:59:59, inc=True) with a zone-aware DTSTART per plan; "
                        + "\(format(python.seconds * 1_000)) ms for \(python.plans) plans (best of \(runs)); \(agree)"),
                BenchmarkResult(
                    name: "recurrence.expand.year.vs.python", value: ours / theirs, unit: "x", target: nil,
                    higherIsBetter: true, notes: "our occurrences/s over dateutil's, same plans, same run"),
            ]
        case .failure(let reason):
            return [skipped(reason.message)]
        }
    }

    static func skipped(_ message: String) -> BenchmarkResult {
        BenchmarkResult(
            name: "recurrence.expand.year.python", value: 0, unit: "skipped", target: nil, higherIsBetter: false,
            notes: "Python comparison skipped: \(message)")
    }
}
