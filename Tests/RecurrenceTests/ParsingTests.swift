import Foundation
import SeededRandom
import Testing
import WorkingTime

@testable import Recurrence

/// RRULE text: what is read, the canonical form, what is refused, and fuzzing that never traps.
@Suite struct ParsingTests {
    @Test func readsTheSubsetInAnyOrderAndCase() throws {
        let rule = try RecurrenceRule(
            parsing: "rrule:bysetpos=-1;byDay=+3we,-1FR,mo;Freq=Monthly;interval=2;COUNT=12;wkst=su")
        #expect(rule.frequency == .monthly)
        #expect(rule.interval == 2)
        #expect(rule.byDay == [.init(.monday), .init(.wednesday, ordinal: 3), .init(.friday, ordinal: -1)])
        #expect(rule.bySetPosition == [-1])
        #expect(rule.end == .count(12))
        #expect(rule.weekStart == .sunday)
        #expect(rule.description == "FREQ=MONTHLY;INTERVAL=2;BYDAY=MO,3WE,-1FR;BYSETPOS=-1;COUNT=12;WKST=SU")
        #expect(try RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=2TU").description == "FREQ=MONTHLY;BYDAY=2TU")
        #expect(
            try RecurrenceRule(parsing: " FREQ=YEARLY;BYMONTH=12,3,3;BYMONTHDAY=-1,+1 ").description
                == "FREQ=YEARLY;BYMONTH=3,12;BYMONTHDAY=-1,1")
    }

    @Test func untilForms() throws {
        let date = try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=19971224")
        #expect(date.end == .untilDate(try LocalDate(year: 1997, month: 12, day: 24)))
        #expect(date.description == "FREQ=DAILY;UNTIL=19971224")
        let instant = try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=19971224T000000Z")
        #expect(instant.end == .untilInstant(Date(timeIntervalSince1970: 882_921_600)))
        #expect(instant.description == "FREQ=DAILY;UNTIL=19971224T000000Z")
        let early = try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=00010101T000001Z")
        #expect(try RecurrenceRule(parsing: early.description) == early)
        let late = try RecurrenceRule(parsing: "FREQ=DAILY;UNTIL=99991231T235959Z")
        #expect(late.description == "FREQ=DAILY;UNTIL=99991231T235959Z")
    }

    static let refused = [
        "", "FREQ", "FREQ=", "INTERVAL=2", "RRULE:", "FREQ=DAILY;FREQ=DAILY", "FREQ=DAILY;COUNT=2;count=3",
        "FREQ=SECONDLY", "FREQ=MINUTELY", "FREQ=HOURLY", "FREQ=FORTNIGHTLY", "FREQ=DAILY;BYHOUR=9",
        "FREQ=DAILY;BYMINUTE=0", "FREQ=DAILY;BYSECOND=0", "FREQ=YEARLY;BYWEEKNO=1", "FREQ=YEARLY;BYYEARDAY=1",
        "FREQ=DAILY;UNTIL=19971224T000000", "FREQ=DAILY;COUNT=3;UNTIL=19971224", "FREQ=DAILY;BYSETPOS=1",
        "FREQ=WEEKLY;BYDAY=1MO", "FREQ=DAILY;BYDAY=-1FR", "FREQ=MONTHLY;BYDAY=0MO", "FREQ=MONTHLY;BYDAY=-0MO",
        "FREQ=MONTHLY;BYDAY=6MO", "FREQ=YEARLY;BYDAY=54MO", "FREQ=YEARLY;BYMONTH=1;BYDAY=6MO",
        "FREQ=MONTHLY;BYMONTHDAY=0", "FREQ=MONTHLY;BYMONTHDAY=32", "FREQ=MONTHLY;BYMONTHDAY=-32",
        "FREQ=YEARLY;BYMONTH=13", "FREQ=YEARLY;BYMONTH=0", "FREQ=YEARLY;BYMONTH=-1", "FREQ=YEARLY;BYMONTH=+1",
        "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=367", "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0", "FREQ=DAILY;INTERVAL=0",
        "FREQ=DAILY;INTERVAL=-1", "FREQ=DAILY;INTERVAL=10001", "FREQ=DAILY;INTERVAL=99999999999999999999999",
        "FREQ=DAILY;COUNT=0", "FREQ=DAILY;COUNT=100001", "FREQ=DAILY;UNTIL=19970230", "FREQ=DAILY;UNTIL=00001231",
        "FREQ=DAILY;UNTIL=19971224T250000Z", "FREQ=DAILY;UNTIL=19971224T000060Z", "FREQ=DAILY;UNTIL=1997122",
        "FREQ=DAILY;UNTIL=19971224T000000+0100", "FREQ=DAILY;WKST=XX", "FREQ=DAILY;WKST=MON",
        "FREQ=WEEKLY;BYMONTHDAY=1", "FREQ=DAILY;X-NAME=1", "FREQ=DAILY;;COUNT=1", "FREQ=DAILY;", ";FREQ=DAILY",
        "FREQ=DAILY;BYDAY=MO,,TU", "FREQ=DAILY;BYDAY=M", "FREQ=DAILY;BYDAY=3", "FREQ=DAILY;INTERVAL=+2",
        "FREQ=MONTHLY;BYMONTHDAY=1.5", "FREQ=DAILY;COUNT=١٢", "FREQ=DAILY;COUNT= 1", "FREQ = DAILY",
        "FREQ=DAILY;RSCALE=GREGORIAN", "FREQ=MONTHLY;BYDAY=--1MO", "FREQ=MONTHLY;BYDAY=1 MO",
        "FREQ=DAILY;" + String(repeating: "X", count: 5_000),
        "FREQ=MONTHLY;BYMONTHDAY=" + String(repeating: "1", count: 40),
    ]

    @Test(arguments: refused)
    func refusesWithATypedError(_ text: String) {
        #expect(throws: RecurrenceError.self) { try RecurrenceRule(parsing: text) }
    }

    @Test func memberwiseInitNormalizesAndValidates() throws {
        let built = try RecurrenceRule(
            frequency: .monthly,
            byDay: [.init(.friday, ordinal: -1), .init(.tuesday, ordinal: 2), .init(.friday, ordinal: -1)])
        #expect(built == (try RecurrenceRule(parsing: "FREQ=MONTHLY;BYDAY=2TU,-1FR")))
        #expect(throws: RecurrenceError.self) {
            try RecurrenceRule(frequency: .daily, end: .untilInstant(Date(timeIntervalSince1970: 0.5)))
        }
        #expect(throws: RecurrenceError.self) {
            try RecurrenceRule(frequency: .daily, end: .untilInstant(Date(timeIntervalSince1970: .infinity)))
        }
        #expect(throws: RecurrenceError.self) { try RecurrenceRule(frequency: .weekly, byMonthDay: [1]) }
        #expect(throws: RecurrenceError.self) { try RecurrenceRule(frequency: .monthly, bySetPosition: [1]) }
        #expect(throws: RecurrenceError.self) {
            try RecurrenceRule(frequency: .daily, byDay: [.init(.monday, ordinal: 1)])
        }
    }

    @Test func codableAsTheCanonicalString() throws {
        let rule = try RecurrenceRule(parsing: "byday=2tu;freq=monthly")
        let data = try JSONEncoder().encode([rule])
        #expect(String(decoding: data, as: UTF8.self) == #"["FREQ=MONTHLY;BYDAY=2TU"]"#)
        #expect(try JSONDecoder().decode([RecurrenceRule].self, from: data) == [rule])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([RecurrenceRule].self, from: Data(#"["FREQ=HOURLY"]"#.utf8))
        }
        let schedule = try RecurrenceSchedule(
            rule: rule, start: LocalDate(year: 2026, month: 1, day: 13), time: TimeOfDay(hour: 10),
            timeZone: TimeZone(identifier: "Europe/Berlin")!, exceptionDates: [LocalDate(year: 2026, month: 2, day: 10)]
        )
        #expect(try JSONDecoder().decode(RecurrenceSchedule.self, from: JSONEncoder().encode(schedule)) == schedule)
    }

    /// Random text from RRULE's alphabet and mutations of valid rules: a typed error or a rule whose
    /// canonical text reads back to itself; never a trap. Accepted rules expand without trapping.
    @Test(arguments: [UInt64(11), 12, 13])
    func fuzz(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let tokens = [
            "FREQ", "=", ";", ",", "DAILY", "WEEKLY", "MONTHLY", "YEARLY", "HOURLY", "INTERVAL", "BYDAY", "BYMONTHDAY",
            "BYMONTH", "BYSETPOS", "COUNT", "UNTIL", "WKST", "MO", "TU", "FR", "SU", "-", "+", "0", "1", "2", "5", "31",
            "53", "366", "9999999999", "19971224", "T000000Z", "T", "Z", "RRULE:", " ", "é", "\u{0}",
        ]
        let seeds = ExpansionSeeds.valid
        var accepted = 0
        for i in 0..<3_000 {
            var text: String
            if i % 2 == 0 {
                text = (0..<Int.random(in: 0...14, using: &rng)).map { _ in RandomRules.pick(tokens, &rng) }.joined()
            } else {
                var chars = Array(RandomRules.pick(seeds, &rng))
                for _ in 0..<Int.random(in: 1...3, using: &rng) {
                    let at = Int.random(in: 0...chars.count, using: &rng)
                    switch Int.random(in: 0..<4, using: &rng) {
                    case 0 where at < chars.count: chars.remove(at: at)
                    case 1: chars.insert(RandomRules.pick(Array("=;,-+0123456789MOTUWEFRSAXZ"), &rng), at: at)
                    case 2: chars += Array(";" + RandomRules.pick(seeds, &rng).split(separator: ";").last!)
                    default: if at < chars.count { chars[at] = RandomRules.pick(Array("19;=,-AZ"), &rng) }
                    }
                }
                text = String(chars)
            }
            guard let rule = try? RecurrenceRule(parsing: text) else { continue }
            accepted += 1
            let again = try RecurrenceRule(parsing: rule.description)
            #expect(again == rule && again.description == rule.description, "\(text)")
            let schedule = try RecurrenceSchedule(
                rule: rule, start: LocalDate(year: 2026, month: 3, day: 1), time: TimeOfDay(hour: 2, minute: 30),
                timeZone: TimeZone(identifier: "America/New_York")!)
            _ = schedule.occurrences(onOrAfter: .first, count: 20)
        }
        #expect(accepted > 50)
    }
}

/// Valid rules the fuzzer mutates.
enum ExpansionSeeds {
    static let valid = [
        "FREQ=MONTHLY;BYDAY=2TU", "FREQ=WEEKLY;BYDAY=MO,WE,FR;INTERVAL=2;WKST=SU", "FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR",
        "FREQ=YEARLY;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8", "FREQ=DAILY;INTERVAL=10;COUNT=5",
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2", "FREQ=DAILY;UNTIL=19971224T000000Z",
        "FREQ=YEARLY;BYDAY=20MO", "FREQ=MONTHLY;BYMONTHDAY=1,-1;UNTIL=20301231",
    ]
}
