import Foundation
import HelpDeskKit

/// Seeded random tickets and queries for contract tests, property tests and benchmarks.
public struct TicketFixtures: Sendable {
    /// Instant of the first generated ticket: 2026-01-05 00:00 UTC.
    public static let epoch = Date(timeIntervalSince1970: 1_767_571_200)

    /// Employees tickets may be assigned to.
    public let employeeIDs: [EmployeeID]
    /// Groups tickets may belong to.
    public let groupIDs: [GroupID]
    /// Categories tickets may have.
    public let categoryIDs: [CategoryID]
    /// Contacts that may request tickets.
    public let contactIDs: [ContactID]
    /// Statuses tickets may be in.
    public let statuses: [StatusCode]
    /// Client companies tickets may belong to.
    public let companyIDs: [CompanyID]
    /// Locations tickets may be at (any company's: stores do not check links).
    public let locationIDs: [LocationID]

    private static let words = [
        "printer", "network", "VPN", "mail", "server", "backup", "camera", "Router", "laptop", "access",
        "password", "ventilation", "Elevator", "license", "update", "crash", "slow", "outage", "phone", "badge",
        "Принтер", "сеть", "ΣΦΑΛΜΑ", "İstanbul", "café", "Straße",
    ]

    /// The few contacts tickets copy, so that "copying" filters match often.
    private var copiedContacts: ArraySlice<ContactID> { contactIDs.prefix(6) }

    /// Creates fixtures whose reference data (employees, groups, …) is fixed by `seed`.
    public init(seed: UInt64, employees: Int = 40, groups: Int = 6, categories: Int = 12, contacts: Int = 200) {
        var ids = SeededIdentifierSource(seed: seed)
        employeeIDs = (0..<employees).map { _ in ids.next() }
        groupIDs = (0..<groups).map { _ in ids.next() }
        categoryIDs = (0..<categories).map { _ in ids.next() }
        contactIDs = (0..<contacts).map { _ in ids.next() }
        statuses = Workflow.standard.statuses.map(\.code)
        // A separate stream, so the identifiers above stay what they were for a seed.
        var clientIDs = SeededIdentifierSource(seed: seed ^ 0xC11E)
        companyIDs = (0..<8).map { _ in clientIDs.next() }
        locationIDs = (0..<16).map { _ in clientIDs.next() }
    }

    /// `count` tickets numbered from `firstNumber`, ticket *n* created in minute *n* − 1 after ``epoch``,
    /// with random attributes.
    public func tickets(count: Int, firstNumber: Int = 1, seed: UInt64) -> [Ticket] {
        var random = SplitMix64(seed: seed)
        var ids = SeededIdentifierSource(seed: seed ^ 0x5EED)
        // Client links come from their own stream, so the rest of each ticket stays what it was.
        var links = SplitMix64(seed: seed ^ 0xC11E)
        return (0..<count).map { index in
            var ticket = ticket(number: firstNumber + index, random: &random, ids: &ids)
            if links.next() % 5 != 0 { ticket.companyID = companyIDs.randomElement(using: &links) }
            if links.next() % 3 != 0 { ticket.locationID = locationIDs.randomElement(using: &links) }
            if links.next() % 6 == 0 {
                ticket.ccContactIDs = Array(Set((0...links.next() % 2).map { _ in copiedContacts.randomElement(using: &links)! }))
                    .sorted()
            }
            return ticket
        }
    }

    private func ticket(number: Int, random: inout SplitMix64, ids: inout SeededIdentifierSource) -> Ticket {
        let created = Self.epoch.addingTimeInterval(Double(number - 1) * 60 + Double(random.next() % 60))
        let titleWords = (0..<3).map { _ in Self.words.randomElement(using: &random)! }
        let requester: Requester =
            random.next() % 4 == 0
            ? .freeText("Caller \(random.next() % 50)") : .contact(contactIDs.randomElement(using: &random)!)
        let sla = random.next() % 2 == 0 ? nil : Self.sla(startedAt: created, random: &random)
        return Ticket(
            id: ids.next(), number: TicketNumber(number), title: titleWords.joined(separator: " "),
            channel: Channel.allCases.randomElement(using: &random)!,
            categoryID: random.next() % 8 == 0 ? nil : categoryIDs.randomElement(using: &random),
            priority: Priority.allCases.randomElement(using: &random)!,
            status: statuses.randomElement(using: &random)!, requester: requester,
            assigneeID: random.next() % 5 == 0 ? nil : employeeIDs.randomElement(using: &random),
            groupID: random.next() % 6 == 0 ? nil : groupIDs.randomElement(using: &random), sla: sla,
            createdAt: created, updatedAt: created.addingTimeInterval(Double(random.next() % 86_400)))
    }

