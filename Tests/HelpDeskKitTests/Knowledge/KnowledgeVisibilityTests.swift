import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// The visibility function against a small reference model, as a matrix of reader kinds ×
/// visibility states × section audiences × instants, and through the engine for every kind of
/// performer (scheduled publishing included).
@Suite("Knowledge base: who may read which article when")
struct KnowledgeVisibilityTests {
    /// The reference: the state at `instant` as the timestamp that passed with the highest rank.
    static func referenceState(_ schedule: KnowledgeSchedule, at instant: Date) -> KnowledgeVisibility {
        let ranked: [(Date?, KnowledgeVisibility)] = [
            (schedule.archivedAt, .archived), (schedule.publishedAt, .public), (schedule.internalAt, .internal),
        ]
        return ranked.first { $0.0.map { $0 <= instant } ?? false }?.1 ?? .draft
    }

    /// The reference: written from the brief's rules, one reader kind at a time.
    static func referenceMayRead(_ reader: KnowledgeReader, _ state: KnowledgeVisibility, _ audience: KnowledgeAudience)
        -> Bool
    {
        let readable: Set<KnowledgeVisibility> =
            switch reader {
            case .editor: [.draft, .internal, .public, .archived]
            case .staff: [.internal, .public]
            case .employee, .client, .contact: [.public]
            }
        guard readable.contains(state) else { return false }
        switch (reader, audience) {
        case (.editor, _), (.staff, _), (.employee, _), (_, .desk): return true
        case (.client, .client): return false
        case (.contact(let company, let covered), .client(let scope)):
            if scope.companyID != company { return false }
            if scope.locationID == nil || covered == nil { return true }
            return covered!.contains(scope.locationID!)
        }
    }

    static let alpha = CompanyID(UUID(uuidString: "00000000-0000-4000-8000-0000000000a1")!)
    static let beta = CompanyID(UUID(uuidString: "00000000-0000-4000-8000-0000000000b1")!)
    static let office = LocationID(UUID(uuidString: "00000000-0000-4000-8000-0000000000c1")!)
    static let warehouse = LocationID(UUID(uuidString: "00000000-0000-4000-8000-0000000000c2")!)
    static let printer = AssetID(UUID(uuidString: "00000000-0000-4000-8000-0000000000d1")!)

    static let readers: [KnowledgeReader] = [
        .editor, .staff, .employee, .client, .contact(companyID: alpha, locationIDs: nil),
        .contact(companyID: alpha, locationIDs: [office]), .contact(companyID: alpha, locationIDs: [warehouse]),
        .contact(companyID: alpha, locationIDs: []), .contact(companyID: beta, locationIDs: nil),
    ]
    static let audiences: [KnowledgeAudience] = [
        .desk, .client(KnowledgeClientScope(companyID: alpha)),
        .client(KnowledgeClientScope(companyID: alpha, locationID: office)),
        .client(KnowledgeClientScope(companyID: alpha, locationID: warehouse, assetID: printer)),
        .client(KnowledgeClientScope(companyID: beta)),
    ]

