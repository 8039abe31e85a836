import Foundation
import HelpDeskKit
import WorkingTime

/// A seeded random desk for report tests: tickets with SLA clocks, status histories and comments.
struct ReportDataSet {
    /// Monday 2026-01-05 00:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_767_571_200)
    let store = InMemoryStore()
    var tickets: [Ticket] = []
    var trails: [TicketID: [AuditEntry]] = [:]
    var comments: [TicketID: [Comment]] = [:]
    let companies: [CompanyID]
    let contracts: [ContractID]
    let employees: [EmployeeID]
    let groups: [GroupID]
    let contacts: [ContactID]

    static let calendar = try! BusinessCalendar(
        timeZoneIdentifier: "Europe/Berlin",
        schedule: WeeklySchedule(weekdays: Weekday.workweek, intervals: [try! LocalInterval(parsing: "09:00-17:00")]))
    static let configuration: HelpDeskConfiguration = {
        var configuration = HelpDeskConfiguration()
        configuration.sla = try! SLAConfiguration(policies: [
            SLAPolicy(id: "std", name: "Std", calendar: calendar, targets: [.normal: SLATargets(reaction: .hours(1))])
        ])
        return configuration
    }()

    init(seed: UInt64, count: Int = 400) async throws {
        var random = SplitMix64(seed: seed)
        var ids = SeededIdentifierSource(seed: seed &+ 1)
        companies = (0..<3).map { _ in ids.next() }
        contracts = (0..<3).map { _ in ids.next() }
        employees = (0..<4).map { _ in ids.next() }
        groups = (0..<2).map { _ in ids.next() }
        contacts = (0..<5).map { _ in ids.next() }
        func pick<T>(_ values: [T]) -> T? { random.next() % 4 == 0 ? nil : values[Int(random.next() % UInt64(values.count))] }
        func seconds(_ upTo: UInt64) -> TimeInterval { TimeInterval(random.next() % upTo) }
        let statuses = Workflow.standard.statuses.map(\.code)
        var work = UnitOfWork()
        for number in 1...count {
            let created = Self.start.addingTimeInterval(seconds(40 * 86_400) - 5 * 86_400)
            // A random walk through statuses: the audit trail is the history.
            var status = StatusCode.new
            var at = created
            let ticketID: TicketID = ids.next()
            var trail = [
                AuditEntry(id: ids.next(), ticketID: ticketID, field: .created, oldValue: nil, newValue: "\(number)", performer: .system, at: created)
            ]
            var resolvedAt: Date?
            for _ in 0..<Int(random.next() % 5) where status != .closed {
                let next = statuses[Int(random.next() % UInt64(statuses.count))]
                guard next != status else { continue }
                at = at.addingTimeInterval(seconds(4 * 86_400))
                trail.append(AuditEntry(id: ids.next(), ticketID: ticketID, field: .status, oldValue: status.rawValue, newValue: next.rawValue, performer: .system, at: at))
                let category = Workflow.standard.category(of: next)!
                if category == .resolved || (category == .closed && resolvedAt == nil) { resolvedAt = at }
                if category == .new || category == .open || category == .waiting { resolvedAt = nil }
                status = next
            }
            var sla: TicketSLA?
            if random.next() % 3 != 0 {
                func clock() -> SLAClock? {
                    guard random.next() % 4 != 0 else { return nil }
                    var clock = SLAClock(target: .hours(1), dueAt: created.addingTimeInterval(seconds(86_400)))
                    if random.next() % 2 == 0 { clock.stoppedAt = created.addingTimeInterval(seconds(86_400)) }
                    if random.next() % 3 == 0 { clock.breachedAt = clock.dueAt }
                    return clock
                }
                let pauses = random.next() % 2 == 0 ? [] : [DateInterval(start: created.addingTimeInterval(3_600), duration: seconds(200_000))]
                sla = TicketSLA(policyID: random.next() % 5 == 0 ? "unknown" : "std", startedAt: created, pauses: pauses, reaction: clock(), resolution: clock())
            }
            let requester: Requester = random.next() % 3 == 0 ? .freeText("Caller \(random.next() % 3)") : .contact(contacts[Int(random.next() % 5)])
            let ticket = Ticket(
                id: ticketID, number: TicketNumber(number), title: "T\(number)",
                channel: Channel.allCases[Int(random.next() % UInt64(Channel.allCases.count))],
                priority: Priority.allCases[Int(random.next() % 4)], status: status, requester: requester,
                companyID: pick(companies), locationID: nil, contractID: pick(contracts), assigneeID: pick(employees),
                groupID: pick(groups), firstResponseAt: random.next() % 3 == 0 ? nil : created.addingTimeInterval(seconds(300_000)),
                resolvedAt: resolvedAt, sla: sla, createdAt: created)
            var ticketComments: [Comment] = []
            for index in 0..<Int(random.next() % 4) {
                let author: Performer = random.next() % 3 == 0 ? .client(name: "Client") : .employee(employees[Int(random.next() % 4)])
                let visibility: CommentVisibility = random.next() % 4 == 0 ? .internal : .public
                ticketComments.append(Comment(
                    id: ids.next(), ticketID: ticketID, author: author, body: "c\(index)", visibility: visibility,
                    attachments: [], createdAt: created.addingTimeInterval(Double(index))))
            }
            work.save(ticket, expectedRevision: nil)
            work.auditEntries += trail
            work.comments += ticketComments
            tickets.append(ticket)
            trails[ticketID] = trail
            comments[ticketID] = ticketComments
        }
        try await store.commit(work)
    }

