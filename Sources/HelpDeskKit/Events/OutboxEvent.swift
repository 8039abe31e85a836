import Foundation

/// Who should hear about an event: employees, groups, and whether the client should.
public struct Audience: Hashable, Sendable, Codable {
    /// Employees to notify (assignee and watchers), sorted, without the performer.
    public var employeeIDs: [EmployeeID]
    /// Groups to notify.
    public var groupIDs: [GroupID]
    /// The client to notify, when the event is visible to them (public replies, status changes).
    public var requester: Requester?
    /// Further contacts of the client to notify, sorted: those copied on the ticket (told of the
    /// same events as the requester) and, when paid work awaits approval, those who may approve it.
    public var contactIDs: [ContactID]

    /// Describes an audience.
    public init(
        employeeIDs: [EmployeeID] = [], groupIDs: [GroupID] = [], requester: Requester? = nil,
        contactIDs: [ContactID] = []
    ) {
        self.employeeIDs = employeeIDs
        self.groupIDs = groupIDs
        self.requester = requester
        self.contactIDs = contactIDs
    }

    /// Every client to notify: the requester, then the further contacts.
    public var clients: [Requester] {
        (requester.map { [$0] } ?? []) + contactIDs.map(Requester.contact).filter { $0 != requester }
    }

    enum CodingKeys: String, CodingKey {
        case employeeIDs, groupIDs, requester, contactIDs
    }

    /// Decodes an audience; one stored before further contacts existed names none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            employeeIDs: try c.decode([EmployeeID].self, forKey: .employeeIDs),
            groupIDs: try c.decode([GroupID].self, forKey: .groupIDs),
            requester: try c.decodeIfPresent(Requester.self, forKey: .requester),
            contactIDs: try c.decodeIfPresent([ContactID].self, forKey: .contactIDs) ?? [])
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
