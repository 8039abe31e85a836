import Foundation
import HelpDeskKit

/// Two engines on one store edit one knowledge article and cite it in comments at once. Every edit
/// either lands as exactly one version (versions numbered without gaps, the article at the last)
/// or fails cleanly with `conflict`; every comment that was accepted has its citation stored once.
public struct KnowledgeRace: Sendable {
    /// Edits per engine.
    public var edits = 6
    /// Citing comments per engine.
    public var citations = 6

    /// Describes the race.
    public init(edits: Int = 6, citations: Int = 6) {
        self.edits = edits
        self.citations = citations
    }

    /// Runs the race on `store` and returns what went wrong (empty when nothing was lost).
    public func check(on store: any HelpDeskStore) async throws -> [String] {
        let test = try await TestDesk.make(store: store)
        let engines = [test.desk, test.secondEngine(seed: 7_171)]
        let editor = Performer.employee(test.anna.id)
        let section = try await test.desk.defineKnowledgeSection(
            KnowledgeSectionDefinition(title: "Printers"), by: editor)
        let article = try await test.desk.writeKnowledgeArticle(
            NewKnowledgeArticle(
                content: KnowledgeContent(title: "Toner", body: "Shake it."),
                settings: KnowledgeArticleSettings(sectionID: section.id),
                schedule: KnowledgeSchedule(internalAt: TestDesk.start, publishedAt: TestDesk.start)),
            by: editor)
        let tickets = [try await test.ticket("First"), try await test.ticket("Second")]
        enum Outcome: Sendable {
            case edited(String)
            case cited(CommentID)
            case conflict
            case failed(String)
        }
        let (edits, citations) = (self.edits, self.citations)
        let outcomes = await withTaskGroup(of: [Outcome].self) { group in
            for (index, engine) in engines.enumerated() {
                group.addTask {
                    var outcomes: [Outcome] = []
                    for round in 0..<edits {
                        let body = "Engine \(index), edit \(round)"
                        do throws(HelpDeskError) {
                            _ = try await engine.reviseKnowledgeArticle(
                                article.id, KnowledgeContent(title: "Toner", body: body), by: editor)
                            outcomes.append(.edited(body))
                        } catch {
                            outcomes.append(error.code == .conflict ? .conflict : .failed("editing: \(error)"))
                        }
                    }
                    return outcomes
                }
                group.addTask {
                    var outcomes: [Outcome] = []
                    for round in 0..<citations {
                        do throws(HelpDeskError) {
                            let comment = try await engine.comment(
                                on: tickets[round % tickets.count].id,
                                NewComment("See the article.", citations: [article.id]), by: editor)
                            outcomes.append(.cited(comment.id))
                        } catch {
                            outcomes.append(error.code == .conflict ? .conflict : .failed("citing: \(error)"))
                        }
                    }
                    return outcomes
                }
            }
            var all: [Outcome] = []
            for await outcomes in group { all += outcomes }
            return all
        }
        var problems: [String] = []
        var landed = Set<String>()
        var comments = Set<CommentID>()
        for outcome in outcomes {
            switch outcome {
            case .edited(let body): landed.insert(body)
            case .cited(let comment): comments.insert(comment)
            case .conflict: break
            case .failed(let problem): problems.append(problem)
            }
        }
        if landed.isEmpty { problems.append("no edit landed") }
        let versions = try await test.desk.knowledgeVersions(of: article.id, as: editor)
        if versions.map(\.number) != Array(1...(landed.count + 1)) {
            problems.append("versions \(versions.map(\.number)) for \(landed.count) landed edits")
        }
        if Set(versions.dropFirst().map(\.content.body)) != landed { problems.append("an edit was lost or doubled") }
        let stored = try await test.desk.knowledgeArticle(article.id, as: editor)
        if stored.version != versions.count || stored.content != versions.last?.content {
            problems.append("the article is at version \(stored.version), not the last of \(versions.count)")
        }
        let cited = try await test.desk.knowledgeCitations(of: article.id, as: editor)
        if Set(cited.map(\.commentID)) != comments || cited.count != comments.count {
            problems.append("\(cited.count) citations stored for \(comments.count) accepted comments")
        }
        return problems
    }
}