    /// Random filters drawn from the data set's pools.
    func randomFilter(_ random: inout SplitMix64) -> ReportFilter {
        var filter = ReportFilter()
        func chance() -> Bool { random.next() % 3 == 0 }
        if chance() { filter.companyIDs = [companies[Int(random.next() % 3)], nil] }
        if chance() { filter.contractIDs = [contracts[Int(random.next() % 3)]] }
        if chance() { filter.employeeIDs = [employees[Int(random.next() % 4)], employees[Int(random.next() % 4)]] }
        if chance() { filter.priorities = [Priority.allCases[Int(random.next() % 4)], .high] }
        if chance() { filter.channels = [Channel.allCases[Int(random.next() % 6)], .email, .phone] }
        if chance() { filter.groupIDs = [groups[0], nil] }
        return filter
    }

    /// The reference filter semantics, written out again.
    static func passes(_ ticket: Ticket, _ filter: ReportFilter) -> Bool {
        (filter.companyIDs == nil || filter.companyIDs!.contains(ticket.companyID))
            && (filter.contractIDs == nil || filter.contractIDs!.contains(ticket.contractID))
            && (filter.employeeIDs == nil || filter.employeeIDs!.contains(ticket.assigneeID))
            && (filter.priorities == nil || filter.priorities!.contains(ticket.priority))
            && (filter.channels == nil || filter.channels!.contains(ticket.channel))
            && (filter.groupIDs == nil || filter.groupIDs!.contains(ticket.groupID))
            && (filter.locationIDs == nil || filter.locationIDs!.contains(ticket.locationID))
            && (filter.categoryIDs == nil || filter.categoryIDs!.contains(ticket.categoryID))
    }

    /// The key value a ticket has along a dimension, as reports print it (buckets excluded).
    static func value(_ ticket: Ticket, _ dimension: ReportDimension) -> String? {
        switch dimension {
        case .company: ticket.companyID?.description
        case .contract: ticket.contractID?.description
        case .employee: ticket.assigneeID?.description
        case .priority: ticket.priority.description
        case .channel: ticket.channel.rawValue
        case .group: ticket.groupID?.description
        case .category: ticket.categoryID?.description
        case .location: ticket.locationID?.description
        case .contact: if case .contact(let id) = ticket.requester { id.description } else { ticket.requester.description }
        default: nil
        }
    }

    /// Monday-based UTC week start of `date`, printed like report keys.
    static func weekKey(_ date: Date) -> String {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        let monday = days - ((days + 3) % 7)  // 1970-01-01 was a Thursday
        return ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(monday) * 86_400))
    }
}

extension Range<Date> {
    /// The period widened to whole days in `zone`: from the midnight starting its first day to the
    /// midnight starting the day of its end (labor reports take only such periods).
    func wholeDays(in zone: TimeZone = TimeZone(identifier: "UTC")!) -> Range<Date> {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let end = calendar.startOfDay(for: upperBound)
        let start = calendar.startOfDay(for: lowerBound)
        return start..<(end > start ? end : calendar.date(byAdding: .day, value: 1, to: start)!)
    }
}
