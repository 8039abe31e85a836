import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import WorkingTime

/// One seeded draw of hostile arguments for a ``HostileCommand`` on an ``AccessFixture``: extreme
/// numbers and instants, blank, huge and control-character text, unknown identifiers mixed with
/// the fixture's real ones, empty and huge arrays, foreign currencies and malformed keys.
///
/// `Range` and `ClosedRange` cannot be built inverted (the standard library's precondition would
/// trap in the test itself), so inverted intervals are drawn where a request spells them as two
/// fields (`startsAt`/`endsAt`, `validFrom`/`validUntil`); ranges are drawn empty, tiny, huge and
/// outside ``InstantRange``.
///
/// Each draw has a hostility: every argument is hostile with probability 1/8, 3/8, 4/8 or 6/8,
/// and otherwise ordinary (a real record, a small number, an instant near the clock), so that
/// some draws get past the first check and reach the deeper ones with one or two hostile values.
struct HostileDraw {
    var random: SplitMix64
    let f: AccessFixture
    /// Eighths of the arguments that are hostile.
    let hostility: UInt64

    init(seed: UInt64, fixture: AccessFixture) {
        random = SplitMix64(seed: seed)
        f = fixture
        hostility = [1, 3, 4, 6][Int(random.next() % 4)]
    }

    /// `true` when the next argument is to be hostile.
    mutating func hostile() -> Bool { random.next() % 8 < hostility }

    // MARK: Basics

    /// `true` one time in `n`.
    mutating func oneIn(_ n: UInt64) -> Bool { random.next() % n == 0 }
    mutating func bool() -> Bool { random.next() & 1 == 0 }
    mutating func pick<Element>(_ elements: [Element]) -> Element { elements.randomElement(using: &random)! }

    // MARK: Numbers

    static let int64s: [Int64] = [
        .min, .min + 1, -1_000_000_000_000, -60, -1, 0, 1, 2, 59, 60, 61, 1_440, 100_000_00, 1 << 53, .max / 2 + 1,
        .max - 1, .max,
    ]
    static let ints: [Int] = [
        .min, .min + 1, -1, 0, 1, 2, 7, 30, 50, 100, 999, 1_000, 1_001, 1 << 40, .max / 2, .max - 1, .max,
    ]

    mutating func int64() -> Int64 {
        guard hostile() else { return Int64(random.next() % 120) + 1 }
        return oneIn(4) ? Int64(bitPattern: random.next()) : pick(Self.int64s)
    }

    mutating func int() -> Int {
        guard hostile() else { return Int(random.next() % 120) + 1 }
        return oneIn(4) ? Int(truncatingIfNeeded: random.next()) : pick(Self.ints)
    }

    mutating func optionalInt() -> Int? { oneIn(3) ? nil : int() }

    // MARK: Instants

    /// Instants at, just inside and just outside ``InstantRange``, and far beyond it.
    static let edgeInstants: [Date] =
        SafetyFixture.hostileInstants + [
            SupportedInstants.lowerBound, SupportedInstants.lowerBound.addingTimeInterval(-0.001),
            SupportedInstants.lowerBound.addingTimeInterval(-1), SupportedInstants.upperBound,
            SupportedInstants.upperBound.addingTimeInterval(-0.001),
            SupportedInstants.upperBound.addingTimeInterval(0.001),
            SupportedInstants.upperBound.addingTimeInterval(-1), Date(timeIntervalSince1970: 0),
            Date(timeIntervalSince1970: 1e300), Date(timeIntervalSince1970: -1e300), .distantPast, .distantFuture,
        ]

    /// An edge instant, a huge offset from the desk's clock, or an ordinary instant near it.
    mutating func instant() -> Date {
        guard hostile() else {
            return TestDesk.start.addingTimeInterval(Double(Int64(random.next() % 60) - 20) * 86_400)
        }
        return switch random.next() % 5 {
        case 0, 1: pick(Self.edgeInstants)
        case 2:
            TestDesk.start.addingTimeInterval(pick([1e9, -1e9, 1e10, -1e10, 1e12, -1e12, 1e18, -1e18, 1e300, -1e300]))
        default:
            TestDesk.start.addingTimeInterval(
                Double(Int64(random.next() % 200) - 100) * 86_400 + Double(random.next() % 86_400))
        }
    }

