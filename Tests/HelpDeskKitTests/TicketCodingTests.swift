import Foundation
import HelpDeskTestSupport
import Testing

@testable import HelpDeskKit

/// Tickets keep the JSON shape of plain optionals although the SLA clocks are boxed: empty
/// fields are left out, and JSON without them (as older versions wrote it) still decodes.
@Suite("Ticket JSON")
struct TicketCodingTests {
    @Test func seededTicketsRoundTripThroughJSON() throws {
        let tickets = TicketFixtures(seed: 8).tickets(count: 300, seed: 8)
        #expect(tickets.contains { $0.sla != nil } && tickets.contains { $0.sla == nil })
        let data = try JSONEncoder().encode(tickets)
        #expect(try JSONDecoder().decode([Ticket].self, from: data) == tickets)
    }

    @Test func everyOptionalFieldRoundTripsWhenSet() throws {
        let at = Date(timeIntervalSinceReferenceDate: 800_000_000)
        var ticket = Ticket(
            id: TicketID(UUID(high: 1, low: 1)), number: TicketNumber(7), title: "Boxed", channel: .api,
            status: "open", requester: .freeText("Caller"), companyID: CompanyID(UUID(high: 2, low: 2)),
            locationID: LocationID(UUID(high: 3, low: 3)), contractID: ContractID(UUID(high: 4, low: 4)),
            postponedUntil: at, firstResponseAt: at + 1, resolvedAt: at + 2, closedAt: at + 3, createdAt: at)
        ticket.revision = 3
        let decoded = try JSONDecoder().decode(Ticket.self, from: JSONEncoder().encode(ticket))
        #expect(decoded == ticket)
        #expect(decoded.companyID == ticket.companyID && decoded.closedAt == at + 3)
    }

    @Test func emptyFieldsAreLeftOutAndMayBeMissing() throws {
        let json = """
            {"id":"00000000-0000-0001-0000-000000000001","number":1,"title":"Old","description":"",
             "channel":"email","priority":1,"status":"new","requester":{"freeText":{"_0":"Caller"}},
             "assetIDs":[],"watcherIDs":[],"attachments":[],"customFields":{},"links":[],
             "createdAt":0,"updatedAt":0,"revision":1}
            """
        let ticket = try JSONDecoder().decode(Ticket.self, from: Data(json.utf8))
        #expect(ticket.sla == nil && ticket.companyID == nil && ticket.postponedUntil == nil && ticket.closedAt == nil)
        let encoded = String(decoding: try JSONEncoder().encode(ticket), as: UTF8.self)
        for key in ["sla", "companyID", "locationID", "contractID", "postponedUntil", "firstResponseAt", "resolvedAt", "closedAt"] {
            #expect(!encoded.contains("\"\(key)\""), "\(key) written although empty")
        }
    }
}
