import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import WorkingTime

extension HostileCommandCatalog {
    /// A condition with real or hostile values, nested now and then.
    static func ruleCondition(_ d: inout HostileDraw, depth: Int = 0) -> RuleCondition {
        switch d.random.next() % (depth > 9 ? 12 : 15) {
        case 0: .status([StatusCode(d.text(["new", "in_progress"]))])
        case 1: .priority([d.pick(Priority.allCases)])
        case 2: .category([d.optionalID(d.categories)])
        case 3: .group([d.optionalID(d.groups)])
        case 4: .assignee([d.optionalID(d.employees)])
        case 5: .textContains(d.text(["printer"]))
        case 6:
            .within(
                .daily(
                    from: (try? TimeOfDay(secondsSinceMidnight: Int(d.random.next() % 90_000))) ?? .midnight,
                    to: (try? TimeOfDay(secondsSinceMidnight: Int(d.random.next() % 90_000))) ?? .midnight,
                    weekdays: d.bool() ? [.monday] : [], timeZoneIdentifier: d.text(["Europe/Moscow"])))
        case 7: .changed(d.pick(RuleField.allCases))
        case 8: .elapsed(since: d.pick(RuleMoment.allCases), minutes: d.int(), basis: d.pick(RuleTimeBasis.allCases))
        case 9: .unanswered(minutes: d.int(), basis: d.pick(RuleTimeBasis.allCases))
        case 10: .slaWarned(d.bool() ? nil : d.pick(SLAClockKind.allCases), threshold: d.optionalInt())
        case 11:
            .slaBreachedFor(
                d.bool() ? nil : d.pick(SLAClockKind.allCases), minutes: d.int(), basis: d.pick(RuleTimeBasis.allCases))
        case 12: .was(ruleCondition(&d, depth: depth + 1))
        default: .not(ruleCondition(&d, depth: depth + 1))
        }
    }

    /// A template: plain, with client or staff placeholders, unknown ones, missing fallbacks or
    /// hostile text (a malformed source is skipped for a plain one: it cannot be built at all).
    static func noticeTemplate(_ d: inout HostileDraw) -> NoticeTemplate {
        let bodies = [
            "Plain", "{{ticket.number}}", "{{ticket.priority}}", "{{recipient.firstName}}", "{{ticket.secret | \"x\"}}",
            "{{ticket.group | \"–\"}}", d.text(["Hi {{recipient.firstName | \"there\"}}"]),
        ]
        let body = d.pick(bodies)
        return (try? NoticeTemplate(subject: d.text(["Re: {{ticket.title}}"]), body: body))
            ?? (try? NoticeTemplate(subject: "S", body: body)) ?? NoticeTemplate.standardReceipt
    }

    /// A recipient of any kind, with real or hostile employees.
    static func noticeRecipient(_ d: inout HostileDraw) -> NoticeRecipient {
        d.pick([.requester, .clients, .assignee, .watchers, .group, .groupLead, .employees(d.ids(d.employees))])
    }

    /// A rule definition: real or hostile names, priorities, conditions and actions.
    static func ruleDefinition(_ d: inout HostileDraw) -> RuleDefinition {
        let conditions = (0..<Int(d.random.next() % (d.hostile() ? 60 : 4))).map { _ in ruleCondition(&d) }
        let actions: [RuleAction] = (0..<Int(d.random.next() % (d.hostile() ? 25 : 3))).map { _ in
            switch d.random.next() % 10 {
            case 9: .notify(noticeTemplate(&d), to: noticeRecipient(&d))
            case 8: .autoReply(noticeTemplate(&d))
            case 7: .escalate(to: noticeRecipient(&d), noticeTemplate(&d))
            case 6: .assign(group: d.id(d.groups), strategy: .roundRobin)
            case 0: .setGroup(d.optionalID(d.groups))
            case 1: .setAssignee(d.optionalID(d.employees))
            case 2: .setPriority(d.pick(Priority.allCases))
            case 3: .setCategory(d.optionalID(d.categories))
            case 4: .setStatus(StatusCode(d.text(["in_progress", "resolved"])))
            default: .addWatchers(d.ids(d.employees))
            }
        }
        return RuleDefinition(
            name: d.text(["Escalate VIP", "Night shift"]), priority: d.int(), isActive: d.bool(),
            triggers: Set(RuleTrigger.allCases.filter { _ in d.bool() }), match: d.pick(RuleMatch.allCases),
            conditions: conditions, actions: actions)
    }

    static let ruleEntries: [HostileCommand] = [
        command("defineRule(_:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.defineRule(ruleDefinition(&d), by: d.performer(), idempotencyKey: d.key())
        },
        command("changeRule(_:_:by:idempotencyKey:)") { d in
            let existing = try await AccessFixture.ruleIDs(d.f)
            _ = try await d.f.desk.changeRule(
                d.id(existing), ruleDefinition(&d), by: d.performer(), idempotencyKey: d.key())
        },
        command("deleteRule(_:by:idempotencyKey:)") { d in
            let existing = try await AccessFixture.ruleIDs(d.f)
            try await d.f.desk.deleteRule(d.id(existing), by: d.performer(), idempotencyKey: d.key())
        },
        read("rules(as:)") { d in _ = try await d.f.desk.rules(as: d.performer()) },
        read("explain(_:on:as:)") { d in
            let existing = try await AccessFixture.ruleIDs(d.f)
            _ = try await d.f.desk.explain(d.id(existing), on: d.id(d.tickets), as: d.performer())
        },
    ]
}