    mutating func optionalInstant() -> Date? { oneIn(3) ? nil : instant() }

    /// The end of an interval starting at `start`: a year later, or (hostile) any instant, so
    /// before the start as often as not.
    mutating func end(after start: Date) -> Date {
        hostile() ? instant() : start.addingTimeInterval(Double(random.next() % 400 + 1) * 86_400)
    }

    /// A half-open period between two drawn instants: empty now and then, often outside the range.
    mutating func period() -> Range<Date> {
        let a = instant()
        let b = oneIn(5) ? a : instant()
        return min(a, b)..<max(a, b)
    }

    /// A period as ``ReportEngine`` may scan it quickly: inside the range, long periods are cut to
    /// 400 days (centuries are accepted, but a daily backlog over them takes a while).
    mutating func reportPeriod() -> Range<Date> {
        let period = period()
        guard InstantRange.contains(period.lowerBound), InstantRange.containsEnd(period.upperBound),
            period.upperBound.timeIntervalSince(period.lowerBound) > 400 * 86_400
        else { return period }
        return period.lowerBound..<period.lowerBound.addingTimeInterval(400 * 86_400)
    }

    static let edgeDates: [LocalDate] = [
        try! LocalDate(year: 1, month: 1, day: 1), try! LocalDate(year: 1899, month: 12, day: 31),
        try! LocalDate(year: 1900, month: 1, day: 1), AccessFixture.monday,
        try! LocalDate(year: 2026, month: 3, day: 3),
        try! LocalDate(year: 2099, month: 12, day: 31), try! LocalDate(year: 2399, month: 12, day: 31),
        try! LocalDate(year: 2400, month: 1, day: 1), try! LocalDate(year: 9999, month: 12, day: 31),
        try! LocalDate(year: 2024, month: 2, day: 29),
    ]

    mutating func date() -> LocalDate {
        guard hostile() else { return try! LocalDate(year: 2026, month: 2, day: Int(random.next() % 28) + 1) }
        return oneIn(4) ? try! LocalDate(year: Int(random.next() % 9_999) + 1, month: 1, day: 28) : pick(Self.edgeDates)
    }

    mutating func dates() -> ClosedRange<LocalDate> {
        let a = date()
        let b = date()
        return min(a, b)...max(a, b)
    }

    // MARK: Text

    /// Blank, control-character, bidi-override, emoji, combining and huge text.
    static let hostileTexts: [String] = [
        "", " ", "   \t\n ", "\u{0}", "a\u{0}b", "\u{202E}gnp.exe\u{202C}", "\u{1B}[31mred\u{1B}[0m", "\r\n",
        "\u{7}\u{8}\u{7F}",
        "\u{FEFF}", "\u{200B}\u{200D}", "👩‍👩‍👧‍👦", "🏳️‍🌈🇷🇺", "e\u{301}\u{301}\u{301}\u{301}",
        "Z\u{334}\u{327}a\u{335}l\u{334}g\u{338}o",
        "\u{10FFFF}", "' OR 1=1 --", "%@%n%s", "\\", "\"", "name\nwith\nnewlines",
        huge, hugeEmoji, hugeNul, hugeCombining, String(repeating: "k", count: 201),
    ]
    static let huge = String(repeating: "x", count: 100_001)
    static let hugeEmoji = String(repeating: "🙂", count: 50_000)
    static let hugeNul = String(repeating: "\u{0}", count: 2_000)
    static let hugeCombining = "a" + String(repeating: "\u{301}", count: 20_000)

    /// A hostile text, one of `real` (to hit unique keys), or an ordinary one.
    mutating func text(_ real: [String] = []) -> String {
        guard hostile() else { return "Text \(random.next() % 100_000)" }
        return !real.isEmpty && oneIn(3) ? pick(real) : pick(Self.hostileTexts)
    }

