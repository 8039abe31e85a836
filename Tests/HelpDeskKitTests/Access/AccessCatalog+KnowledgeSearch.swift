import Foundation
import HelpDeskKit
import HelpDeskTestSupport

/// Knowledge search: anyone who may read the knowledge base may search it and see what they may
/// read; suggestions for a ticket need the ticket.
extension AccessCatalog {
    static let knowledgeSearchEntries: [AccessEntry] = [
        E("searchKnowledge(_:as:)", "searchKnowledge: toner", foreign: .allowed, ownContact: true) { f, p in
            try await E.call { try await f.desk.searchKnowledge(KnowledgeSearchRequest("toner"), as: p) }
        },
        E(
            "suggestArticles(title:description:limit:as:)", "suggestArticles: for a new ticket", foreign: .allowed,
            ownContact: true
        ) { f, p in
            try await E.call { try await f.desk.suggestArticles(title: "The printer needs toner", as: p) }
        },
        E("suggestArticles(for:limit:as:)", "suggestArticles: for a1", foreign: hidesA1, ownContact: true, concernsAlpha: true) {
            f, p in
            try await E.call { try await f.desk.suggestArticles(for: f.a1.id, as: p) }
        },
    ]

    /// What each knowledge search entry needs (merged into ``RolePermissionMatrixTests/needs``).
    static let knowledgeSearchNeeds: [String: Set<AccessAction>] = [
        "searchKnowledge: toner": [], "suggestArticles: for a new ticket": [], "suggestArticles: for a1": [.readTicket],
    ]
}
