import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// The leak matrix: what Alpha's contacts (Alice: her own tickets; Carl: the company's) see of
/// Alpha's and Beta's tickets.
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
            let outcome = await Outcome.of {
                try await read()
                return []
            }
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

    /// No filter lists or counts a ticket outside the viewer's scope: each page holds exactly the
    /// tickets staff find for the same query that the viewer may read, and counts all of them.
    @Test(arguments: ["Alice", "Carl", "Bob"])
    func noFilterListsAnotherCompanysTicketsOrCountsThem(_ who: String) async throws {
        let f = try await AccessFixture.make()
        let viewer = ["Alice": f.asAlice, "Carl": f.asCarl, "Bob": f.asBob][who]!
        let sees = try #require(f.sees(viewer))
        for (name, query) in Self.probes(f) {
            let page = try await f.desk.tickets(matching: query, as: viewer)
            let strays = page.tickets.filter { !sees.contains($0.id) }
            #expect(strays.isEmpty, "\(who)'s query '\(name)' leaked \(strays.map(\.title))")
            var everything = query
            everything.offset = 0
            everything.limit = TicketQuery.maximumLimit
            let staff = try await f.desk.tickets(matching: everything, as: f.anna)
            #expect(staff.totalCount > 0, "the probe '\(name)' finds nothing even for staff: it proves nothing")
            let inScope = staff.tickets.filter { sees.contains($0.id) }
            #expect(
                page.totalCount == inScope.count,
                "\(who)'s query '\(name)' counts \(page.totalCount), not \(inScope.count)")
            if query.offset == 0, query.limit >= inScope.count {
                #expect(Set(page.tickets.map(\.id)) == Set(inScope.map(\.id)), "\(who)'s query '\(name)'")
            }
        }
        let everything = try await f.desk.tickets(matching: TicketQuery(limit: TicketQuery.maximumLimit), as: viewer)
        #expect(Set(everything.tickets.map(\.id)) == sees)
    }

    @Test func anotherCompanysTicketIsNotFoundLikeOneThatDoesNotExist() async throws {
        let f = try await AccessFixture.make()
        let missingNumber = TicketNumber(99_999)
        let missingID: TicketID = Identifier(UUID())
        await #expect(throws: HelpDeskError.ticketNotFound(f.b1.id)) { try await f.desk.ticket(f.b1.id, as: f.asAlice) }
        await #expect(throws: HelpDeskError.ticketNumberNotFound(f.b1.number)) {
            try await f.desk.ticket(number: f.b1.number, as: f.asAlice)
        }
        await #expect(throws: HelpDeskError.ticketNotFound(f.b1.id)) {
            try await f.desk.comments(on: f.b1.id, as: f.asAlice)
        }
        await #expect(throws: HelpDeskError.ticketNotFound(f.b1.id)) {
            try await f.desk.auditTrail(of: f.b1.id, as: f.asAlice)
        }
        await #expect(throws: HelpDeskError.ticketNotFound(f.f1.id)) { try await f.desk.ticket(f.f1.id, as: f.asAlice) }
        // The same shape as for tickets that do not exist at all.
        await #expect(throws: HelpDeskError.ticketNumberNotFound(missingNumber)) {
            try await f.desk.ticket(number: missingNumber, as: f.asAlice)
        }
        await #expect(throws: HelpDeskError.ticketNotFound(missingID)) {
            try await f.desk.ticket(missingID, as: f.asAlice)
        }
    }

    /// Commands on a ticket the contact may not read answer "not found", exactly like a ticket
    /// that does not exist, so a contact who holds a ticket id cannot tell that it exists nor learn
    /// its number; on a ticket it may read but not change, they answer "forbidden".
    @Test func aCommandOnAnotherCompanysTicketDoesNotRevealIt() async throws {
        let f = try await AccessFixture.make()
        let before = try await f.test.snapshot()
        let missing: TicketID = Identifier(UUID())
        // Beta's ticket, Alpha's ticket of another requester (outside Alice's own-tickets scope),
        // a ticket without a company, and one that does not exist.
        for id in [f.b1.id, f.aByName.id, f.f1.id, missing] {
            let commands: [(String, () async throws -> Void)] = [
                ("reply", { _ = try await f.desk.comment(on: id, NewComment("Hello?"), by: f.asAlice) }),
                ("attach", { _ = try await f.desk.attach([AccessFixture.file], to: id, by: f.asAlice) }),
                ("edit", { _ = try await f.desk.updateTicket(id, TicketUpdate(priority: .high), by: f.asAlice) }),
                ("close", { _ = try await f.desk.changeStatus(id, to: .closed, by: f.asAlice) }),
                ("internal read", { _ = try await f.desk.timeEntries(on: id, as: f.asAlice) }),
            ]
            for (name, command) in commands {
                let outcome = await Outcome.of {
                    try await command()
                    return []
                }
                AccessCheck.expect(outcome, .error(.ticketNotFound(id)), "Alice's \(name) on \(id)")
            }
        }
        // Her own ticket: she may read it, so changing it is forbidden, naming her.
        let edit = await Outcome.of {
            _ = try await f.desk.updateTicket(f.a1.id, TicketUpdate(priority: .high), by: f.asAlice)
            return []
        }
        AccessCheck.expect(edit, .forbidden(f.asAlice), "Alice edits her own ticket")
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
            NewTicket(title: "X", channel: .portal, requester: .contact(f.bob.id)),
            NewTicket(title: "X", channel: .portal, requester: .freeText("Me"), companyID: f.beta.id),
            NewTicket(title: "X", channel: .portal, requester: .freeText("Me"), contractID: f.betaContract.id),
            NewTicket(title: "X", channel: .portal, requester: .freeText("Me"), assetIDs: [f.betaPrinter.id]),
            NewTicket(title: "X", channel: .portal, requester: .contact(f.alice.id), contractID: f.betaContract.id),
        ]
        for request in forBeta {
            let outcome = await Outcome.of {
                _ = try await f.desk.createTicket(request, by: f.asAlice)
                return []
            }
            if request.requester == .contact(f.alice.id) {
                // Her own company and Beta's contract contradict each other: invalid input.
                guard case .refused(let error) = outcome else {
                    Issue.record("Alice filed \(request) for Beta")
                    continue
                }
                #expect(error == .crossCompanyLink(.contract(f.betaContract.id), expected: f.alpha.id))
            } else {
                AccessCheck.expect(outcome, .forbidden(f.asAlice), "Alice files \(request) for Beta")
            }
        }
        #expect(try await f.test.snapshot() == before)
    }
}
