import Foundation

extension HelpDesk {
    /// Runs a command through the pipeline (``perform(by:editing:_:)``) and, when `call` carries an
    /// idempotency key, makes it safe to repeat: the first call records the key with its result in
    /// the same unit of work; a repeat with the same input returns that result and commits nothing;
    /// the same key with another command or input is ``HelpDeskError/idempotencyKeyReused(_:)``.
    /// Two calls racing with one key conflict at commit, and the retry returns the winner's result.
    func perform<Result: Codable & Sendable>(
        by performer: Performer, editing tickets: [TicketID] = [], idempotency call: IdempotentCall?,
        _ body: (inout CommandContext) async throws(HelpDeskError) -> Result
    ) async throws(HelpDeskError) -> Result {
        guard let call else { return try await perform(by: performer, editing: tickets, body) }
        return try await perform(by: performer, editing: tickets) { context throws(HelpDeskError) in
            let now = clock.now()
            let records = try feature((any IdempotencyRepository).self)
            if let stored = try await storage({ try await records.idempotencyRecord(call.key) }) {
                if stored.expiresAt > now { return try replay(stored, for: call, as: Result.self) }
                context.work.idempotency.forgotten.append(stored.key)
            }
            let result = try await body(&context)
            let encoded: Data
            do {
                encoded = try JSONEncoder().encode(result)
            } catch {
                throw .storage(StorageError(.other, "cannot encode the result of \(call.command)", cause: error))
            }
            let horizon = max(1, configuration.idempotencyHorizon)
            context.work.idempotency.records.append(
                IdempotencyRecord(
                    key: call.key, command: call.command, fingerprint: call.fingerprint.hex, result: encoded,
                    recordedAt: now, expiresAt: now.addingTimeInterval(horizon)))
            return result
        }
    }

    /// ``perform(by:editing:idempotency:_:)`` for the public command `command`: the call is made
    /// (and its input fingerprinted) only when the host passed an idempotency `key`.
    func perform<Result: Codable & Sendable>(
        by performer: Performer, editing tickets: [TicketID] = [], command: String, key: IdempotencyKey?,
        inputs: @autoclosure () -> [any Encodable],
        _ body: (inout CommandContext) async throws(HelpDeskError) -> Result
    ) async throws(HelpDeskError) -> Result {
        let call = try IdempotentCall.make(key, command, by: performer, inputs())
        return try await perform(by: performer, editing: tickets, idempotency: call, body)
    }

    /// The stored result of an earlier call with the same key, or the reuse error.
    private func replay<Result: Decodable>(_ stored: IdempotencyRecord, for call: IdempotentCall, as _: Result.Type)
        throws(HelpDeskError) -> Result
    {
        guard stored.command == call.command, stored.fingerprint == call.fingerprint.hex else {
            throw .idempotencyKeyReused(call.key)
        }
        do {
            return try JSONDecoder().decode(Result.self, from: stored.result)
        } catch {
            throw .storage(StorageError(.corrupted, "the stored result of '\(call.key)' does not decode", cause: error))
        }
    }

    /// Forgets idempotency keys that expired by `now`, a batch per unit of work.
    func forgetExpiredKeys(now: Date) async throws(HelpDeskError) {
        while true {
            // A store without idempotency records has nothing to forget.
            guard let records = try optionalFeature((any IdempotencyRepository).self) else { return }
            let expired = try await storage { try await records.idempotencyKeys(expiringBy: now, limit: 1_000) }
            guard !expired.isEmpty else { return }
            try await perform(by: .system) { context throws(HelpDeskError) in
                context.work.idempotency.forgotten = expired
            }
            if expired.count < 1_000 { return }
        }
    }
}

/// A command without a value to return, as stored for an idempotent repeat.
struct Done: Codable, Sendable {}

extension TickHook {
    /// Forgets idempotency keys past their horizon.
    static let idempotencySweep = TickHook(name: "idempotency-sweep") { desk, now, _ throws(HelpDeskError) in
        try await desk.forgetExpiredKeys(now: now)
    }
}

extension Capability {
    /// Idempotent commands: expired keys are forgotten by `tick`.
    static let idempotency = Capability(
        name: "idempotency", tables: IdempotencyTables.self, tickHooks: [.idempotencySweep])
}
