import Foundation
import Testing

@testable import HelpDeskKit

/// Reading `sla` audit values back and describing their change in words.
@Suite("SLA audit values in words")
struct SLAAuditStateTests {
    private static let base = Date(timeIntervalSince1970: 1_772_442_000)  // 2026-03-02 09:00 UTC

    private static func instant(_ random: inout SplitMix64) -> Date {
        base.addingTimeInterval(Double(random.next() % 1_000_000))
    }

    private static func clock(_ random: inout SplitMix64) -> SLAClock? {
        guard random.next() % 4 != 0 else { return nil }
        var clock = SLAClock(target: .minutes(60), dueAt: instant(&random))
        if random.next() % 2 == 0 { clock.stoppedAt = instant(&random) }
        if random.next() % 2 == 0 { clock.breachedAt = instant(&random) }
        clock.warnedThresholds = [[], [75], [75, 90]][Int(random.next() % 3)]
        return clock
    }

    private static func state(_ random: inout SplitMix64) -> TicketSLA {
        TicketSLA(
            policyID: ["standard", "premium"][Int(random.next() % 2)], startedAt: base,
            pausedSince: random.next() % 3 == 0 ? instant(&random) : nil,
            reaction: clock(&random), resolution: clock(&random))
    }

    /// Every value the engine writes reads back as the clocks it describes.
    @Test func everyAuditValueReadsBack() throws {
        var random = SplitMix64(seed: 17)
        for _ in 0..<500 {
            let sla = Self.state(&random)
            let read = try #require(SLAAuditState(auditText: sla.auditSummary), "\(sla.auditSummary)")
            #expect(read.policy == sla.policyID.rawValue && read.pausedSince == sla.pausedSince)
            for kind in SLAClockKind.allCases {
                let clock = sla[kind]
                #expect(read.clocks[kind]?.dueAt == clock?.dueAt)
                #expect(read.clocks[kind]?.stoppedAt == clock?.stoppedAt)
                #expect(read.clocks[kind]?.breached == clock.map { $0.breachedAt != nil })
                #expect(read.clocks[kind]?.warnedPercents == clock?.warnedThresholds)
            }
        }
    }

    @Test(arguments: ["", "policy", "reaction due x", "policy p; reaction due 2026-03-02T10:00:00Z soon"])
    func otherTextIsNotAnSLAValue(text: String) {
        #expect(SLAAuditState(auditText: text) == nil)
    }

    @Test func changesReadLikeADeskManagerSaysThem() throws {
        let format: (Date) -> String = { "\(Int($0.timeIntervalSince(Self.base) / 60))m" }
        var before = TicketSLA(
            policyID: "standard", startedAt: Self.base,
            reaction: SLAClock(target: .minutes(60), dueAt: Self.base + 3_600),
            resolution: SLAClock(target: .minutes(480), dueAt: Self.base + 28_800))
        func change(_ edit: (inout TicketSLA) -> Void) -> String {
            var after = before
            edit(&after)
            defer { before = after }
            return SLAAuditState.change(
                from: SLAAuditState(auditText: before.auditSummary), to: SLAAuditState(auditText: after.auditSummary),
                instant: format)
        }
        #expect(change { $0.reaction?.warnedThresholds = [75] } == "reaction 75% used")
        #expect(change { $0.reaction?.breachedAt = Self.base + 3_600 } == "reaction breached")
        #expect(change { $0.reaction?.stoppedAt = Self.base + 5_400 } == "reaction late at 90m")
        #expect(change { $0.pausedSince = Self.base + 6_000 } == "clocks paused")
        #expect(
            change {
                $0.pausedSince = nil
                $0.resolution?.dueAt = Self.base + 30_000
            } == "clocks resumed, resolution due 500m")
        #expect(change { $0.resolution?.stoppedAt = Self.base + 7_200 } == "resolution met at 120m")
        #expect(change { $0.resolution?.stoppedAt = nil } == "resolution restarted, due 500m")
        #expect(
            change { $0.policyID = "premium" } == "policy standard -> premium, reaction due 60m, resolution due 500m")
        #expect(change { _ in } == "no visible change")
        #expect(SLAAuditState.change(from: nil, to: nil, instant: format) == "no SLA")
    }

    @Test func labelsAreWords() {
        #expect(AuditField.assigneeID.label == "Assignee" && AuditField.firstResponseAt.label == "First response")
        #expect(Set(AuditField.allCases.map(\.label)).count == AuditField.allCases.count)
        #expect(AuditField.allCases.allSatisfy { !$0.label.contains("ID") && $0.label.first!.isUppercase })
        #expect(BillingTransferCode.topUp.label == "payment received")
        #expect(Set(BillingTransferCode.allCases.map(\.label)).count == BillingTransferCode.allCases.count)
    }
}
