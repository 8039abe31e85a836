import Foundation
import HelpDeskKit

/// The repository contract every ``HelpDeskStore`` adapter must honour.
///
/// Each adapter's test target runs every check on a fresh, empty store, e.g. with Swift Testing:
///
/// ```swift
/// @Test(arguments: StoreContract.checks)
/// func contract(_ check: ContractCheck) async throws {
///     try await check.run(on: InMemoryStore())
/// }
/// ```
public enum StoreContract {
    /// All checks, in a stable order.
    public static let checks: [ContractCheck] =
        ticketChecks + atomicityChecks + outboxChecks + directoryChecks
        + queryChecks + aggregateChecks
        + laborChecks + allowanceChecks + automationChecks + ruleEpisodeChecks + ratingChecks + roleChecks
        + assignmentChecks + trailChecks + knowledgeChecks + cannedAnswerChecks + emailChecks + maintenanceChecks
        + visitChecks + visitSlotChecks
        + clientChecks
        + portalChecks
        + billingChecks + idempotencyChecks
        + preconditionChecks
        + capabilityChecks + raceChecks

    /// A fixed instant the checks build their data around: 2026-03-02 09:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_772_442_000)

    /// A ticket with every field set, so that round trips are checked for all of them.
    static func fullTicket(number: Int, ids: inout SeededIdentifierSource, at instant: Date = start) -> Ticket {
        Ticket(
            id: ids.next(), number: TicketNumber(number), title: "Printer on floor \(number) jams",
            description: "Paper jam.\nSecond line with «unicode» — and emoji 🖨️", channel: .email,
            categoryID: ids.next(), priority: .high, status: .inProgress, requester: .contact(ids.next()),
            assigneeID: ids.next(), groupID: ids.next(), watcherIDs: [ids.next(), ids.next()].sorted(),
            attachments: [
                Attachment(fileName: "jam.jpg", mediaType: "image/jpeg", byteCount: 48_213, checksum: "sha256:ab12")
            ],
            customFields: [
                "asset": .text("PRN-0042"), "floor": .integer(Int64(number)), "onSite": .flag(true),
                "visitAt": .instant(instant.addingTimeInterval(3_600.5)),
            ],
            links: [TicketLink(.related, to: ids.next())], postponedUntil: nil,
            firstResponseAt: instant.addingTimeInterval(0.125), resolvedAt: nil, closedAt: nil,
            createdAt: instant, updatedAt: instant.addingTimeInterval(1.75), revision: 1)
    }

    /// A unit of work inserting `ticket` with one audit entry, one comment and one event.
    static func creation(of ticket: Ticket, ids: inout SeededIdentifierSource) -> UnitOfWork {
        var work = UnitOfWork()
        work.save(ticket, expectedRevision: nil)
        work.auditEntries.append(
            AuditEntry(
                id: ids.next(), ticketID: ticket.id, field: .created, oldValue: nil,
                newValue: ticket.number.description, performer: .system, at: ticket.createdAt))
        work.comments.append(
            Comment(
                id: ids.next(), ticketID: ticket.id, author: ticket.requester.performer, body: "Initial message",
                visibility: .public, createdAt: ticket.createdAt))
        work.events.append(
            PendingEvent(
                id: ids.next(),
                event: .ticketCreated(
                    ticket: ticket.id, number: ticket.number, channel: ticket.channel, priority: ticket.priority),
                performer: .system, audience: Audience(requester: ticket.requester), occurredAt: ticket.createdAt))
        return work
    }
}
