import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Issue #14, point 4: every command and read, run by an unknown contact, an inactive employee or
/// a contact of another company (and by an unknown employee and an inactive contact), is refused
/// with a typed error and changes nothing; Alpha's own contact may do only what clients may. A
/// command or internal read on a ticket the performer may not read reports it as not found.
@Suite("Access seam: every command and read refuses hostile performers")
struct AccessSeamTests {
    /// What `hostile` must get from `entry`.
    ///
    /// `staffList` is what the entry returns to staff (for ticket lists): a contact gets exactly the
    /// part of it that it may read.
    static func expected(
        _ entry: AccessEntry, _ hostile: Hostile, _ performer: Performer, _ f: AccessFixture, staffList: [Ticket]
    ) -> Expected {
        if hostile.isContact, let refusal = entry.clientRefusal { return .error(refusal) }
        switch (hostile, performer) {
        case (.unknownContact, .contact(let id)): return .error(.contactNotFound(id))
        case (.inactiveContact, .contact(let id)): return .error(.contactInactive(id))
        case (.unknownEmployee, .employee(let id)): return .error(.employeeNotFound(id))
        case (.inactiveEmployee, .employee(let id)): return .error(.employeeInactive(id))
        default:
            switch entry.foreign {
            case .forbidden: return .forbidden(performer)
            case .hidden(let error): return .error(error(f))
            case .narrowed: return .tickets(visible(staffList, to: performer, f))
            case .allowed: return .allowed
            }
        }
    }

    /// The tickets of `list` that `performer` may read.
    static func visible(_ list: [Ticket], to performer: Performer, _ f: AccessFixture) -> Set<TicketID> {
        let ids = Set(list.map(\.id))
        return f.sees(performer).map { ids.intersection($0) } ?? ids
    }

    /// What staff gets from `entry` when it is a ticket list (empty for everything else).
    static func staffList(_ entry: AccessEntry, _ f: AccessFixture) async throws -> [Ticket] {
        guard case .narrowed = entry.foreign else { return [] }
        return try await entry.run(f, .system)
    }

    @Test(arguments: HostileCase.all(AccessCatalog.entries))
    func hostilePerformerIsRefusedAndChangesNothing(_ c: HostileCase) async throws {
        let f = try await AccessFixture.make()
        let performer = c.hostile.performer(f)
        let staffList = try await Self.staffList(c.entry, f)
        let before = try await f.test.snapshot()
        let outcome = await Outcome.of { try await c.entry.run(f, performer) }
        await AccessCheck.withHole(c.entry.hole) {
            AccessCheck.expect(
                outcome, Self.expected(c.entry, c.hostile, performer, f, staffList: staffList), c.description)
        }
        #expect(try await f.test.snapshot() == before, "the refused call changed the store (or its outbox)")
        // Nothing was reserved either: the next ticket gets the next number.
        let next = try await f.test.ticket("After the refusal")
        #expect(next.number.rawValue == (before.lastTicketNumber?.rawValue ?? 0) + 1)
    }

    /// The control: every entry's arguments are valid, so a refusal above is about the performer.
    @Test(arguments: AccessCatalog.entries)
    func anActiveEmployeeMayRunEveryEntry(_ entry: AccessEntry) async throws {
        let f = try await AccessFixture.make()
        let outcome = await Outcome.of { try await entry.run(f, f.anna) }
        AccessCheck.expect(outcome, .allowed, entry.label)
        if case .narrowed = entry.foreign, case .returned(let tickets) = outcome {
            #expect(
                tickets.contains { $0.companyID == f.alpha.id },
                "a list that finds none of Alpha's tickets proves nothing")
        }
    }

    /// Alpha's own active contact (every catalogue ticket is one she requested): the few client
    /// actions succeed (lists return exactly her own tickets the query matches); everything else is
    /// forbidden, naming her, and changes nothing.
    @Test(arguments: AccessCatalog.entries)
    func alphasContactMayOnlyDoWhatClientsMay(_ entry: AccessEntry) async throws {
        let f = try await AccessFixture.make()
        let staffList = try await Self.staffList(entry, f)
        let before = try await f.test.snapshot()
        let outcome = await Outcome.of { try await entry.run(f, f.asAlice) }
        let expected: Expected
        if entry.ownContact {
            if case .narrowed = entry.foreign {
                expected = .tickets(Self.visible(staffList, to: f.asAlice, f))
            } else {
                expected = .allowed
            }
        } else {
            expected = entry.clientRefusal.map(Expected.error) ?? .forbidden(f.asAlice)
        }
        await AccessCheck.withHole(entry.hole) {
            AccessCheck.expect(outcome, expected, entry.label)
        }
        if !entry.ownContact {
            #expect(try await f.test.snapshot() == before, "the refused call changed the store (or its outbox)")
        }
    }

    @Test func theCatalogueRunsEveryHostilePerformerItCanExpress() {
        let cases = HostileCase.all(AccessCatalog.entries)
        #expect(cases.count == AccessCatalog.entries.count * Hostile.allCases.count)
        #expect(
            Set(AccessCatalog.entries.map(\.label)).count == AccessCatalog.entries.count,
            "labels name the cases: keep them unique")
    }
}
