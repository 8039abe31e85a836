import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// SLA policies for client tests, on the ``SLAFixtures`` calendar: `standard` (the desk default),
/// `gold` (contracts), `silver` (clients), `bronze` (categories) and `debtor`.
enum SLAClientFixtures {
    static func policy(_ id: SLAPolicyID, reactionMinutes: Int64) -> SLAPolicy {
        SLAPolicy(
            id: id, name: id.rawValue, calendar: SLAFixtures.calendar,
            targets: [.normal: SLATargets(reaction: .minutes(reactionMinutes), resolution: .hours(8))])
    }

    static func configuration(debtorPolicy: SLAPolicyID? = "debtor") throws -> HelpDeskConfiguration {
        let policies = [
            SLAFixtures.standard, SLAFixtures.gold, policy("silver", reactionMinutes: 45),
            policy("bronze", reactionMinutes: 50),
            policy("debtor", reactionMinutes: 240),
        ]
        return HelpDeskConfiguration(
            sla: try SLAConfiguration(policies: policies, defaultPolicyID: "standard"),
            clients: ClientConfiguration(debtorSLAPolicyID: debtorPolicy))
    }

    static func make(debtorPolicy: SLAPolicyID? = "debtor") async throws -> ClientFixture {
        try await ClientFixture.make(configuration: configuration(debtorPolicy: debtorPolicy))
    }
}

@Suite("SLA precedence for client tickets")
struct ClientSLATests {
    @Test func contractBeatsClientBeatsCategoryBeatsDefault() async throws {
        let f = try await SLAClientFixtures.make()
        let bronze = try await f.desk.addCategory(
            NewServiceCategory(name: "Network", slaPolicyID: "bronze"), by: .system)
        func policy(_ ticket: Ticket) -> SLAPolicyID? { ticket.sla?.policyID }

        #expect(policy(try await f.ticket(requester: .freeText("Caller"))) == "standard")
        #expect(policy(try await f.ticket(requester: .freeText("Caller"), category: bronze.id)) == "bronze")
        // Alpha has no policy of its own and no contract: the category still decides.
        #expect(policy(try await f.ticket(requester: .contact(f.ivan.id), category: bronze.id)) == "bronze")

        let silverClient = try await f.desk.addCompany(
            NewCompany(name: "Silver Client", slaPolicyID: "silver"), by: .system)
        #expect(silverClient.slaPolicyID == "silver")
        #expect(
            policy(try await f.ticket(requester: .freeText("Caller"), category: bronze.id, company: silverClient.id))
                == "silver")

        let plain = try await f.contract("S-1", of: silverClient.id)
        let viaPlainContract = try await f.ticket(
            requester: .freeText("Caller"), category: bronze.id, company: silverClient.id)
        #expect(viaPlainContract.contractID == plain.id)
        #expect(policy(viaPlainContract) == "silver", "a contract without a policy defers to the client")

        let gold = try await f.contract("S-0", of: silverClient.id, sla: "gold")
        let viaGold = try await f.ticket(requester: .freeText("Caller"), category: bronze.id, company: silverClient.id)
        #expect(viaGold.contractID == gold.id)
        #expect(policy(viaGold) == "gold")
        #expect(viaGold.sla?.reaction?.target == .minutes(30), "gold's normal reaction target")

        // Moving the ticket to the plain contract retargets it to the client's policy.
        let retargeted = try await f.desk.updateTicket(viaGold.id, TicketUpdate(contractID: plain.id), by: f.anna)
        #expect(policy(retargeted) == "silver")
        #expect(retargeted.sla?.reaction?.target == .minutes(45))
    }

    @Test func aClientWithAnOverduePeriodGetsTheDebtorPolicy() async throws {
        let f = try await SLAClientFixtures.make()
        let contract = try await f.contract("A-1", sla: "gold")
        let period = try await f.period(contract, -10, 20, due: 5)
        #expect(try await f.ticket(requester: .contact(f.ivan.id)).sla?.policyID == "gold", "not yet overdue on day 0")

        f.clock.set(to: ClientFixture.day(5))
        let debtorTicket = try await f.ticket(requester: .contact(f.ivan.id))
        #expect(debtorTicket.contractID == contract.id)
        #expect(debtorTicket.sla?.policyID == "debtor", "the debtor policy replaces even the contract's")
        #expect(debtorTicket.sla?.reaction?.target == .minutes(240))
        #expect(
            try await f.ticket(requester: .contact(f.olga.id)).sla?.policyID == "standard",
            "other clients are unaffected")

        _ = try await f.desk.markServicePeriodPaid(period.id, of: contract.id, by: .system)
        #expect(try await f.ticket(requester: .contact(f.ivan.id)).sla?.policyID == "gold", "paying lifts the rule")
    }

    @Test func withoutADebtorPolicyDebtorsAreTreatedLikeEveryoneElse() async throws {
        let f = try await SLAClientFixtures.make(debtorPolicy: nil)
        let contract = try await f.contract("A-1", sla: "gold")
        try await f.period(contract, -10, 20)
        #expect(try await f.desk.debtors(at: ClientFixture.day(0), as: .system).map(\.company.id) == [f.alpha.id])
        #expect(try await f.ticket(requester: .contact(f.ivan.id)).sla?.policyID == "gold")
    }

    @Test func unknownPoliciesAreRejectedEverywhereTheyAreNamed() async throws {
        let f = try await SLAClientFixtures.make()
        await #expect(throws: HelpDeskError.unknownSLAPolicy("platinum")) {
            _ = try await f.desk.addCompany(NewCompany(name: "Platinum", slaPolicyID: "platinum"), by: .system)
        }
        await #expect(throws: HelpDeskError.unknownSLAPolicy("platinum")) {
            _ = try await f.contract("P-1", sla: "platinum")
        }
    }
}
