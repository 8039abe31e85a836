import Foundation
import HelpDeskKit

/// Two engines on one store change the same employees at once, one their roles and the other
/// their leaving: both commands rewrite the whole employee record, so each requires the record it
/// read (`CommitPrecondition.employeeUnchanged`) and neither change may be lost.
public struct EmployeeRace: Sendable {
    /// Employees changed from both engines at once.
    public var employees = 8

    /// Describes the race.
    public init(employees: Int = 8) {
        self.employees = employees
    }

    /// Runs the race on `store` and returns what went wrong (empty when both changes stuck).
    public func check(on store: any HelpDeskStore) async throws -> [String] {
        let test = try await TestDesk.make(store: store)
        let second = test.secondEngine(seed: 6_363)
        let agent = try await test.desk.defineRole(RoleDefinition(name: "Agent", tickets: .change), by: .system)
        let engineer = try await test.desk.defineRole(
            RoleDefinition(name: "Engineer", tickets: .change, reach: .myGroups), by: .system)
        var staff: [Employee] = []
        for index in 0..<employees {
            staff.append(
                try await test.desk.addEmployee(
                    NewEmployee(
                        name: "Engineer \(index)", email: "engineer\(index)@service.example",
                        grants: [RoleGrant(agent.id)]), by: .system))
        }
        let failures = await withTaskGroup(of: String?.self) { group in
            for employee in staff {
                group.addTask {
                    do throws(HelpDeskError) {
                        _ = try await test.desk.grantRoles([RoleGrant(engineer.id)], to: employee.id, by: .system)
                        return nil
                    } catch {
                        return "granting \(employee.name): \(error)"
                    }
                }
                group.addTask {
                    do throws(HelpDeskError) {
                        _ = try await second.deactivateEmployee(employee.id, by: .system)
                        return nil
                    } catch {
                        return "deactivating \(employee.name): \(error)"
                    }
                }
            }
            var failures: [String] = []
            for await case let failure? in group { failures.append(failure) }
            return failures
        }
        var problems = failures
        for employee in staff {
            let stored = try await store.employee(employee.id)
            if stored?.isActive != false || stored?.grants != [RoleGrant(engineer.id)] {
                problems.append("\(employee.name) ended as \(String(describing: stored)): a change was lost")
            }
        }
        return problems
    }
}
