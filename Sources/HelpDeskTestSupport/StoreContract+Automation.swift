import Foundation
import HelpDeskKit
import WorkingTime

extension StoreContract {
    static func automationRule(_ name: String, priority: Int, ids: inout SeededIdentifierSource) -> AutomationRule {
        let group: GroupID = ids.next()
        return AutomationRule(
            id: ids.next(), name: name, priority: priority, triggers: [.ticketCreated, .clientCommented], match: .any,
            conditions: [
                .textContains("Принтер «HP»"), .not(.was(.priority([.low, .high]))),
                .within(
                    .daily(
                        from: .midnight, to: (try? TimeOfDay(parsing: "13:30")) ?? .endOfDay,
                        weekdays: [.monday, .friday], timeZoneIdentifier: "Europe/Moscow")),
                .within(.workingHours(.twentyFourSeven())), .category([nil, ids.next()]),
            ],
            actions: [
                .setGroup(group), .setPriority(.critical), .addWatchers([ids.next()]), .setStatus("in_progress"),
                .notify(noticeTemplate, to: .clients), .autoReply(noticeTemplate),
                .escalate(to: .employees([ids.next()]), noticeTemplate), .notify(noticeTemplate, to: .groupLead),
            ])
    }

    /// A template with a fallback, quotes and non-Latin text, as rules store it.
    static let noticeTemplate: NoticeTemplate = {
        do {
            return try NoticeTemplate(
                subject: "[{{ticket.number}}] «{{ticket.title}}»", body: "Здравствуйте, {{recipient.firstName | \"клиент\"}}!")
        } catch { fatalError("the contract's template does not parse: \(error)") }
    }()

