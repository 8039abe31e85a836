import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Merging copies the source's conversation, attachments and watchers into the target, so the
/// target's client would read the source's client's conversation: tickets of two different client
/// companies (or a company's and a company-less one) are never merged, by anybody.
@Suite("Tickets of two clients are never merged")
struct MergeAcrossCompaniesTests {
    @Test func mergingTicketsOfTwoCompaniesIsRefusedAndChangesNothing() async throws {
        let f = try await AccessFixture.make()
        let before = try await f.test.snapshot()
        let pairs: [(String, Ticket, Ticket)] = [
            ("Beta's into Alpha's", f.b1, f.a1),
            ("Alpha's into Beta's", f.a3, f.b1),
            ("a company-less one into Alpha's", f.f1, f.aByName),
            ("Alpha's into a company-less one", f.aByName, f.f1),
        ]
        for (name, source, target) in pairs {
            for performer in [f.anna, f.boris, Performer.system] {
                let outcome = await Outcome.of { [try await f.desk.merge(source.id, into: target.id, by: performer)] }
                AccessCheck.expect(
                    outcome, .error(.mergeAcrossCompanies(source.number, target.number)), "\(performer) merges \(name)")
                if case .refused(let error) = outcome { #expect(error.code == .rejected) }
            }
        }
        #expect(try await f.test.snapshot() == before, "a refused merge changed the store (or its outbox)")
        // Nothing of Beta's reached Alice's ticket.
        let seen = try await f.desk.comments(on: f.a1.id, as: f.asAlice)
        #expect(!seen.contains { $0.mergedFrom != nil })
        #expect(seen.map(\.body) == ["We are on it.", "Thank you!"])
    }

    /// The control: two tickets of the same company still merge.
    @Test func ticketsOfOneCompanyStillMerge() async throws {
        let f = try await AccessFixture.make()
        let merged = try await f.desk.merge(f.a3.id, into: f.a1.id, by: f.anna)
        #expect(merged.id == f.a1.id)
        #expect(merged.links.contains(TicketLink(.duplicatedBy, to: f.a3.id)))
    }

    /// Two requesters without a company are two clients: their tickets are not merged.
    @Test func mergingTwoStrangersTicketsDoesNotShowOneTheOthersConversation() async throws {
        let f = try await AccessFixture.make()
        let olga = Performer.client(name: AccessFixture.olga)
        _ = try await f.desk.comment(on: f.f2.id, NewComment("My home address is 5 Lenina St."), by: olga)
        await #expect(throws: HelpDeskError.mergeAcrossCompanies(f.f2.number, f.f1.number)) {
            _ = try await f.desk.merge(f.f2.id, into: f.f1.id, by: f.anna)
        }
        let seen = try await f.desk.comments(on: f.f1.id, as: .client(name: AccessFixture.ivan))
        #expect(!seen.contains { $0.author == olga }, "Ivan reads Olga's reply: \(seen.map(\.body))")
    }
}
