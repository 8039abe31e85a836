import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import SeededRandom
import Testing
import WorkingTime

/// A public canned answer cannot leak: an answer naming every public path is previewed and posted
/// on tickets while staff plant secrets in every internal place — internal notes, a hidden
/// category, custom fields, the group's and the assignee's names, the agent-only status label, the
/// priority, labor comments. Each value is compared with the notices' model of what the requester
/// may see (``NoticeLeakMatrixTests/expected(_:recipientName:lastPublicReply:status:)``); the
/// internal twin shows the secrets were there to leak.
@Suite("Public canned answers carry only what the requester may see")
struct CannedAnswerLeakTests {
    static let secret = NoticeLeakMatrixTests.secret
    static let publicPaths = CannedAnswer.publicSchema.paths.keys.sorted()
    static let everyPublicPath = publicPaths.map { "\($0)=[{{\($0) | \"∅\"}}]" }.joined(separator: "\n")
    static let everyInternalPath = CannedAnswer.internalSchema.paths.keys.sorted()
        .map { "\($0)=[{{\($0) | \"∅\"}}]" }.joined(separator: "\n")

    /// The model: the notices' for the paths both know (the requester is the recipient), and the
    /// answer's own paths.
    static func expected(_ path: String, requester: String, lastPublicReply: String?, status: String) -> String? {
        switch path {
        case "requester.name": requester
        case "requester.firstName": String(requester.split(separator: " ")[0])
        case "agent.name": "Boris Engineer"
        case "agent.firstName": "Boris"
        default:
            NoticeLeakMatrixTests.expected(
                path, recipientName: requester, lastPublicReply: lastPublicReply, status: status)
        }
    }

    @Test(arguments: 0..<6)
    func publicAnswersSayOnlyWhatTheModelAllows(seed: Int) async throws {
        let test = try await TestDesk.make(seed: UInt64(seed))
        let desk = test.desk
        let staff = Performer.employee(test.boris.id)
        let group = try await desk.addGroup(named: "\(Self.secret) night shift", by: .system)
        let agent = try await desk.addEmployee(
            NewEmployee(name: "\(Self.secret) Agent", email: "agent@service.example", groupIDs: [group.id]), by: .system
        )
        let hidden = try await desk.addCategory(
            NewServiceCategory(name: "\(Self.secret) category", isVisibleToClients: false), by: .system)
        let alpha = try await desk.addCompany(NewCompany(name: "Alpha"), by: .system)
        let alice = try await desk.addContact(
            NewContact(companyID: alpha.id, name: "Alice Client", email: "alice@alpha.example"), by: .system)
        let carl = try await desk.addContact(NewContact(companyID: alpha.id, name: "Carl Colleague"), by: .system)
        let reply = try await desk.createCannedAnswer(
            try CannedAnswerDefinition(name: "Every public path", shortcut: "all", text: Self.everyPublicPath),
            by: .system)
        let note = try await desk.createCannedAnswer(
            try CannedAnswerDefinition(
                name: "Every internal path", shortcut: "note", text: Self.everyInternalPath, visibility: .internal),
            by: .system)
        let tickets = [
            try await desk.createTicket(
                NewTicket(
                    title: "Printer <jams>", channel: .portal, requester: .contact(alice.id), ccContactIDs: [carl.id]),
                by: .contact(alice.id)),
            try await desk.createTicket(
                NewTicket(title: "Phone & fax", channel: .phone, requester: .freeText("Ivan Petrov")), by: staff),
        ]
        var random = SplitMix64(seed: UInt64(seed) &* 37)
        var lastReply: [TicketID: String] = [:]
        var staffSawSecrets = false
        var checkedValues = 0
        var posted = 0
        for step in 0..<30 {
            test.clock.advance(by: 300)
            let ticket = tickets[Int(random.next() % 2)]
            switch random.next() % 7 {
            case 0:
                _ = try await desk.comment(
                    on: ticket.id, NewComment("\(Self.secret) note \(step)", visibility: .internal), by: staff)
            case 1:
                _ = try await desk.comment(on: ticket.id, NewComment("Public <answer> \(step)"), by: staff)
                lastReply[ticket.id] = "Public <answer> \(step)"
            case 2:
                _ = try await desk.changeStatus(
                    ticket.id, to: [.inProgress, .waitingForClient][Int(random.next() % 2)], by: staff)
            case 3:
                _ = try await desk.updateTicket(
                    ticket.id,
                    TicketUpdate(
                        priority: .critical, categoryID: .some(hidden.id),
                        customFields: ["internal": .text("\(Self.secret) field")]),
                    by: staff)
            case 4: _ = try await desk.assign(ticket.id, to: agent.id, group: group.id, by: staff)
            case 5:
                _ = try await desk.logTime(
                    on: ticket.id,
                    NewTimeEntry(
                        workDate: try LocalDate(parsing: "2026-03-02"), minutes: 15, comment: "\(Self.secret) labor"),
                    by: staff)
            default:
                // Posted through the comment path, like any reply.
                let comment = try await desk.answerWithCannedAnswer(reply.id, on: ticket.id, by: staff)
                #expect(!comment.body.contains(Self.secret), "\(comment.body)")
                posted += 1
                // A one-line reply after it, so the next renders' `ticket.lastReply` stays one line.
                _ = try await desk.comment(on: ticket.id, NewComment("Public <answer> \(step)"), by: staff)
                lastReply[ticket.id] = "Public <answer> \(step)"
            }
            let current = try await desk.ticket(ticket.id, as: .system)
            let twin = try await desk.previewCannedAnswer(note.id, for: ticket.id, as: staff)
            staffSawSecrets = staffSawSecrets || twin.text.contains(Self.secret)
            let preview = try await desk.previewCannedAnswer(reply.id, for: ticket.id, as: staff)
            for text in [preview.text, preview.html] {
                #expect(!text.contains(Self.secret), "\(text)")
                #expect(!text.contains("critical") && !text.contains("Waiting for client"), "\(text)")
            }
            let requester = ticket.requester == .contact(alice.id) ? "Alice Client" : "Ivan Petrov"
            let status = desk.workflow.status(current.status)?.customerLabel ?? ""
            let lines = preview.text.components(separatedBy: "\n")
            #expect(lines.count >= Self.publicPaths.count)
            for line in lines {
                let parts = line.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, Self.publicPaths.contains(String(parts[0])) else { continue }
                let path = String(parts[0])
                let value = String(parts[1].dropFirst().dropLast())
                if let expected = Self.expected(
                    path, requester: requester, lastPublicReply: lastReply[ticket.id], status: status)
                {
                    #expect(value == expected, "\(path) for \(requester)")
                    checkedValues += 1
                }
            }
            #expect(
                !preview.html.contains("<answer>") && !preview.html.contains("<jams>"), "values are escaped in HTML")
        }
        #expect(staffSawSecrets, "the secrets were reachable: the internal twin renders them")
        #expect(checkedValues > 100, "public answers were checked value by value")
        #expect(posted > 0 || seed > 3, "some answers were posted")
    }
}
