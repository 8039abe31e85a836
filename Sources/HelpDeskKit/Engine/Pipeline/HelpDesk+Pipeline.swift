import Foundation

extension HelpDesk {
    /// Runs one mutating command through the pipeline: lock → authorize → load and decide →
    /// commit hooks → unit hooks (``UnitHook``) → the lanes the unit implies → one unit of work →
    /// commit; on a storage conflict the whole attempt runs again from fresh reads, at most
    /// ``HelpDeskConfiguration/conflictRetries`` more times.
    ///
    /// `tickets` are the tickets the command edits: commands on the same ticket run one after
    /// another on this engine, so they never conflict with each other. Conflicts that remain come
    /// from other engines on the same store or from records a command only references; a retry
    /// sees the winner's change and either succeeds or fails with the precise reason.
    func perform<Result>(
        by performer: Performer, editing tickets: [TicketID] = [],
        _ body: (inout CommandContext) async throws(HelpDeskError) -> Result
    ) async throws(HelpDeskError) -> Result {
        // Creates and other commands without a ticket to edit skip the lock's await.
        let held = tickets.isEmpty ? tickets : await lock(tickets)
        defer { if !held.isEmpty { unlock(held) } }
        var lanes: [String] = []
        defer { releaseLanes(lanes) }
        var retriesLeft = max(0, configuration.conflictRetries)
        var laneWaitsLeft = Self.laneWaits
        while true {
            var context = CommandContext(performer: performer)
            context.lanes = lanes
            defer {
                lanes = context.lanes
                if !context.extraTickets.isEmpty { unlock(context.extraTickets) }
            }
            do {
                context.principal = try await principal(for: performer)
                let result = try await body(&context)
                switch performer {
                case .employee(let id): context.work.require(.employeeActive(id))
                case .contact(let id): context.work.require(.contactActive(id))
                case .client, .system: break
                }
                if context.work.notes.asksForUnitHooks || context.work.touchesKnowledgeLinks {
                    for hook in Capabilities.unitHooks { try await hook.run(self, &context) }
                }
                if laneWaitsLeft > 0, !context.work.capabilities.isEmpty, await waitedForImpliedLanes(&context) {
                    // Decided while another command of this engine held a lane the unit needs:
                    // decide again now that this command holds it.
                    laneWaitsLeft -= 1
                    for number in context.reservedNumbers.reversed() { numbering.release(number) }
                    continue
                }
                try await commit(context.work)
                return result
            } catch {
                for number in context.reservedNumbers.reversed() { numbering.release(number) }
                guard error.code == .conflict, retriesLeft > 0 else { throw error }
                retriesLeft -= 1
                // Another engine may have taken ticket numbers: learn them again.
                numbering.invalidate()
            }
        }
    }

    /// How many times one command waits for lanes its unit implies and decides again.
    static let laneWaits = 8

    /// Takes the lanes `context`'s unit implies (a moved round-robin cursor: its group's
    /// assignment lane) that the command does not hold yet. A free lane is taken at once and kept
    /// until the command ends; when another command of this engine holds one, this command waits
    /// for it and returns `true`: its decisions were made without the lane and are made again.
    ///
    /// So a rule that assigns by round-robin while the command runs, which cannot hold the lane
    /// before it knows it fires, still takes turns with this engine's other assignments in the
    /// group instead of failing their commits (the cursor's revision still guards other engines).
    func waitedForImpliedLanes(_ context: inout CommandContext) async -> Bool {
        guard !context.work.capabilities.isEmpty else { return false }
        var implied: Set<String> = []
        for lanes in Capabilities.impliedLanes { implied.formUnion(lanes(context.work)) }
        var busy: Set<String> = []
        for lane in implied where !context.lanes.contains(lane) {
            if laneLocks.tryAcquire(lane) { context.lanes.append(lane) } else { busy.insert(lane) }
        }
        guard !busy.isEmpty else { return false }
        await holdLanes(busy, in: &context)
        return true
    }

    /// Reserves the next ticket number for the command in `context`.
    func reserveTicketNumber(in context: inout CommandContext) async throws(HelpDeskError) -> TicketNumber {
        if numbering.needsRefresh {
            let stored = try await storage { try await store.lastTicketNumber() }
            numbering.learn(stored)
        }
        let number = try numbering.reserve(first: configuration.firstTicketNumber)
        context.reservedNumbers.append(number)
        return number
    }
}
