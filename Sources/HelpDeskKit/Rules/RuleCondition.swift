import Foundation
import WorkingTime

/// A ticket field a rule can ask "did it change in this command?".
public enum RuleField: String, CaseIterable, Hashable, Sendable, Codable {
    case status, priority, category, group, assignee, company, location, contract, requester, title, description
}

/// When a rule's time window is open.
public enum RuleTimeWindow: Hashable, Sendable, Codable {
    /// Every listed weekday from `from` until `to` (exclusive) on the wall clock of the zone; a window
    /// whose end is not after its start runs across midnight (`22:00`–`06:00`), counted to the
    /// weekday it starts on.
    case daily(from: TimeOfDay, to: TimeOfDay, weekdays: Set<Weekday>, timeZoneIdentifier: String)
    /// Whenever the calendar has working time ("within office hours, Moscow production calendar").
    case workingHours(BusinessCalendar)
}

/// Something a rule asks of the ticket (as the command leaves it, or as it was with ``was(_:)``).
public indirect enum RuleCondition: Hashable, Sendable, Codable {
    /// The status is one of these.
    case status(Set<StatusCode>)
    /// The priority is one of these.
    case priority(Set<Priority>)
    /// The category is one of these (`nil`: none).
    case category(Set<CategoryID?>)
    /// It came in through one of these channels.
    case channel(Set<Channel>)
    /// The client company is one of these (`nil`: none).
    case company(Set<CompanyID?>)
    /// The client location is one of these (`nil`: none).
    case location(Set<LocationID?>)
    /// The contract is one of these (`nil`: none).
    case contract(Set<ContractID?>)
    /// The group is one of these (`nil`: none).
    case group(Set<GroupID?>)
    /// The assignee is one of these (`nil`: unassigned).
    case assignee(Set<EmployeeID?>)
    /// The title or description contains the text, ignoring case and reading ё as е (exactly:
    /// ``TextMatching``'s folded bytes with ё read as е; see Automation.md, "Text conditions").
    case textContains(String)
    /// An SLA clock of the ticket is breached.
    case slaBreached
    /// The field changed in this command (always `false` for a new ticket).
    case changed(RuleField)
    /// The condition held for the ticket as it was before this command ("changed from");
    /// `false` for a new ticket.
    case was(RuleCondition)
    /// The command happens inside the window.
    case within(RuleTimeWindow)
    /// The condition does not hold.
    case not(RuleCondition)
    /// At least `minutes` have passed since the moment, counted by `basis` up to the rule's instant
    /// (the command's, or the tick's `now`); `false` while the moment has not come (a ticket never
    /// resolved) or lies after the instant.
    case elapsed(since: RuleMoment, minutes: Int, basis: RuleTimeBasis)
    /// No employee has answered the client publicly yet (``Ticket/firstResponseAt`` is `nil`) and at
    /// least `minutes` have passed since registration, counted by `basis`.
    case unanswered(minutes: Int, basis: RuleTimeBasis)
    /// A warning was announced on a running SLA clock (`nil`: either clock), at `threshold` percent
    /// or more (`nil`: any threshold); a breached running clock counts, having passed them all.
    case slaWarned(SLAClockKind?, threshold: Int?)
    /// An SLA clock (`nil`: either) was breached at least `minutes` before the rule's instant,
    /// counted by `basis` from its due instant to the instant, or to when the clock stopped.
    case slaBreachedFor(SLAClockKind?, minutes: Int, basis: RuleTimeBasis)
}

/// What rules look at: the ticket now, as it was before the command, and when.
struct RuleSubject {
    /// The ticket as the command (and the rules so far) leave it.
    var ticket: Ticket
    /// The ticket before the command; `nil` for a new ticket.
    var original: Ticket?
    /// The command's instant (the tick's `now` for time rules).
    var at: Date
    /// The ticket's SLA calendar at ``at``, for conditions counted in working minutes; `nil` when
    /// the ticket has none (such conditions then do not hold).
    var working: RuleWorkingClock? = nil

    /// `true` when `condition` holds.
    func holds(_ condition: RuleCondition) -> Bool {
        switch condition {
        case .status(let statuses): statuses.contains(ticket.status)
        case .priority(let priorities): priorities.contains(ticket.priority)
        case .category(let categories): categories.contains(ticket.categoryID)
        case .channel(let channels): channels.contains(ticket.channel)
        case .company(let companies): companies.contains(ticket.companyID)
        case .location(let locations): locations.contains(ticket.locationID)
        case .contract(let contracts): contracts.contains(ticket.contractID)
        case .group(let groups): groups.contains(ticket.groupID)
        case .assignee(let assignees): assignees.contains(ticket.assigneeID)
        case .textContains(let text): RuleText.contains(ticket, folded: RuleText.folded(text))
        case .slaBreached:
            ticket.sla.map { sla in SLAClockKind.allCases.contains { sla[$0]?.breachedAt != nil } } ?? false
        case .changed(let field): original.map { Self.value(of: field, in: $0) != Self.value(of: field, in: ticket) } ?? false
        case .was(let inner):
            original.map { RuleSubject(ticket: $0, original: nil, at: at, working: working).holds(inner) } ?? false
        case .within(let window): Self.isOpen(window, at: at)
        case .not(let inner): !holds(inner)
        case .elapsed, .unanswered, .slaWarned, .slaBreachedFor: holdsOnTime(condition)
        }
    }

    /// The field's value as comparable text.
    static func value(of field: RuleField, in ticket: Ticket) -> String {
        switch field {
        case .status: ticket.status.rawValue
        case .priority: "\(ticket.priority.rawValue)"
        case .category: ticket.categoryID.map(\.description) ?? ""
        case .group: ticket.groupID.map(\.description) ?? ""
        case .assignee: ticket.assigneeID.map(\.description) ?? ""
        case .company: ticket.companyID.map(\.description) ?? ""
        case .location: ticket.locationID.map(\.description) ?? ""
        case .contract: ticket.contractID.map(\.description) ?? ""
        case .requester: "\(ticket.requester)"
        case .title: ticket.title
        case .description: ticket.description
        }
    }

    /// `true` when `window` is open at `instant`.
    static func isOpen(_ window: RuleTimeWindow, at instant: Date) -> Bool {
        switch window {
        case .workingHours(let calendar):
            return calendar.isWorking(at: instant)
        case .daily(let from, let to, let weekdays, let zoneIdentifier):
            guard let zone = TimeZone(identifier: zoneIdentifier) else { return false }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let parts = calendar.dateComponents([.weekday, .hour, .minute, .second], from: instant)
            // Foundation numbers Sunday 1 … Saturday 7; `Weekday` numbers Monday 1 … Sunday 7.
            guard let number = parts.weekday, let today = Weekday(rawValue: (number + 5) % 7 + 1) else { return false }
            let seconds = (parts.hour ?? 0) * 3_600 + (parts.minute ?? 0) * 60 + (parts.second ?? 0)
            let start = from.secondsSinceMidnight
            let end = to.secondsSinceMidnight
            if start < end { return weekdays.contains(today) && start <= seconds && seconds < end }
            // Across midnight: the evening part belongs to today, the morning part to yesterday.
            if seconds >= start { return weekdays.contains(today) }
            let yesterday = Weekday(rawValue: (today.rawValue + 5) % 7 + 1) ?? today
            return seconds < end && weekdays.contains(yesterday)
        }
    }
}
