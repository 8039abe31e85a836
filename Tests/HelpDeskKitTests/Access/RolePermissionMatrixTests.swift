import Foundation
import HelpDeskKit
import HelpDeskTestSupport
import Testing

/// Issue #18: every command and read × the permissions of roles. An employee whose only role holds
/// exactly the permissions an entry needs may run it; without any one of them the entry is refused
/// (forbidden, or not found where the employee may not even read the ticket) and changes nothing;
/// a ticket list without `ticket.read` comes back empty.
///
/// ``needs`` is written from the issue's list of permissions, not read from the engine.
@Suite("Roles: every command and read needs exactly its permissions")
struct RolePermissionMatrixTests {
    static let readTicket: Set<AccessAction> = [.readTicket]
    static let editTicket: Set<AccessAction> = [.editTicket]
    /// Internal records of one ticket: the ticket must be readable too.
    static let ticketInternal: Set<AccessAction> = [.readTicket, .readInternal]
    /// Internal records across the desk.
    static let readsInternal: Set<AccessAction> = [.readInternal]

    /// What each entry needs, by label (or by API for the ticket lists).
    static let needs: [String: Set<AccessAction>] = [
        "createTicket: for Alpha's contact": [.createTicket], "createTicket: at Alpha's office": [.createTicket],
        "createTicket: under Alpha's contract": [.createTicket], "createTicket: about Alpha's printer": [.createTicket],
        "updateTicket: a1's priority": editTicket, "assign: a1 to Boris": editTicket,
        "addWatchers: Anna on a1": editTicket, "removeWatchers: Boris from a1": editTicket,
        "changeStatus: a1 to in progress": editTicket, "postpone: a1 until tomorrow": editTicket,
        "link: a1 to a3": editTicket, "unlink: a1 from a2": editTicket,
        "merge: a3 into a2": [.editTicket, .manageTickets],
        "attach: a photo to a1": [.attachFiles], "comment: public reply on a1": [.replyPublicly],
        "comment: internal note on a1": [.writeInternalNote],
        "acknowledgeEvents: the first event": [.deliverEvents], "undeliveredEvents": [.deliverEvents],
        "clientNotice: of every waiting event": [.deliverEvents],
        "tickets(matching:as:)": readTicket, "ticket: a1": readTicket, "ticket: a1 by number": readTicket,
        "comments: on a1": readTicket, "auditTrail: of a1": ticketInternal,
        // Directory and roles.
        "addEmployee": [.manageDirectory, .manageRoles], "deactivateEmployee: Boris": [.manageDirectory],
        "addGroup": [.manageDirectory], "addCategory": [.manageDirectory], "employees": [.readDirectory],
        "groups": [.readDirectory], "categories": [.readCatalog], "roles": [.readDirectory],
        "defineRole: Accountant": [.manageRoles], "changeRole: Dispatcher to read-only": [.manageRoles],
        "grantRoles: Dispatcher to Boris": [.manageRoles],
        // Shifts and automatic assignment.
        "setWorkingCalendar: Boris works nights": [.manageDirectory], "workingCalendar: Boris's": [.readDirectory],
        "isOnShift: Boris on Monday": [.readDirectory], "autoAssign: a1 in the service desk": editTicket,
        "drainBacklog: the service desk": editTicket, "assignmentLoad: the service desk": [.readReports],
        "setRouting: Anna leads the service desk, which drains": [.manageDirectory],
        "routing: the service desk's": [.readDirectory], "setAssignmentCapacity: Boris takes 4": [.manageDirectory],
        "assignmentCapacity: Boris's": [.readDirectory],
        // Labor: Anna's entry is someone else's time; rates and costs are labor costs.
        "logTime: on a1": [.logTime], "editTimeEntry: a1's entry": [.logTime, .logTimeForOthers],
        "deleteTimeEntry: a1's entry": [.logTime, .logTimeForOthers], "timeEntry: a1's entry": ticketInternal,
        "timeEntries: on a1": ticketInternal, "timeEntries: Anna's on Monday": readsInternal,
        "timeEntries: everybody's on Monday": readsInternal, "laborCost: of a1's entry": [.readTicket, .readInternal, .readLaborCosts],
        "laborTotals: of a1's entry": [.readTicket, .readInternal, .readLaborCosts],
        "setEmployeeRate: Boris": [.manageDirectory], "employeeRate: Anna's": [.readLaborCosts],
        "rateHistory: Anna's": [.readLaborCosts],
        // Ratings are internal records.
        "ratingRequests: of aResolved": ticketInternal, "ratings: of aResolved": ticketInternal, "ratings: given today": readsInternal,
        "ratings: of Anna's tickets": readsInternal,
        // Billing.
        "topUp: Alpha": [.topUpBalance], "adjustBalance: Alpha": [.adjustBalance],
        "addPriceListItem": [.editPriceList], "setContractPrice: A-1's cartridge": [.editPriceList],
        "priceList": [.readBilling], "price: of a cartridge under A-1": [.readBilling],
        "balance: Alpha's wallet": [.readBilling], "clientBalance: Alpha's wallet": [.readBilling],
        "clientBalances: Alpha's": [.readBilling], "statement: Alpha's wallet": [.readBilling],
        "specification: of a1": ticketInternal, "addSpecificationLine: to a1": [.settleWork],
        "removeSpecificationLine: a1's cartridge": [.settleWork], "specifyBillableTime: of a1": [.settleWork],
        "settle: a1": [.settleWork], "rate: aResolved's new resolution": [.rateTicket], "requestApproval: of a1": [.settleWork],
        "approvePaidWork: of aResolved": [.settleWork], "declinePaidWork: of aResolved": [.settleWork], "debtorAgeing": [.readReports], "outOfContractRevenue": [.readReports],
        "allowanceStatements: of A-1": [.readBilling], "allowanceReport": [.readReports],
        "reports: ticket counts per company (ReportEngine)": [.readReports], "debtors": [.readBilling],
        // Clients.
        "addCompany": [.manageClients], "deleteCompany: Gamma (no tickets)": [.manageClients],
        "addLocation: to Alpha": [.manageClients], "addContact: to Alpha": [.manageClients],
        "updateContact: Alice's position": [.manageClients], "updateCompany: Alpha shares all": [.manageClients],
        "updateLocation: Alpha's office moves": [.manageClients], "addContract: for Alpha": [.manageClients],
        "changeContractStatus: suspend A-1": [.manageClients], "addServicePeriod: renew A-1": [.manageClients],
        "markServicePeriodInvoiced: A-1's period": [.invoice], "markServicePeriodPaid: A-1's period": [.invoice],
        "addAssetModel": [.manageClients], "addAsset: at Alpha's office": [.manageClients],
        "updateAsset: Alpha's printer's inventory number": [.manageClients],
        "moveAsset: Alpha's printer to the warehouse": [.manageClients], "retireAsset: Alpha's printer": [.manageClients],
        "trail: of A-1": [.readClients], "trail: of Alpha's wallet": [.readBilling],
        "companies": [.readClients], "company: Alpha": [.readClients], "locations: of Alpha": [.readClients],
        "contacts: of Alpha": [.readClients], "contract: A-1": [.readClients], "contracts: of Alpha": [.readClients],
        "contracts: of every company": [.readClients], "contracts: in force now": [.readClients],
        "contracts: ending within 30 days": [.readClients], "assetModels": [.readClients],
        "assets: of Alpha": [.readClients], "assets: at Alpha's office, any company": [.readClients],
        "history: of Alpha's printer": [.readClients], "registrationHints: for Alice": [.readClients],
        // Automation.
        "defineRule: Night shift": [.configureAutomation], "changeRule: Escalate VIP": [.configureAutomation],
        "deleteRule: Escalate VIP": [.configureAutomation], "rules": [.configureAutomation],
        "explain: Escalate VIP on a1": ticketInternal.union([.configureAutomation]),
        // Canned answers.
        "createCannedAnswer: a shared reply": [.editKnowledge], "createCannedAnswer: a personal note": [.readInternalKnowledge],
        "updateCannedAnswer: the greeting's folder": [.editKnowledge], "retireCannedAnswer: the greeting": [.editKnowledge],
        "cannedAnswers: matching greet": [.readInternalKnowledge], "cannedAnswer: by the shortcut greet": [.readInternalKnowledge],
        "cannedAnswer: the greeting": [.readInternalKnowledge],
        "receiveEmail: a stranger's letter": [.handleEmail], "emails: for the outbox's first events": [.handleEmail],
        "emailRecords: of a1": [.readTicket, .readInternal], "quarantinedEmails: the held letter": [.handleEmail],
        "bouncedAddresses: none yet": [.handleEmail], "receivedEmail: the held letter": [.handleEmail],
        "decideQuarantinedEmail: discard the held letter": [.handleEmail],
        "previewCannedAnswer: the greeting for a1": [.readTicket, .readInternalKnowledge],
        "answerWithCannedAnswer: the greeting on a1": [.replyPublicly, .readInternalKnowledge],
        "answerWithCannedAnswer: the toner note on a1": [.writeInternalNote, .readInternalKnowledge],
    ].merging(AccessCatalog.knowledgeNeeds) { listed, _ in listed }
        .merging(AccessCatalog.knowledgeSearchNeeds) { listed, _ in listed }
        .merging(AccessCatalog.attachmentNeeds) { listed, _ in listed }
        .merging(AccessCatalog.maintenanceNeeds) { listed, _ in listed }
        .merging(AccessCatalog.visitNeeds) { listed, _ in listed }
        .merging(AccessCatalog.workloadNeeds) { listed, _ in listed }

