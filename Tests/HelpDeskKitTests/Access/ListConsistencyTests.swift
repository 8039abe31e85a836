import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// The list and the single-ticket read must agree: a viewer lists exactly the tickets it may
/// read. A ticket listed but not readable leaks through the list; one readable but not listed is
/// hidden from the viewer's own overview.
@Suite("Ticket lists agree with ticket reads for every viewer")
struct ListConsistencyTests {
    /// Who looks, and why the list and the reads disagree for them today (`nil`: they agree).
    static let viewers: [(String, @Sendable (AccessFixture) -> Performer, String?)] = [
        ("Alpha's contact Alice (own tickets)", { $0.asAlice }, nil),
        ("Alpha's contact Carl (company)", { $0.asCarl }, nil),
        ("Alpha's contact Lena (location)", { $0.asLena }, nil),
        ("Alpha's contact Petr (own tickets, no location)", { $0.asPetr }, nil),
        ("Beta's contact", { $0.asBob }, nil),
        ("free-text client Ivan", { _ in .client(name: AccessFixture.ivan) }, nil),
        ("free-text client Olga", { _ in .client(name: AccessFixture.olga) }, nil),
        ("a stranger", { _ in .client(name: "Nobody") }, nil),
        ("an employee", { $0.anna }, nil),
    ]

    @Test(arguments: 0..<viewers.count)
    func aViewerListsExactlyTheTicketsItMayRead(_ index: Int) async throws {
        let (name, viewer, hole) = Self.viewers[index]
        let f = try await AccessFixture.make()
        let performer = viewer(f)
        let everything = try await f.desk.tickets(matching: TicketQuery(limit: TicketQuery.maximumLimit), as: .system)
            .tickets
        let listed = Set(
            try await f.desk.tickets(matching: TicketQuery(limit: TicketQuery.maximumLimit), as: performer).tickets.map(
                \.id))
        var readable: Set<TicketID> = []
        for ticket in everything {
            if (try? await f.desk.ticket(ticket.id, as: performer)) != nil { readable.insert(ticket.id) }
        }
        let number = { (ids: Set<TicketID>) in everything.filter { ids.contains($0.id) }.map(\.number) }
        #expect(
            listed.subtracting(readable).isEmpty,
            "\(name) lists tickets it may not read: \(number(listed.subtracting(readable)))")
        await AccessCheck.withHole(hole) {
            #expect(
                readable.subtracting(listed).isEmpty,
                "\(name) may read tickets its list omits: \(number(readable.subtracting(listed)))")
        }
        // Both are exactly what the fixture says the viewer may see.
        if let sees = f.sees(performer) {
            #expect(readable == sees, "\(name) reads \(number(readable)), the fixture says \(number(sees))")
        } else {
            #expect(readable == Set(everything.map(\.id)))
        }
    }
}
