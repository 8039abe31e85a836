import Foundation
import HelpDeskKit
import HelpDeskTestSupport

extension HostileCommandCatalog {
    /// The seeded sections (``AccessCatalog/seedKnowledge(_:alpha:)``).
    static let knowledgeSections = [AccessCatalog.deskSection, AccessCatalog.alphaSection]
    /// The seeded articles.
    static let knowledgeArticles = [
        AccessCatalog.internalArticle, AccessCatalog.publicArticle, AccessCatalog.alphaArticle,
    ]

    /// An audience: the desk, or a real or hostile client scope.
    static func knowledgeAudience(_ d: inout HostileDraw) -> KnowledgeAudience {
        guard d.bool() else { return .desk }
        return .client(
            KnowledgeClientScope(
                companyID: d.id(d.companies), locationID: d.optionalID(d.locations), assetID: d.optionalID(d.assets)))
    }

    static func knowledgeSection(_ d: inout HostileDraw) -> KnowledgeSectionDefinition {
        KnowledgeSectionDefinition(
            title: d.text(["Printers"]), parentID: d.optionalID(knowledgeSections), position: d.int(),
            audience: knowledgeAudience(&d), reviewIntervalDays: d.optionalInt())
    }

    static func knowledgeContent(_ d: inout HostileDraw) -> KnowledgeContent {
        let tags: [String] = d.hostile() ? (0..<Int(d.random.next() % 40)).map { _ in d.text(["toner"]) } : ["toner"]
        return KnowledgeContent(
            title: d.text(["Replace the toner"]), body: d.text(["Open the front panel."]),
            format: d.pick(KnowledgeBodyFormat.allCases), tags: tags, attachments: d.attachments())
    }

    static func knowledgeLink(_ d: inout HostileDraw) -> KnowledgeLink {
        switch d.random.next() % 4 {
        case 0: .company(d.id(d.companies))
        case 1: .location(d.id(d.locations))
        case 2: .asset(d.id(d.assets))
        default: .category(d.id(d.categories))
        }
    }

    static func knowledgeSettings(_ d: inout HostileDraw) -> KnowledgeArticleSettings {
        let links = (0..<Int(d.random.next() % (d.hostile() ? 80 : 3))).map { _ in knowledgeLink(&d) }
        return KnowledgeArticleSettings(
            sectionID: d.id(knowledgeSections), reviewIntervalDays: d.optionalInt(), links: links)
    }

    static func knowledgeSchedule(_ d: inout HostileDraw) -> KnowledgeSchedule {
        KnowledgeSchedule(
            internalAt: d.optionalInstant(), publishedAt: d.optionalInstant(), archivedAt: d.optionalInstant())
    }

    static let knowledgeEntries: [HostileCommand] = [
        command("defineKnowledgeSection(_:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.defineKnowledgeSection(
                knowledgeSection(&d), by: d.performer(), idempotencyKey: d.key())
        },
        command("changeKnowledgeSection(_:_:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.changeKnowledgeSection(
                d.id(knowledgeSections), knowledgeSection(&d), by: d.performer(), idempotencyKey: d.key())
        },
        command("writeKnowledgeArticle(_:by:idempotencyKey:)") { d in
            let request = NewKnowledgeArticle(
                content: knowledgeContent(&d), settings: knowledgeSettings(&d), schedule: knowledgeSchedule(&d))
            _ = try await d.f.desk.writeKnowledgeArticle(request, by: d.performer(), idempotencyKey: d.key())
        },
        command("reviseKnowledgeArticle(_:_:note:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.reviseKnowledgeArticle(
                d.id(knowledgeArticles), knowledgeContent(&d), note: d.optionalText(), by: d.performer(),
                idempotencyKey: d.key())
        },
        command("restoreKnowledgeVersion(_:number:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.restoreKnowledgeVersion(
                d.id(knowledgeArticles), number: d.int(), by: d.performer(), idempotencyKey: d.key())
        },
        command("changeKnowledgeArticle(_:_:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.changeKnowledgeArticle(
                d.id(knowledgeArticles), knowledgeSettings(&d), by: d.performer(), idempotencyKey: d.key())
        },
        command("scheduleKnowledgeArticle(_:_:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.scheduleKnowledgeArticle(
                d.id(knowledgeArticles), knowledgeSchedule(&d), by: d.performer(), idempotencyKey: d.key())
        },
        command("verifyKnowledgeArticle(_:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.verifyKnowledgeArticle(
                d.id(knowledgeArticles), by: d.performer(), idempotencyKey: d.key())
        },
        read("knowledgeArticle(_:as:)") { d in
            _ = try await d.f.desk.knowledgeArticle(d.id(knowledgeArticles), as: d.performer())
        },
        read("knowledgeArticles(in:as:)") { d in
            _ = try await d.f.desk.knowledgeArticles(in: d.id(knowledgeSections), as: d.performer())
        },
        read("knowledgeSections(as:)") { d in _ = try await d.f.desk.knowledgeSections(as: d.performer()) },
        read("knowledgeVersions(of:as:)") { d in
            _ = try await d.f.desk.knowledgeVersions(of: d.id(knowledgeArticles), as: d.performer())
        },
        read("citedKnowledgeArticles(on:as:)") { d in
            _ = try await d.f.desk.citedKnowledgeArticles(on: d.id(d.tickets), as: d.performer())
        },
        read("knowledgeCitations(of:as:)") { d in
            _ = try await d.f.desk.knowledgeCitations(of: d.id(knowledgeArticles), as: d.performer())
        },
        read("knowledgeCitationReport(citedIn:as:)") { d in
            _ = try await d.f.desk.knowledgeCitationReport(citedIn: d.period(), as: d.performer())
        },
        read("staleKnowledgeArticles(citedIn:as:)") { d in
            _ = try await d.f.desk.staleKnowledgeArticles(citedIn: d.period(), as: d.performer())
        },
    ]
}
