import Foundation
import Testing
import WorkingTime

@testable import Recurrence

/// Our expansion against python-dateutil's on 400 seeded random rules (Fixtures/oracle.json, written by
/// `Benchmarks/recurrence/make_oracle.py`): the same dates, and the same instants across DST gaps and
/// repeated hours in nine zones.
@Suite struct OracleTests {
    struct Fixture: Decodable {
        var seed: Int
        var generator: String
        var cases: [Case]
    }

    struct Case: Decodable {
        var rule: String
        var zone: String
        var start: String
        var time: String
        var exdates: [String]
        var first: Int
        var occurrences: [String]
    }

    static let fixture: Fixture = {
        let url = Bundle.module.url(forResource: "oracle", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }()

    static func schedule(_ c: Case) throws -> RecurrenceSchedule {
        try RecurrenceSchedule(
            rule: RecurrenceRule(parsing: c.rule), start: LocalDate(parsing: c.start), time: TimeOfDay(parsing: c.time),
            timeZone: TimeZone(identifier: c.zone)!,
            exceptionDates: Set(try c.exdates.map { try LocalDate(parsing: $0) }))
    }

    @Test func fixtureIsComplete() {
        #expect(Self.fixture.cases.count == 400)
        #expect(Self.fixture.cases.map(\.occurrences.count).reduce(0, +) > 5_000)
    }

    @Test func agreesWithDateutil() throws {
        var mismatches: [String] = []
        for c in Self.fixture.cases {
            let schedule = try Self.schedule(c)
            let got = schedule.occurrences(onOrAfter: schedule.start, count: c.first)
            let text = got.map { "\($0.date) \(Int($0.instant.timeIntervalSince1970))" }
            if text != c.occurrences {
                mismatches.append(
                    "\(c.rule) from \(c.start) \(c.time) \(c.zone) exdates \(c.exdates):\n got \(text)\n want \(c.occurrences)"
                )
            }
            // The lazy sequence and the canonical text agree with the same expansion.
            #expect(Array(schedule.lazyOccurrences().prefix(c.first)) == got)
            #expect(try RecurrenceRule(parsing: schedule.rule.description) == schedule.rule)
        }
        #expect(
            mismatches.isEmpty,
            "\(mismatches.count) rules differ; first: \(mismatches.prefix(3).joined(separator: "\n"))")
    }
}
