import Foundation
import HelpDeskKit
import Logging
import PostgresNIO
import PostgresStore

/// A small host for the multi-process test: an engine over a ``PostgresStore`` on the database
/// named by `HELPDESK_PG_*`, running one of two jobs.
///
/// - `commands ROLE TICKET COUNT`: issues COUNT ticket creations, COUNT comments on and COUNT title
///   edits of the shared ticket TICKET, all at once, and prints one line per outcome
///   (`created NUMBER`, `commented`, `edited`, `failed MESSAGE`).
/// - `drain MARKER`: reads and acknowledges the outbox in batches until the file MARKER exists
///   and every event up to the last sequence is delivered; prints `SEQUENCE KIND TICKET EVENT`
///   per event and exits with status 1 if a sequence is skipped or repeated.
@main
struct PostgresStoreHost {
    /// Runs the job named by the arguments.
    static func main() async throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let settings = PostgresSettings.fromEnvironment() else {
            FileHandle.standardError.write(Data("set HELPDESK_PG_PORT and HELPDESK_PG_DATABASE\n".utf8))
            exit(2)
        }
        let client = PostgresClient(configuration: settings.clientConfiguration)
        let succeeded = try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                await client.run()
                return true
            }
            defer { group.cancelAll() }
            let store = PostgresStore(client: client, logger: Logger(label: "postgres-store-host"))
            let desk = HelpDesk(
                store: store, configuration: HelpDeskConfiguration(conflictRetries: 200), clock: .system,
                identifiers: SystemIdentifierSource(), random: SystemRandomSource())
            switch arguments.first {
            case "commands" where arguments.count == 4:
                guard let ticket = TicketID(uuidString: arguments[2]), let count = Int(arguments[3]) else {
                    return false
                }
                await issueCommands(on: desk, role: arguments[1], shared: ticket, count: count)
                return true
            case "drain" where arguments.count == 2:
                return try await drain(desk, store: store, marker: arguments[1])
            default:
                FileHandle.standardError.write(Data("usage: commands ROLE TICKET COUNT | drain MARKER\n".utf8))
                return false
            }
        }
        exit(succeeded ? 0 : 1)
    }

    /// Issues the creations and edits concurrently and prints their outcomes.
    static func issueCommands(on desk: HelpDesk, role: String, shared: TicketID, count: Int) async {
        await withTaskGroup(of: String.self) { group in
            for index in 0..<count {
                group.addTask {
                    do {
                        let ticket = try await desk.createTicket(
                            NewTicket(title: "\(role) created \(index)", channel: .phone, requester: .freeText(role)),
                            by: .system)
                        return "created \(ticket.number.rawValue)"
                    } catch {
                        return "failed \(error)"
                    }
                }
                group.addTask {
                    do {
                        _ = try await desk.comment(on: shared, NewComment("\(role) comment \(index)"), by: .system)
                        return "commented"
                    } catch {
                        return "failed \(error)"
                    }
                }
                group.addTask {
                    do {
                        _ = try await desk.updateTicket(
                            shared, TicketUpdate(title: "\(role) edit \(index)"), by: .system)
                        return "edited"
                    } catch {
                        return "failed \(error)"
                    }
                }
            }
            for await line in group { print(line) }
        }
    }

    /// Delivers the outbox in order until `marker` exists and nothing is left; `false` on a gap.
    static func drain(_ desk: HelpDesk, store: PostgresStore, marker: String) async throws -> Bool {
        var next: UInt64 = 1
        var finalSequence: UInt64?
        while finalSequence.map({ next <= $0 }) ?? true {
            if finalSequence == nil, FileManager.default.fileExists(atPath: marker) {
                finalSequence = try await store.lastEventSequence()
            }
            let batch = try await desk.undeliveredEvents(limit: 25, as: .system)
            if batch.isEmpty {
                try await Task.sleep(for: .milliseconds(5))
                continue
            }
            for event in batch {
                guard event.sequence == next else {
                    print("gap: expected \(next), read \(event.sequence)")
                    return false
                }
                print("\(event.sequence) \(kind(of: event.event)) \(event.id)")
                next += 1
            }
            try await desk.acknowledgeEvents(batch.map(\.sequence), by: .system)
        }
        return true
    }

    /// `created TICKET`, `updated TICKET` or `other -` for the lines `drain` prints.
    static func kind(of event: DomainEvent) -> String {
        switch event {
        case .ticketCreated(let ticket, _, _, _): "created \(ticket)"
        case .ticketUpdated(let ticket, _, _): "updated \(ticket)"
        default: "other -"
        }
    }
}
