import Foundation

/// What a report's rows are grouped by.
public enum ReportDimension: String, CaseIterable, Hashable, Sendable, Codable {
    /// One row for everything.
    case total
    /// One row per trend bucket (see ``TimeBucket``).
    case bucket
    /// The ticket's client company.
    case company
    /// The ticket's contract.
    case contract
    /// The ticket's client location.
    case location
    /// The employee: the ticket's assignee (for labor, who logged the time; for ratings, who was rated).
    case employee
    /// The ticket's support group.
    case group
    /// The ticket's service category.
    case category
    /// The ticket's priority.
    case priority
    /// The ticket's channel.
    case channel
    /// The ticket's requester (contact or free text).
    case contact
    /// The labor activity code (labor reports only; other reports treat it as ``total``).
    case activity
}

/// The group a report row describes: a dimension and its value.
public struct ReportKey: Hashable, Sendable, Codable {
    /// What the rows are grouped by.
    public var dimension: ReportDimension
    /// The value: an identifier, a bucket start (ISO 8601 in the request's zone), a priority or channel
    /// name, a requester text or activity code; `nil` for "none" (e.g. tickets without a company) and totals.
    public var value: String?
    /// A readable name when one is known: a company or employee name, a contract number, or a bucket's
    /// local start date (`week starting 2026-03-02`).
    public var label: String?

    /// Creates a key.
    public init(dimension: ReportDimension, value: String?, label: String? = nil) {
        self.dimension = dimension
        self.value = value
        self.label = label
    }
}

/// The typed value of one report group along its dimension: hashes fast in single passes, orders
/// rows deterministically, and names the groups of aggregate reads such as
/// ``TicketRepository/slaOutcomes(in:groupedBy:)``.
public enum ReportGroupKey: Hashable, Sendable, Comparable {
    /// Everything in one group.
    case total
    /// A trend bucket, by its index among the bucket starts.
    case bucket(Int)
    /// A client company (`nil`: tickets without one).
    case company(CompanyID?)
    /// A contract (`nil`: tickets without one).
    case contract(ContractID?)
    /// A client location (`nil`: tickets without one).
    case location(LocationID?)
    /// An employee: the assignee, who logged the time, or who was rated (`nil`: nobody).
    case employee(EmployeeID?)
    /// A support group (`nil`: tickets without one).
    case group(GroupID?)
    /// A service category (`nil`: tickets without one).
    case category(CategoryID?)
    /// A priority.
    case priority(Priority)
    /// A channel.
    case channel(Channel)
    /// A requester.
    case contact(Requester)
    /// A labor activity code.
    case activity(String)

    /// The key of `ticket` along `dimension`, with `bucket` its trend index.
    static func of(_ ticket: Ticket, along dimension: ReportDimension, bucket: Int) -> ReportGroupKey {
        switch dimension {
        case .total, .activity: .total
        case .bucket: .bucket(bucket)
        case .company: .company(ticket.companyID)
        case .contract: .contract(ticket.contractID)
        case .location: .location(ticket.locationID)
        case .employee: .employee(ticket.assigneeID)
        case .group: .group(ticket.groupID)
        case .category: .category(ticket.categoryID)
        case .priority: .priority(ticket.priority)
        case .channel: .channel(ticket.channel)
        case .contact: .contact(ticket.requester)
        }
    }

    private var sortText: String {
        switch self {
        case .total: ""
        case .bucket(let index): String(format: "%09d", index)
        case .company(let id): id?.description ?? ""
        case .contract(let id): id?.description ?? ""
        case .location(let id): id?.description ?? ""
        case .employee(let id): id?.description ?? ""
        case .group(let id): id?.description ?? ""
        case .category(let id): id?.description ?? ""
        case .priority(let priority): String(priority.rawValue)
        case .channel(let channel): channel.rawValue
        case .contact(let requester): requester.sortKey + "\u{0}" + requester.description
        case .activity(let code): code
        }
    }

    /// The order rows are printed in: by the key's text (identifiers, zero-padded bucket indexes…).
    public static func < (lhs: ReportGroupKey, rhs: ReportGroupKey) -> Bool { lhs.sortText < rhs.sortText }

    /// The public key, with the bucket's start printed in the request's zone and a label from `labels`.
    func reportKey(dimension: ReportDimension, buckets: ReportBuckets, timeZone: TimeZone, labels: ReportLabels)
        -> ReportKey
    {
        switch self {
        case .total: return ReportKey(dimension: dimension == .activity ? .total : dimension, value: nil)
        case .bucket(let index):
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = timeZone
            return ReportKey(
                dimension: .bucket, value: formatter.string(from: buckets.starts[index]),
                label: buckets.label(index, in: timeZone))
        case .company(let id):
            return ReportKey(dimension: .company, value: id?.description, label: id.flatMap { labels.companies[$0] })
        case .contract(let id):
            return ReportKey(dimension: .contract, value: id?.description, label: id.flatMap { labels.contracts[$0] })
        case .location(let id):
            return ReportKey(dimension: .location, value: id?.description, label: id.flatMap { labels.locations[$0] })
        case .employee(let id):
            return ReportKey(dimension: .employee, value: id?.description, label: id.flatMap { labels.employees[$0] })
        case .group(let id):
            return ReportKey(dimension: .group, value: id?.description, label: id.flatMap { labels.groups[$0] })
        case .category(let id):
            return ReportKey(dimension: .category, value: id?.description, label: id.flatMap { labels.categories[$0] })
        case .priority(let priority): return ReportKey(dimension: .priority, value: priority.description)
        case .channel(let channel): return ReportKey(dimension: .channel, value: channel.rawValue)
        case .contact(let requester):
            if case .contact(let id) = requester {
                return ReportKey(dimension: .contact, value: id.description, label: labels.contacts[id])
            }
            return ReportKey(dimension: .contact, value: requester.description, label: requester.description)
        case .activity(let code): return ReportKey(dimension: .activity, value: code)
        }
    }
}
