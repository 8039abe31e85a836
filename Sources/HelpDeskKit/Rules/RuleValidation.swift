import Foundation
import Templating
import WorkingTime

extension HelpDesk {
    /// The most conditions and actions one rule holds, and how deeply `not`/`was` nest.
    static let ruleLimits = (conditions: 50, actions: 20, nesting: 8, text: 500)

    /// Checks a rule before it is saved: a name, a trigger and an action; statuses the workflow
    /// knows; records that exist (employees active); non-blank texts; valid time zones and windows;
    /// calendars with working time. Every problem is a typed error naming the field.
    func validate(_ definition: RuleDefinition) async throws(HelpDeskError) {
        try Validate.notBlank(definition.name, field: "name")
        try Validate.length(definition.name, atMost: 200, field: "name")
        guard !definition.triggers.isEmpty else { throw .invalidInput(field: "triggers", problem: .blank) }
        guard !definition.actions.isEmpty else { throw .invalidInput(field: "actions", problem: .blank) }
        let limits = Self.ruleLimits
        guard definition.conditions.count <= limits.conditions else {
            throw .invalidInput(field: "conditions", problem: .outOfRange(0...limits.conditions))
        }
        guard definition.actions.count <= limits.actions else {
            throw .invalidInput(field: "actions", problem: .outOfRange(1...limits.actions))
        }
        for condition in definition.conditions { try await validate(condition, depth: 0) }
        try validateTiming(definition)
        for action in definition.actions { try await validate(action) }
    }

    private func validate(_ condition: RuleCondition, depth: Int) async throws(HelpDeskError) {
        guard depth < Self.ruleLimits.nesting else {
            throw .invalidInput(field: "conditions", problem: .outOfRange(0...Self.ruleLimits.nesting))
        }
        switch condition {
        case .status(let statuses):
            for status in statuses where workflow.category(of: status) == nil { throw .unknownStatus(status) }
        case .category(let categories):
            for case let id? in categories { try await requireCategory(id) }
        case .company(let companies):
            for case let id? in companies { _ = try await loadCompany(id) }
        case .location(let locations):
            for case let id? in locations { _ = try await loadLocation(id) }
        case .contract(let contracts):
            for case let id? in contracts { _ = try await loadContract(id) }
        case .group(let groups):
            for case let id? in groups { try await requireGroup(id) }
        case .assignee(let employees):
            for case let id? in employees { _ = try await loadEmployee(id, mustBeActive: false) }
        case .textContains(let text):
            try Validate.notBlank(text, field: "textContains")
            try Validate.length(text, atMost: Self.ruleLimits.text, field: "textContains")
        case .within(let window):
            try validate(window)
        case .was(let inner), .not(let inner):
            try await validate(inner, depth: depth + 1)
        case .elapsed(_, let minutes, let basis), .unanswered(let minutes, let basis):
            try validateMinutes(minutes, basis: basis)
        case .slaBreachedFor(_, let minutes, let basis):
            try requireSLA()
            try validateMinutes(minutes, basis: basis)
        case .slaWarned(_, let threshold):
            try requireSLA()
            if let threshold, !(1...99).contains(threshold) {
                throw .invalidInput(field: "threshold", problem: .outOfRange(1...99))
            }
        case .priority, .channel, .slaBreached, .changed:
            break
        }
    }

    private func validate(_ window: RuleTimeWindow) throws(HelpDeskError) {
        switch window {
        case .daily(let from, let to, let weekdays, let zone):
            guard TimeZone(identifier: zone) != nil else {
                throw .invalidInput(field: "timeZoneIdentifier", problem: .malformed(expected: "an IANA time zone"))
            }
            guard !weekdays.isEmpty else { throw .invalidInput(field: "weekdays", problem: .blank) }
            guard from != to else { throw .invalidInput(field: "to", problem: .notAfterStart) }
            guard from < TimeOfDay.endOfDay, to <= TimeOfDay.endOfDay else {
                throw .invalidInput(field: "from", problem: .malformed(expected: "a time of day"))
            }
        case .workingHours(let calendar):
            // A calendar that never works would make the window always closed: surely a mistake.
            guard (try? calendar.nextWorkingInstant(atOrAfter: clock.now())) != nil else {
                throw .invalidInput(field: "calendar", problem: .malformed(expected: "a calendar with working time"))
            }
        }
    }

    private func validate(_ action: RuleAction) async throws(HelpDeskError) {
        switch action {
        case .setGroup(let group):
            if let group { try await requireGroup(group) }
        case .setAssignee(let assignee):
            if let assignee { _ = try await loadEmployee(assignee) }
        case .setCategory(let category):
            if let category { try await requireCategory(category) }
        case .setStatus(let status):
            guard workflow.category(of: status) != nil else { throw .unknownStatus(status) }
        case .addWatchers(let employees):
            guard !employees.isEmpty else { throw .invalidInput(field: "addWatchers", problem: .blank) }
            for id in employees { _ = try await loadEmployee(id) }
        case .assign(let group, let strategy):
            try await requireGroup(group)
            try Validate.strategy(strategy)
        case .setPriority:
            break
        case .notify(let template, let recipient):
            try await validate(recipient)
            try validate(template, for: recipient.reader, field: "notify")
        case .autoReply(let template):
            try validate(template, for: .client, field: "autoReply")
        case .escalate(let recipient, let template):
            guard recipient.reader == .staff else {
                throw .invalidInput(field: "escalate", problem: .malformed(expected: "employees, a group or its lead"))
            }
            try await validate(recipient)
            try validate(template, for: .staff, field: "escalate")
        }
    }

    private func validate(_ recipient: NoticeRecipient) async throws(HelpDeskError) {
        guard case .employees(let employees) = recipient else { return }
        guard !employees.isEmpty else { throw .invalidInput(field: "employees", problem: .blank) }
        guard employees.count <= 50 else { throw .invalidInput(field: "employees", problem: .outOfRange(1...50)) }
        for id in employees { _ = try await loadEmployee(id) }
    }

    /// Throws ``HelpDeskError/Reason/invalidTemplate(field:_:)`` unless `template` fits `reader`.
    func validate(_ template: NoticeTemplate, for reader: NoticeReader, field: String) throws(HelpDeskError) {
        do { try template.validate(for: reader) } catch { throw .invalidTemplate(field: field, error) }
    }

    private func requireGroup(_ id: GroupID) async throws(HelpDeskError) {
        guard try await storage({ try await store.group(id) }) != nil else { throw .groupNotFound(id) }
    }

    private func requireCategory(_ id: CategoryID) async throws(HelpDeskError) {
        guard try await storage({ try await store.category(id) }) != nil else { throw .categoryNotFound(id) }
    }
}
