import Foundation
import HelpDeskKit

/// A small seeded desk for engine-level tests: a manual clock, seeded identifiers, two groups,
/// three employees (one inactive) and two categories. Rating tokens come from a seeded random
/// source, so ratings work whenever the configuration turns them on.
public struct TestDesk: Sendable {
    /// The engine.
    public let desk: HelpDesk
    /// The store under the engine.
    public let store: any HelpDeskStore
    /// The clock the engine reads; advance it to move time.
    public let clock: ManualClock
    /// The service-desk group (Anna and Boris).
    public let serviceDesk: SupportGroup
    /// The field-engineers group (Boris).
    public let fieldEngineers: SupportGroup
    /// A dispatcher in the service desk.
    public let anna: Employee
    /// An engineer in both groups.
    public let boris: Employee
    /// An employee who has left.
    public let former: Employee
    /// Printers: routed to the service desk group by default.
    public let printers: ServiceCategory
    /// On-site repair: routed to Boris by default.
    public let onSite: ServiceCategory

    /// 2026-03-02 09:00 UTC, a Monday: where the clock starts.
    public static let start = Date(timeIntervalSince1970: 1_772_442_000)

    /// Builds the desk on `store` (a fresh ``InMemoryStore`` by default).
    public static func make(
        store: any HelpDeskStore = InMemoryStore(), configuration: HelpDeskConfiguration = HelpDeskConfiguration(),
        seed: UInt64 = 42
    ) async throws -> TestDesk {
        let clock = ManualClock(start: start)
        let desk = HelpDesk(
            store: store, configuration: configuration, clock: clock.clock,
            identifiers: SeededIdentifierSource(seed: seed), random: SeededRandomSource(seed: ~seed))
        let serviceDesk = try await desk.addGroup(named: "Service desk", by: .system)
        let fieldEngineers = try await desk.addGroup(named: "Field engineers", by: .system)
        let anna = try await desk.addEmployee(
            NewEmployee(name: "Anna Dispatcher", email: "anna@service.example", groupIDs: [serviceDesk.id]), by: .system
        )
        let boris = try await desk.addEmployee(
            NewEmployee(
                name: "Boris Engineer", email: "boris@service.example", groupIDs: [serviceDesk.id, fieldEngineers.id]),
            by: .system)
        let former = try await desk.deactivateEmployee(
            try await desk.addEmployee(
                NewEmployee(name: "Former Colleague", email: "former@service.example"), by: .system
            ).id, by: .system)
        let printers = try await desk.addCategory(
            NewServiceCategory(name: "Printers", defaultGroupID: serviceDesk.id), by: .system)
        let onSite = try await desk.addCategory(
            NewServiceCategory(name: "On-site repair", defaultAssigneeID: boris.id, defaultGroupID: fieldEngineers.id),
            by: .system)
        return TestDesk(
            desk: desk, store: store, clock: clock, serviceDesk: serviceDesk, fieldEngineers: fieldEngineers,
            anna: anna, boris: boris, former: former, printers: printers, onSite: onSite)
    }

    /// Creates a ticket by email from a free-text requester, performed by Anna.
    @discardableResult
    public func ticket(
        _ title: String = "Printer jams", category: CategoryID? = nil, priority: Priority = .normal,
        requester: Requester = .freeText("Ivan Petrov")
    ) async throws -> Ticket {
        try await desk.createTicket(
            NewTicket(title: title, channel: .email, categoryID: category, priority: priority, requester: requester),
            by: .employee(anna.id))
    }

    /// Another engine on the same store, configuration and clock, as a second server process would
    /// run, with identifiers and randomness of its own (`seed`).
    public func secondEngine(seed: UInt64) -> HelpDesk {
        HelpDesk(
            store: store, configuration: desk.configuration, clock: clock.clock,
            identifiers: SeededIdentifierSource(seed: seed), random: SeededRandomSource(seed: seed &+ 1))
    }

    /// Everything the store exposes, for before/after comparisons.
    public func snapshot() async throws -> StoreSnapshot {
        try await StoreSnapshot.capture(store, workflow: desk.workflow)
    }
}
