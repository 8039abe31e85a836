/// A field of the documents a ``SearchIndex`` holds, with its weight in ranking.
public struct SearchField: Sendable, Hashable {
    /// The field's name, for the caller's reference (the index knows fields by position).
    public var name: String
    /// The field's weight `w_f` in BM25F: finite, greater than 0 and at most ``SearchField/maximumWeight``.
    public var weight: Double

    /// The largest weight a field may have (larger weights could overflow a score).
    public static let maximumWeight = 1_000_000.0

    /// A field called `name` whose term frequencies count `weight` times.
    public init(_ name: String, weight: Double) {
        self.name = name
        self.weight = weight
    }
}

/// Whether a document must contain every query term or any of them.
public enum SearchMatch: Sendable, Hashable {
    /// Every query term occurs in some field of the document (SQLite FTS5's implicit AND).
    case all
    /// At least one query term occurs (suggestions from a ticket's title and description).
    case any
}

/// What to look for, in which partitions, and which page of the ranked hits to return.
public struct SearchQuery: Sendable, Hashable {
    /// The most distinct whole-word terms a query uses (its first ones); a longer query ignores the rest.
    public static let maximumTerms = 1_024

    /// The text the reader typed, analyzed like the documents.
    public var text: String
    /// The partitions the reader may see; documents elsewhere do not exist for this search.
    public var partitions: Set<Int>
    /// Whether every term or any term must match.
    public var match: SearchMatch
    /// Whether the last word, when the text does not end in a separator, is a prefix still being typed.
    public var asYouType: Bool
    /// The most hits to return (0 or less: none, while `total` is still counted).
    public var limit: Int
    /// How many of the best hits to skip (negative counts as 0).
    public var offset: Int

    /// A query for `text` in the `partitions` the reader may see.
    public init(
        _ text: String, partitions: Set<Int>, match: SearchMatch = .all, asYouType: Bool = false, limit: Int = 10,
        offset: Int = 0
    ) {
        self.text = text
        self.partitions = partitions
        self.match = match
        self.asYouType = asYouType
        self.limit = limit
        self.offset = offset
    }
}

/// One ranked document: its key and BM25F score.
public struct SearchHit<Key: Hashable & Sendable>: Sendable, Hashable {
    /// The caller's key of the document.
    public var key: Key
    /// The document's BM25F score for the query (higher is better).
    public var score: Double

    /// A hit for `key` scoring `score`.
    public init(key: Key, score: Double) {
        self.key = key
        self.score = score
    }
}

/// A page of ranked hits and how many visible documents match in all.
public struct SearchResult<Key: Hashable & Sendable>: Sendable, Hashable {
    /// The hits on the requested page, best first.
    public var hits: [SearchHit<Key>]
    /// The number of documents in the visible partitions that match the query.
    public var total: Int

    /// A result of `hits` out of `total` matches.
    public init(hits: [SearchHit<Key>], total: Int) {
        self.hits = hits
        self.total = total
    }
}

/// Why a ``SearchIndex`` refused a configuration or a document; a refused call changes nothing.
public enum SearchIndexError: Error, Sendable, Hashable {
    /// An index needs at least one field and at most ``SearchIndex/maximumFields``.
    case fieldCount(Int)
    /// A field's weight is not finite, not positive, or above ``SearchField/maximumWeight``.
    case invalidWeight(field: String)
    /// A document came with a different number of field texts than the index has fields.
    case fieldMismatch(expected: Int, got: Int)
    /// A field holds more terms than the index can count (2^31 − 1).
    case fieldTooLong
    /// The index holds as many documents or terms as its 32-bit numbering allows.
    case capacityExceeded
}
