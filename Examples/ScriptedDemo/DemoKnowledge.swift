import Foundation
import HelpDeskKit

/// The desk's knowledge base and canned replies, written when the desk is set up in February:
/// public articles clients read in the portal, an engineers' procedure, Northwind's own network
/// notes, and an article on the VPN that is due for review a month later.
enum DemoKnowledge {
    static let jamTitle = "Printer jams on every page"
    static let vpnTitle = "Connecting to the office VPN"
    static let jamReply = "jam"

    /// Writes the sections, articles and canned replies as `editor` (the head of support) sets the desk up.
    static func seed(on desk: HelpDesk, northwind: Company, editor: Employee, at now: Date) async throws(HelpDeskError)
    {
        let author = Performer.employee(editor.id)
        func section(_ title: String, _ audience: KnowledgeAudience = .desk, review: Int? = nil)
            async throws(HelpDeskError) -> KnowledgeSectionID
        {
            try await desk.defineKnowledgeSection(
                KnowledgeSectionDefinition(title: title, audience: audience, reviewIntervalDays: review), by: author
            ).id
        }
        func article(_ title: String, in section: KnowledgeSectionID, tags: [String], public: Bool, _ body: String)
            async throws(HelpDeskError)
        {
            _ = try await desk.writeKnowledgeArticle(
                NewKnowledgeArticle(
                    content: KnowledgeContent(title: title, body: body, tags: tags),
                    settings: KnowledgeArticleSettings(sectionID: section),
                    schedule: KnowledgeSchedule(internalAt: now, publishedAt: `public` ? now : nil)),
                by: author)
        }
        let printers = try await section("Printers and copiers", review: 180)
        let network = try await section("Network and VPN", review: 30)
        let procedures = try await section("Engineers' procedures", review: 365)
        let northwinds = try await section(
            "Northwind Traders: office network", .client(KnowledgeClientScope(companyID: northwind.id)))
        try await article(
            jamTitle, in: printers, tags: ["printer", "paper jam"], public: true,
            """
            1. Switch the printer off and wait two minutes: the fuser is hot.
            2. Open the rear door and pull the sheet out slowly, with both hands.
            3. Fan the paper and load no more than the tray's mark.
            If every page still jams, the fuser unit is worn: tell the desk, an engineer replaces it.
            """)
        try await article(
            "Replacing the toner cartridge", in: printers, tags: ["printer", "toner"], public: true,
            "Open the front cover, pull the old cartridge out, shake the new one five times and push it in.")
        try await article(
            "Fuser unit replacement (HP LaserJet M428)", in: procedures, tags: ["printer", "fuser"], public: false,
            "Spare part RM2-5399. Unplug the printer, remove the rear cover (two screws), swap the fuser, print a test page."
        )
        try await article(
            vpnTitle, in: network, tags: ["vpn"], public: true,
            "Install the client from the portal, sign in with your office account, choose the Moscow gateway.")
        try await article(
            "Northwind: network diagram and printer addresses", in: northwinds, tags: ["network", "printer"],
            public: true, "Shop on Arbat: router 10.0.3.1, floor 3 printer 10.0.3.15. Khimki warehouse: 10.0.4.0/24.")
        _ = try await desk.createCannedAnswer(
            try CannedAnswerDefinition(
                name: "Paper jam first aid", shortcut: jamReply,
                text: """
                    Hello {{ requester.firstName | "there" }}, thank you for reporting "{{ ticket.title }}". \
                    Until our engineer arrives, the article below shows how to clear a jam safely. \
                    Regards, {{ agent.firstName | "the service desk" }}.
                    """),
            by: author)
    }

    /// The article titled `title`, as the system finds it.
    static func article(titled title: String, on desk: HelpDesk) async throws(HelpDeskError) -> KnowledgeArticle? {
        for section in try await desk.knowledgeSections(as: .system) {
            if let found = try await desk.knowledgeArticles(in: section.id, as: .system).first(where: {
                $0.title == title
            }) {
                return found
            }
        }
        return nil
    }
}
