import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// The leak matrix: what Alice, Alpha's contact, sees of Alpha's and Beta's tickets.
@Suite("A contact sees only its company's client-visible data")
struct ContactVisibilityTests {
    @Test func aContactReadsItsCompanysTicketWithoutInternalNotes() async throws {
        let f = try await AccessFixture.make()
        #expect(try await f.desk.ticket(f.a1.id, as: f.asAlice) == f.a1)
        #expect(try await f.desk.ticket(number: f.a1.number, as: f.asAlice) == f.a1)
        let all = try await f.desk.comments(on: f.a1.id, as: f.anna)
        let seen = try await f.desk.comments(on: f.a1.id, as: f.asAlice)
        #expect(all.contains { $0.visibility == .internal }, "the fixture has an internal note to hide")
        #expect(seen == all.filter { $0.visibility == .public })
        #expect(seen.map(\.body) == ["We are on it.", "Thank you!"])
    }

    @Test func everythingInternalAboutItsTicketIsForbidden() async throws {
        let f = try await AccessFixture.make()
        let alice = f.asAlice
        let reads: [(String, () async throws -> Void)] = [
            ("audit trail", { _ = try await f.desk.auditTrail(of: f.a1.id, as: alice) }),
            ("time entries", { _ = try await f.desk.timeEntries(on: f.a1.id, as: alice) }),
            ("time entry", { _ = try await f.desk.timeEntry(f.a1Entry.id, as: alice) }),
            ("labor cost", { _ = try await f.desk.laborCost(of: f.a1Entry, as: alice) }),
            ("rating requests", { _ = try await f.desk.ratingRequests(of: f.aResolved.id, as: alice) }),
            ("ratings", { _ = try await f.desk.ratings(of: f.aResolved.id, as: alice) }),
            ("specification", { _ = try await f.desk.specification(of: f.a1.id, as: alice) }),
            ("balance", { _ = try await f.desk.balance(of: f.alpha.id, in: AccessFixture.rub, as: alice) }),
            ("contract", { _ = try await f.desk.contract(f.alphaContract.id, as: alice) }),
            ("contacts", { _ = try await f.desk.contacts(of: f.alpha.id, as: alice) }),
            ("employees", { _ = try await f.desk.employees(as: alice) }),
        ]
        for (what, read) in reads {
            let outcome = await Outcome.of { try await read(); return [] }
            AccessCheck.expect(outcome, .forbidden(alice), "Alice reads the \(what) of Alpha's records")
        }
    }

    /// Filters a contact might try, each naming Beta's records or none.
    static func probes(_ f: AccessFixture) -> [(String, TicketQuery)] {
        [
            ("unfiltered", TicketQuery(limit: TicketQuery.maximumLimit)),
            ("Beta explicitly", TicketQuery(companyIDs: [f.beta.id])),
            ("Alpha and Beta", TicketQuery(companyIDs: [f.alpha.id, f.beta.id])),
            ("tickets without a company", TicketQuery(companyIDs: [nil])),
            ("Bob's tickets", TicketQuery(requesters: [.contact(f.bob.id)])),
            ("Ivan's free-text tickets", TicketQuery(requesters: [.freeText(AccessFixture.ivan)])),
            ("Beta's printer", TicketQuery(assetIDs: [f.betaPrinter.id])),
            ("Beta's office", TicketQuery(locationIDs: [f.betaOffice.id])),
            ("Beta's contract", TicketQuery(contractIDs: [f.betaContract.id])),
            ("title Beta", TicketQuery(titleContains: "Beta")),
            ("open tickets", TicketQuery(statusCategories: [.new, .open])),
            ("the second page", TicketQuery(offset: 1, limit: 1)),
        ]
    }