    @Test func theMatrixOfReadersStatesAndAudiencesMatchesTheReference() {
        var readableCells = 0
        for reader in Self.readers {
            for state in KnowledgeVisibility.allCases {
                for audience in Self.audiences {
                    let expected = Self.referenceMayRead(reader, state, audience)
                    #expect(
                        KnowledgeAccess.mayRead(reader, state, audience: audience) == expected,
                        "\(reader) · \(state) · \(audience)")
                    if expected { readableCells += 1 }
                }
            }
        }
        #expect(readableCells > 40 && readableCells < 180, "the matrix has both outcomes: \(readableCells)")
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func randomSchedulesAtRandomInstantsMatchTheReference(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let base = TestDesk.start
        func instant() -> Date? {
            random.next() % 4 == 0 ? nil : base.addingTimeInterval(Double(random.next() % 10) * 3_600)
        }
        for _ in 0..<500 {
            let schedule = KnowledgeSchedule(internalAt: instant(), publishedAt: instant(), archivedAt: instant())
            let at = base.addingTimeInterval(Double(random.next() % 11) * 3_600 - 1_800 * Double(random.next() % 2))
            let state = KnowledgeVisibility(
                internalAt: schedule.internalAt, publishedAt: schedule.publishedAt, archivedAt: schedule.archivedAt,
                at: at)
            #expect(state == Self.referenceState(schedule, at: at), "\(schedule) at \(at)")
            let reader = Self.readers[Int(random.next() % UInt64(Self.readers.count))]
            let audience = Self.audiences[Int(random.next() % UInt64(Self.audiences.count))]
            let section = KnowledgeSection(id: Identifier(UUID()), title: "S", audience: audience, createdAt: base)
            let article = KnowledgeArticle(
                id: Identifier(UUID()), sectionID: section.id, content: KnowledgeContent(title: "T", body: "B"),
                authorID: Identifier(UUID()), createdAt: base, internalAt: schedule.internalAt,
                publishedAt: schedule.publishedAt, archivedAt: schedule.archivedAt)
            #expect(
                KnowledgeAccess.mayRead(reader, article, in: section, at: at)
                    == Self.referenceMayRead(reader, Self.referenceState(schedule, at: at), audience))
        }
    }

    @Test func aContactsReaderCoversItsCompanyOrItsLocations() async throws {
        let f = try await KnowledgeFixture.make()
        func authority(_ contact: Contact) -> ContactAuthority {
            ContactAuthority(contact: contact, sharing: .perMember)
        }
        #expect(KnowledgeReader(authority(f.carl)) == .contact(companyID: f.alpha.id, locationIDs: nil))
        #expect(KnowledgeReader(authority(f.lena)) == .contact(companyID: f.alpha.id, locationIDs: [f.warehouse.id]))
        #expect(KnowledgeReader(authority(f.alice)) == .contact(companyID: f.alpha.id, locationIDs: [f.office.id]))
    }

    /// Every performer kind reads, through the engine, exactly what the reference allows, before
    /// and after the scheduled instants pass (which takes no write).
    @Test func theEngineShowsEachPerformerExactlyWhatTheReferenceAllows() async throws {
        let f = try await KnowledgeFixture.make()
        let sections = [
            try await f.section("Desk"),
            try await f.section("Alpha", audience: .client(KnowledgeClientScope(companyID: f.alpha.id))),
            try await f.section(
                "Alpha office", audience: .client(KnowledgeClientScope(companyID: f.alpha.id, locationID: f.office.id))),
            try await f.section(
                "Alpha printer", audience: .client(KnowledgeClientScope(companyID: f.alpha.id, assetID: f.printer.id))),
            try await f.section("Beta", audience: .client(KnowledgeClientScope(companyID: f.beta.id))),
        ]
        #expect(sections[3].audience.companyID == f.alpha.id)
        if case .client(let scope) = sections[3].audience { #expect(scope.locationID == f.warehouse.id) }
        let now = f.now
        let hour = 3_600.0
        let schedules = [
            KnowledgeSchedule.draft, KnowledgeSchedule(internalAt: now),
            KnowledgeSchedule(internalAt: now, publishedAt: now),
            KnowledgeSchedule(internalAt: now, publishedAt: now, archivedAt: now),
            KnowledgeSchedule(internalAt: now, publishedAt: now.addingTimeInterval(hour)),
            KnowledgeSchedule(publishedAt: now, archivedAt: now.addingTimeInterval(2 * hour)),
        ]
        var articles: [(KnowledgeArticle, KnowledgeSection, KnowledgeSchedule)] = []
        for section in sections {
            for (index, schedule) in schedules.enumerated() {
                articles.append(
                    (
                        try await f.article("\(section.title) \(index)", in: section, schedule: schedule), section,
                        schedule
                    ))
            }
        }
        let performers: [(Performer, KnowledgeReader)] = [
            (.system, .editor), (f.editor, .editor), (.employee(f.reader.id), .staff),
            (.employee(f.clerk.id), .employee),
            (.contact(f.carl.id), .contact(companyID: f.alpha.id, locationIDs: nil)),
            (.contact(f.lena.id), .contact(companyID: f.alpha.id, locationIDs: [f.warehouse.id])),
            (.contact(f.alice.id), .contact(companyID: f.alpha.id, locationIDs: [f.office.id])),
            (.contact(f.bob.id), .contact(companyID: f.beta.id, locationIDs: nil)), (.client(name: "Walk-in"), .client),
        ]
        let stamp = try await (f.test.store as! InMemoryStore).knowledgeStamp()
        for offset in [0.0, hour, 2 * hour] {
            f.test.clock.set(to: now.addingTimeInterval(offset))
            let at = f.now
            for (performer, reader) in performers {
                for (article, section, schedule) in articles {
                    let expected = Self.referenceMayRead(
                        reader, Self.referenceState(schedule, at: at), section.audience)
                    do {
                        let read = try await f.desk.knowledgeArticle(article.id, as: performer)
                        #expect(expected && read == article, "\(performer) read \(article.title) at +\(offset)")
                    } catch {
                        #expect(!expected, "\(performer) could not read \(article.title) at +\(offset): \(error)")
                        #expect(error == HelpDeskError(.knowledgeArticleNotFound(article.id)), "hidden, not forbidden")
                    }
                }
                for section in sections {
                    let visible = Set(
                        articles.filter {
                            $0.1 == section
                                && Self.referenceMayRead(reader, Self.referenceState($0.2, at: at), section.audience)
                        }.map(\.0.id))
                    do {
                        let listed = try await f.desk.knowledgeArticles(in: section.id, as: performer)
                        #expect(Set(listed.map(\.id)) == visible, "\(performer) lists \(section.title) at +\(offset)")
                    } catch {
                        #expect(visible.isEmpty && !KnowledgeAccess.maySee(reader, section), "\(performer): \(error)")
                    }
                }
                let listed = Set(try await f.desk.knowledgeSections(as: performer).map(\.id))
                #expect(listed == Set(sections.filter { KnowledgeAccess.maySee(reader, $0) }.map(\.id)))
            }
        }
        #expect(
            try await (f.test.store as! InMemoryStore).knowledgeStamp() == stamp,
            "scheduled changes take effect without a write")
    }
}
