import Foundation
import HelpDeskKit

/// Contacts of several companies use their portals at once, on two engines over one store: they
/// file tickets, reply on shared tickets, rate a resolution twice and approve paid work twice.
/// Every accepted command must be visible afterwards, a resolution rated and a decision taken at
/// most once, and no contact may see another company's tickets.
public struct PortalRace: Sendable {
    /// Client companies racing.
    public var companies = 3

    /// Describes the race.
    public init(companies: Int = 3) {
        self.companies = companies
    }

    /// One company's contacts and tickets prepared before the race.
    struct Side: Sendable {
        let company: Company
        /// Requests the tickets, may approve paid work, sees its own tickets.
        let requester: Contact
        /// Sees the whole company, may approve paid work.
        let colleague: Contact
        let shared: Ticket
        let resolved: Ticket
        let paid: Ticket
    }

    /// What an accepted portal command left behind.
    enum Effect: Sendable {
        case filed(TicketID, by: ContactID)
        case replied(CommentID, on: TicketID)
        case rated(TicketID)
        case approved(TicketID)
    }

    /// Runs the race on `store` and returns what went wrong (empty when every command stuck).
    public func check(on store: any HelpDeskStore) async throws -> [String] {
        var configuration = HelpDeskConfiguration()
        configuration.ratings = .standard
        let test = try await TestDesk.make(store: store, configuration: configuration)
        let second = test.secondEngine(seed: 8_118)
        let sides = try await prepare(test)
        let outcomes = await withTaskGroup(of: (String, Result<Effect, HelpDeskError>).self) { group in
            var index = 0
            for side in sides {
                for (name, command) in commands(of: side) {
                    let desk = index.isMultiple(of: 2) ? test.desk : second
                    index += 1
                    group.addTask {
                        do throws(HelpDeskError) {
                            return ("\(side.company.name): \(name)", .success(try await command(desk)))
                        } catch {
                            return ("\(side.company.name): \(name)", .failure(error))
                        }
                    }
                }
            }
            var outcomes: [(String, Result<Effect, HelpDeskError>)] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        return try await verify(outcomes, sides: sides, on: test)
    }

    /// The companies, each with a shared ticket, a resolved one and one whose paid work awaits approval.
    private func prepare(_ test: TestDesk) async throws -> [Side] {
        let desk = test.desk
        let anna = Performer.employee(test.anna.id)
        let cartridge = try await desk.addPriceListItem(
            NewPriceListItem(
                code: "CART", name: "Cartridge", pricing: .perItem,
                price: Price(Money(minorUnits: 20_00, currency: .rub)), validFrom: TestDesk.start), by: .system)
        var sides: [Side] = []
        for index in 0..<companies {
            let company = try await desk.addCompany(NewCompany(name: "Company \(index)"), by: .system)
            try await desk.topUp(
                company.id, amount: Price(Money(minorUnits: 100_00, currency: .rub)), paymentReference: "PAY-\(index)",
                by: .system)
            let requester = try await desk.addContact(
                NewContact(companyID: company.id, name: "Requester \(index)", mayApprovePaidWork: true), by: .system)
            let colleague = try await desk.addContact(
                NewContact(
                    companyID: company.id, name: "Colleague \(index)", mayApprovePaidWork: true, portalScope: .company),
                by: .system)
            /// A ticket staff file for the requester.
            func ticket(_ title: String) async throws -> Ticket {
                try await desk.createTicket(
                    NewTicket(title: "\(title) \(index)", channel: .email, requester: .contact(requester.id)), by: anna)
            }
            let shared = try await ticket("Shared")
            let resolved = try await desk.changeStatus(try await ticket("Resolved").id, to: .resolved, by: anna)
            let paid = try await ticket("Paid")
            _ = try await desk.addSpecificationLine(
                to: paid.id, NewSpecificationLine(itemID: cartridge.id, quantity: 1), by: anna)
            _ = try await desk.requestApproval(of: paid.id, by: anna)
            sides.append(
                Side(
                    company: company, requester: requester, colleague: colleague, shared: shared, resolved: resolved,
                    paid: paid))
        }
        return sides
    }

    /// The commands one company's contacts issue at once.
    private func commands(of side: Side) -> [(String, @Sendable (HelpDesk) async throws(HelpDeskError) -> Effect)] {
        let requester = side.requester.id
        let colleague = side.colleague.id
        var commands: [(String, @Sendable (HelpDesk) async throws(HelpDeskError) -> Effect)] = []
        for (contact, count) in [(requester, 2), (colleague, 1)] {
            for n in 0..<count {
                commands.append(
                    (
                        "filing \(n) by \(contact)",
                        { desk throws(HelpDeskError) in
                            let request = PortalTicketRequest(
                                title: "Filed \(n)", ccContactIDs: [requester, colleague])
                            return .filed(try await desk.portal(for: contact).file(request).id, by: contact)
                        }
                    ))
            }
        }
        for contact in [requester, colleague] {
            for ticket in [side.shared.id, side.paid.id] {
                commands.append(
                    (
                        "reply by \(contact) on \(ticket)",
                        { desk throws(HelpDeskError) in
                            .replied(
                                try await desk.portal(for: contact).reply(to: ticket, "From \(contact)").id, on: ticket)
                        }
                    ))
            }
            commands.append(
                (
                    "approval by \(contact)",
                    { desk throws(HelpDeskError) in
                        _ = try await desk.portal(for: contact).approvePaidWork(of: side.paid.id)
                        return .approved(side.paid.id)
                    }
                ))
        }
        for score in [2, 5] {
            commands.append(
                (
                    "rating \(score)",
                    { desk throws(HelpDeskError) in
                        _ = try await desk.portal(for: requester).rate(side.resolved.id, score: score)
                        return .rated(side.resolved.id)
                    }
                ))
        }
        return commands
    }

    /// What went wrong: refusals other than losing a race, lost effects, double decisions, leaks.
    private func verify(_ outcomes: [(String, Result<Effect, HelpDeskError>)], sides: [Side], on test: TestDesk)
        async throws -> [String]
    {
        let desk = test.desk
        var problems: [String] = []
        var rated: [TicketID: Int] = [:]
        var approved: [TicketID: Int] = [:]
        var filed: [ContactID: [TicketID]] = [:]
        for (name, outcome) in outcomes {
            switch outcome {
            case .failure(let error):
                switch error.reason {
                case .ratingNotRequested, .approvalNotAwaited: continue
                default: if error.code != .conflict { problems.append("\(name): \(error)") }
                }
            case .success(.filed(let id, let contact)): filed[contact, default: []].append(id)
            case .success(.replied(let comment, let ticket)):
                if try await !desk.comments(on: ticket, as: .system).contains(where: { $0.id == comment }) {
                    problems.append("\(name): the reply was lost")
                }
            case .success(.rated(let ticket)): rated[ticket, default: 0] += 1
            case .success(.approved(let ticket)): approved[ticket, default: 0] += 1
            }
        }
        for side in sides {
            let ratings = try await desk.ratings(of: side.resolved.id, as: .system).count
            if ratings != rated[side.resolved.id, default: 0] || ratings > 1 {
                problems.append(
                    "\(side.company.name): \(ratings) ratings stored, \(rated[side.resolved.id, default: 0]) accepted")
            }
            let decision = try await desk.specification(of: side.paid.id, as: .system)?.approval?.decision
            let approvals = approved[side.paid.id, default: 0]
            if approvals > 1 || (approvals == 1) != (decision == .approved) {
                problems.append(
                    "\(side.company.name): \(approvals) approvals accepted, stored \(String(describing: decision))")
            }
            let mine = Set(
                try await desk.tickets(
                    matching: TicketQuery(companyIDs: [side.company.id], limit: TicketQuery.maximumLimit), as: .system
                ).tickets.map(\.id))
            let accepted = Set([side.requester.id, side.colleague.id].flatMap { filed[$0] ?? [] })
            if mine != Set([side.shared.id, side.resolved.id, side.paid.id]).union(accepted) {
                problems.append("\(side.company.name): stored tickets differ from the accepted filings")
            }
            for contact in [side.requester, side.colleague] {
                let listed = try await desk.portal(for: contact.id).tickets(PortalTicketQuery(limit: 200)).tickets
                if !Set(listed.map(\.id)).isSubset(of: mine) {
                    problems.append("\(contact.name) lists another company's ticket")
                }
                if !accepted.isSubset(of: Set(listed.map(\.id))) {
                    problems.append("\(contact.name) misses a filed ticket")
                }
                for other in sides where other.company.id != side.company.id {
                    if (try? await desk.portal(for: contact.id).ticket(other.shared.id)) != nil {
                        problems.append("\(contact.name) reads \(other.company.name)'s ticket")
                    }
                }
            }
        }
        let all = try await desk.tickets(matching: TicketQuery(limit: TicketQuery.maximumLimit), as: .system).tickets
        if Set(all.map(\.number)).count != all.count { problems.append("two tickets share a number") }
        return problems
    }
}
