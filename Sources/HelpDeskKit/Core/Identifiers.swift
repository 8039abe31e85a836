/// Identifies a ticket.
public typealias TicketID = Identifier<Ticket>
/// Identifies an employee (agent, engineer, manager).
public typealias EmployeeID = Identifier<Employee>
/// Identifies a group (department) of employees.
public typealias GroupID = Identifier<SupportGroup>
/// Identifies a service category of the catalog.
public typealias CategoryID = Identifier<ServiceCategory>
/// Identifies a client contact person.
public typealias ContactID = Identifier<ContactTag>
/// Identifies a comment on a ticket.
public typealias CommentID = Identifier<Comment>
/// Identifies one audit entry.
public typealias AuditEntryID = Identifier<AuditEntry>
/// Identifies one domain event in the outbox.
public typealias EventID = Identifier<DomainEvent>

/// Tag for ``ContactID`` until the client directory defines the contact record itself.
public enum ContactTag {}
