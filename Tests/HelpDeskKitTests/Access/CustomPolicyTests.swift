import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// The seam itself: an injected ``AccessPolicy`` is asked for every command and read, its
/// refusals hold everywhere, and its questions name the records concerned.
@Suite("A custom access policy is asked for every command and read")
struct CustomPolicyTests {
    @Test(arguments: AccessCatalog.entries)
    func theEngineAsksTheInjectedPolicy(_ entry: AccessEntry) async throws {
        let log = AccessLog()
        let f = try await AccessFixture.make().with(access: RecordingPolicy(log: log))
        let outcome = await Outcome.of { try await entry.run(f, f.anna) }
        AccessCheck.expect(outcome, .allowed, entry.label)
        let asked =
            log.requests.filter { $0.0.performer == f.anna }.count + log.scopes.filter { $0.performer == f.anna }.count
        await AccessCheck.withHole(entry.hole) {
            #expect(asked > 0, "\(entry.label) ran without asking the access policy about its performer")
        }
    }

    /// Refused everything, staff get what a stranger gets: a ticket they may not even read is not
    /// found (reads and commands alike), lists are empty, everything else is forbidden.
    @Test(arguments: AccessCatalog.entries)
    func aPolicyThatRefusesEverythingRefusesEveryEntry(_ entry: AccessEntry) async throws {
        let f = try await AccessFixture.make().with(access: DenyEverythingPolicy())
        let before = try await f.test.snapshot()
        let outcome = await Outcome.of { try await entry.run(f, f.anna) }
        let expected: Expected
        switch entry.foreign {
        case .hidden(let error): expected = .error(error(f))
        case .narrowed: expected = .tickets([])
        case .forbidden, .allowed: expected = .forbidden(f.anna)
        }
        await AccessCheck.withHole(entry.hole) {
            AccessCheck.expect(outcome, expected, entry.label)
        }
        #expect(try await f.test.snapshot() == before, "the refused call changed the store (or its outbox)")
    }

    @Test func anAccountManagerSeesAndTouchesOnlyItsCompany() async throws {
        let base = try await AccessFixture.make()
        let f = base.with(access: AccountManagerPolicy(manager: base.test.boris.id, company: base.alpha.id))
        #expect(try await f.desk.ticket(f.a1.id, as: f.boris) == f.a1)
        await #expect(throws: HelpDeskError.ticketNotFound(f.b1.id)) { try await f.desk.ticket(f.b1.id, as: f.boris) }
        await #expect(throws: HelpDeskError.ticketNumberNotFound(f.b1.number)) {
            try await f.desk.ticket(number: f.b1.number, as: f.boris)
        }
        let listed = try await f.desk.tickets(matching: TicketQuery(limit: TicketQuery.maximumLimit), as: f.boris)
            .tickets
        #expect(Set(listed.map(\.id)) == Set(f.alphaTickets.map(\.id)))
        let before = try await f.test.snapshot()
        let notFound = Expected.error(.ticketNotFound(f.b1.id))
        let refused: [(String, Expected, () async throws -> Void)] = [
            (
                "reply on Beta's ticket", notFound,
                { _ = try await f.desk.comment(on: f.b1.id, NewComment("Hi"), by: f.boris) }
            ),
            (
                "top up Beta", .forbidden(f.boris),
                {
                    try await f.desk.topUp(
                        f.beta.id, amount: AccessFixture.rub(1_00), paymentReference: "P-B2", by: f.boris)
                }
            ),
            (
                "read Beta's contacts", .forbidden(f.boris),
                { _ = try await f.desk.contacts(of: f.beta.id, as: f.boris) }
            ),
            (
                "log time on Beta's ticket", notFound,
                {
                    _ = try await f.desk.logTime(
                        on: f.b1.id, NewTimeEntry(workDate: AccessFixture.monday, minutes: 5),
                        by: .employee(f.test.boris.id))
                }
            ),
            (
                "read the time logged on Beta's ticket", notFound,
                { _ = try await f.desk.timeEntries(on: f.b1.id, as: f.boris) }
            ),
            ("read Beta's specification", notFound, { _ = try await f.desk.specification(of: f.b1.id, as: f.boris) }),
            (
                "merge Beta's ticket into Alpha's", notFound,
                { _ = try await f.desk.merge(f.b1.id, into: f.a1.id, by: f.boris) }
            ),
            (
                "merge Alpha's ticket into Beta's", notFound,
                { _ = try await f.desk.merge(f.a3.id, into: f.b1.id, by: f.boris) }
            ),
        ]
        for (name, expected, attempt) in refused {
            AccessCheck.expect(
                await Outcome.of {
                    try await attempt()
                    return []
                }, expected, "Boris may not \(name)")
        }
        #expect(try await f.test.snapshot() == before)
        // The standard rules still hold for everybody else.
        _ = try await f.desk.comment(on: f.b1.id, NewComment("Hi"), by: f.anna)
        await #expect(throws: HelpDeskError.ticketNotFound(f.b1.id)) { try await f.desk.ticket(f.b1.id, as: f.asAlice) }
    }

    /// A company-scoped policy can only decide when the engine tells it whose record is
    /// concerned: the manager of Alpha must be able to run every entry on Alpha's records.
    @Test(arguments: AccessCatalog.entries.filter(\.concernsAlpha))
    func everyQuestionAboutAlphasRecordsNamesAlpha(_ entry: AccessEntry) async throws {
        let base = try await AccessFixture.make()
        let log = AccessLog()
        let manager = AccountManagerPolicy(manager: base.test.boris.id, company: base.alpha.id)
        let f = base.with(access: RecordingPolicy(log: log, inner: manager))
        let outcome = await Outcome.of { try await entry.run(f, f.boris) }
        let named = log.requests.contains { principal, request in
            principal.performer == f.boris && (request.ticket?.companyID ?? request.companyID) == f.alpha.id
        }
        let scoped = entry.api == "tickets(matching:as:)" && log.scopes.contains { $0.performer == f.boris }
        await AccessCheck.withHole(entry.hole) {
            AccessCheck.expect(outcome, .allowed, "Alpha's account manager: \(entry.label)")
            #expect(named || scoped, "\(entry.label): no access question named Alpha")
        }
    }
}
