import Foundation
import Testing
import WorkingTime

@testable import Recurrence

/// The examples of RFC 5545 §3.8.5.3 that fall in the subset, transcribed as our own fixtures: DTSTART
/// at 09:00 in America/New_York; each line is `name|DTSTART|window end (empty: the whole rule)|RRULE|dates`.
/// Dates are abbreviated: `YYYYMMDD` sets the year and month, `MMDD` the month, `DD` the day only.
@Suite struct RFCExampleTests {
    static let table = """
        daily10|19970902||FREQ=DAILY;COUNT=10|19970902,03,04,05,06,07,08,09,10,11
        every10|19970902||FREQ=DAILY;INTERVAL=10;COUNT=5|19970902,12,22,1002,12
        weekly10|19970902||FREQ=WEEKLY;COUNT=10|19970902,09,16,23,30,1007,14,21,28,1104
        tuth5|19970902||FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH|19970902,04,09,11,16,18,23,25,30,1002
        tuthc|19970902||FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH|19970902,04,09,11,16,18,23,25,30,1002
        mowefr|19970901||FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR|19970901,03,05,15,17,19,29,1001,03,13,15,17,27,29,31,1110,12,14,24,26,28,1208,10,12,22
        otherTuTh|19970902||FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH|19970902,04,16,18,30,1002,14,16
        firstFri|19970905||FREQ=MONTHLY;COUNT=10;BYDAY=1FR|19970905,1003,1107,1205,19980102,0206,0306,0403,0501,0605
        firstFriU|19970905||FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR|19970905,1003,1107,1205
        firstLastSun|19970907||FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU|19970907,28,1102,30,19980104,25,0301,29,0503,31
        m2mo|19970922||FREQ=MONTHLY;COUNT=6;BYDAY=-2MO|19970922,1020,1117,1222,19980119,0216
        d2_15|19970902||FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15|19970902,15,1002,15,1102,15,1202,15,19980102,15
        firstLastDay|19970930||FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1|19970930,1001,31,1101,30,1201,31,19980101,31,0201
        every18|19970910||FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15|19970910,11,12,13,14,15,19990310,11,12,13
        junjul|19970610||FREQ=YEARLY;COUNT=10;BYMONTH=6,7|19970610,0710,19980610,0710,19990610,0710,20000610,0710,20010610,0710
        janfebmar|19970310||FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3|19970310,19990110,0210,0310,20010110,0210,0310,20030110,0210,0310
        thirdTWT|19970904||FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3|19970904,1007,1106
        wkstMO|19970805||FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO|19970805,10,19,24
        wkstSU|19970805||FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU|19970805,17,19,31
        invalid|20070115||FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5|20070115,30,0215,0315,0330
        everyOtherDay|19970902|19971203|FREQ=DAILY;INTERVAL=2|19970902,04,06,08,10,12,14,16,18,20,22,24,26,28,30,1002,04,06,08,10,12,14,16,18,20,22,24,26,28,30,1101,03,05,07,09,11,13,15,17,19,21,23,25,27,29,1201,03
        otherWeek|19970902|19980217|FREQ=WEEKLY;INTERVAL=2;WKST=SU|19970902,16,30,1014,28,1111,25,1209,23,19980106,20,0203,17
        thirdLast|19970928|19980226|FREQ=MONTHLY;BYMONTHDAY=-3|19970928,1029,1128,1229,19980129,0226
        tuOtherMonth|19970902|19980331|FREQ=MONTHLY;INTERVAL=2;BYDAY=TU|19970902,09,16,23,30,1104,11,18,25,19980106,13,20,27,0303,10,17,24,31
        mo20|19970519|19991231|FREQ=YEARLY;BYDAY=20MO|19970519,19980518,19990517
        thMar|19970313|19991231|FREQ=YEARLY;BYMONTH=3;BYDAY=TH|19970313,20,27,19980305,12,19,26,19990304,11,18,25
        summerTh|19970605|19991231|FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8|19970605,12,19,26,0703,10,17,24,31,0807,14,21,28,19980604,11,18,25,0702,09,16,23,30,0806,13,20,27,19990603,10,17,24,0701,08,15,22,29,0805,12,19,26
        fri13|19970902|20001231|FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13|19980213,0313,1113,19990813,20001013
        satAfterSun|19970913|19980630|FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13|19970913,1011,1108,1213,19980110,0207,0307,0411,0509,0613
        election|19961105|20041231|FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8|19961105,20001107,20041102
        lastWeekday2|19970929|19980331|FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2|19970929,1030,1127,1230,19980129,0226,0330
        """

