import Foundation
import HelpDeskKit

/// Two engines on one store race to demote the desk's administrators: each command checks that
/// another administrator remains, and the store re-checks that one at commit
/// (`CommitPrecondition.administratorActive`), so the desk never ends without an administrator.
public struct AdministratorRace: Sendable {
    /// Rounds; each starts with `administrators` administrators who all step down at once.
    public var rounds = 6
    /// Administrators racing in each round, alternating between the two engines.
    public var administrators = 4

    /// Describes the race.
    public init(rounds: Int = 6, administrators: Int = 4) {
        self.rounds = rounds
        self.administrators = administrators
    }

    /// Runs the race on `store` and returns what went wrong (empty when an administrator remained).
    public func check(on store: any HelpDeskStore) async throws -> [String] {
        let test = try await TestDesk.make(store: store)
        let second = test.secondEngine(seed: 5_353)
        let agent = try await test.desk.defineRole(RoleDefinition(name: "Agent", tickets: .change), by: .system)
        var problems: [String] = []
        for round in 0..<rounds {
            var racers: [Employee] = []
            for index in 0..<administrators {
                racers.append(
                    try await test.desk.addEmployee(
                        NewEmployee(name: "Admin \(round)-\(index)", email: "admin\(round)-\(index)@service.example"),
                        by: .system))
            }
            // Only the racers are administrators when the round starts.
            let racerIDs = Set(racers.map(\.id))
            for employee in try await store.employees() where employee.isActiveAdministrator && !racerIDs.contains(employee.id) {
                _ = try await test.desk.grantRoles([RoleGrant(agent.id)], to: employee.id, by: .system)
            }
            let outcomes = await withTaskGroup(of: HelpDeskError?.self) { group in
                for (index, racer) in racers.enumerated() {
                    let desk = index.isMultiple(of: 2) ? test.desk : second
                    group.addTask {
                        do throws(HelpDeskError) {
                            if index % 4 == 3 {
                                _ = try await desk.deactivateEmployee(racer.id, by: .system)
                            } else {
                                _ = try await desk.grantRoles([RoleGrant(agent.id)], to: racer.id, by: .system)
                            }
                            return nil
                        } catch {
                            return error
                        }
                    }
                }
                var outcomes: [HelpDeskError?] = []
                for await outcome in group { outcomes.append(outcome) }
                return outcomes
            }
            for case let error? in outcomes {
                guard case .lastAdministrator = error.reason else {
                    problems.append("round \(round): a racer failed with \(error)")
                    continue
                }
            }
            let remaining = try await store.employees().filter(\.isActiveAdministrator)
            if remaining.count != 1 {
                problems.append("round \(round): \(remaining.count) administrators remain, expected exactly 1")
            }
            let refused = outcomes.compactMap { $0 }.count
            if refused != 1 { problems.append("round \(round): \(refused) racers refused, expected exactly 1") }
        }
        return problems
    }
}
