/// Identifies a ticket.
public typealias TicketID = Identifier<Ticket>
/// Identifies an employee (agent, engineer, manager).
public typealias EmployeeID = Identifier<Employee>
/// Identifies a group (department) of employees.
public typealias GroupID = Identifier<SupportGroup>
/// Identifies a service category of the catalog.
public typealias CategoryID = Identifier<ServiceCategory>
/// Identifies a client company (legal entity).
public typealias CompanyID = Identifier<Company>
/// Identifies a location (office, shop, site) of a client company.
public typealias LocationID = Identifier<Location>
/// Identifies a client contact person.
public typealias ContactID = Identifier<Contact>
/// Identifies a service contract with a client.
public typealias ContractID = Identifier<Contract>
/// Identifies one service period of a contract.
public typealias ServicePeriodID = Identifier<ServicePeriod>
/// Identifies an equipment model of the nomenclature.
public typealias AssetModelID = Identifier<AssetModel>
/// Identifies one installed piece of equipment.
public typealias AssetID = Identifier<Asset>
/// Identifies a comment on a ticket.
public typealias CommentID = Identifier<Comment>
/// Identifies one audit entry.
public typealias AuditEntryID = Identifier<AuditEntry>
/// Identifies one domain event in the outbox.
public typealias EventID = Identifier<DomainEvent>
