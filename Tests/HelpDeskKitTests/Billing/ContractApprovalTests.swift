import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// A contract that requires approval of paid work (issue #19, point 2): a billable line asks the
/// client by itself, settlement waits — by hand and on resolve — until the client approves, lines
/// covered by the contract need no approval, and a contract without the requirement charges as before.
@Suite("Contracts that require approval of paid work")
struct ContractApprovalTests {
    /// The billing fixture with a second contract of the company that requires approval, and a
    /// contact allowed to approve.
    static func make() async throws -> (BillingFixture, Contract, Contact) {
        let f = try await BillingFixture.make()
        let strict = try await f.desk.addContract(
            NewContract(
                companyID: f.company.id, number: "C-APPROVE", startsAt: TestDesk.start.addingTimeInterval(-86_400),
                requiresPaidWorkApproval: true), by: .system)
        let approver = try await f.desk.addContact(
            NewContact(companyID: f.company.id, name: "Vera", mayApprovePaidWork: true, portalScope: .company),
            by: .system)
        _ = try await f.desk.topUp(
            f.company.id, amount: BillingFixture.rub(10_000_00), paymentReference: "PAY-1", by: .system)
        return (f, strict, approver)
    }

    /// A ticket of the company under `contract`.
    static func ticket(_ f: BillingFixture, under contract: Contract) async throws -> Ticket {
        try await f.desk.createTicket(
            NewTicket(
                title: "Fuser", channel: .email, requester: .freeText("Ivan"), companyID: f.company.id,
                contractID: contract.id), by: f.anna)
    }

    @Test func aBillableLineAsksForApprovalAndSettlementWaitsForIt() async throws {
        let (f, strict, vera) = try await Self.make()
        let ticket = try await Self.ticket(f, under: strict)
        let line = NewSpecificationLine(itemID: f.cartridge.id, quantity: 1, coverage: .billable)
        let specification = try await f.desk.addSpecificationLine(to: ticket.id, line, by: f.anna)
        #expect(specification.approval?.decision == .requested, "the contract asks the client by itself")
        let asked = try await f.desk.undeliveredEvents(limit: 1_000, as: .system).last
        #expect(
            asked?.event
                == .paidWorkApproval(ticket: ticket.id, number: ticket.number, version: 1, decision: .requested))
        #expect(asked?.audience.contactIDs == [vera.id], "the approver is told")
        let wallet = try await f.wallet()
        let before = try await f.test.snapshot()
        await #expect(throws: HelpDeskError.paidWorkNotApproved(ticket.number, decision: .requested)) {
            try await f.desk.settle(ticket.id, by: f.anna)
        }
        #expect(try await f.test.snapshot() == before)
        _ = try await f.desk.changeStatus(ticket.id, to: .resolved, by: f.anna)
        #expect(try await f.wallet() == wallet, "resolving does not charge unapproved work")
        _ = try await f.desk.portal(for: vera.id).approvePaidWork(of: ticket.id)
        let settled = try await f.desk.settle(ticket.id, by: f.anna)
        #expect(settled.isSettled)
        #expect(try await f.wallet() == wallet.map { $0 - 2_000_00 })
    }

    @Test func workTheContractCoversNeedsNoApproval() async throws {
        let (f, strict, _) = try await Self.make()
        let ticket = try await Self.ticket(f, under: strict)
        let covered = NewSpecificationLine(itemID: f.hour.id, quantity: 60, coverage: .inContract)
        let specification = try await f.desk.addSpecificationLine(to: ticket.id, covered, by: f.anna)
        #expect(specification.approval == nil)
        #expect(try await f.desk.settle(ticket.id, by: f.anna).approval == nil)
    }

    @Test func aContractWithoutTheRequirementChargesAsBefore() async throws {
        let (f, _, _) = try await Self.make()
        let ticket = try await f.ticket()
        let line = NewSpecificationLine(itemID: f.cartridge.id, quantity: 1, coverage: .billable)
        #expect(try await f.desk.addSpecificationLine(to: ticket.id, line, by: f.anna).approval == nil)
        let wallet = try await f.wallet()
        _ = try await f.desk.changeStatus(ticket.id, to: .resolved, by: f.anna)
        #expect(try await f.wallet() == wallet.map { $0 - 2_000_00 }, "settled on resolve, no approval asked")
    }

    @Test func theRequirementSurvivesTheStore() async throws {
        let (f, strict, _) = try await Self.make()
        #expect(try await f.desk.contract(strict.id, as: .system).requiresPaidWorkApproval)
        let old = try JSONEncoder().encode(strict)
        var json = try #require(try JSONSerialization.jsonObject(with: old) as? [String: Any])
        json.removeValue(forKey: "requiresPaidWorkApproval")
        let decoded = try JSONDecoder().decode(Contract.self, from: try JSONSerialization.data(withJSONObject: json))
        #expect(!decoded.requiresPaidWorkApproval, "a contract stored before the field requires nothing")
    }
}
