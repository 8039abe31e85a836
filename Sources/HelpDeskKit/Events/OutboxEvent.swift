import Foundation

/// Who should hear about an event: employees, groups, and whether the client should.
public struct Audience: Hashable, Sendable, Codable {
    /// Employees to notify (assignee and watchers), sorted, without the performer.
    public var employeeIDs: [EmployeeID]
    /// Groups to notify.
    public var groupIDs: [GroupID]
    /// The client to notify, when the event is visible to them (public replies, status changes).
    public var requester: Requester?
    /// The client's colleagues copied on the ticket, told of the same events as the requester, sorted.
    public var copiedContactIDs: [ContactID]

    /// Describes an audience.
    public init(
        employeeIDs: [EmployeeID] = [], groupIDs: [GroupID] = [], requester: Requester? = nil,
        copiedContactIDs: [ContactID] = []
    ) {
        self.employeeIDs = employeeIDs
        self.groupIDs = groupIDs
        self.requester = requester
        self.copiedContactIDs = copiedContactIDs
    }

    /// Every client to notify: the requester, then the copied contacts.
    public var clients: [Requester] {
        (requester.map { [$0] } ?? []) + copiedContactIDs.map(Requester.contact).filter { $0 != requester }
    }

    enum CodingKeys: String, CodingKey {
        case employeeIDs, groupIDs, requester, copiedContactIDs
    }

    /// Decodes an audience; one stored before copied contacts existed copies nobody.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            employeeIDs: try c.decode([EmployeeID].self, forKey: .employeeIDs),
            groupIDs: try c.decode([GroupID].self, forKey: .groupIDs),
            requester: try c.decodeIfPresent(Requester.self, forKey: .requester),
            copiedContactIDs: try c.decodeIfPresent([ContactID].self, forKey: .copiedContactIDs) ?? [])
    }
}

/// A domain event as it waits in the outbox, before the store assigns its sequence number.
public struct PendingEvent: Hashable, Sendable, Codable {
    /// The event's identifier.
    public let id: EventID
    /// What happened.
    public let event: DomainEvent
    /// Who caused it.
    public let performer: Performer
    /// Who should be notified.
    public let audience: Audience
    /// When it happened.
    public let occurredAt: Date

    /// Creates a pending event.
    public init(id: EventID, event: DomainEvent, performer: Performer, audience: Audience, occurredAt: Date) {
        self.id = id
        self.event = event
        self.performer = performer
        self.audience = audience
        self.occurredAt = occurredAt
    }
}

/// A committed event in the outbox, numbered by the store in commit order.
///
/// Delivery is at-least-once: an event is returned by every read until the host acknowledges it.
public struct OutboxEvent: Hashable, Sendable, Codable {
    /// Position in the outbox: strictly increasing in commit order, starting at 1.
    public let sequence: UInt64
    /// The event and its metadata.
    public let pending: PendingEvent

    /// Creates an outbox entry.
    public init(sequence: UInt64, pending: PendingEvent) {
        self.sequence = sequence
        self.pending = pending
    }

    /// The event's identifier.
    public var id: EventID { pending.id }
    /// What happened.
    public var event: DomainEvent { pending.event }
    /// Who caused it.
    public var performer: Performer { pending.performer }
    /// Who should be notified.
    public var audience: Audience { pending.audience }
    /// When it happened.
    public var occurredAt: Date { pending.occurredAt }
}