    static func needs(_ entry: AccessEntry) -> Set<AccessAction>? {
        needs[entry.label] ?? needs[entry.api]
    }

    /// One entry run by an employee holding `permissions`.
    struct Case: Sendable, CustomStringConvertible {
        let entry: AccessEntry
        /// The permission taken away from the entry's needs; `nil` for the control.
        let missing: AccessAction?

        var description: String { entry.label + (missing.map { " without \($0)" } ?? " with its permissions") }

        static var all: [Case] {
            AccessCatalog.entries.flatMap { entry in
                let needed = RolePermissionMatrixTests.needs(entry) ?? []
                return [Case(entry: entry, missing: nil)]
                    + needed.sorted { $0.name < $1.name }.map { Case(entry: entry, missing: $0) }
            }
        }
    }

    @Test func everyEntryNamesItsPermissions() {
        let unlisted = AccessCatalog.entries.filter { Self.needs($0) == nil }.map(\.label)
        #expect(unlisted.isEmpty, "add these entries to RolePermissionMatrixTests.needs")
        let unknown = Self.needs.values.reduce(into: Set<AccessAction>()) { $0.formUnion($1) }
            .subtracting(AccessAction.allPermissions)
        #expect(unknown.isEmpty)
    }

    @Test(arguments: Case.all)
    func anEntryRunsWithExactlyItsPermissionsAndIsRefusedWithoutAnyOne(_ c: Case) async throws {
        let f = try await AccessFixture.make()
        var permissions = try #require(Self.needs(c.entry))
        if let missing = c.missing { permissions.remove(missing) }
        let employee = try await f.employee(holding: permissions)
        let before = try await f.test.snapshot()
        let outcome = await Outcome.of { try await c.entry.run(f, employee) }
        let isList: Bool = if case .narrowed = c.entry.foreign { true } else { false }
        switch (c.missing, outcome) {
        case (nil, .returned(let tickets)):
            if isList { #expect(!tickets.isEmpty, "\(c): a list that finds nothing proves nothing") }
        case (nil, .refused(let error)):
            Issue.record("\(c): refused with \(error)")
        case (_, .otherError(let error)):
            Issue.record("\(c): threw \(error)")
        case (.some, .returned(let tickets)):
            #expect(isList && tickets.isEmpty, "\(c): got through")
        case (.some(let missing), .refused(let error)):
            #expect(error.code == .forbidden || error.code == .notFound, "\(c): \(error)")
            if error.code == .forbidden, case .forbidden(_, let action) = error.reason {
                #expect(action.hasPrefix(missing.name), "\(c): the refusal names \(action)")
            }
        }
        if c.missing != nil {
            #expect(try await f.test.snapshot() == before, "\(c): the refused call changed the store")
        }
    }
}

extension AccessFixture {
    /// A new employee whose one desk-wide role holds exactly `permissions`.
    func employee(holding permissions: Set<AccessAction>) async throws -> Performer {
        let role = try await desk.defineRole(
            RoleDefinition(name: "Exactly \(permissions.map(\.name).sorted())", permissions: permissions), by: .system)
        let employee = try await desk.addEmployee(
            NewEmployee(name: "Role tester", email: "role.tester@service.example", grants: [RoleGrant(role.id)]),
            by: .system)
        return .employee(employee.id)
    }
}
