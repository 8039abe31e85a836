import Foundation
import HelpDeskKit

/// Two engines on one store receive the same letters at once, as two mail workers reading one
/// mailbox would: a letter that opens a ticket, replies to it, and copies of each. A delivery that
/// fails with `conflict` is delivered again (the mail stays in the mailbox). In the end every
/// message is filed exactly once: one record per Message-ID, one ticket for the new letter, one
/// comment per reply, and every copy answered as a duplicate of that one record.
public struct EmailRace: Sendable {
    /// Distinct replies to the first ticket.
    public var replies = 8
    /// Copies of every letter each engine receives.
    public var copies = 2

    /// Describes the race.
    public init(replies: Int = 8, copies: Int = 2) {
        self.replies = replies
        self.copies = copies
    }

    static func letter(id: String, subject: String, body: String, inReplyTo: String? = nil) -> [UInt8] {
        var lines = [
            "From: \"Иван Петров\" <ivan@severstal.example>", "To: support@desk.example", "Subject: \(subject)",
            "Message-ID: <\(id)>",
        ]
        if let inReplyTo { lines.append("In-Reply-To: <\(inReplyTo)>") }
        lines += ["Content-Type: text/plain; charset=utf-8", "", body, ""]
        return Array(lines.joined(separator: "\r\n").utf8)
    }

    /// Runs the race on `store` and returns what went wrong (empty when nothing was lost or doubled).
    public func check(on store: any HelpDeskStore) async throws -> [String] {
        let test = try await TestDesk.make(store: store)
        let company = try await test.desk.addCompany(NewCompany(name: "Северсталь"), by: .system)
        _ = try await test.desk.addContact(
            NewContact(companyID: company.id, name: "Иван Петров", email: "ivan@severstal.example"), by: .system)
        let engines = [test.desk, test.secondEngine(seed: 2_222)]
        let first = try await test.desk.receiveEmail(
            Self.letter(id: "first@severstal.example", subject: "Принтер", body: "Не печатает"))
        guard let ticket = first.record.outcome.ticketID else { return ["the first letter opened no ticket"] }
        var letters = [("new@severstal.example", Self.letter(id: "new@severstal.example", subject: "VPN", body: "Нет VPN"))]
        for index in 0..<replies {
            let id = "reply-\(index)@severstal.example"
            letters.append(
                (id, Self.letter(id: id, subject: "Re: Принтер", body: "Ответ \(index)", inReplyTo: "first@severstal.example")))
        }
        let deliveries = letters.flatMap { letter in Array(repeating: letter, count: copies) }
        let receipts = await withTaskGroup(of: [(String, EmailReceipt?, String?)].self) { group in
            for engine in engines {
                for (key, raw) in deliveries {
                    group.addTask {
                        // (No `catch … where … { continue }`: Swift 6.3.1 crashes compiling it in this loop.)
                        var last: HelpDeskError?
                        for _ in 0..<12 where last == nil || last?.code == .conflict {
                            do throws(HelpDeskError) {
                                return [(key, try await engine.receiveEmail(raw), nil)]
                            } catch {
                                last = error
                            }
                        }
                        return [(key, nil, "\(key): \(last.map(String.init(describing:)) ?? "no answer")")]
                    }
                }
            }
            var all: [(String, EmailReceipt?, String?)] = []
            for await part in group { all += part }
            return all
        }
        var problems = receipts.compactMap(\.2)
        var records: [String: Set<EmailRecordID>] = [:]
        for case (let key, let receipt?, _) in receipts { records[key, default: []].insert(receipt.record.id) }
        for (key, ids) in records where ids.count != 1 { problems.append("\(key) was filed \(ids.count) times") }
        for case (let key, let receipt?, _) in receipts where receipt.record.outcome.ticketID == nil {
            problems.append("\(key) was not filed into a ticket: \(receipt.record.outcome)")
        }
        for (key, _) in letters {
            let filed = receipts.filter { $0.0 == key && $0.1?.isDuplicate == false }.count
            if filed != 1 { problems.append("\(key) was filed as new \(filed) times") }
        }
        let comments = try await store.comments(on: ticket).map(\.body)
        for index in 0..<replies where comments.filter({ $0 == "Ответ \(index)" }).count != 1 {
            problems.append("reply \(index) is on the ticket \(comments.filter { $0 == "Ответ \(index)" }.count) times")
        }
        let page = try await store.tickets(
            matching: TicketQuery(limit: TicketQuery.maximumLimit), workflow: test.desk.workflow)
        if page.tickets.count != 2 { problems.append("\(page.tickets.count) tickets, expected 2") }
        return problems
    }
}
