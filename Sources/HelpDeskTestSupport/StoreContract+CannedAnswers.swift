import Foundation
import HelpDeskKit
import Templating

extension StoreContract {
    /// A canned answer with a folder, non-Latin text, a fallback and a status.
    static func cannedAnswer(
        _ name: String, shortcut: String, audience: CannedAnswerAudience = .everyone, ids: inout SeededIdentifierSource
    ) -> CannedAnswer {
        let body: Template
        do {
            body = try Template(
                parsing: "Здравствуйте, {{ requester.firstName | \"коллеги\" }}! «{{ ticket.title }}» 🖨️")
        } catch { fatalError("the contract's template does not parse: \(error)") }
        return CannedAnswer(
            id: ids.next(),
            definition: CannedAnswerDefinition(
                name: name, folder: "Принтеры", shortcut: shortcut, body: body, visibility: .public, audience: audience,
                setStatus: "waiting_for_client"),
            createdBy: .employee(ids.next()), createdAt: start.addingTimeInterval(0.125))
    }

    static let cannedAnswerChecks: [ContractCheck] = [
        ContractCheck(
            "canned answers round-trip by name, are found by folded shortcut while active, and change under their revision"
        ) { store in
            let answers = try requireFeature((any CannedAnswerRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 160)
            let paper = cannedAnswer("Замятие бумаги", shortcut: "Paper", ids: &ids)
            let ink = cannedAnswer("Cartridge", shortcut: "ink", audience: .owner(ids.next()), ids: &ids)
            var work = UnitOfWork()
            work.cannedAnswerWrites = [paper, ink].map { CannedAnswerWrite(answer: $0, expectedRevision: nil) }
            try await store.commit(work)
            try requireEqual(try await answers.cannedAnswers(), [ink, paper], "by name")
            try requireEqual(try await answers.cannedAnswer(paper.id), paper, "by identifier")
            try requireEqual(try await answers.cannedAnswer(ids.next()), nil, "unknown answer")
            try requireEqual(try await answers.cannedAnswer(shortcut: "paper"), paper, "by folded shortcut")
            try requireEqual(try await answers.cannedAnswer(shortcut: "Paper"), nil, "the shortcut is asked folded")
            var retired = paper
            retired.revision = 2
            retired.retiredAt = start.addingTimeInterval(60)
            retired.changedBy = .system
            retired.changedAt = start.addingTimeInterval(60)
            var change = UnitOfWork()
            change.cannedAnswerWrites = [CannedAnswerWrite(answer: retired, expectedRevision: 1)]
            try await store.commit(change)
            try requireEqual(try await answers.cannedAnswer(paper.id), retired, "retired, still readable")
            try requireEqual(try await answers.cannedAnswer(shortcut: "paper"), nil, "a retired answer has no shortcut")
            let again = cannedAnswer("Paper again", shortcut: "PAPER", ids: &ids)
            var reuse = UnitOfWork()
            reuse.cannedAnswerWrites = [CannedAnswerWrite(answer: again, expectedRevision: nil)]
            try await store.commit(reuse)
            try requireEqual(try await answers.cannedAnswer(shortcut: "paper"), again, "the freed shortcut is reused")
        },
        ContractCheck("a canned answer under a stale revision, a taken shortcut or a known identifier is a conflict") {
            store in
            _ = try requireFeature((any CannedAnswerRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 161)
            let one = cannedAnswer("One", shortcut: "one", ids: &ids)
            var work = UnitOfWork()
            work.cannedAnswerWrites = [CannedAnswerWrite(answer: one, expectedRevision: nil)]
            try await store.commit(work)
            let before = try await StoreSnapshot.capture(store)
            var stale = one
            stale.revision = 3
            var refused: [UnitOfWork] = []
            for write in [
                CannedAnswerWrite(answer: stale, expectedRevision: 2),
                CannedAnswerWrite(answer: one, expectedRevision: nil),
                CannedAnswerWrite(answer: cannedAnswer("Two", shortcut: "ONE", ids: &ids), expectedRevision: nil),
            ] {
                var unit = UnitOfWork()
                unit.cannedAnswerWrites = [write]
                refused.append(unit)
            }
            for unit in refused { try await requireStorageError(.conflict) { try await store.commit(unit) } }
            try requireEqual(try await StoreSnapshot.capture(store), before, "refused units change nothing")
        },
        ContractCheck("a unit that used a canned answer commits only while the answer is active at that revision") {
            store in
            _ = try requireFeature((any CannedAnswerRepository).self, of: store)
            var ids = SeededIdentifierSource(seed: 162)
            let answer = cannedAnswer("Used", shortcut: "used", ids: &ids)
            let ticket = fullTicket(number: 1, ids: &ids)
            var setup = creation(of: ticket, ids: &ids)
            setup.cannedAnswerWrites = [CannedAnswerWrite(answer: answer, expectedRevision: nil)]
            try await store.commit(setup)
            func reply(_ use: CannedAnswerUse) -> UnitOfWork {
                var unit = UnitOfWork()
                unit.comments = [
                    Comment(
                        id: ids.next(), ticketID: ticket.id, author: .system, body: "From the answer",
                        visibility: .public, createdAt: start.addingTimeInterval(5))
                ]
                unit.cannedAnswerUses = [use]
                return unit
            }
            let used = reply(CannedAnswerUse(id: answer.id, revision: 1))
            try await store.commit(used)
            try requireEqual(try await store.comments(on: ticket.id).last, used.comments[0], "the reply is stored")
            var retired = answer
            retired.revision = 2
            retired.retiredAt = start.addingTimeInterval(6)
            var retire = UnitOfWork()
            retire.cannedAnswerWrites = [CannedAnswerWrite(answer: retired, expectedRevision: 1)]
            try await store.commit(retire)
            let before = try await StoreSnapshot.capture(store)
            for use in [
                CannedAnswerUse(id: answer.id, revision: 1), CannedAnswerUse(id: answer.id, revision: 2),
                CannedAnswerUse(id: ids.next(), revision: 1),
            ] {
                let unit = reply(use)
                try await requireStorageError(.conflict) { try await store.commit(unit) }
            }
            try requireEqual(try await StoreSnapshot.capture(store), before, "a stale use writes nothing of its unit")
        },
    ]
}

extension StoreContract {
    /// Two engines over one store change and use one canned answer at once: of two updates based
    /// on the same revision exactly one wins; updates without a revision are serialised (each gets
    /// its own revision, none is lost); every reply made meanwhile carries one committed version's
    /// text. Returns what went wrong.
    public static func cannedAnswerRace(_ test: TestDesk) async throws -> [String] {
        let second = test.secondEngine(seed: 1_616)
        let engines = [test.desk, second]
        let anna = Performer.employee(test.anna.id)
        func definition(_ version: Int) throws -> CannedAnswerDefinition {
            try CannedAnswerDefinition(name: "Race", shortcut: "race", text: "Version \(version) {{ ticket.number }}")
        }
        let answer = try await test.desk.createCannedAnswer(try definition(0), by: .system)
        let ticket = try await test.ticket("Race")
        var problems: [String] = []
        // Two editors who both read revision 1.
        let pair = try await withThrowingTaskGroup(of: Result<CannedAnswer, HelpDeskError>.self) { group in
            for (index, engine) in engines.enumerated() {
                let update = try definition(100 + index)
                group.addTask {
                    do throws(HelpDeskError) {
                        return .success(
                            try await engine.updateCannedAnswer(answer.id, update, expectedRevision: 1, by: anna))
                    } catch { return .failure(error) }
                }
            }
            var results: [Result<CannedAnswer, HelpDeskError>] = []
            for try await result in group { results.append(result) }
            return results
        }
        let winners = pair.compactMap { try? $0.get() }
        if winners.count != 1 || winners.first?.revision != 2 { problems.append("two editors of revision 1: \(pair)") }
        for case .failure(let error) in pair where error != .cannedAnswerChanged(answer.id, revision: 2) {
            problems.append("the losing editor got \(error)")
        }
        // Blind updates and replies, spread over both engines.
        enum Outcome: Sendable {
            case updated(Int, version: Int)
            case replied(Comment)
            case failed(String, HelpDeskError)
        }
        let outcomes = try await withThrowingTaskGroup(of: Outcome.self) { group in
            for index in 0..<16 {
                let engine = engines[index % 2]
                let update = try definition(index)
                group.addTask {
                    do throws(HelpDeskError) {
                        if index.isMultiple(of: 4) || index % 4 == 1 {
                            let saved = try await engine.updateCannedAnswer(answer.id, update, by: anna)
                            return .updated(saved.revision, version: index)
                        }
                        return .replied(try await engine.answerWithCannedAnswer(answer.id, on: ticket.id, by: anna))
                    } catch { return .failed("command \(index)", error) }
                }
            }
            var outcomes: [Outcome] = []
            for try await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        var revisions: [Int] = []
        var versions: Set<String> = ["Version 100", "Version 101"]
        var replies: [Comment] = []
        for outcome in outcomes {
            switch outcome {
            case .updated(let revision, let version):
                revisions.append(revision)
                versions.insert("Version \(version)")
            case .replied(let comment): replies.append(comment)
            case .failed(let label, let error) where error.code != .conflict: problems.append("\(label): \(error)")
            case .failed: break
            }
        }
        let stored = try await test.desk.cannedAnswer(answer.id, as: .system)
        if Set(revisions).count != revisions.count {
            problems.append("two updates got one revision: \(revisions.sorted())")
        }
        if stored.revision != 2 + revisions.count {
            problems.append("revision \(stored.revision) after \(revisions.count) blind updates on revision 2")
        }
        let comments = try await test.desk.comments(on: ticket.id, as: .system)
        for reply in replies {
            if !comments.contains(reply) { problems.append("reply \(reply.id) is not stored") }
            let version = reply.body.components(separatedBy: " \(ticket.number)").first ?? ""
            if !versions.contains(version) || reply.body != "\(version) \(ticket.number)" {
                problems.append("reply \(reply.body) is no committed version")
            }
        }
        if replies.isEmpty { problems.append("no reply got through") }
        return problems
    }
}
