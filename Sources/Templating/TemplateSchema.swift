/// The paths a host can fill in for one kind of template, and whether each is always there.
///
/// A host declares one schema per use (a client notice, a canned answer) and checks templates
/// against it when they are saved: ``Template/validate(against:)``.
public struct TemplateSchema: Hashable, Sendable {
    /// Whether a path always has a value.
    public enum Presence: Hashable, Sendable {
        /// The host always supplies a non-empty value (a ticket's number).
        case always
        /// The value may be missing (a contact's first name): templates must give a fallback.
        case optional
    }

    /// Every known path and its presence.
    public var paths: [String: Presence]

    /// Creates a schema from paths and their presence.
    public init(_ paths: [String: Presence]) { self.paths = paths }

    /// Creates a schema from the paths always present and those that may be missing.
    ///
    /// A path named in both counts as optional.
    public init(always: Set<String> = [], optional: Set<String> = []) {
        var paths: [String: Presence] = [:]
        for path in always { paths[path] = .always }
        for path in optional { paths[path] = .optional }
        self.paths = paths
    }

    /// The presence of `path`, or `nil` when the schema does not know it.
    public func presence(of path: String) -> Presence? { paths[path] }
}

extension Template {
    /// Every placeholder `schema` rejects, sorted by path and then position: unknown paths, and
    /// optional paths written without a fallback.
    public func issues(against schema: TemplateSchema) -> [TemplateIssue] {
        var issues: [TemplateIssue] = []
        for placeholder in placeholders {
            switch schema.presence(of: placeholder.path) {
            case nil:
                issues.append(TemplateIssue(code: .unknownPlaceholder, path: placeholder.path, position: placeholder.position))
            case .optional? where placeholder.fallback == nil:
                issues.append(TemplateIssue(code: .missingFallback, path: placeholder.path, position: placeholder.position))
            default:
                break
            }
        }
        return issues.sorted { ($0.path, $0.position.offset) < ($1.path, $1.position.offset) }
    }

    /// Throws unless every placeholder is known to `schema` and every optional one has a fallback.
    ///
    /// The error's code is `.unknownPlaceholder` when any path is unknown, `.missingFallback`
    /// otherwise; its `issues` list every rejected placeholder.
    public func validate(against schema: TemplateSchema) throws(TemplateError) {
        let issues = issues(against: schema)
        guard let first = issues.first else { return }
        let unknown = issues.filter { $0.code == .unknownPlaceholder }
        if unknown.isEmpty {
            throw TemplateError(.missingFallback, at: first.position,
                                "placeholders that may be missing need a fallback", issues: issues)
        }
        let names = Set(unknown.map(\.path)).sorted().joined(separator: ", ")
        throw TemplateError(.unknownPlaceholder, at: first.position, "unknown placeholders \(names)", issues: issues)
    }
}
