/// Reads the desk's canned answers. Writes go through a ``UnitOfWork`` (``CannedAnswerChanges``).
public protocol CannedAnswerRepository: Sendable {
    /// The answer with `id` (retired ones included), or `nil`.
    func cannedAnswer(_ id: CannedAnswerID) async throws -> CannedAnswer?
    /// Every answer, retired ones included, by name then identifier.
    func cannedAnswers() async throws -> [CannedAnswer]
    /// The active answer whose shortcut, lowercased, is `folded`, or `nil`.
    func cannedAnswer(shortcut folded: String) async throws -> CannedAnswer?
}

/// A new or changed canned answer in a unit of work, with the revision it was based on.
public struct CannedAnswerWrite: Hashable, Sendable, Codable {
    /// The answer as it must be stored.
    public var answer: CannedAnswer
    /// The stored revision the change was computed from; `nil` for a new answer.
    public var expectedRevision: Int?

    /// Describes a write.
    public init(answer: CannedAnswer, expectedRevision: Int?) {
        self.answer = answer
        self.expectedRevision = expectedRevision
    }
}

/// A canned answer a unit rendered a comment from: the store refuses the unit (a conflict) unless
/// the answer is still active at this revision, so a concurrent change or retirement is never
/// mixed with an older text. Nothing is written.
public struct CannedAnswerUse: Hashable, Sendable, Codable {
    /// The answer.
    public var id: CannedAnswerID
    /// The revision the comment was rendered from.
    public var revision: Int

    /// Describes a use.
    public init(id: CannedAnswerID, revision: Int) {
        self.id = id
        self.revision = revision
    }
}

/// The canned-answer part of a ``UnitOfWork``.
public struct CannedAnswerChanges: CapabilityChanges {
    /// Answers to insert or replace, each under the revision it was based on.
    public var writes: [CannedAnswerWrite] = []
    /// Answers whose revision the unit relies on.
    public var uses: [CannedAnswerUse] = []

    /// No changes.
    public init() {}

    public var isEmpty: Bool { writes.isEmpty && uses.isEmpty }

    public func forEachConflictKey(_ body: (ConflictKey) -> Void) {
        // Shortcuts are unique across the desk: every write meets every other.
        if !writes.isEmpty { body(.record(kind: "cannedAnswers", id: "desk")) }
        for write in writes { body(.record(kind: "cannedAnswer", id: write.answer.id.description)) }
        for use in uses { body(.record(kind: "cannedAnswer", id: use.id.description)) }
    }

    private enum CodingKeys: String, CodingKey {
        case cannedAnswerWrites, cannedAnswerUses
    }

    /// Decodes leniently: units written before canned answers existed have none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        writes = try container.decodeIfPresent([CannedAnswerWrite].self, forKey: .cannedAnswerWrites) ?? []
        uses = try container.decodeIfPresent([CannedAnswerUse].self, forKey: .cannedAnswerUses) ?? []
    }

    /// Encodes only the non-empty lists.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if !writes.isEmpty { try container.encode(writes, forKey: .cannedAnswerWrites) }
        if !uses.isEmpty { try container.encode(uses, forKey: .cannedAnswerUses) }
    }
}

extension UnitOfWork {
    /// Canned answers to insert or replace (``CannedAnswerChanges/writes``).
    public var cannedAnswerWrites: [CannedAnswerWrite] {
        get { self[CannedAnswerChanges.self].writes }
        set { self[CannedAnswerChanges.self].writes = newValue }
    }

    /// Canned answers the unit rendered from (``CannedAnswerChanges/uses``).
    public var cannedAnswerUses: [CannedAnswerUse] {
        get { self[CannedAnswerChanges.self].uses }
        set { self[CannedAnswerChanges.self].uses = newValue }
    }
}

/// The canned answers of a ``StoreImage``.
public struct CannedAnswerImage: CapabilityImage {
    public static let key = "cannedAnswers"

    /// Every answer, by identifier.
    public var answers: [CannedAnswer]

    /// Describes the answers of an image.
    public init(answers: [CannedAnswer]) { self.answers = answers }

    /// No answers.
    public init() { self.init(answers: []) }

    public var isEmpty: Bool { answers.isEmpty }

    private enum CodingKeys: String, CodingKey {
        case answers
    }

    /// Decodes leniently: snapshots written before canned answers existed have none.
    public init(from decoder: any Decoder) throws {
        answers =
            try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent([CannedAnswer].self, forKey: .answers) ?? []
    }
}

extension StoreImage {
    /// The desk's canned answers.
    public var cannedAnswers: CannedAnswerImage {
        get { capabilities[CannedAnswerImage.self] }
        set { capabilities[CannedAnswerImage.self] = newValue }
    }
}

extension Capability {
    /// Canned answers: templates employees insert into tickets as comments.
    static let cannedAnswers = Capability(name: "cannedAnswers", tables: CannedAnswerTables.self)
}

/// The in-memory store's canned answers.
struct CannedAnswerTables: CapabilityTable {
    var answers: [CannedAnswerID: CannedAnswer] = [:]

    /// Checks writes and uses against the stored revisions (a use also needs an active answer),
    /// then that active shortcuts stay unique ignoring case.
    func validate(_ changes: CannedAnswerChanges, of work: UnitOfWork, in store: InMemoryStore.State)
        throws(StorageError)
    {
        for use in changes.uses {
            guard let stored = answers[use.id], stored.revision == use.revision, !stored.isRetired else {
                throw StorageError(.conflict, "canned answer \(use.id) is no longer active at revision \(use.revision)")
            }
        }
        guard !changes.writes.isEmpty else { return }
        var after = answers
        for write in changes.writes {
            let id = write.answer.id
            guard after[id]?.revision == write.expectedRevision else {
                throw StorageError(
                    .conflict,
                    "canned answer \(id) is at revision \(after[id].map { String($0.revision) } ?? "none"), not \(write.expectedRevision.map(String.init) ?? "none")"
                )
            }
            after[id] = write.answer
        }
        var shortcuts = Set<String>()
        for answer in after.values where !answer.isRetired {
            guard shortcuts.insert(answer.foldedShortcut).inserted else {
                throw StorageError(.conflict, "two canned answers have the shortcut \(answer.shortcut)")
            }
        }
    }

    /// Applies the writes of a validated unit (uses write nothing).
    mutating func apply(_ changes: CannedAnswerChanges) {
        for write in changes.writes { answers[write.answer.id] = write.answer }
    }

    /// Every answer by name, then identifier.
    var sorted: [CannedAnswer] { answers.values.sorted { ($0.name, $0.id) < ($1.name, $1.id) } }

    var image: CannedAnswerImage { CannedAnswerImage(answers: answers.values.sorted { $0.id < $1.id }) }

    init(image: CannedAnswerImage) {
        for answer in image.answers { answers[answer.id] = answer }
    }
}

extension InMemoryStore: CannedAnswerRepository {
    public func cannedAnswer(_ id: CannedAnswerID) async throws -> CannedAnswer? {
        state.withLock { $0.table(CannedAnswerTables.self).answers[id] }
    }

    public func cannedAnswers() async throws -> [CannedAnswer] {
        state.withLock { $0.table(CannedAnswerTables.self).sorted }
    }

    public func cannedAnswer(shortcut folded: String) async throws -> CannedAnswer? {
        state.withLock { state in
            state.table(CannedAnswerTables.self).answers.values.first { !$0.isRetired && $0.foldedShortcut == folded }
        }
    }
}