    /// Random SLA clocks: running or stopped, some warned or breached, some paused.
    private static func sla(startedAt: Date, random: inout SplitMix64) -> TicketSLA {
        func clock() -> SLAClock? {
            guard random.next() % 5 != 0 else { return nil }
            var clock = SLAClock(
                target: .hours(Int64(1 + random.next() % 8)), dueAt: startedAt.addingTimeInterval(Double(random.next() % 200_000)))
            if random.next() % 3 == 0 { clock.stoppedAt = clock.dueAt.addingTimeInterval(Double(random.next() % 7_200) - 3_600) }
            if random.next() % 4 == 0 { clock.breachedAt = clock.dueAt }
            if random.next() % 3 == 0 { clock.warnedThresholds = [75] }
            return clock
        }
        var sla = TicketSLA(policyID: "standard", startedAt: startedAt, pauses: [], reaction: clock(), resolution: clock())
        if random.next() % 6 == 0 { sla.pausedSince = startedAt.addingTimeInterval(600) }
        sla.nextCheckAt = sla.pausedSince == nil ? sla.nextDueAt : nil
        // Some clocks run on a client's local time (derived from the start, so the stream stays as it was).
        if Int(startedAt.timeIntervalSince1970) % 4 == 0 {
            sla.clientTime = SLAClientTime(
                locationID: LocationID(UUID(uuidString: "00000000-0000-4000-8000-00000000CAFE")!),
                timeZoneIdentifier: "Asia/Yekaterinburg", usesLocationCalendar: Int(startedAt.timeIntervalSince1970) % 8 == 0)
        }
        return sla
    }

    /// A random query over these fixtures: a few random filters, one or two sort keys, a random page.
    public func query(using random: inout SplitMix64, ticketCount: Int) -> TicketQuery {
        var query = TicketQuery()
        func chance(_ inEight: UInt64) -> Bool { random.next() % 8 < inEight }
        func some<T: Hashable>(_ values: [T], max: Int = 3) -> Set<T> {
            Set((0...Int(random.next() % UInt64(max))).map { _ in values.randomElement(using: &random)! })
        }
        if chance(2) { query.statusCategories = some(StatusCategory.allCases) }
        if chance(2) { query.statuses = some(statuses) }
        if chance(2) { query.priorities = some(Priority.allCases) }
        if chance(2) { query.channels = some(Channel.allCases) }
        if chance(2) { query.assigneeIDs = some(employeeIDs.map(Optional.some) + [nil], max: 6) }
        if chance(2) { query.groupIDs = some(groupIDs.map(Optional.some) + [nil]) }
        if chance(2) { query.categoryIDs = some(categoryIDs.map(Optional.some) + [nil]) }
        if chance(1) { query.requesters = [.contact(contactIDs.randomElement(using: &random)!), .freeText("Caller 7")] }
        if chance(2) {
            let start = Self.epoch.addingTimeInterval(Double(random.next() % UInt64(max(ticketCount, 1) * 60)))
            query.createdIn = start..<start.addingTimeInterval(Double(random.next() % 500_000))
        }
        if chance(1) { query.slaConditions = some(SLACondition.allCases) }
        if chance(1) {
            query.slaDueBefore = Self.epoch.addingTimeInterval(Double(random.next() % UInt64(max(ticketCount, 1) * 60)))
        }
        if chance(1) {
            query.titleContains = ["print", "VPN", "er", "zzz", " ", "ПРИН", "σφα", "i̇st", "É", "ss"].randomElement(using: &random)
        }
        let fields = TicketSortField.allCases
        query.sort = (0..<(1 + Int(random.next() % 2))).map { _ in
            TicketSort(fields.randomElement(using: &random)!, random.next() % 2 == 0 ? .ascending : .descending)
        }
        query.limit = 1 + Int(random.next() % 60)
        query.offset = random.next() % 4 == 0 ? 0 : Int(random.next() % UInt64(max(ticketCount / 4, 1)))
        // Drawn last, so the filters above stay what they were for a seed.
        if chance(2) {
            query.reach = (0..<Int(random.next() % 3)).map { _ in
                TicketReachClause(
                    groupIDs: chance(4) ? some(groupIDs.map(Optional.some) + [nil]) : nil,
                    categoryIDs: chance(3) ? some(categoryIDs.map(Optional.some) + [nil]) : nil,
                    assigneeIDs: chance(3) ? some(employeeIDs.map(Optional.some) + [nil], max: 4) : nil,
                    companyIDs: chance(3) ? some(companyIDs.map(Optional.some) + [nil]) : nil,
                    locationIDs: chance(2) ? some(locationIDs.map(Optional.some) + [nil]) : nil,
                    requesters: chance(2) ? some(contactIDs.map(Requester.contact) + [.freeText("Caller 7")]) : nil,
                    copying: chance(2) ? some(Array(copiedContacts), max: 1) : nil)
            }
        }
        return query
    }
}
