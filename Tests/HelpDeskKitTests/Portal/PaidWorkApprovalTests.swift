import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// The client's approval of paid work: staff ask, a contact allowed to approve decides (or staff
/// who settle work), settlement waits for approval, changed lines ask again, and every step is
/// audited and announced to the requester.
@Suite("Approving paid work through the client portal")
struct PaidWorkApprovalTests {
    typealias Fixture = PortalBehaviourFixture

    /// Alice's ticket with one billable cartridge, approval asked for by Anna.
    static func awaitingApproval(_ f: Fixture, quantity: Int64 = 1) async throws -> Ticket {
        let ticket = try await f.staffTicket("Toner swap", for: f.alice)
        _ = try await f.desk.addSpecificationLine(
            to: ticket.id, NewSpecificationLine(itemID: f.cartridge.id, quantity: quantity), by: f.anna)
        _ = try await f.desk.requestApproval(of: ticket.id, by: f.anna)
        return ticket
    }

    /// The `paidWorkApproval` events of `ticket` in the outbox, oldest first.
    static func approvalEvents(_ f: Fixture, of ticket: Ticket) async throws -> [OutboxEvent] {
        try await f.desk.undeliveredEvents(limit: 10_000, as: .system).filter {
            if case .paidWorkApproval(let id, _, _, _) = $0.event { return id == ticket.id }
            return false
        }
    }

    /// A request is announced and audited; only a contact allowed to approve who sees the ticket decides.
    @Test func staffAskAndAContactAllowedToApproveDecides() async throws {
        let f = try await Fixture.make()
        let ticket = try await Self.awaitingApproval(f)
        let asked = try #require(try await f.desk.specification(of: ticket.id, as: .system))
        #expect(asked.approval?.decision == .requested && asked.approval?.requestedBy == f.anna)
        let requested = try #require(try await Self.approvalEvents(f, of: ticket).last)
        #expect(
            requested.event
                == .paidWorkApproval(
                    ticket: ticket.id, number: ticket.number, version: asked.version, decision: .requested))
        #expect(requested.pending.audience.requester == .contact(f.alice.id), "staff asking tells the requester")
        let audit = try #require(try await f.desk.auditTrail(of: ticket.id, as: .system).last)
        #expect(audit.field == .paidWorkApproval && audit.newValue == "requested v\(asked.version)")
        let carlsView = try await f.portal(f.carl).ticket(ticket.id)
        #expect(carlsView.awaitsMyApproval && carlsView.paidWork?.approval == .requested)
        let alicesView = try await f.portal(f.alice).ticket(ticket.id)
        #expect(!alicesView.awaitsMyApproval && alicesView.paidWork?.approval == .requested)