    @Test func noFilterListsAnotherCompanysTicketsOrCountsThem() async throws {
        let f = try await AccessFixture.make()
        let alphas = Set(try await f.desk.tickets(matching: TicketQuery(companyIDs: [f.alpha.id]), as: f.anna).tickets.map(\.id))
        #expect(alphas == Set(f.alphaTickets.map(\.id)))
        for (name, query) in Self.probes(f) {
            let page = try await f.desk.tickets(matching: query, as: f.asAlice)
            let strays = page.tickets.filter { $0.companyID != f.alpha.id }
            #expect(strays.isEmpty, "Alice's query '\(name)' leaked \(strays.map(\.number))")
            let staff = try await f.desk.tickets(matching: query, as: f.anna)
            #expect(staff.totalCount > 0, "the probe '\(name)' finds nothing even for staff: it proves nothing")
            let alphaCount = try await f.desk.tickets(
                matching: { var q = query; q.companyIDs = (q.companyIDs ?? [f.alpha.id]).intersection([f.alpha.id]); return q }(),
                as: f.anna
            ).totalCount
            #expect(page.totalCount == alphaCount, "Alice's query '\(name)' counts \(page.totalCount), staff sees \(staff.totalCount)")
        }
        let everything = try await f.desk.tickets(matching: TicketQuery(limit: TicketQuery.maximumLimit), as: f.asAlice)
        #expect(Set(everything.tickets.map(\.id)) == alphas)
        // Beta's contact, symmetrically, never gets Alpha's.
        let bobs = try await f.desk.tickets(matching: TicketQuery(companyIDs: [f.alpha.id]), as: f.asBob)
        #expect(bobs.tickets.isEmpty && bobs.totalCount == 0)
    }

    @Test func anotherCompanysTicketIsNotFoundLikeOneThatDoesNotExist() async throws {
        let f = try await AccessFixture.make()
        let missingNumber = TicketNumber(99_999)
        let missingID: TicketID = Identifier(UUID())
        await #expect(throws: HelpDeskError.ticketNotFound(f.b1.id)) { try await f.desk.ticket(f.b1.id, as: f.asAlice) }
        await #expect(throws: HelpDeskError.ticketNumberNotFound(f.b1.number)) { try await f.desk.ticket(number: f.b1.number, as: f.asAlice) }
        await #expect(throws: HelpDeskError.ticketNotFound(f.b1.id)) { try await f.desk.comments(on: f.b1.id, as: f.asAlice) }
        await #expect(throws: HelpDeskError.ticketNotFound(f.b1.id)) { try await f.desk.auditTrail(of: f.b1.id, as: f.asAlice) }
        await #expect(throws: HelpDeskError.ticketNotFound(f.f1.id)) { try await f.desk.ticket(f.f1.id, as: f.asAlice) }
        // The same shape as for tickets that do not exist at all.
        await #expect(throws: HelpDeskError.ticketNumberNotFound(missingNumber)) { try await f.desk.ticket(number: missingNumber, as: f.asAlice) }
        await #expect(throws: HelpDeskError.ticketNotFound(missingID)) { try await f.desk.ticket(missingID, as: f.asAlice) }
    }

    /// Commands on a ticket the contact may not read answer "forbidden", naming the ticket's
    /// number, where a missing ticket answers "not found": a contact who holds a ticket id can
    /// tell that the ticket exists and learn its number.
    @Test func aCommandOnAnotherCompanysTicketDoesNotRevealIt() async throws {
        let f = try await AccessFixture.make()
        let before = try await f.test.snapshot()
        let commands: [(String, () async throws -> Void)] = [
            ("reply", { _ = try await f.desk.comment(on: f.b1.id, NewComment("Hello?"), by: f.asAlice) }),
            ("attach", { _ = try await f.desk.attach([AccessFixture.file], to: f.b1.id, by: f.asAlice) }),
            ("edit", { _ = try await f.desk.updateTicket(f.b1.id, TicketUpdate(priority: .high), by: f.asAlice) }),
        ]
        for (name, command) in commands {
            let outcome = await Outcome.of { try await command(); return [] }
            withKnownIssue("known hole: commands report another company's ticket as forbidden with its number, not as not found") {
                AccessCheck.expect(outcome, .error(.ticketNotFound(f.b1.id)), "Alice's \(name) on Beta's ticket")
            }
            if case .refused(let error) = outcome {
                #expect(error.code == .forbidden)
            }
        }
        #expect(try await f.test.snapshot() == before)
    }