    static let newYork = TimeZone(identifier: "America/New_York")!

    /// Expands the abbreviated date list.
    static func dates(_ text: Substring) -> [LocalDate] {
        var year = 0
        var month = 0
        return text.split(separator: ",").map { token in
            let n = Int(token)!
            switch token.count {
            case 8: (year, month) = (n / 10_000, n / 100 % 100)
            case 4: month = n / 100
            default: break
            }
            return try! LocalDate(year: year, month: month, day: n % 100)
        }
    }

    static func date(_ compact: Substring) -> LocalDate { dates(compact)[0] }

    static func schedule(_ rule: String, _ start: LocalDate, exceptions: Set<LocalDate> = []) throws
        -> RecurrenceSchedule
    {
        try RecurrenceSchedule(
            rule: RecurrenceRule(parsing: "RRULE:" + rule), start: start, time: TimeOfDay(hour: 9), timeZone: newYork,
            exceptionDates: exceptions)
    }

    @Test(arguments: table.split(separator: "\n"))
    func example(_ line: Substring) throws {
        let fields = line.trimmingCharacters(in: .whitespaces).split(separator: "|", omittingEmptySubsequences: false)
        let start = Self.date(fields[1])
        // Every Friday the 13th: the RFC's DTSTART (a Tuesday) is removed by EXDATE.
        let exceptions: Set<LocalDate> = fields[0] == "fri13" ? [start] : []
        let schedule = try Self.schedule(String(fields[3]), start, exceptions: exceptions)
        let through = fields[2].isEmpty ? LocalDate.last : Self.date(fields[2])
        let got = schedule.occurrences(from: start, through: through)
        #expect(got.map(\.date) == Self.dates(fields[4]), "\(fields[0])")
        for occurrence in got {
            #expect(occurrence.time == (try TimeOfDay(hour: 9)))
            #expect(occurrence.instant == occurrence.date.instant(at: try TimeOfDay(hour: 9), in: Self.newYork))
        }
    }

    /// Daily and weekly until 1997-12-24T00:00Z (19:00 on the 23rd in New York): the 23rd is the last.
    @Test func untilInstantIsInclusiveAndCrossesTheFallBack() throws {
        let start = try LocalDate(year: 1997, month: 9, day: 2)
        let daily = try Self.schedule("FREQ=DAILY;UNTIL=19971224T000000Z", start).occurrences(
            from: start, through: .last)
        #expect(daily.count == 29 + 31 + 30 + 23)
        #expect(daily.last?.date == (try LocalDate(year: 1997, month: 12, day: 23)))
        // 09:00 EDT is 13:00 UTC; after the fall-back on 1997-10-26 09:00 EST is 14:00 UTC.
        let oct25 = daily.first { $0.date == (try? LocalDate(year: 1997, month: 10, day: 25)) }!
        let oct26 = daily.first { $0.date == (try? LocalDate(year: 1997, month: 10, day: 26)) }!
        #expect(oct25.instant == Date(timeIntervalSince1970: 877_784_400))
        #expect(oct26.instant.timeIntervalSince(oct25.instant) == 25 * 3_600)
        let weekly = try Self.schedule("FREQ=WEEKLY;UNTIL=19971224T000000Z", start).occurrences(
            from: start, through: .last)
        #expect(weekly.map(\.date) == Self.dates("19970902,09,16,23,30,1007,14,21,28,1104,11,18,25,1202,09,16,23"))
    }

    /// Every day in January for three years, written YEARLY with all weekdays and DAILY with BYMONTH.
    @Test(arguments: [
        "FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA",
        "FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1",
    ])
    func everyDayInJanuary(_ rule: String) throws {
        let start = try LocalDate(year: 1998, month: 1, day: 1)
        let got = try Self.schedule(rule, start).occurrences(from: start, through: .last).map(\.date)
        let expected = try [1998, 1999, 2000].flatMap { year in
            try (1...31).map { try LocalDate(year: year, month: 1, day: $0) }
        }
        #expect(got == expected)
    }

    /// The RFC's examples outside the subset are refused, not misread.
    @Test(arguments: [
        "FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200",
        "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO",
        "FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z",
        "FREQ=MINUTELY;INTERVAL=15;COUNT=6",
        "FREQ=MINUTELY;INTERVAL=90;COUNT=4",
        "FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40",
        "FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16",
    ])
    func outsideTheSubset(_ rule: String) {
        #expect(throws: RecurrenceError.self) { try RecurrenceRule(parsing: rule) }
    }
}
