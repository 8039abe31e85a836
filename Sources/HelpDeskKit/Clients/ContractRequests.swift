import Foundation

/// The input of ``HelpDesk/addContract(_:)``.
public struct NewContract: Hashable, Sendable, Encodable {
    /// The client.
    public var companyID: CompanyID
    /// Contract number; not blank, unused across the desk.
    public var number: String
    /// When it comes into force.
    public var startsAt: Date
    /// When it ends (exclusive), later than the start; `nil` for open-ended.
    public var endsAt: Date?
    /// Initial status (`draft` or `active`).
    public var status: ContractStatus
    /// Locations served, of the same company; empty for all.
    public var coveredLocationIDs: [LocationID]
    /// Service categories covered; empty for all.
    public var coveredCategoryIDs: [CategoryID]
    /// A configured SLA policy.
    public var slaPolicyID: SLAPolicyID?
    /// An active employee who manages the contract and receives its reminders.
    public var managerID: EmployeeID?
    /// Paid work is charged only once the client approves it.
    public var requiresPaidWorkApproval: Bool
    /// Whose clock the SLA runs on: `.desk` (default) or `.clientLocal` (the ticket location's).
    public var slaTime: SLATimeBasis

    /// Describes a contract.
    public init(
        companyID: CompanyID, number: String, startsAt: Date, endsAt: Date? = nil, status: ContractStatus = .active,
        coveredLocationIDs: [LocationID] = [], coveredCategoryIDs: [CategoryID] = [], slaPolicyID: SLAPolicyID? = nil,
        managerID: EmployeeID? = nil, requiresPaidWorkApproval: Bool = false, slaTime: SLATimeBasis = .desk
    ) {
        self.slaTime = slaTime
        self.requiresPaidWorkApproval = requiresPaidWorkApproval
        self.companyID = companyID
        self.number = number
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.status = status
        self.coveredLocationIDs = coveredLocationIDs
        self.coveredCategoryIDs = coveredCategoryIDs
        self.slaPolicyID = slaPolicyID
        self.managerID = managerID
    }
}

/// The input of ``HelpDesk/addServicePeriod(to:_:)``: renewing a contract adds a period.
public struct NewServicePeriod: Hashable, Sendable, Encodable {
    /// First instant.
    public var startsAt: Date
    /// End (exclusive), later than the start.
    public var endsAt: Date
    /// The fee; zero or more, in a well-formed currency.
    public var fee: Money
    /// Labor minutes included in the fee (zero or more).
    public var includedLaborMinutes: Int?
    /// On-site visits included in the fee (zero or more).
    public var includedVisits: Int?
    /// Rounding step for time accounting, in minutes (1…480).
    public var laborRoundingStepMinutes: Int?
    /// Alert when this percentage of the included minutes (or visits) is used (1…100).
    public var laborAlertPercent: Int?
    /// When payment is due; the start when `nil`.
    public var paymentDueAt: Date?

    /// Describes a period.
    public init(
        startsAt: Date, endsAt: Date, fee: Money, includedLaborMinutes: Int? = nil,
        laborRoundingStepMinutes: Int? = nil,
        laborAlertPercent: Int? = nil, paymentDueAt: Date? = nil, includedVisits: Int? = nil
    ) {
        self.includedVisits = includedVisits
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.fee = fee
        self.includedLaborMinutes = includedLaborMinutes
        self.laborRoundingStepMinutes = laborRoundingStepMinutes
        self.laborAlertPercent = laborAlertPercent
        self.paymentDueAt = paymentDueAt
    }
}

/// The input of ``HelpDesk/addAsset(_:)``.
public struct NewAsset: Hashable, Sendable, Encodable {
    /// The model.
    public var modelID: AssetModelID
    /// Serial number; not blank, unused for the same model.
    public var serialNumber: String
    /// The client's inventory number.
    public var inventoryNumber: String?
    /// Where it is installed; the asset belongs to that location's company.
    public var locationID: LocationID
    /// A contract of the same company it is serviced under.
    public var contractID: ContractID?
    /// When it went into service.
    public var inServiceSince: Date

    /// Describes an installed asset.
    public init(
        modelID: AssetModelID, serialNumber: String, inventoryNumber: String? = nil, locationID: LocationID,
        contractID: ContractID? = nil, inServiceSince: Date
    ) {
        self.modelID = modelID
        self.serialNumber = serialNumber
        self.inventoryNumber = inventoryNumber
        self.locationID = locationID
        self.contractID = contractID
        self.inServiceSince = inServiceSince
    }
}

/// Host settings for the client directory.
public struct ClientConfiguration: Hashable, Sendable {
    /// Days before a period's end (with no period after it) when the renewal reminder is sent.
    public var renewalReminderDays: Int
    /// Days before a contract's end when the ending reminder is sent.
    public var contractEndingReminderDays: Int
    /// A policy that replaces the usual one for tickets of a client with overdue periods
    /// (typically with longer targets); `nil` to treat debtors like everyone else.
    public var debtorSLAPolicyID: SLAPolicyID?
    /// Days after the later of its start and its invoice when a period without its own
    /// `paymentDueAt` is due (0...3650; values outside are clamped). Ten days by default: a freshly
    /// invoiced client is not yet a debtor.
    public var paymentTermDays: Int

    /// Creates the settings.
    public init(
        renewalReminderDays: Int = 14, contractEndingReminderDays: Int = 30, debtorSLAPolicyID: SLAPolicyID? = nil,
        paymentTermDays: Int = 10
    ) {
        self.paymentTermDays = paymentTermDays
        self.renewalReminderDays = renewalReminderDays
        self.contractEndingReminderDays = contractEndingReminderDays
        self.debtorSLAPolicyID = debtorSLAPolicyID
    }
}
