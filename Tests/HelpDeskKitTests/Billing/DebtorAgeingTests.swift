import Foundation
import HelpDeskKit
import Testing

/// Receivables ageing counts a period invoice from its payment due date, like the debtor list's
/// "overdue for N days", so the two never disagree (issue #15).
@Suite("Debtor ageing from the due date")
struct DebtorAgeingTests {
    @Test func aPeriodInvoiceAgesFromItsDueDateLikeTheDebtorList() async throws {
        let f = try await ClientFixture.make()
        let contract = try await f.contract("A-1")
        // Invoiced (posted) on day 0, due on day 10.
        try await f.period(contract, -20, 10, fee: 4_500_00, due: 10)

        let early = try await f.desk.debtorAgeing(at: ClientFixture.day(5), as: .system)
        #expect(early.map { [$0.notYetDue, $0.upTo30, $0.upTo60] } == [[4_500_00, 0, 0]])
        #expect(early.map(\.total) == [4_500_00])
        #expect(try await f.desk.debtors(at: ClientFixture.day(5), as: .system).isEmpty)

        // Day 38: 38 days after posting, but 28 days after the due date.
        let late = try await f.desk.debtorAgeing(at: ClientFixture.day(38), as: .system)
        #expect(late.map { [$0.notYetDue, $0.upTo30, $0.upTo60] } == [[0, 4_500_00, 0]])
        let debtors = try await f.desk.debtors(at: ClientFixture.day(38), as: .system)
        #expect(debtors.map(\.maximumDaysOverdue) == [28])

        let later = try await f.desk.debtorAgeing(at: ClientFixture.day(45), as: .system)
        #expect(later.map { [$0.upTo30, $0.upTo60] } == [[0, 4_500_00]])
        #expect(try await f.desk.debtors(at: ClientFixture.day(45), as: .system).map(\.maximumDaysOverdue) == [35])
    }
}
