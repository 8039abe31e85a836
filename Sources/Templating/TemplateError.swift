/// Where something sits in a template's source text.
///
/// `line` and `column` are 1-based; a column counts Unicode scalars, so each Cyrillic letter is one
/// column. `offset` is the 0-based UTF-8 byte offset into the source.
public struct TemplatePosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The 1-based line (lines end at `\n`).
    public let line: Int
    /// The 1-based column, in Unicode scalars from the start of the line.
    public let column: Int
    /// The 0-based UTF-8 byte offset from the start of the source.
    public let offset: Int

    /// Creates a position; tests and hosts use it to compare with a reported one.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// Positions order by their offset in the source.
    public static func < (lhs: TemplatePosition, rhs: TemplatePosition) -> Bool { lhs.offset < rhs.offset }

    /// `line 2, column 7`.
    public var description: String { "line \(line), column \(column)" }
}

/// One placeholder a schema rejects: its path, where it is, and why.
public struct TemplateIssue: Hashable, Sendable, CustomStringConvertible {
    /// Why the placeholder is rejected: `.unknownPlaceholder` or `.missingFallback`.
    public let code: TemplateError.Code
    /// The placeholder's dotted path, e.g. `contact.firstName`.
    public let path: String
    /// Where the placeholder's `{{` stands.
    public let position: TemplatePosition

    /// Creates an issue; hosts and tests use it to compare with reported ones.
    public init(code: TemplateError.Code, path: String, position: TemplatePosition) {
        self.code = code
        self.path = path
        self.position = position
    }

    /// `line 1, column 8: unknown placeholder 'ticket.numbr'`.
    public var description: String {
        switch code {
        case .missingFallback:
            "\(position): '\(path)' may be missing and has no fallback (write {{ \(path) | \"…\" }})"
        default:
            "\(position): unknown placeholder '\(path)'"
        }
    }
}

/// Every failure of the Templating module: a stable `code` to switch on, where, and a message.
///
/// Parsing errors carry the `position` of the problem. A schema validation error lists every
/// rejected placeholder in `issues` (sorted by path, then position); `position` is the first's.
public struct TemplateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, as a stable value that can gain members without breaking a host's `switch`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Hashable, Sendable {
            case unclosedPlaceholder, emptyPlaceholder, malformedPath, malformedFallback, unclosedFallback
            case strayClosingBraces, templateTooLong, tooManyPlaceholders, unknownPlaceholder, missingFallback
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// A `{{` with no `}}` to close it.
        public static let unclosedPlaceholder = Code(.unclosedPlaceholder)
        /// `{{ }}`: a placeholder without a path.
        public static let emptyPlaceholder = Code(.emptyPlaceholder)
        /// A path that is not dotted identifiers (`ticket..number`, `1st`, `a b`, `{{{ a }}}`).
        public static let malformedPath = Code(.malformedPath)
        /// A fallback that is not one quoted string, or an unknown `\` escape in it.
        public static let malformedFallback = Code(.malformedFallback)
        /// A fallback string whose closing `"` is missing.
        public static let unclosedFallback = Code(.unclosedFallback)
        /// A `}}` outside a placeholder (write `}}}}` for a literal `}}`).
        public static let strayClosingBraces = Code(.strayClosingBraces)
        /// The source is longer than `TemplateLimits.maximumBytes`.
        public static let templateTooLong = Code(.templateTooLong)
        /// The source holds more than `TemplateLimits.maximumPlaceholders` placeholders.
        public static let tooManyPlaceholders = Code(.tooManyPlaceholders)
        /// A placeholder whose path the schema does not know.
        public static let unknownPlaceholder = Code(.unknownPlaceholder)
        /// A placeholder the schema marks optional, written without a fallback.
        public static let missingFallback = Code(.missingFallback)

        /// The code's name, e.g. `unclosedPlaceholder`.
        public var description: String { value.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// Where: the problem's position for parsing errors, the first issue's for validation errors.
    public let position: TemplatePosition?
    /// Every placeholder a schema rejected (empty for parsing errors).
    public let issues: [TemplateIssue]
    /// A readable explanation, without the position.
    public let message: String

    init(_ code: Code, at position: TemplatePosition?, _ message: String, issues: [TemplateIssue] = []) {
        self.code = code
        self.position = position
        self.message = message
        self.issues = issues
    }

    /// `line 1, column 8: unclosed '{{' …`, or the list of issues.
    public var description: String {
        if !issues.isEmpty { return message + ": " + issues.map(\.description).joined(separator: "; ") }
        guard let position else { return message }
        return "\(position): \(message)"
    }
}
