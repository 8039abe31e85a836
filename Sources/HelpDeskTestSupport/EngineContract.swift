import HelpDeskKit

/// Checks of the engine running on an adapter: what every adapter must support beyond the
/// repository contract (``StoreContract``), chiefly commands issued concurrently on one engine.
///
/// Run each check on a fresh, empty store, exactly like ``StoreContract/checks``.
public enum EngineContract {
    /// All checks, in a stable order.
    public static let checks: [ContractCheck] = [
        ContractCheck("64 concurrent commands of each kind succeed and equal a serial replay") { store in
            let problems = try await ConcurrentCommands().check(on: store)
            try require(problems.isEmpty, problems.joined(separator: "\n"))
        },
        ContractCheck("another shuffle of concurrent commands equals its serial replay") { store in
            let problems = try await ConcurrentCommands(perKind: 24, seed: 2026).check(on: store)
            try require(problems.isEmpty, problems.joined(separator: "\n"))
        },
        ContractCheck("two engines racing to spend one wallet never overspend it") { store in
            let problems = try await WalletRace().check(on: store)
            try require(problems.isEmpty, problems.joined(separator: "\n"))
        },
        ContractCheck("engineers on two engines logging past a contract's allowance at once bill exactly the overage")
        { store in
            let problems = try await AllowanceRace().check(on: store)
            try require(problems.isEmpty, problems.joined(separator: "\n"))
        },
        ContractCheck("two engines auto-assigning one group's tickets round-robin at once share them fairly, losing none")
        { store in
            let problems = try await AssignmentRace().check(on: store)
            try require(problems.isEmpty, problems.joined(separator: "\n"))
        },
        ContractCheck("tickets created at once on one engine and shared out by a round-robin rule all commit, fairly")
        { store in
            let problems = try await RuleAssignmentRace().check(on: store)
            try require(problems.isEmpty, problems.joined(separator: "\n"))
        },
        ContractCheck("slots freed at once on two engines take the oldest waiting tickets, one each, never over the cap")
        { store in
            let problems = try await BacklogDrainRace().check(on: store)
            try require(problems.isEmpty, problems.joined(separator: "\n"))
        },
        ContractCheck("two engines ticking at once fire each time rule once per ticket and episode") { store in
            let problems = try await RuleTickRace().check(on: store)
            try require(problems.isEmpty, problems.joined(separator: "\n"))
        },
        ContractCheck("many ticks on two engines at the same instants open each maintenance occurrence once") { store in
            let problems = try await MaintenanceTickRace().check(on: store)
            try require(problems.isEmpty, problems.joined(separator: "\n"))
        },
        ContractCheck("two engines changing and using one canned answer at once lose no update and mix no versions") {
            store in
            let problems = try await StoreContract.cannedAnswerRace(try await TestDesk.make(store: store))
            try require(problems.isEmpty, problems.joined(separator: "\n"))
        },
        ContractCheck("administrators stepping down at once on two engines leave exactly one") { store in
            let problems = try await AdministratorRace().check(on: store)
            try require(problems.isEmpty, problems.joined(separator: "\n"))
        },
        ContractCheck("an employee's roles and leaving, changed at once on two engines, both stick") { store in
            let problems = try await EmployeeRace().check(on: store)
            try require(problems.isEmpty, problems.joined(separator: "\n"))
        },
        ContractCheck("rules defined, changed, paused and deleted on one engine rule the other's next command") { store in
            let problems = try await RuleVisibility().check(on: store)
            try require(problems.isEmpty, problems.joined(separator: "\n"))
        },
        ContractCheck("two engines editing and citing one knowledge article at once lose no version and no citation") {
            store in
            let problems = try await KnowledgeRace().check(on: store)
            try require(problems.isEmpty, problems.joined(separator: "\n"))
        },
        ContractCheck("two engines receiving the same letters at once file each exactly once") { store in
            let problems = try await EmailRace().check(on: store)
            try require(problems.isEmpty, problems.joined(separator: "\n"))
        },
        ContractCheck("contacts of several companies using their portals at once lose nothing and see only their own") {
            store in
            let problems = try await PortalRace().check(on: store)
            try require(problems.isEmpty, problems.joined(separator: "\n"))
        },
        ContractCheck("many tasks moving one visit and others at once commit each move once, in a dense sequence") {
            store in
            let problems = try await VisitRace().check(on: store)
            try require(problems.isEmpty, problems.joined(separator: "\n"))
        },
        ContractCheck("two engines levelling two visits into one free slot at once: one moves, the other is refused") {
            store in
            let problems = try await LevellingSlotRace().check(on: store)
            try require(problems.isEmpty, problems.joined(separator: "\n"))
        },
        ContractCheck("tickets resolved on one engine while another moves their visits call each visit off once") {
            store in
            let problems = try await VisitCallOffRace().check(on: store)
            try require(problems.isEmpty, problems.joined(separator: "\n"))
        },
        ContractCheck("files uploaded and attached at once read back, and no client ever reads an internal note's") {
            store in
            let problems = try await AttachmentLeak().check(on: store)
            try require(problems.isEmpty, problems.joined(separator: "\n"))
        },
    ]
}