    /// An e-mail address: a fresh valid one, a taken one, or hostile text.
    mutating func email(_ real: [String]) -> String {
        hostile() ? text(real) : "user\(random.next() % 100_000)@example.com"
    }

    mutating func optionalText(_ real: [String] = []) -> String? { oneIn(4) ? nil : text(real) }

    mutating func dictionary() -> [String: String] {
        guard hostile() else { return [:] }
        return switch random.next() % 4 {
        case 0: [:]
        case 1: [text(): text()]
        case 2:
            Dictionary(
                uniqueKeysWithValues: (0..<2_000).map { ("key \($0)", Self.hostileTexts[$0 % Self.hostileTexts.count]) }
            )
        default: [Self.huge: Self.huge, "": "", "\u{0}": "\u{202E}"]
        }
    }

    // MARK: Identifiers and performers

    mutating func uuid() -> UUID {
        if oneIn(8) {
            return pick([
                UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), AccessFixture.laborItemID.rawValue,
            ])
        }
        let (a, b) = (random.next(), random.next())
        return withUnsafeBytes(of: (a, b)) { bytes in
            UUID(
                uuid: (
                    bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                    bytes[10],
                    bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
                ))
        }
    }

    /// One of `real` or an identifier nobody registered (half and half).
    mutating func id<Tag>(_ real: [Identifier<Tag>]) -> Identifier<Tag> {
        !real.isEmpty && !(hostile() && bool()) ? pick(real) : Identifier(uuid())
    }

    mutating func optionalID<Tag>(_ real: [Identifier<Tag>]) -> Identifier<Tag>? { oneIn(3) ? nil : id(real) }

    /// Empty, one, a few (duplicates included) or ten thousand identifiers.
    mutating func ids<Tag>(_ real: [Identifier<Tag>]) -> [Identifier<Tag>] {
        guard hostile() else { return bool() || real.isEmpty ? [] : [pick(real)] }
        return switch random.next() % 5 {
        case 0: []
        case 1: [id(real)]
        case 2: (0..<3).map { _ in id(real) } + real.prefix(1)
        case 3: real + real
        default: (0..<10_000).map { _ in Identifier(uuid()) }
        }
    }

    mutating func idSet<Tag>(_ real: [Identifier<Tag>], nilAllowed: Bool) -> Set<Identifier<Tag>?>? {
        switch random.next() % 4 {
        case 0: nil
        case 1: []
        default: Set(ids(real).map { Optional($0) } + (nilAllowed && bool() ? [nil] : []))
        }
    }

    var tickets: [TicketID] { f.allTickets.map(\.id) }
    var employees: [EmployeeID] { [f.test.anna.id, f.test.boris.id, f.test.former.id] }
    var groups: [GroupID] { [f.test.serviceDesk.id, f.test.fieldEngineers.id] }
    var categories: [CategoryID] { [f.test.printers.id, f.test.onSite.id] }
    var companies: [CompanyID] { [f.alpha.id, f.beta.id, f.gamma.id] }
    var locations: [LocationID] { [f.alphaOffice.id, f.alphaWarehouse.id, f.betaOffice.id] }
    var contacts: [ContactID] { [f.alice.id, f.carl.id, f.lena.id, f.petr.id, f.alexei.id, f.bob.id, f.berta.id] }
    var contracts: [ContractID] { [f.alphaContract.id, f.betaContract.id] }
    var assets: [AssetID] { [f.alphaPrinter.id, f.betaPrinter.id] }
    var items: [PriceListItemID] { [f.cartridge.id, AccessFixture.laborItemID] }

    /// Mostly a real staff member (as the brief asks), sometimes `.system`, an unknown or inactive
    /// employee, a contact or a free-text client with a hostile name.
    mutating func performer() -> Performer {
        guard hostile() else { return f.anna }
        return switch random.next() % 20 {
        case 0..<11: f.anna
        case 11, 12: f.boris
        case 13, 14: .system
        case 15: .employee(Identifier(uuid()))
        case 16: f.former
        case 17: pick([f.asAlice, f.asBob, .contact(f.alexei.id)])
        case 18: .contact(Identifier(uuid()))
        default: .client(name: text([AccessFixture.ivan]))
        }
    }

    /// The employee behind a labor command: mostly Anna or Boris, sometimes unknown or inactive.
    mutating func employee() -> EmployeeID {
        guard hostile() else { return f.test.anna.id }
        return switch random.next() % 10 {
        case 0..<6: f.test.anna.id
        case 6, 7: f.test.boris.id
        case 8: f.test.former.id
        default: Identifier(uuid())
        }
    }

    /// No key, a small reused pool (a reuse with other input must be refused), or a malformed key.
    mutating func key() -> IdempotencyKey? {
        guard hostile() else { return nil }
        return switch random.next() % 6 {
        case 0, 1: nil
        case 2, 3: IdempotencyKey(pick(["k-1", "k-2", "k-\(random.next())"]))
        case 4: IdempotencyKey(String(repeating: "k", count: IdempotencyKey.maximumLength))
        default:
            IdempotencyKey(
                pick([
                    "", " ", "\u{0}", "key\n", "\u{202E}key", String(repeating: "k", count: 201), Self.huge, "🙂",
                    Self.hugeEmoji,
                ]))
        }
    }

    // MARK: Money and enums

    static let currencies: [CurrencyCode] = [
        .rub, .rub, .usd, .eur, CurrencyCode("JPY")!, CurrencyCode("KWD")!, CurrencyCode("ZZZ")!,
    ]

    mutating func currency() -> CurrencyCode { hostile() ? pick(Self.currencies) : .rub }
    mutating func money() -> Money { Money(minorUnits: int64(), currency: currency()) }
    mutating func optionalMoney() -> Money? { oneIn(4) ? nil : money() }

    mutating func unit() -> BillingUnit {
        hostile() && oneIn(3) ? .prepaid(text(["points"])) : .money(currency())
    }

    mutating func price() -> Price { Price(minorUnits: int64(), unit: unit()) }

    mutating func status() -> StatusCode {
        hostile() && oneIn(3)
            ? StatusCode(text(["new"])) : pick([.new, .inProgress, .waitingForClient, .postponed, .resolved, .closed])
    }

    mutating func requester() -> Requester {
        bool() ? .contact(id(contacts)) : .freeText(text([AccessFixture.ivan, AccessFixture.olga]))
    }

    mutating func attachment() -> Attachment {
        guard hostile() else { return AccessFixture.file }
        return Attachment(
            fileName: text(["photo.jpg"]), mediaType: text(["image/jpeg"]), byteCount: int64(),
            checksum: text(["sha256:ab12"]))
    }

    mutating func attachments() -> [Attachment] {
        guard hostile() else { return bool() ? [] : [AccessFixture.file] }
        return switch random.next() % 4 {
        case 0: []
        case 1: [attachment()]
        case 2: (0..<3).map { _ in attachment() }
        default: Array(repeating: AccessFixture.file, count: 5_000)
        }
    }

    mutating func customFields() -> [String: CustomFieldValue] {
        guard hostile() else { return [:] }
        return switch random.next() % 3 {
        case 0: [:]
        case 1:
            [text(): pick([.text(text()), .integer(int64()), .flag(bool()), .instant(instant())])]
        default:
            Dictionary(uniqueKeysWithValues: (0..<1_000).map { ("field \($0)", CustomFieldValue.integer(Int64($0))) })
        }
    }

    mutating func slaPolicy() -> SLAPolicyID? { hostile() && bool() ? SLAPolicyID(rawValue: text(["standard"])) : nil }

    /// A time zone identifier: UTC, a real zone, or hostile text.
    mutating func timeZone() -> String {
        hostile() ? text(["Mars/Olympus_Mons", "UTC+25"]) : pick(["UTC", "Europe/Moscow", "Asia/Kathmandu"])
    }
}
