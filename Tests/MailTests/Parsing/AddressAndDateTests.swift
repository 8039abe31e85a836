import Foundation
import SeededRandom
import Testing

@testable import Mail

@Suite("Mail parsing: addresses, dates, identifiers")
struct AddressAndDateTests {
    func addresses(_ value: String) -> ([MailAddress], Bool) {
        var problems: [MailProblem] = []
        let list = AddressParser(decoder: HeaderTextDecoder()).addresses(
            Array(value.utf8), field: "To", problems: &problems)
        return (list, problems.contains { $0.kind == .invalidAddress })
    }

    @Test func displayNamesQuotedEncodedPlain() {
        #expect(
            addresses("\"Петров, Иван\" <ivan@example.ru>") == (
                [MailAddress(name: "Петров, Иван", address: "ivan@example.ru")], false
            ))
        #expect(
            addresses("=?utf-8?B?0JjQstCw0L0=?= =?utf-8?B?0J/QtdGC0YDQvtCy?= <ivan@example.ru>").0
                == [MailAddress(name: "ИванПетров", address: "ivan@example.ru")])
        #expect(
            addresses("\"=?utf-8?B?0JjQstCw0L0=?=\" <ivan@example.ru>").0 == [
                MailAddress(name: "Иван", address: "ivan@example.ru")
            ])
        #expect(
            addresses("John Q. Public <john@example.com>").0 == [
                MailAddress(name: "John Q. Public", address: "john@example.com")
            ])
        #expect(
            addresses("john@example.com (John Public)").0 == [
                MailAddress(name: "John Public", address: "john@example.com")
            ])
        #expect(addresses("<john@example.com>").0 == [MailAddress(address: "john@example.com")])
        #expect(
            addresses("\"Jo \\\"the\\\" man\" <jo@x.org>").0 == [
                MailAddress(name: "Jo \"the\" man", address: "jo@x.org")
            ])
    }

    @Test func listsGroupsAndObsoleteForms() {
        let (list, invalid) = addresses(
            "a@x.org, Team: b@y.org, \"C\" <c@z.org>;, d@w.org , , undisclosed-recipients:;")
        #expect(list.map(\.address) == ["a@x.org", "b@y.org", "c@z.org", "d@w.org"])
        #expect(!invalid)
        #expect(addresses("<@relay.example:joe@example.com>").0 == [MailAddress(address: "joe@example.com")])
        #expect(addresses("joe . smith @ example . com").0 == [MailAddress(address: "joe.smith@example.com")])
        #expect(addresses("Name (comment) <a (c) @ b.org>").0 == [MailAddress(name: "Name", address: "a@b.org")])
    }

    @Test func garbageIsToleratedAndReported() {
        #expect(addresses("MAILER-DAEMON") == ([MailAddress(address: "MAILER-DAEMON")], true))
        #expect(
            addresses("Broken <unterminated@x.org").0 == [MailAddress(name: "Broken", address: "unterminated@x.org")])
        #expect(addresses("Only Name <>").1)
        for junk in ["<<<>>>", ":::;;;", "\"", "(", "@", ",,,", "<a@b", String(repeating: "(", count: 10_000)] {
            _ = addresses(junk)
        }
    }

    func date(_ text: String) -> Date? { DateParser.date(Array(text.utf8)) }

    func instant(_ text: String) -> TimeInterval? {
        ISO8601DateFormatter().date(from: text)?.timeIntervalSince1970
    }

    @Test func rfc5322AndObsoleteDates() {
        let expected = instant("2026-12-01T06:15:00Z")
        for text in [
            "Tue, 1 Dec 2026 09:15:00 +0300", "1 Dec 2026 09:15:00 +0300", "Tue,  1  Dec  2026  09:15:00  +0300",
            "Tue, 01 Dec 2026 06:15:00 GMT", "Tue, 1 Dec 2026 06:15:00 UT", "Tue, 1 Dec 26 09:15:00 +0300",
            "Tue, 1 Dec 2026 01:15:00 EST", "Tue, 1 Dec 2026 02:15:00 EDT",
            "Tue, 1 Dec 2026 06:15:00 Z", "Tue, 1 Dec 2026 06:15:00 A",
            "Tue (weekday), 1 Dec (month) 2026 09:15:00 +0300",
            "Tue Dec  1 06:15:00 2026", "1 December 2026 09:15:00 +03:00", "Tue, 1 Dec 2026 09:15:00 +0300 (MSK)",
        ] {
            #expect(date(text)?.timeIntervalSince1970 == expected, "\(text)")
        }
        // PST is the day before in UTC terms: 22:15 PST on the 30th is the same instant.
        #expect(date("Mon, 30 Nov 2026 22:15:00 PST")?.timeIntervalSince1970 == expected)
        #expect(date("Tue, 1 Dec 2026 09:15 +0300")?.timeIntervalSince1970 == expected)
        #expect(date("1 Jan 99 00:00:00 +0000")?.timeIntervalSince1970 == instant("1999-01-01T00:00:00Z"))
        #expect(date("1 Jan 49 00:00:00 +0000")?.timeIntervalSince1970 == instant("2049-01-01T00:00:00Z"))
        #expect(date("1 Jan 103 00:00:00 +0000")?.timeIntervalSince1970 == instant("2003-01-01T00:00:00Z"))
    }

    @Test func unreadableDates() {
        for text in [
            "", "yesterday", "31 Feb 2026 10:00:00 +0000", "1 Dec 2026 25:00:00 +0000", "Dec 2026",
            "1 Foo 2026 10:00", "1 Dec 99999 10:00:00", "2026-12-01T09:15:00Z", String(repeating: "(", count: 10_000),
        ] {
            #expect(date(text) == nil, "\(text)")
        }
        let message = parseMail("From: a@b.c\nDate: someday\n\nbody")
        #expect(message.date == nil && message.problemKinds.contains(.invalidDate))
    }

    /// days-from-civil agrees with Foundation's Gregorian calendar on random dates.
    @Test func daysFromCivilMatchesTheCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        var random = SplitMix64(seed: 0xDA7E)
        for _ in 0..<2_000 {
            let year = 1_600 + Int(random.next() % 8_400)  // Foundation's calendar is Julian before 1582
            let month = 1 + Int(random.next() % 12)
            let day = 1 + Int(random.next() % 28)
            guard let reference = calendar.date(from: DateComponents(year: year, month: month, day: day)) else {
                continue
            }
            let days = DateParser.daysFromCivil(year: Int64(year), month: Int64(month), day: Int64(day))
            #expect(Double(days) * 86_400 == reference.timeIntervalSince1970, "\(year)-\(month)-\(day)")
        }
    }

    @Test func messageIdentifiers() {
        #expect(MessageIDs.list(Array("<a@b>".utf8)) == ["a@b"])
        #expect(MessageIDs.list(Array("<a@b> (comment) junk <c@d>\n <e @ f>".utf8)) == ["a@b", "c@d", "e@f"])
        #expect(MessageIDs.list(Array("a@b c@d".utf8)) == ["a@b", "c@d"])
        #expect(MessageIDs.list(Array("<>".utf8)) == [])
        #expect(MessageIDs.returnPath(Array("<>".utf8)) == "")
        #expect(MessageIDs.returnPath(Array(" <bounce@x.org> ".utf8)) == "bounce@x.org")
        let message = parseMail(
            """
            From: a@b.c
            Message-ID: <one@x>
            In-Reply-To: <two@x>
            References: <zero@x>
             <two@x>
            Return-Path: <>

            body
            """)
        #expect(message.messageID == "one@x")
        #expect(message.inReplyTo == ["two@x"])
        #expect(message.references == ["zero@x", "two@x"])
        #expect(message.returnPath == "")
    }
}
