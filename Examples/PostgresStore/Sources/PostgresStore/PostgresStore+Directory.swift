import Foundation
import HelpDeskKit
import PostgresNIO

extension PostgresStore {
    // Lists are sorted in Swift: names compare as Swift strings (canonical equivalence), which no
    // SQL collation reproduces exactly, and a directory is small.

    /// The employee with `id`, or `nil`.
    public func employee(_ id: EmployeeID) async throws -> Employee? {
        try await record(Employee.self, "SELECT body FROM employees WHERE id = \(id.uuid)")
    }

    /// All employees, by name then identifier.
    public func employees() async throws -> [Employee] {
        try await records(Employee.self, "SELECT body FROM employees").sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    /// The group with `id`, or `nil`.
    public func group(_ id: GroupID) async throws -> SupportGroup? {
        try await record(SupportGroup.self, "SELECT body FROM support_groups WHERE id = \(id.uuid)")
    }

    /// All groups, by name then identifier.
    public func groups() async throws -> [SupportGroup] {
        try await records(SupportGroup.self, "SELECT body FROM support_groups")
            .sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    /// The service category with `id`, or `nil`.
    public func category(_ id: CategoryID) async throws -> ServiceCategory? {
        try await record(ServiceCategory.self, "SELECT body FROM service_categories WHERE id = \(id.uuid)")
    }

    /// All service categories, by name then identifier.
    public func categories() async throws -> [ServiceCategory] {
        try await records(ServiceCategory.self, "SELECT body FROM service_categories")
            .sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    /// Upserts the unit's employees, groups and categories.
    func writeDirectory(of work: UnitOfWork, on connection: PostgresConnection) async throws {
        for employee in work.employees {
            let body = try RecordCoding.encode(employee)
            try await execute(
                """
                INSERT INTO employees (id, is_active, body) VALUES (\(employee.id.uuid), \(employee.isActive), \(body))
                ON CONFLICT (id) DO UPDATE SET is_active = EXCLUDED.is_active, body = EXCLUDED.body
                """, on: connection)
        }
        for group in work.groups {
            let body = try RecordCoding.encode(group)
            try await execute(
                """
                INSERT INTO support_groups (id, body) VALUES (\(group.id.uuid), \(body))
                ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body
                """, on: connection)
        }
        for category in work.categories {
            let body = try RecordCoding.encode(category)
            try await execute(
                """
                INSERT INTO service_categories (id, body) VALUES (\(category.id.uuid), \(body))
                ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body
                """, on: connection)
        }
    }
}
