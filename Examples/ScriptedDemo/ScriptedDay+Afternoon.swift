import Foundation
import HelpDeskKit

extension ScriptedDay {
    /// 11:00: a command the workflow forbids is rejected with a typed error and changes nothing.
    mutating func rejectedCommand() async throws(HelpDeskError) {
        guard let vpn = tickets.vpn else { return }
        at(11, 0)
        let before = try await desk.ticket(vpn, as: .system)
        let trailBefore = try await desk.auditTrail(of: vpn, as: .system).count
        let outboxBefore = try await desk.undeliveredEvents(limit: 10_000, as: .system).count
        say("\(staff.lena.name) tries to close \(before.number) straight from \(label(before.status))")
        do {
            _ = try await desk.changeStatus(vpn, to: .closed, by: .employee(staff.lena.id))
            then("unexpectedly accepted")
        } catch {
            then(
                "rejected with HelpDeskError.\(Mirror(reflecting: error.reason).children.first?.label ?? "?"): \(error)"
            )
            let allowed = (desk.workflow.transitions[before.status] ?? [])
                .sorted { (desk.workflow.position(of: $0) ?? 0) < (desk.workflow.position(of: $1) ?? 0) }
            then("from \(label(before.status)) the workflow allows: \(allowed.map(label).joined(separator: ", "))")
        }
        let after = try await desk.ticket(vpn, as: .system)
        let trailAfter = try await desk.auditTrail(of: vpn, as: .system).count
        let outboxAfter = try await desk.undeliveredEvents(limit: 10_000, as: .system).count
        if after == before, trailAfter == trailBefore, outboxAfter == outboxBefore {
            then("nothing changed: \(after.number) is still \(label(after.status)) at revision \(after.revision),")
            then("with \(trailAfter) audit entries and \(outboxAfter) events waiting in the outbox, as before")
        } else {
            then("WARNING: the rejected command changed the desk")
        }
        pause()
    }

    /// 11:30–17:00: resolutions, a close, the postponed ticket's return, paid work the client approves,
    /// and a reopening.
    mutating func afternoon() async throws(HelpDeskError) {
        guard let login = tickets.login, let printer = tickets.printer, let vpn = tickets.vpn,
            let backupDisk = tickets.backupDisk
        else { return }

        at(11, 30)
        let guide = try await DemoKnowledge.article(titled: DemoKnowledge.vpnTitle, on: desk)
        try await write(
            "I fixed the MTU on your gateway; please tell us if it drops again. The setup guide is linked below.",
            on: vpn, by: staff.lena, citing: guide.map { [$0.id] } ?? [])
        try await logTime(80, on: vpn, by: staff.lena, "gateway diagnostics and the MTU fix")
        try await move(vpn, to: .resolved, by: staff.lena)
        at(11, 45)
        try await move(backupDisk, to: .inProgress, by: staff.ben)
        try await write(
            "Removed backup sets older than 90 days; 61% used now.", on: backupDisk, by: staff.ben,
            visibility: .internal)
        try await logTime(25, on: backupDisk, by: staff.ben, "cleaned up old backup sets")
        try await move(backupDisk, to: .resolved, by: staff.ben)
        at(12, 0)
        try await write(
            "Anna confirmed by phone that she can sign in.", on: login, by: staff.sam, visibility: .internal)
        try await move(login, to: .closed, by: staff.sam)
        at(12, 10)
        try await clientRates(login, score: 5, "Unlocked in ten minutes, thank you!")
        pause()

        at(13, 0)
        try await tick()
        at(14, 5)
        try await tick()
        at(14, 30)
        try await tick()
        at(14, 40)
        try await write("Replaced the fuser unit; the test page prints cleanly.", on: printer, by: staff.ben)
        try await billPart(demo.clients.fuserUnit, on: printer, by: staff.ben)
        try await logTime(70, on: printer, by: staff.ben, "replaced the fuser unit and cleaned the paper path")
        try await logTime(40, on: printer, by: staff.ben, activity: "travel", "to the shop on Arbat and back")
        try await move(printer, to: .resolved, by: staff.ben)
        try await showSettlement(of: printer)
        try await showRatingRequest(of: printer)
        pause()
        try await paidWorkApproval()

        at(16, 30)
        try await clientReplies("It dropped again at 16:20, sorry!", on: vpn)
        if let monitor = tickets.monitor {
            at(16, 45)
            try await write("Which monitor model does your team use?", on: monitor, by: staff.ben)
            try await move(monitor, to: .waitingForClient, by: staff.ben)
        }
        at(16, 50)
        try await clientRates(printer, score: 2, "The shop had no printer until the afternoon.")
        try await equipmentLifecycle()
        at(17, 0)
        try await tick()
        say("the desk closes for the day")
    }
}
