import Foundation
import TextSearch

/// An engine's search index of its store's knowledge base, cached under the store's
/// ``KnowledgeStamp`` and partitioned by visibility as of the instant it last looked.
///
/// The articles and sections it holds are those it indexed, so a hit is shown from the same
/// snapshot it was ranked in. Scheduled visibility (a future `publishedAt`, `internalAt` or
/// `archivedAt`) moves an article to its new partition at the first search after that instant,
/// without a write: the index keeps each article's next such instant.
struct KnowledgeIndex: Sendable {
    /// Field weights: a word in the title counts three times one in the body, a tag twice.
    static let fields = [
        SearchField("title", weight: 3), SearchField("tags", weight: 2), SearchField("body", weight: 1),
    ]

    /// What the index knows of one article.
    struct Entry: Sendable {
        var article: KnowledgeArticle
        var partition: Int
        /// The article's next visibility change after the instant it was partitioned at.
        var nextChange: Date?
    }

    private(set) var stamp: KnowledgeStamp?
    /// The index; `nil` only if `TextSearch` refused the three constant fields (then nothing is found).
    private(set) var search: SearchIndex<KnowledgeArticleID>?
    private(set) var partitions = KnowledgePartitions()
    private(set) var entries: [KnowledgeArticleID: Entry] = [:]
    private(set) var sections: [KnowledgeSectionID: KnowledgeSection] = [:]
    /// The instant partitions reflect.
    private var partitionedAt = Date.distantPast
    /// The earliest ``Entry/nextChange``.
    private var nextChange: Date?

    /// An empty index.
    init() {
        search = try? SearchIndex(fields: Self.fields)
    }

    /// `true` when the index reflects `stamp` and every visibility change up to `instant`.
    func isCurrent(stamp: KnowledgeStamp, at instant: Date) -> Bool {
        self.stamp == stamp && instant >= partitionedAt && nextChange.map { instant < $0 } ?? true
    }

    /// Brings the index in step with the store's `sections` and every one of its `articles`, read
    /// under `stamp`, partitioned as of `instant`: only new, edited or moved articles are analyzed
    /// again, and articles no longer stored leave.
    mutating func sync(
        stamp: KnowledgeStamp, sections stored: [KnowledgeSection], articles: [KnowledgeArticle], at instant: Date
    ) {
        sections = Dictionary(stored.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<KnowledgeArticleID>(minimumCapacity: articles.count)
        for article in articles {
            seen.insert(article.id)
            place(article, at: instant, reanalyze: entries[article.id]?.article != article)
        }
        for id in entries.keys where !seen.contains(id) {
            entries.removeValue(forKey: id)
            search?.remove(id)
        }
        finish(stamp: stamp, at: instant)
    }

    /// Moves the articles whose visibility changed since the index last looked to their
    /// partitions as of `instant` (every article when the clock went back).
    mutating func repartition(at instant: Date) {
        let wentBack = instant < partitionedAt
        let due = entries.values.filter { wentBack || $0.nextChange.map { $0 <= instant } ?? false }
        for entry in due { place(entry.article, at: instant, reanalyze: false) }
        finish(stamp: stamp, at: instant)
    }

    /// The partitions whose state and audience `mayRead` allows.
    func visiblePartitions(where mayRead: (KnowledgeVisibility, KnowledgeAudience) -> Bool) -> Set<Int> {
        partitions.visible(where: mayRead)
    }

    /// Files `article` in its partition as of `instant`, analyzing its text again when asked to or
    /// when it is new. An article whose section is gone is left out (editors still reach it directly).
    private mutating func place(_ article: KnowledgeArticle, at instant: Date, reanalyze: Bool) {
        guard let section = sections[article.sectionID] else {
            if entries.removeValue(forKey: article.id) != nil { search?.remove(article.id) }
            return
        }
        let partition = partitions.number(article.visibility(at: instant), section.audience)
        let entry = Entry(
            article: article, partition: partition, nextChange: Self.nextChange(of: article, after: instant))
        let previous = entries.updateValue(entry, forKey: article.id)
        if reanalyze || previous == nil {
            let content = article.content
            // The fields are the index's own three; a refusal means an article too large to count.
            do {
                try search?.upsert(
                    article.id, partition: partition,
                    fields: [content.title, content.tags.joined(separator: " "), content.body])
            } catch {
                entries.removeValue(forKey: article.id)
                search?.remove(article.id)
            }
        } else if previous?.partition != partition {
            search?.move(article.id, toPartition: partition)
        }
    }

    private mutating func finish(stamp: KnowledgeStamp?, at instant: Date) {
        self.stamp = stamp
        partitionedAt = instant
        nextChange = entries.values.lazy.compactMap(\.nextChange).min()
    }

    /// The first of the article's visibility timestamps after `instant`.
    private static func nextChange(of article: KnowledgeArticle, after instant: Date) -> Date? {
        [article.internalAt, article.publishedAt, article.archivedAt].compactMap { $0 }.filter { $0 > instant }.min()
    }
}
