import Foundation

extension ClientPortal {
    /// Searches the public articles this contact may read (the desk's and their company's own).
    public func searchKnowledge(_ request: KnowledgeSearchRequest) async throws(HelpDeskError) -> KnowledgeSearchResults
    {
        try await desk.searchKnowledge(request, as: .contact(contactID))
    }

    /// Articles that may answer the ticket the contact is writing, before it is sent.
    public func suggestArticles(title: String, description: String = "", limit: Int = 5) async throws(HelpDeskError)
        -> KnowledgeSearchResults
    {
        try await desk.suggestArticles(title: title, description: description, limit: limit, as: .contact(contactID))
    }
}
