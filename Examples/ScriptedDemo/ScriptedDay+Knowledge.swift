import Foundation
import HelpDeskKit

extension ScriptedDay {
    /// 10:30: the engineer asks the knowledge base what may answer the printer ticket, then answers
    /// with a canned reply that cites the public article.
    mutating func answerFromTheKnowledgeBase(_ printer: TicketID) async throws(HelpDeskError) {
        let ben = Performer.employee(staff.ben.id)
        let number = try await desk.ticket(printer, as: .system).number
        let suggested = try await desk.suggestArticles(for: printer, limit: 3, as: ben)
        say("\(staff.ben.name) asks the knowledge base what may answer \(number); by its title it suggests")
        for hit in suggested.hits {
            then(
                "\"\(hit.title)\" in \(hit.sectionTitle) (\(hit.visibility == .public ? "clients read it" : "staff only"))"
            )
        }
        let typed = try await desk.searchKnowledge(KnowledgeSearchRequest("fuse", asYouType: true), as: ben)
        say("He types \"fuse\" in the search box: \(typed.hits.map { "\"\($0.title)\"" }.joined(separator: ", "))")
        guard let jam = suggested.hits.first(where: { $0.title == DemoKnowledge.jamTitle }),
            let reply = try await desk.cannedAnswer(shortcut: DemoKnowledge.jamReply, as: ben)
        else {
            then("WARNING: the knowledge base has no paper-jam article or reply")
            return
        }
        let comment = try await desk.answerWithCannedAnswer(reply.id, on: printer, citing: [jam.articleID], by: ben)
        say("He answers with the canned reply \"\(reply.definition.name)\" (::\(reply.definition.shortcut)), citing")
        then("\"\(jam.title)\"; filled in for Tom, the reply reads:")
        then("\"\(comment.body)\"")
    }

    /// 10:40: the client reads the reply and the article it cites in the portal, and searches the
    /// knowledge base: he finds the public articles and his company's own, never the internal one.
    mutating func knowledgeInThePortal() async throws(HelpDeskError) {
        guard let printer = tickets.printer else { return }
        at(10, 40)
        let clients = demo.clients
        let tom = desk.portal(for: clients.tom.id)
        let number = try await desk.ticket(printer, as: .system).number
        for cited in try await desk.citedKnowledgeArticles(on: printer, as: .contact(clients.tom.id)) {
            let article = try await desk.knowledgeArticle(cited.citation.articleID, as: .contact(clients.tom.id))
            say("\(clients.tom.name) opens \(number) in the portal and follows the cited article \"\(article.title)\":")
            then(article.content.body.split(separator: "\n").first.map(String.init) ?? "")
        }
        let found = try await tom.searchKnowledge(KnowledgeSearchRequest("printer"))
        say("He searches the knowledge base for \"printer\": \(found.total) articles")
        for hit in found.hits { then("\"\(hit.title)\" (\(hit.sectionTitle))") }
        let staff = try await desk.searchKnowledge(KnowledgeSearchRequest("printer"), as: .employee(self.staff.ben.id))
        let hidden = staff.hits.filter { hit in !found.hits.contains { $0.articleID == hit.articleID } }
        then(
            "\(hidden.map { "\"\($0.title)\"" }.joined(separator: ", ")) is for engineers: neither listed nor counted")
        let priya = try await desk.portal(for: clients.priya.id).searchKnowledge(KnowledgeSearchRequest("printer"))
        let own = found.hits.filter { hit in !priya.hits.contains { $0.articleID == hit.articleID } }
        say("\(clients.priya.name) of Contoso searches the same word: \(priya.total) articles;")
        then("\(own.map { "\"\($0.title)\"" }.joined(separator: ", ")) is Northwind's own and not among them")
        pause()
    }

    /// 17:20: the head of support opens the review list: the VPN article, due since the 4th and
    /// sent to a client today, is checked and verified.
    mutating func reviewStaleArticles() async throws(HelpDeskError) {
        at(17, 20)
        let maria = Performer.employee(staff.maria.id)
        let stale = try await desk.staleKnowledgeArticles(citedIn: today..<demo.clock.now, as: maria)
        say("\(staff.maria.name) opens the knowledge base's review list: \(stale.count) article(s) to check")
        for item in stale {
            let tickets = item.citingTickets == 1 ? "1 ticket" : "\(item.citingTickets) tickets"
            then(
                "\"\(item.article.title)\": \(item.reason), \(item.daysOverdue) days overdue, cited in \(tickets) today"
            )
        }
        for item in stale {
            let verified = try await desk.verifyKnowledgeArticle(item.article.id, by: maria)
            let next = verified.reviewDueAt.map { DemoTime.date($0) } ?? "never"
            then("she checks \"\(verified.title)\" and marks it verified; next review on \(next)")
        }
        pause()
    }
}
