import Foundation

/// Where a contract stands.
public enum ContractStatus: String, CaseIterable, Hashable, Sendable, Codable {
    /// Being prepared; not yet in force.
    case draft
    /// In force.
    case active
    /// Temporarily not served (for example for non-payment).
    case suspended
    /// Finished; kept for history.
    case ended
}

/// A service contract between the service company and a client.
public struct Contract: Identifiable, Hashable, Sendable, Codable {
    /// The contract's identifier.
    public let id: ContractID
    /// The client.
    public let companyID: CompanyID
    /// Contract number, unique across the desk (case-insensitive).
    public var number: String
    /// When the contract comes into force.
    public var startsAt: Date
    /// When it ends (exclusive); `nil` for an open-ended contract.
    public var endsAt: Date?
    /// Where the contract stands.
    public var status: ContractStatus
    /// Locations served; empty means every location of the company.
    public var coveredLocationIDs: [LocationID]
    /// Service categories covered; empty means every category.
    public var coveredCategoryIDs: [CategoryID]
    /// SLA policy of the contract's tickets; the strongest in the precedence.
    public var slaPolicyID: SLAPolicyID?
    /// The account manager who receives reminders about the contract.
    public var managerID: EmployeeID?
    /// Service (subscription) periods, sorted by start; they never overlap. Renewal adds one.
    public var periods: [ServicePeriod]
    /// Reminders already announced, so each is announced once.
    public var remindersSent: [ContractReminder]
    /// Paid (billable) work on the contract's tickets is charged only once the client approves it:
    /// a billable line asks for approval by itself.
    public var requiresPaidWorkApproval: Bool
    /// Whose clock the SLA of the contract's tickets runs on: the desk's, or the client location's.
    public var slaTime: SLATimeBasis

    /// Creates a contract record.
    public init(
        id: ContractID, companyID: CompanyID, number: String, startsAt: Date, endsAt: Date? = nil,
        status: ContractStatus = .active, coveredLocationIDs: [LocationID] = [], coveredCategoryIDs: [CategoryID] = [],
        slaPolicyID: SLAPolicyID? = nil, managerID: EmployeeID? = nil, periods: [ServicePeriod] = [],
        remindersSent: [ContractReminder] = [], requiresPaidWorkApproval: Bool = false, slaTime: SLATimeBasis = .desk
    ) {
        self.slaTime = slaTime
        self.requiresPaidWorkApproval = requiresPaidWorkApproval
        self.id = id
        self.companyID = companyID
        self.number = number
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.status = status
        self.coveredLocationIDs = coveredLocationIDs
        self.coveredCategoryIDs = coveredCategoryIDs
        self.slaPolicyID = slaPolicyID
        self.managerID = managerID
        self.periods = periods
        self.remindersSent = remindersSent
    }

    enum CodingKeys: String, CodingKey {
        case id, companyID, number, startsAt, endsAt, status, coveredLocationIDs, coveredCategoryIDs, slaPolicyID
        case managerID, periods, remindersSent, requiresPaidWorkApproval, slaTime
    }

    /// Decodes a contract; one written before approvals existed requires none, and one written
    /// before the SLA time basis existed runs on desk time.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(ContractID.self, forKey: .id), companyID: try c.decode(CompanyID.self, forKey: .companyID),
            number: try c.decode(String.self, forKey: .number), startsAt: try c.decode(Date.self, forKey: .startsAt),
            endsAt: try c.decodeIfPresent(Date.self, forKey: .endsAt),
            status: try c.decode(ContractStatus.self, forKey: .status),
            coveredLocationIDs: try c.decodeIfPresent([LocationID].self, forKey: .coveredLocationIDs) ?? [],
            coveredCategoryIDs: try c.decodeIfPresent([CategoryID].self, forKey: .coveredCategoryIDs) ?? [],
            slaPolicyID: try c.decodeIfPresent(SLAPolicyID.self, forKey: .slaPolicyID),
            managerID: try c.decodeIfPresent(EmployeeID.self, forKey: .managerID),
            periods: try c.decodeIfPresent([ServicePeriod].self, forKey: .periods) ?? [],
            remindersSent: try c.decodeIfPresent([ContractReminder].self, forKey: .remindersSent) ?? [],
            requiresPaidWorkApproval: try c.decodeIfPresent(Bool.self, forKey: .requiresPaidWorkApproval) ?? false,
            slaTime: try c.decodeIfPresent(SLATimeBasis.self, forKey: .slaTime) ?? .desk)
    }

    /// `true` when the contract is active and `instant` falls within its dates.
    public func isInForce(at instant: Date) -> Bool {
        status == .active && startsAt <= instant && endsAt.map { instant < $0 } ?? true
    }

    /// `true` when the contract serves `location` and `category` (an empty list covers all).
    public func covers(location: LocationID?, category: CategoryID?) -> Bool {
        let locationCovered = coveredLocationIDs.isEmpty || location.map(coveredLocationIDs.contains) == true
        let categoryCovered = coveredCategoryIDs.isEmpty || category.map(coveredCategoryIDs.contains) == true
        return locationCovered && categoryCovered
    }

    /// The service period containing `instant`, if any.
    public func period(at instant: Date) -> ServicePeriod? {
        periods.first { $0.startsAt <= instant && instant < $0.endsAt }
    }
}

/// A reminder about a contract, announced once to its manager by `tick`.
public enum ContractReminder: Hashable, Sendable, Codable {
    /// The period ends soon and no later period follows: time to renew.
    case renewalDue(ServicePeriodID)
    /// The period has started and is not paid (or not even invoiced).
    case periodUnpaid(ServicePeriodID)
    /// The contract itself ends soon.
    case contractEnding
}