    @Test func aContactFilesRepliesAndAttachesOnItsCompanysTickets() async throws {
        let f = try await AccessFixture.make()
        let filed = try await f.desk.createTicket(
            NewTicket(title: "Projector", channel: .portal, requester: .contact(f.alice.id)), by: f.asAlice)
        #expect(filed.companyID == f.alpha.id)
        #expect(filed.locationID == f.alphaOffice.id)
        #expect(try await f.desk.ticket(filed.id, as: f.asAlice) == filed)

        let reply = try await f.desk.comment(on: f.a1.id, NewComment("It jams again."), by: f.asAlice)
        #expect(reply.visibility == .public && reply.author == f.asAlice)
        let staffSees = try await f.desk.comments(on: f.a1.id, as: f.anna)
        #expect(staffSees.last == reply)
        let attached = try await f.desk.attach([AccessFixture.file], to: f.a1.id, by: f.asAlice)
        #expect(attached.attachments.contains(AccessFixture.file))
        #expect(try await f.desk.ticket(f.a1.id, as: f.anna).attachments.contains(AccessFixture.file))
    }

    @Test func aContactCannotWriteAnInternalNoteNorFileForAnotherCompany() async throws {
        let f = try await AccessFixture.make()
        let before = try await f.test.snapshot()
        await #expect(throws: HelpDeskError.clientCannotWriteInternalNote) {
            try await f.desk.comment(on: f.a1.id, NewComment("note to self", visibility: .internal), by: f.asAlice)
        }
        let forBeta: [NewTicket] = [
            NewTicket(title: "X", channel: .portal, requester: .contact(f.alice.id), companyID: f.beta.id),
            NewTicket(title: "X", channel: .portal, requester: .contact(f.bob.id)),
            NewTicket(title: "X", channel: .portal, requester: .freeText("Me"), companyID: f.beta.id),
            NewTicket(title: "X", channel: .portal, requester: .freeText("Me"), contractID: f.betaContract.id),
            NewTicket(title: "X", channel: .portal, requester: .freeText("Me"), assetIDs: [f.betaPrinter.id]),
        ]
        for request in forBeta {
            do {
                _ = try await f.desk.createTicket(request, by: f.asAlice)
                Issue.record("Alice filed \(request) for Beta")
            } catch {
                #expect([.forbidden, .invalidInput].contains(error.code), "\(error)")
            }
        }
        #expect(try await f.test.snapshot() == before)
    }
    /// Staff merging another company's ticket into Alpha's copies its conversation and files there.
    @Test func mergingAnotherCompanysTicketDoesNotShowItsConversationToTheContact() async throws {
        let f = try await AccessFixture.make()
        let merged = await Outcome.of { [try await f.desk.merge(f.b1.id, into: f.a1.id, by: f.anna)] }
        guard case .returned = merged else {
            // Refused (e.g. as a cross-company link): nothing can leak.
            if case .refused(let error) = merged { #expect(error.code == .invalidInput || error.code == .rejected, "\(error)") }
            return
        }
        let seen = try await f.desk.comments(on: f.a1.id, as: f.asAlice)
        let fromBeta = seen.filter { $0.mergedFrom == f.b1.id }
        withKnownIssue("known hole: merge accepts tickets of two companies and copies the source's public comments into a ticket the other company's contact reads") {
            #expect(fromBeta.isEmpty, "Alice reads Beta's conversation: \(fromBeta.map(\.body))")
        }
        #expect(!seen.contains { $0.visibility == .internal }, "merged internal notes stay internal")
    }
}
