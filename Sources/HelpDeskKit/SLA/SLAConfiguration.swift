import Foundation
import WorkingTime

/// The desk's SLA policies and its default policy, validated when built.
///
/// Which policy a ticket gets follows a fixed precedence: the contract's policy, then the
/// client's, then the service category's, then the desk default (see ``SLAPolicyChoice``).
public struct SLAConfiguration: Hashable, Sendable {
    /// The policies by code.
    public let policies: [SLAPolicyID: SLAPolicy]
    /// The policy of tickets nothing more specific applies to; `nil` for no SLA by default.
    public let defaultPolicyID: SLAPolicyID?

    /// No policies: tickets carry no SLA clocks.
    public static let none = SLAConfiguration(unchecked: [:], defaultPolicyID: nil)

    private init(unchecked policies: [SLAPolicyID: SLAPolicy], defaultPolicyID: SLAPolicyID?) {
        self.policies = policies
        self.defaultPolicyID = defaultPolicyID
    }

    /// Validates and builds a configuration.
    public init(policies: [SLAPolicy], defaultPolicyID: SLAPolicyID? = nil) throws(SLAConfigurationError) {
        var byID: [SLAPolicyID: SLAPolicy] = [:]
        for policy in policies {
            guard !policy.id.rawValue.isBlank else { throw .blankPolicyID }
            guard byID.updateValue(policy, forKey: policy.id) == nil else { throw .duplicatePolicy(policy.id) }
            try Self.validate(policy)
        }
        if let defaultPolicyID, byID[defaultPolicyID] == nil { throw .unknownPolicy(defaultPolicyID) }
        self.policies = byID
        self.defaultPolicyID = defaultPolicyID
    }

    private static func validate(_ policy: SLAPolicy) throws(SLAConfigurationError) {
        let thresholds = policy.warningThresholds
        guard thresholds.allSatisfy({ (1...99).contains($0) }), thresholds == Array(Set(thresholds)).sorted() else {
            throw .invalidThresholds(policy.id)
        }
        let allTargets = Array(policy.targets.values) + policy.categoryTargets.values.flatMap(\.values)
        for targets in allTargets {
            for target in [targets.reaction, targets.resolution].compactMap({ $0 }) where target.seconds <= 0 {
                throw .nonPositiveTarget(policy.id)
            }
        }
        do {
            _ = try policy.calendar.nextWorkingInstant(atOrAfter: Date(timeIntervalSince1970: 1_767_225_600))
        } catch {
            throw .calendarHasNoWorkingTime(policy.id)
        }
    }

    /// The policy with `id`.
    public func policy(_ id: SLAPolicyID) -> SLAPolicy? { policies[id] }
}

/// Why an SLA configuration was rejected.
public enum SLAConfigurationError: Error, Hashable, Sendable {
    /// A policy has an empty code.
    case blankPolicyID
    /// Two policies share a code.
    case duplicatePolicy(SLAPolicyID)
    /// The default or a referenced policy does not exist.
    case unknownPolicy(SLAPolicyID)
    /// Warning thresholds must be distinct percentages in 1…99, ascending.
    case invalidThresholds(SLAPolicyID)
    /// A target is zero or negative.
    case nonPositiveTarget(SLAPolicyID)
    /// The policy's calendar never works.
    case calendarHasNoWorkingTime(SLAPolicyID)
}

/// The candidates for a ticket's policy, in precedence order; the first that is set wins.
public struct SLAPolicyChoice: Hashable, Sendable {
    /// The policy of the contract the ticket is served under.
    public var contract: SLAPolicyID?
    /// The policy agreed with the client company.
    public var client: SLAPolicyID?
    /// The policy of the ticket's service category.
    public var category: SLAPolicyID?
    /// The desk default.
    public var deskDefault: SLAPolicyID?

    /// Describes the candidates.
    public init(
        contract: SLAPolicyID? = nil, client: SLAPolicyID? = nil, category: SLAPolicyID? = nil,
        deskDefault: SLAPolicyID? = nil
    ) {
        self.contract = contract
        self.client = client
        self.category = category
        self.deskDefault = deskDefault
    }

    /// The winning policy: contract > client > category > desk default.
    public var resolved: SLAPolicyID? { contract ?? client ?? category ?? deskDefault }
}
