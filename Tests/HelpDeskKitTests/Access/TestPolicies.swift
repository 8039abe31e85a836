import Foundation
import HelpDeskKit

/// Every question a policy was asked.
final class AccessLog: @unchecked Sendable {
    private let lock = NSLock()
    private var storedRequests: [(Principal, AccessRequest)] = []
    private var storedScopes: [Principal] = []

    func record(_ principal: Principal, _ request: AccessRequest) {
        lock.withLock { storedRequests.append((principal, request)) }
    }

    func record(scopeOf principal: Principal) {
        lock.withLock { storedScopes.append(principal) }
    }

    var requests: [(Principal, AccessRequest)] { lock.withLock { storedRequests } }
    var scopes: [Principal] { lock.withLock { storedScopes } }

    /// Forgets everything asked so far.
    func reset() {
        lock.withLock {
            storedRequests = []
            storedScopes = []
        }
    }
}

/// Answers like `inner`, writing every question down.
struct RecordingPolicy: AccessPolicy {
    let log: AccessLog
    var inner: any AccessPolicy = StandardAccessPolicy()

    func authorize(_ principal: Principal, _ request: AccessRequest) throws(HelpDeskError) {
        log.record(principal, request)
        try inner.authorize(principal, request)
    }

    func ticketScope(of principal: Principal) -> TicketScope {
        log.record(scopeOf: principal)
        return inner.ticketScope(of: principal)
    }
}

/// Refuses everybody everything, the engine itself included.
struct DenyEverythingPolicy: AccessPolicy {
    func authorize(_ principal: Principal, _ request: AccessRequest) throws(HelpDeskError) {
        throw .forbidden(principal.performer, action: request.description)
    }

    func ticketScope(of principal: Principal) -> TicketScope { .none }
}

/// An account manager who may act only on one company's records; everyone else is judged by the
/// standard policy. A request that names no company is refused for the manager (fail closed).
struct AccountManagerPolicy: AccessPolicy {
    let manager: EmployeeID
    let company: CompanyID
    var standard = StandardAccessPolicy()

    func authorize(_ principal: Principal, _ request: AccessRequest) throws(HelpDeskError) {
        guard case .employee(let employee, _) = principal, employee.id == manager else {
            return try standard.authorize(principal, request)
        }
        guard (request.ticket?.companyID ?? request.companyID) == company else {
            throw .forbidden(principal.performer, action: request.description)
        }
    }

    func ticketScope(of principal: Principal) -> TicketScope {
        if case .employee(let employee, _) = principal, employee.id == manager { return .companies([company]) }
        return standard.ticketScope(of: principal)
    }
}