        let before = try await f.test.snapshot()
        let byAlice = await Fixture.error { _ = try await f.portal(f.alice).approvePaidWork(of: ticket.id) }
        #expect(byAlice?.code == .forbidden, "Alice may not approve paid work")
        await #expect(throws: HelpDeskError.ticketNotFound(ticket.id)) {
            _ = try await f.portal(f.bob).approvePaidWork(of: ticket.id)
        }
        await #expect(throws: HelpDeskError.ticketNotFound(ticket.id)) {
            _ = try await f.portal(f.bob).declinePaidWork(of: ticket.id, reason: "Not ours")
        }
        let blank = await Fixture.error { _ = try await f.portal(f.carl).declinePaidWork(of: ticket.id, reason: " \n") }
        #expect(blank?.code == .invalidInput && blank?.field == "reason")
        #expect(try await f.test.snapshot() == before, "refused decisions changed the store")

        f.test.clock.advance(by: 120)
        let approved = try await f.portal(f.carl).approvePaidWork(of: ticket.id, remark: "OK «go»")
        #expect(approved.paidWork?.approval == .approved && !approved.awaitsMyApproval)
        let stored = try #require(try await f.desk.specification(of: ticket.id, as: .system))
        #expect(stored.approval?.decidedBy == .contact(f.carl.id) && stored.approval?.decidedAt == f.test.clock.now)
        #expect(stored.approval?.remark == "OK «go»" && stored.approval?.version == stored.version)
        let decided = try #require(try await Self.approvalEvents(f, of: ticket).last)
        #expect(decided.event.name == "paidWorkApproval" && decided.pending.audience.requester == .contact(f.alice.id))
        let entry = try #require(try await f.desk.auditTrail(of: ticket.id, as: .system).last)
        #expect(entry.newValue == "approved v\(stored.version) OK «go»" && entry.performer == .contact(f.carl.id))
        await #expect(throws: HelpDeskError.approvalNotAwaited(ticket.number)) {
            _ = try await f.portal(f.carl).declinePaidWork(of: ticket.id, reason: "Changed my mind")
        }
    }

    /// Settling is refused while approval is requested or declined, and charges once approved.
    @Test func settlementWaitsUntilTheWorkIsApproved() async throws {
        let f = try await Fixture.make()
        let ticket = try await Self.awaitingApproval(f, quantity: 2)
        let wallet = try await f.wallet(f.alpha)
        await #expect(throws: HelpDeskError.paidWorkNotApproved(ticket.number, decision: .requested)) {
            _ = try await f.desk.settle(ticket.id, by: f.anna)
        }
        let declined = try await f.portal(f.carl).declinePaidWork(of: ticket.id, reason: "Too expensive")
        #expect(declined.paidWork?.approval == .declined && !declined.awaitsMyApproval)
        await #expect(throws: HelpDeskError.paidWorkNotApproved(ticket.number, decision: .declined)) {
            _ = try await f.desk.settle(ticket.id, by: f.anna)
        }
        #expect(try await f.wallet(f.alpha) == wallet, "nothing charged while not approved")
        _ = try await f.desk.requestApproval(of: ticket.id, by: f.anna)
        _ = try await f.desk.approvePaidWork(of: ticket.id, by: f.anna)
        let settled = try await f.desk.settle(ticket.id, by: f.anna)
        #expect(settled.isSettled)
        #expect(try await f.wallet(f.alpha) == wallet - Int128(2 * Fixture.cartridgePrice))
        #expect(try await f.portal(f.carl).ticket(ticket.id).paidWork?.isSettled == true)
        let decisions = try await Self.approvalEvents(f, of: ticket).map { event -> ApprovalDecision? in
            if case .paidWorkApproval(_, _, _, let decision) = event.event { return decision }
            return nil
        }
        #expect(decisions == [.requested, .declined, .requested, .approved])
    }

    /// Adding or removing a line after approval puts it back to requested, with an event.
    @Test func changingTheLinesAfterApprovalAsksAgain() async throws {
        let f = try await Fixture.make()
        let ticket = try await Self.awaitingApproval(f)
        _ = try await f.portal(f.carl).approvePaidWork(of: ticket.id)
        let events = try await Self.approvalEvents(f, of: ticket).count
        f.test.clock.advance(by: 60)
        let changed = try await f.desk.addSpecificationLine(
            to: ticket.id, NewSpecificationLine(itemID: f.cartridge.id, quantity: 1), by: f.anna)
        #expect(changed.approval?.decision == .requested && changed.approval?.requestedAt == f.test.clock.now)
        #expect(changed.approval?.version == changed.version && changed.approval?.decidedBy == nil)
        let asked = try await Self.approvalEvents(f, of: ticket)
        #expect(asked.count == events + 1)
        #expect(
            asked.last?.event
                == .paidWorkApproval(
                    ticket: ticket.id, number: ticket.number, version: changed.version, decision: .requested))
        #expect(asked.last?.pending.audience.requester == .contact(f.alice.id))
        #expect(try await f.portal(f.carl).ticket(ticket.id).awaitsMyApproval)
        await #expect(throws: HelpDeskError.paidWorkNotApproved(ticket.number, decision: .requested)) {
            _ = try await f.desk.settle(ticket.id, by: f.anna)
        }
        // Removing a line is a change too.
        _ = try await f.portal(f.carl).approvePaidWork(of: ticket.id)
        let removed = try await f.desk.removeSpecificationLine(changed.lines[0].id, from: ticket.id, by: f.anna)
        #expect(removed.approval?.decision == .requested)
        #expect(try await Self.approvalEvents(f, of: ticket).count == events + 3)
    }

    /// Settlement on resolve skips unapproved work; approved work settles by hand or on resolve.
    @Test func resolvingDoesNotChargeUnapprovedWorkAndSettlingAfterApprovalDoes() async throws {
        let f = try await Fixture.make()
        let waiting = try await Self.awaitingApproval(f)
        let wallet = try await f.wallet(f.alpha)
        _ = try await f.desk.changeStatus(waiting.id, to: .resolved, by: f.anna)
        #expect(try await f.desk.specification(of: waiting.id, as: .system)?.isSettled == false)
        #expect(try await f.wallet(f.alpha) == wallet, "resolving charged unapproved work")
        _ = try await f.portal(f.carl).approvePaidWork(of: waiting.id)
        _ = try await f.desk.settle(waiting.id, by: f.anna)
        #expect(try await f.wallet(f.alpha) == wallet - Int128(Fixture.cartridgePrice))
        // Approved before resolving: the resolution settles it by itself.
        let approved = try await Self.awaitingApproval(f, quantity: 3)
        _ = try await f.portal(f.carl).approvePaidWork(of: approved.id)
        _ = try await f.desk.changeStatus(approved.id, to: .resolved, by: f.anna)
        #expect(try await f.desk.specification(of: approved.id, as: .system)?.isSettled == true)
        #expect(try await f.wallet(f.alpha) == wallet - Int128(4 * Fixture.cartridgePrice))
    }

    /// Asking needs a billable line and no pending request; deciding needs sight of the ticket and the right.
    @Test func approvalNeedsABillableLineAndAnApproverWhoSeesTheTicket() async throws {
        let f = try await Fixture.make()
        let ticket = try await f.staffTicket("Contract work", for: f.alice)
        await #expect(throws: HelpDeskError.specificationNotFound(ticket.number)) {
            _ = try await f.desk.requestApproval(of: ticket.id, by: f.anna)
        }
        _ = try await f.desk.addSpecificationLine(
            to: ticket.id, NewSpecificationLine(itemID: f.cartridge.id, quantity: 1, coverage: .inContract), by: f.anna)
        await #expect(throws: HelpDeskError.invalidInput(field: "specification", problem: .blank)) {
            _ = try await f.desk.requestApproval(of: ticket.id, by: f.anna)
        }
        await #expect(throws: HelpDeskError.approvalNotAwaited(ticket.number)) {
            _ = try await f.portal(f.carl).approvePaidWork(of: ticket.id)
        }
        let waiting = try await Self.awaitingApproval(f)
        await #expect(throws: HelpDeskError.approvalNotAwaited(waiting.number)) {
            _ = try await f.desk.requestApproval(of: waiting.id, by: f.anna)
        }
        // Carl stops seeing Alice's tickets when Alpha stops sharing them: the ticket is not found.
        _ = try await f.desk.updateCompany(f.alpha.id, CompanyUpdate(ticketSharing: TicketSharing.none), by: .system)
        await #expect(throws: HelpDeskError.ticketNotFound(waiting.id)) {
            _ = try await f.portal(f.carl).ticket(waiting.id)
        }
        await #expect(throws: HelpDeskError.ticketNotFound(waiting.id)) {
            _ = try await f.portal(f.carl).approvePaidWork(of: waiting.id)
        }
        // Copied on it again, he may decide; losing the right to approve, he may not.
        _ = try await f.desk.updateTicket(waiting.id, TicketUpdate(ccContactIDs: [f.carl.id]), by: f.anna)
        #expect(try await f.portal(f.carl).ticket(waiting.id).awaitsMyApproval)
        _ = try await f.desk.updateContact(f.carl.id, ContactUpdate(mayApprovePaidWork: false), by: .system)
        #expect(try await f.portal(f.carl).ticket(waiting.id).awaitsMyApproval == false)
        let refused = await Fixture.error { _ = try await f.portal(f.carl).approvePaidWork(of: waiting.id) }
        #expect(refused?.code == .forbidden)
    }
}
