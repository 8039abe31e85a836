import Foundation

/// What the record trail compares of a section: everything but its revision and stamps.
extension KnowledgeSection: TrailRecord {
    static let trailFields: [TrailField<KnowledgeSection>] = [
        TrailField("title") { $0.title }, TrailField("parent") { $0.parentID?.description },
        TrailField("position") { "\($0.position)" }, TrailField("audience") { $0.audience.description },
        TrailField("reviewIntervalDays") { $0.reviewIntervalDays.map { "\($0)" } },
    ]
}

/// What the record trail compares of an article: its title, section, version (the content itself is
/// in the versions), visibility timestamps, review settings and verification.
extension KnowledgeArticle: TrailRecord {
    static let trailFields: [TrailField<KnowledgeArticle>] = [
        TrailField("title") { $0.title }, TrailField("section") { $0.sectionID.description },
        TrailField("version") { "\($0.version)" }, TrailField("internalAt") { TrailText.instant($0.internalAt) },
        TrailField("publishedAt") { TrailText.instant($0.publishedAt) },
        TrailField("archivedAt") { TrailText.instant($0.archivedAt) },
        TrailField("reviewIntervalDays") { $0.reviewIntervalDays.map { "\($0)" } },
        TrailField("links") { $0.links.isEmpty ? nil : $0.links.map(\.key).joined(separator: ",") },
        TrailField("verifiedBy") { $0.verifiedBy?.description },
        TrailField("verifiedAt") { TrailText.instant($0.verifiedAt) },
    ]
}

extension HelpDesk {
    /// Records the trail entry of a knowledge record written over `old` (`nil`: created) by `performer`.
    func recordKnowledgeTrail<Record: TrailRecord>(
        _ subject: TrailSubject, from old: Record?, to new: Record, by performer: Performer,
        into work: inout UnitOfWork
    ) async throws(HelpDeskError) {
        try await recordTrail(
            old == nil ? .created : .updated, of: subject, company: nil, from: old, to: new, by: performer, into: &work)
    }
}