    static let automationChecks: [ContractCheck] = noticeChecks + [
        ContractCheck("automation rules round-trip by priority, change under their revision, and delete") { store in
            let rules = try requireFeature((any AutomationRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 130)
            let late = automationRule("Late «rule»", priority: 200, ids: &ids)
            let early = automationRule("Early", priority: -5, ids: &ids)
            var work = UnitOfWork()
            work.ruleWrites = [late, early].map { AutomationRuleWrite(rule: $0, expectedRevision: nil) }
            try await store.commit(work)
            try requireEqual(try await rules.rules(), [early, late], "by priority")
            try requireEqual(try await rules.rule(late.id), late, "by identifier")
            var changed = late
            changed.priority = -10
            changed.isActive = false
            changed.revision = 2
            var change = UnitOfWork()
            change.ruleWrites = [AutomationRuleWrite(rule: changed, expectedRevision: 1)]
            try await store.commit(change)
            try requireEqual(try await rules.rules(), [changed, early], "reordered")
            var deletion = UnitOfWork()
            deletion.ruleDeletions = [AutomationRuleDeletion(id: early.id, expectedRevision: 1)]
            try await store.commit(deletion)
            try requireEqual(try await rules.rules(), [changed], "deleted")
        },
        ContractCheck("a rule write under a stale revision, a taken priority or name is a conflict") { store in
            let rules = try requireFeature((any AutomationRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 131)
            let one = automationRule("One", priority: 1, ids: &ids)
            let two = automationRule("Two", priority: 2, ids: &ids)
            var work = UnitOfWork()
            work.ruleWrites = [one, two].map { AutomationRuleWrite(rule: $0, expectedRevision: nil) }
            try await store.commit(work)
            let before = try await StoreSnapshot.capture(store)
            var samePriority = automationRule("Three", priority: 2, ids: &ids)
            var sameName = automationRule("ONE", priority: 3, ids: &ids)
            var stale = one
            stale.priority = 4
            samePriority.revision = 1
            sameName.revision = 1
            for write in [
                AutomationRuleWrite(rule: samePriority, expectedRevision: nil),
                AutomationRuleWrite(rule: sameName, expectedRevision: nil),
                AutomationRuleWrite(rule: stale, expectedRevision: 2), AutomationRuleWrite(rule: one, expectedRevision: nil),
            ] {
                var refused = UnitOfWork()
                refused.ruleWrites = [write]
                try await requireStorageError(.conflict) { try await store.commit(refused) }
            }
            var staleDeletion = UnitOfWork()
            staleDeletion.ruleDeletions = [AutomationRuleDeletion(id: two.id, expectedRevision: 7)]
            try await requireStorageError(.conflict) { try await store.commit(staleDeletion) }
            try requireEqual(try await StoreSnapshot.capture(store), before, "refused units change nothing")
            // Two rules may swap priorities in one unit.
            var swapOne = one
            swapOne.priority = 2
            swapOne.revision = 2
            var swapTwo = two
            swapTwo.priority = 1
            swapTwo.revision = 2
            var swap = UnitOfWork()
            swap.ruleWrites = [
                AutomationRuleWrite(rule: swapOne, expectedRevision: 1), AutomationRuleWrite(rule: swapTwo, expectedRevision: 1),
            ]
            try await store.commit(swap)
            try requireEqual(try await rules.rules(), [swapTwo, swapOne], "swapped")
        },
        ContractCheck("the rule-set stamp changes with every committed rule change, and only then") { store in
            let rules = try requireFeature((any AutomationRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 132)
            var seen = [try await rules.ruleSetStamp()]
            func requireNew(_ what: String) async throws {
                let stamp = try await rules.ruleSetStamp()
                try require(!seen.contains(stamp), "\(what): the stamp \(stamp) was seen before")
                seen.append(stamp)
            }
            try await store.commit(creation(of: fullTicket(number: 1, ids: &ids), ids: &ids))
            try requireEqual(try await rules.ruleSetStamp(), seen.last, "after a unit without rule changes")
            let rule = automationRule("Stamped", priority: 1, ids: &ids)
            var definition = UnitOfWork()
            definition.ruleWrites = [AutomationRuleWrite(rule: rule, expectedRevision: nil)]
            try await store.commit(definition)
            try await requireNew("a rule defined")
            var stale = UnitOfWork()
            stale.ruleWrites = [AutomationRuleWrite(rule: rule, expectedRevision: nil)]
            try await requireStorageError(.conflict) { try await store.commit(stale) }
            try requireEqual(try await rules.rules(), [rule], "a refused unit changes no rule")
            var changed = rule
            changed.isActive = false
            changed.revision = 2
            var change = UnitOfWork()
            change.ruleWrites = [AutomationRuleWrite(rule: changed, expectedRevision: 1)]
            try await store.commit(change)
            try await requireNew("a rule paused")
            try requireEqual(try await rules.rules(), [changed], "read after the stamp")
            var deletion = UnitOfWork()
            deletion.ruleDeletions = [AutomationRuleDeletion(id: rule.id, expectedRevision: 2)]
            try await store.commit(deletion)
            try await requireNew("a rule deleted")
            try requireEqual(try await rules.rules(), [], "deleted")
            try requireEqual(try await rules.ruleSetStamp(), seen.last, "read twice")
        },
    ]
}

extension StoreContract {
    static let noticeChecks: [ContractCheck] = [
        ContractCheck("notice logs round-trip and change only under their revision") { store in
            let logs = try requireFeature((any NoticeLogRepository).self, of: store)
            let start = Date(timeIntervalSince1970: 1_772_442_000)
            let first = NoticeLog(key: "recipient:ann@acme.example", sentAt: [start, start.addingTimeInterval(60.5)])
            let other = NoticeLog(key: "ticket:7", sentAt: [start])
            var work = UnitOfWork()
            work.noticeLogWrites = [first, other].map { NoticeLogWrite(log: $0, expectedRevision: nil) }
            try await store.commit(work)
            try requireEqual(try await logs.noticeLog(first.key), first, "by key")
            try requireEqual(try await logs.noticeLogs(), [first, other], "all, by key")
            let before = try await StoreSnapshot.capture(store)
            for write in [NoticeLogWrite(log: first, expectedRevision: nil), NoticeLogWrite(log: first, expectedRevision: 3)] {
                var refused = UnitOfWork()
                refused.noticeLogWrites = [write]
                try await requireStorageError(.conflict) { try await store.commit(refused) }
            }
            try requireEqual(try await StoreSnapshot.capture(store), before, "refused units change nothing")
            var later = first
            later.sentAt = [start.addingTimeInterval(3_600)]
            later.revision = 2
            var change = UnitOfWork()
            change.noticeLogWrites = [NoticeLogWrite(log: later, expectedRevision: 1)]
            try await store.commit(change)
            try requireEqual(try await logs.noticeLog(first.key), later, "changed")
        }
    ]
}
