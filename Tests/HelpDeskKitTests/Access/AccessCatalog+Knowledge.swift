import Foundation
import HelpDeskKit
import HelpDeskTestSupport

/// The knowledge base: editing needs `kb.edit`, internal articles `kb.readInternal`; public
/// articles are read by everyone the visibility function lets read them (contacts of Alpha read
/// Alpha's own section, Beta's contact does not even learn it exists).
extension AccessCatalog {
    static let deskSection: KnowledgeSectionID = Identifier(UUID(uuidString: "00000000-0000-4000-8000-00000000cb01")!)
    static let alphaSection: KnowledgeSectionID = Identifier(UUID(uuidString: "00000000-0000-4000-8000-00000000cb02")!)
    static let internalArticle: KnowledgeArticleID =
        Identifier(UUID(uuidString: "00000000-0000-4000-8000-00000000cb11")!)
    static let publicArticle: KnowledgeArticleID = Identifier(UUID(uuidString: "00000000-0000-4000-8000-00000000cb12")!)
    static let alphaArticle: KnowledgeArticleID = Identifier(UUID(uuidString: "00000000-0000-4000-8000-00000000cb13")!)

    /// Seeds a desk section with an internal and a public article, and Alpha's own section with a
    /// public article (called by ``AccessFixture/make()``).
    static func seedKnowledge(_ test: TestDesk, alpha: CompanyID) async throws {
        let yesterday = TestDesk.start.addingTimeInterval(-86_400)
        let sections = [
            KnowledgeSection(id: deskSection, title: "Printers", reviewIntervalDays: 30, createdAt: yesterday),
            KnowledgeSection(
                id: alphaSection, title: "Alpha's network", audience: .client(KnowledgeClientScope(companyID: alpha)),
                createdAt: yesterday),
        ]
        func article(_ id: KnowledgeArticleID, in section: KnowledgeSectionID, _ title: String, public: Bool)
            -> KnowledgeArticle
        {
            KnowledgeArticle(
                id: id, sectionID: section, content: KnowledgeContent(title: title, body: "How to: \(title)."),
                authorID: test.anna.id, createdAt: yesterday, internalAt: yesterday,
                publishedAt: `public` ? yesterday : nil, reviewIntervalDays: 7,
                reviewDueAt: yesterday.addingTimeInterval(7 * 86_400))
        }
        let articles = [
            article(internalArticle, in: deskSection, "Reset the print server", public: false),
            article(publicArticle, in: deskSection, "Replace the toner", public: true),
            article(alphaArticle, in: alphaSection, "Alpha's VPN", public: true),
        ]
        var work = UnitOfWork()
        work.knowledge.sectionWrites = sections.map { KnowledgeSectionWrite(section: $0, expectedRevision: nil) }
        work.knowledge.articleWrites = articles.map { KnowledgeArticleWrite(article: $0, expectedRevision: nil) }
        work.knowledge.versions = articles.map {
            KnowledgeArticleVersion(
                articleID: $0.id, number: 1, content: $0.content, editorID: test.anna.id, at: yesterday)
        }
        try await test.store.commit(work)
    }

    /// What each knowledge entry needs (merged into ``RolePermissionMatrixTests/needs``).
    static let knowledgeNeeds: [String: Set<AccessAction>] = [
        "defineKnowledgeSection: Scanners": [.editKnowledge],
        "changeKnowledgeSection: Printers renamed": [.editKnowledge],
        "writeKnowledgeArticle: a draft": [.editKnowledge],
        "reviseKnowledgeArticle: the internal one": [.editKnowledge],
        "restoreKnowledgeVersion: version 1": [.editKnowledge], "changeKnowledgeArticle: links Alpha": [.editKnowledge],
        "scheduleKnowledgeArticle: publish tomorrow": [.editKnowledge], "verifyKnowledgeArticle": [.editKnowledge],
        "knowledgeArticle: Alpha's": [],
        "knowledgeArticles: in Alpha's section": [], "knowledgeSections": [],
        "knowledgeVersions: of the internal one": [.editKnowledge], "citedKnowledgeArticles: on a1": [.readTicket],
        "knowledgeCitations: of the public one": [.readInternalKnowledge],
        "knowledgeCitationReport: today": [.readInternalKnowledge], "staleKnowledgeArticles": [.editKnowledge],
    ]

