import DoubleEntry
import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Seeded random billing commands through the engine; after every command the ledger's
/// invariants must hold, and a rejected command must leave the ledger exactly as it was.
@Suite("Billing invariants under random operations")
struct BillingPropertyTests {
    @Test(arguments: [
        (UInt64(1), BillingConfiguration(insufficientFunds: .reject)),
        (UInt64(2), BillingConfiguration(insufficientFunds: .overdraft(limit: 300_00))),
        (UInt64(3), BillingConfiguration(settleOn: .closed, insufficientFunds: .receivable)),
    ])
    func invariantsHold(seed: UInt64, billing: BillingConfiguration) async throws {
        var random = SplitMix64(seed: seed)
        let f = try await BillingFixture.make(billing)
        let second = try await f.desk.addCompany(NewCompany(name: "Second LLC"), by: .system)
        let companies = [f.company.id, second.id]
        var tickets: [Ticket] = []
        var accepted = 0
        var rejected = 0
        for step in 0..<240 {
            let ledgerBefore = try f.test.store.ledger()
            let company = companies[Int(random.next() % 2)]
            f.test.clock.advance(by: TimeInterval(random.next() % 7_200))
            do {
                switch random.next() % 8 {
                case 0, 1:
                    let unit: Price =
                        random.next() % 3 == 0
                        ? .prepaid(Int64(random.next() % 6) - 1, "points")
                        : BillingFixture.rub(Int64(random.next() % 2_000_00) - 10_00)
                    try await f.desk.topUp(
                        company, amount: unit, paymentReference: "P-\(random.next() % 200)", by: f.anna)
                case 2:
                    let amount = Int64(random.next() % 400_00) - 200_00
                    try await f.desk.adjustBalance(
                        company, by: BillingFixture.rub(amount), reason: "Step \(step)", by: f.anna)
                case 3:
                    let ticket = try await f.desk.createTicket(
                        NewTicket(title: "T\(step)", channel: .phone, requester: .freeText("Ivan"), companyID: company),
                        by: f.anna)
                    tickets.append(ticket)
                case 4, 5:
                    guard let ticket = tickets.randomElement(using: &random) else { continue }
                    let item = [f.hour, f.cartridge, f.visit].randomElement(using: &random)!
                    let quantity = Int64(random.next() % 90)
                    _ = try await f.desk.addSpecificationLine(
                        to: ticket.id,
                        NewSpecificationLine(
                            itemID: item.id, quantity: item.pricing == .fixed ? 1 : quantity,
                            coverage: random.next() % 4 == 0 ? .inContract : .billable),
                        by: f.anna)
                default:
                    guard let ticket = tickets.randomElement(using: &random) else { continue }
                    let current = try await f.desk.ticket(ticket.id, as: .system)
                    let targets: [StatusCode] = [.inProgress, .resolved, .closed]
                    _ = try await f.desk.changeStatus(
                        current.id, to: targets.randomElement(using: &random)!, by: f.anna)
                }
                accepted += 1
            } catch {
                rejected += 1
                #expect(try f.test.store.ledger() == ledgerBefore, "step \(step): \(error)")
            }
            try await Self.checkInvariants(of: f.test.store, random: &random)
        }
        #expect(accepted > 100)
        #expect(rejected > 5)
        #expect(try f.test.store.ledger().transferCount > 30)
    }

    /// Per unit debits equal credits; limits hold; balances equal the sum of their transfers;
    /// statements add up.
    static func checkInvariants(of store: any HelpDeskStore, random: inout SplitMix64) async throws {
        let ledger = try store.ledger()
        var debits: [String: UInt64] = [:]
        var credits: [String: UInt64] = [:]
        var rebuilt: [AccountID: Balance] = [:]
        for record in ledger.transfers {
            rebuilt[record.debitAccount, default: .zero].debitsPosted += record.amount.minorUnits
            rebuilt[record.creditAccount, default: .zero].creditsPosted += record.amount.minorUnits
        }
        for account in ledger.accounts {
            let balance = try #require(ledger.balance(of: account.id))
            #expect(balance == rebuilt[account.id] ?? .zero, "\(account.id) balance is the sum of its transfers")
            debits[account.unit.code, default: 0] += balance.debitsPosted
            credits[account.unit.code, default: 0] += balance.creditsPosted
            if case .debitsMustNotExceedCredits(let overdraft) = account.limit {
                #expect(Int128(balance.debitsPosted) <= Int128(balance.creditsPosted) + Int128(overdraft.minorUnits))
            }
            guard let last = ledger.lastTimestamp, last.nanosecondsSinceEpoch > 0 else { continue }
            let cut = LedgerTimestamp(nanosecondsSinceEpoch: random.next() % last.nanosecondsSinceEpoch)
            let statement = try #require(ledger.statement(of: account.id, period: cut..<last.adding(nanoseconds: 1)))
            var running = statement.opening
            for entry in statement.entries {
                if entry.transfer.debitAccount == account.id {
                    running.debitsPosted += entry.transfer.amount.minorUnits
                }
                if entry.transfer.creditAccount == account.id {
                    running.creditsPosted += entry.transfer.amount.minorUnits
                }
                #expect(running == entry.balance)
            }
            #expect(running == statement.closing)
            #expect(statement.closing == balance)
        }
        #expect(debits == credits, "per unit, total debits equal total credits")
    }
}
