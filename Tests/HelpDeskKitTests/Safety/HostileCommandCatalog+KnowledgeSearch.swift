import Foundation
import HelpDeskKit
import HelpDeskTestSupport

extension HostileCommandCatalog {
    static let knowledgeSearchEntries: [HostileCommand] = [
        read("searchKnowledge(_:as:)") { d in
            let request = KnowledgeSearchRequest(
                d.text(["toner", "принт", "Alpha"]), asYouType: d.bool(), limit: d.int(), offset: d.int())
            _ = try await d.f.desk.searchKnowledge(request, as: d.performer())
        },
        read("suggestArticles(title:description:limit:as:)") { d in
            _ = try await d.f.desk.suggestArticles(
                title: d.text(["Printer jam"]), description: d.text(), limit: d.int(), as: d.performer())
        },
        read("suggestArticles(for:limit:as:)") { d in
            _ = try await d.f.desk.suggestArticles(for: d.id(d.tickets), limit: d.int(), as: d.performer())
        },
    ]
}
