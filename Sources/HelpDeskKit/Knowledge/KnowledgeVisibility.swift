import Foundation

/// An article's visibility at one instant, decided by its timestamps (Zammad's model).
public enum KnowledgeVisibility: String, CaseIterable, Hashable, Sendable, Codable {
    /// Not yet internal or public: only editors read it.
    case draft
    /// Staff with `kb.readInternal` (and editors) read it.
    case `internal`
    /// Everyone its section's audience includes reads it.
    case `public`
    /// Withdrawn: only editors read it.
    case archived

    /// The state at `instant`: archived from `archivedAt`, else public from `publishedAt`, else
    /// internal from `internalAt`, else draft (a timestamp counts from its own instant on).
    public init(internalAt: Date?, publishedAt: Date?, archivedAt: Date?, at instant: Date) {
        if let archivedAt, archivedAt <= instant {
            self = .archived
        } else if let publishedAt, publishedAt <= instant {
            self = .public
        } else if let internalAt, internalAt <= instant {
            self = .internal
        } else {
            self = .draft
        }
    }
}

/// Who reads the knowledge base, as far as visibility is concerned: what ``KnowledgeAccess``
/// decides on. The engine derives it from a resolved principal (`HelpDesk.knowledgeReader(of:for:)`).
public enum KnowledgeReader: Hashable, Sendable, CustomStringConvertible {
    /// An editor (`kb.edit`) or the system: every article in every state and section.
    case editor
    /// An employee with `kb.readInternal`: internal and public articles of every section.
    case staff
    /// Any other employee: public articles of every section.
    case employee
    /// A client's contact: public articles of desk sections and of its company's own sections;
    /// a location or asset section only when `locationIDs` covers its location (`nil`: every
    /// location of the company, for a company-scoped contact).
    case contact(companyID: CompanyID, locationIDs: Set<LocationID>?)
    /// A client known only by name: public articles of desk sections.
    case client

    /// The reader a contact's authority gives: a company-scoped contact covers every location of
    /// its company, any other covers the locations it works at or looks after.
    public init(_ authority: ContactAuthority) {
        self = .contact(
            companyID: authority.companyID, locationIDs: authority.scope == .company ? nil : authority.locationIDs)
    }

    public var description: String {
        switch self {
        case .editor: "editor"
        case .staff: "staff"
        case .employee: "employee"
        case .contact(let company, let locations):
            "contact of \(company)" + (locations.map { " at \($0.count) location(s)" } ?? "")
        case .client: "client"
        }
    }
}

/// The one decision of who may read what in the knowledge base: pure and total, used by every
/// read, by citations, and by search (which partitions articles by audience and state with it).
public enum KnowledgeAccess {
    /// `true` when `reader` may read an article in `state` filed in a section for `audience`.
    public static func mayRead(_ reader: KnowledgeReader, _ state: KnowledgeVisibility, audience: KnowledgeAudience)
        -> Bool
    {
        switch reader {
        case .editor:
            return true
        case .staff:
            return state == .internal || state == .public
        case .employee:
            return state == .public
        case .client:
            return state == .public && audience == .desk
        case .contact(let companyID, let locationIDs):
            guard state == .public else { return false }
            switch audience {
            case .desk: return true
            case .client(let scope):
                guard scope.companyID == companyID else { return false }
                guard let location = scope.locationID, let locationIDs else { return true }
                return locationIDs.contains(location)
            }
        }
    }

    /// `true` when `reader` may read `article`, filed in `section`, at `instant`.
    public static func mayRead(
        _ reader: KnowledgeReader, _ article: KnowledgeArticle, in section: KnowledgeSection, at instant: Date
    ) -> Bool {
        mayRead(reader, article.visibility(at: instant), audience: section.audience)
    }

    /// `true` when `reader` may see that `section` exists (its title, in a list): an editor or
    /// staff member sees every section, an employee too; a client sees the sections whose
    /// audience could show it a public article.
    public static func maySee(_ reader: KnowledgeReader, _ section: KnowledgeSection) -> Bool {
        mayRead(reader, .public, audience: section.audience)
    }
}
