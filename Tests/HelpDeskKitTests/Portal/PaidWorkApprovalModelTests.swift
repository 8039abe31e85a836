import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Random sequences of specification changes, approval steps and settlement against a small
/// reference state machine of the specification and its approval.
@Suite("Paid-work approval follows its reference state machine")
struct PaidWorkApprovalModelTests {
    typealias Fixture = PortalBehaviourFixture

    /// One command of the random sequence.
    enum Step: CaseIterable {
        case addBillable, addInContract, removeLine, request, approveByCarl, approveByAnna, declineByCarl, settle
    }

    /// The reference: what the specification and its approval should be.
    struct Model {
        /// Quantities of the lines, `true` when billable.
        var lines: [(billable: Bool, quantity: Int64)] = []
        var exists = false
        var version = 0
        var approval: ApprovalDecision?
        var settledVersion: Int?
        /// The decisions announced so far, in order.
        var announced: [ApprovalDecision] = []
        var wallet: Int128 = 0

        /// The billable total in minor units.
        var billableTotal: Int64 { lines.filter(\.billable).map { $0.quantity * Fixture.cartridgePrice }.reduce(0, +) }

        /// The error a line change must fail with, or `nil` after applying it.
        mutating func changeLines(_ number: TicketNumber, _ change: (inout [(billable: Bool, quantity: Int64)]) -> Void)
            -> HelpDeskError?
        {
            if let settledVersion { return .specificationSettled(number, version: settledVersion) }
            change(&lines)
            exists = true
            version += 1
            if approval != nil {
                // Changed lines are asked again; without a billable line nothing is left to approve.
                if lines.contains(where: \.billable) {
                    approval = .requested
                    announced.append(.requested)
                } else {
                    approval = nil
                }
            }
            return nil
        }

        /// The error an approval request must fail with, or `nil` after applying it.
        mutating func request(_ number: TicketNumber) -> HelpDeskError? {
            guard exists else { return .specificationNotFound(number) }
            if let settledVersion { return .specificationSettled(number, version: settledVersion) }
            guard lines.contains(where: \.billable) else {
                return .invalidInput(field: "specification", problem: .blank)
            }
            if approval == .requested { return .approvalNotAwaited(number) }
            return step(.requested)
        }

        /// The error a decision must fail with, or `nil` after applying it.
        mutating func decide(_ decision: ApprovalDecision, _ number: TicketNumber) -> HelpDeskError? {
            guard exists else { return .specificationNotFound(number) }
            if let settledVersion { return .specificationSettled(number, version: settledVersion) }
            guard approval == .requested else { return .approvalNotAwaited(number) }
            return step(decision)
        }

        /// Records an approval step at the next version.
        private mutating func step(_ decision: ApprovalDecision) -> HelpDeskError? {
            version += 1
            approval = decision
            announced.append(decision)
            return nil
        }

        /// The error settling must fail with, or `nil` after applying it.
        mutating func settle(_ number: TicketNumber) -> HelpDeskError? {
            guard exists else { return .specificationNotFound(number) }
            if let settledVersion { return .alreadySettled(number, version: settledVersion) }
            if let approval, approval != .approved { return .paidWorkNotApproved(number, decision: approval) }
            // Nothing billable: settling succeeds without charging or marking anything (as before approvals).
            guard billableTotal > 0 else { return nil }
            settledVersion = version
            version += 1
            wallet -= Int128(billableTotal)
            return nil
        }
    }

