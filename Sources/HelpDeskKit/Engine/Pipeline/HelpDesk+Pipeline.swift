import Foundation

extension HelpDesk {
    /// Runs one mutating command through the pipeline: lock → authorize → load and decide →
    /// commit hooks → one unit of work → commit; on a storage conflict the whole attempt runs again
    /// from fresh reads, at most ``HelpDeskConfiguration/conflictRetries`` more times.
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
        while true {
            var context = CommandContext(performer: performer)
            context.lanes = lanes
            defer { lanes = context.lanes }
            do {
                context.principal = try await principal(for: performer)
                let result = try await body(&context)
                switch performer {
                case .employee(let id): context.work.require(.employeeActive(id))
                case .contact(let id): context.work.require(.contactActive(id))
                case .client, .system: break
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