    static let knowledgeEntries: [AccessEntry] = [
        E("defineKnowledgeSection(_:by:idempotencyKey:)", "defineKnowledgeSection: Scanners") { f, p in
            try await E.call {
                try await f.desk.defineKnowledgeSection(KnowledgeSectionDefinition(title: "Scanners"), by: p)
            }
        },
        E("changeKnowledgeSection(_:_:by:idempotencyKey:)", "changeKnowledgeSection: Printers renamed") { f, p in
            try await E.call {
                try await f.desk.changeKnowledgeSection(
                    deskSection, KnowledgeSectionDefinition(title: "Printers and copiers"), by: p)
            }
        },
        E("writeKnowledgeArticle(_:by:idempotencyKey:)", "writeKnowledgeArticle: a draft") { f, p in
            try await E.call {
                try await f.desk.writeKnowledgeArticle(
                    NewKnowledgeArticle(
                        content: KnowledgeContent(title: "Jams", body: "Open tray 2."),
                        settings: KnowledgeArticleSettings(sectionID: deskSection)), by: p)
            }
        },
        E("reviseKnowledgeArticle(_:_:note:by:idempotencyKey:)", "reviseKnowledgeArticle: the internal one") { f, p in
            try await E.call {
                try await f.desk.reviseKnowledgeArticle(
                    internalArticle, KnowledgeContent(title: "Reset the print server", body: "Hold the button."), by: p)
            }
        },
        E("restoreKnowledgeVersion(_:number:by:idempotencyKey:)", "restoreKnowledgeVersion: version 1") { f, p in
            try await E.call { try await f.desk.restoreKnowledgeVersion(internalArticle, number: 1, by: p) }
        },
        E("changeKnowledgeArticle(_:_:by:idempotencyKey:)", "changeKnowledgeArticle: links Alpha") { f, p in
            try await E.call {
                try await f.desk.changeKnowledgeArticle(
                    publicArticle, KnowledgeArticleSettings(sectionID: deskSection, links: [.company(f.alpha.id)]),
                    by: p)
            }
        },
        E("scheduleKnowledgeArticle(_:_:by:idempotencyKey:)", "scheduleKnowledgeArticle: publish tomorrow") { f, p in
            try await E.call {
                try await f.desk.scheduleKnowledgeArticle(
                    internalArticle,
                    KnowledgeSchedule(
                        internalAt: TestDesk.start, publishedAt: TestDesk.start.addingTimeInterval(86_400)),
                    by: p)
            }
        },
        E("verifyKnowledgeArticle(_:by:idempotencyKey:)", "verifyKnowledgeArticle") { f, p in
            try await E.call { try await f.desk.verifyKnowledgeArticle(publicArticle, by: p) }
        },
        E(
            "knowledgeArticle(_:as:)", "knowledgeArticle: Alpha's",
            foreign: .hidden { _ in HelpDeskError(.knowledgeArticleNotFound(alphaArticle)) }, ownContact: true,
            concernsAlpha: true
        ) { f, p in
            try await E.call { try await f.desk.knowledgeArticle(alphaArticle, as: p) }
        },
        E(
            "knowledgeArticles(in:as:)", "knowledgeArticles: in Alpha's section",
            foreign: .hidden { _ in HelpDeskError(.knowledgeSectionNotFound(alphaSection)) }, ownContact: true,
            concernsAlpha: true
        ) { f, p in
            try await E.call { try await f.desk.knowledgeArticles(in: alphaSection, as: p) }
        },
        E("knowledgeSections(as:)", "knowledgeSections", foreign: .allowed, ownContact: true) { f, p in
            try await E.call { try await f.desk.knowledgeSections(as: p) }
        },
        E("knowledgeVersions(of:as:)", "knowledgeVersions: of the internal one") { f, p in
            try await E.call { try await f.desk.knowledgeVersions(of: internalArticle, as: p) }
        },
        E(
            "citedKnowledgeArticles(on:as:)", "citedKnowledgeArticles: on a1", foreign: hidesA1, ownContact: true,
            concernsAlpha: true
        ) { f, p in
            try await E.call { try await f.desk.citedKnowledgeArticles(on: f.a1.id, as: p) }
        },
        E("knowledgeCitations(of:as:)", "knowledgeCitations: of the public one") { f, p in
            try await E.call { try await f.desk.knowledgeCitations(of: publicArticle, as: p) }
        },
        E("knowledgeCitationReport(citedIn:as:)", "knowledgeCitationReport: today") { f, p in
            try await E.call {
                try await f.desk.knowledgeCitationReport(
                    citedIn: TestDesk.start..<TestDesk.start.addingTimeInterval(86_400), as: p)
            }
        },
        E("staleKnowledgeArticles(citedIn:as:)", "staleKnowledgeArticles") { f, p in
            try await E.call {
                try await f.desk.staleKnowledgeArticles(
                    citedIn: TestDesk.start.addingTimeInterval(-86_400)..<TestDesk.start, as: p)
            }
        },
    ]
}