    /// Every step's outcome and the resulting state agree with the model, for ten seeds.
    @Test(arguments: 0..<10 as Range<UInt64>)
    func randomSequencesAgreeWithTheModel(_ seed: UInt64) async throws {
        let f = try await Fixture.make()
        try await f.desk.topUp(f.alpha.id, amount: Fixture.rub(100_000_00), paymentReference: "BIG", by: .system)
        var random = SplitMix64(seed: 9_900 + seed)
        let ticket = try await f.staffTicket("Paid work \(seed)", for: f.alice)
        var model = Model(wallet: try await f.wallet(f.alpha))
        for round in 0..<36 {
            let step = Step.allCases.randomElement(using: &random)!
            let label = "seed \(seed) round \(round): \(step)"
            let quantity = Int64(1 + random.next() % 3)
            let stored = try await f.desk.specification(of: ticket.id, as: .system)
            var expected: HelpDeskError?
            var actual: HelpDeskError?
            do {
                switch step {
                case .addBillable, .addInContract:
                    let billable = step == .addBillable
                    expected = model.changeLines(ticket.number) { $0.append((billable, quantity)) }
                    _ = try await f.desk.addSpecificationLine(
                        to: ticket.id,
                        NewSpecificationLine(
                            itemID: f.cartridge.id, quantity: quantity, coverage: billable ? .billable : .inContract),
                        by: f.anna)
                case .removeLine:
                    guard let line = stored?.lines.first else { continue }
                    expected = model.changeLines(ticket.number) { $0.removeFirst() }
                    _ = try await f.desk.removeSpecificationLine(line.id, from: ticket.id, by: f.anna)
                case .request:
                    expected = model.request(ticket.number)
                    _ = try await f.desk.requestApproval(of: ticket.id, by: f.anna)
                case .approveByCarl:
                    expected = model.decide(.approved, ticket.number)
                    _ = try await f.portal(f.carl).approvePaidWork(of: ticket.id)
                case .approveByAnna:
                    expected = model.decide(.approved, ticket.number)
                    _ = try await f.desk.approvePaidWork(of: ticket.id, by: f.anna)
                case .declineByCarl:
                    expected = model.decide(.declined, ticket.number)
                    _ = try await f.portal(f.carl).declinePaidWork(of: ticket.id, reason: "Round \(round)")
                case .settle:
                    expected = model.settle(ticket.number)
                    _ = try await f.desk.settle(ticket.id, by: f.anna)
                }
            } catch {
                actual = error
            }
            #expect(actual == expected, "\(label)")
            try await Self.compare(f, ticket, with: model, label)
        }
    }

    /// Requires the stored specification, the portal views, the outbox and the wallet to agree with `model`.
    static func compare(_ f: Fixture, _ ticket: Ticket, with model: Model, _ label: String) async throws {
        let stored = try await f.desk.specification(of: ticket.id, as: .system)
        #expect((stored != nil) == model.exists, "\(label): exists")
        #expect((stored?.version ?? 0) == model.version, "\(label): version")
        #expect(stored?.approval?.decision == model.approval, "\(label): approval")
        #expect(stored?.settlement?.version == model.settledVersion, "\(label): settlement")
        #expect(stored?.lines.map(\.quantity) ?? [] == model.lines.map(\.quantity), "\(label): lines")
        let awaits = model.approval == .requested && model.settledVersion == nil
        let carls = try await f.portal(f.carl).ticket(ticket.id)
        #expect(carls.awaitsMyApproval == awaits, "\(label): Carl's awaitsMyApproval")
        #expect(carls.paidWork?.approval == model.approval, "\(label): Carl's view of the approval")
        let alices = try await f.portal(f.alice).ticket(ticket.id)
        #expect(!alices.awaitsMyApproval && alices.paidWork?.approval == model.approval, "\(label): Alice's view")
        let events = try await PaidWorkApprovalTests.approvalEvents(f, of: ticket)
        let decisions = events.map { event -> ApprovalDecision? in
            if case .paidWorkApproval(_, _, _, let decision) = event.event { return decision }
            return nil
        }
        #expect(decisions == model.announced, "\(label): announced steps")
        #expect(events.allSatisfy { $0.pending.audience.requester == .contact(f.alice.id) }, "\(label): audience")
        let audited = try await f.desk.auditTrail(of: ticket.id, as: .system).filter { $0.field == .paidWorkApproval }
        #expect(audited.count == model.announced.count, "\(label): audit entries")
        #expect(try await f.wallet(f.alpha) == model.wallet, "\(label): wallet")
    }
}
