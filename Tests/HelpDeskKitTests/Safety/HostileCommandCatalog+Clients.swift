import Foundation
import HelpDeskKit
import HelpDeskTestSupport

/// The staff directory and the client directory: companies, locations, contacts, contracts and
/// equipment.
extension HostileCommandCatalog {
    static let directoryEntries: [HostileCommand] = [
        command("addEmployee(_:by:idempotencyKey:)") { d in
            let request = NewEmployee(
                name: d.text(["Anna Dispatcher"]), email: d.email(["anna@service.example"]), groupIDs: d.ids(d.groups),
                grants: grants(&d, dispatcher: AccessFixture.dispatcherID))
            _ = try await d.f.desk.addEmployee(request, by: d.performer(), idempotencyKey: d.key())
        },
        command("deactivateEmployee(_:by:idempotencyKey:)") { d in
            // Anna, who performs most draws, only when hostile: the later draws would all be refused.
            let employee = d.hostile() ? d.id(d.employees) : d.pick([d.f.test.boris.id, d.f.test.former.id])
            _ = try await d.f.desk.deactivateEmployee(employee, by: d.performer(), idempotencyKey: d.key())
        },
        command("addGroup(named:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.addGroup(named: d.text(["Service desk"]), by: d.performer(), idempotencyKey: d.key())
        },
        command("addCategory(_:by:idempotencyKey:)") { d in
            let request = NewServiceCategory(
                name: d.text(["Printers"]), parentID: d.optionalID(d.categories),
                defaultAssigneeID: d.optionalID(d.employees),
                defaultGroupID: d.optionalID(d.groups), slaPolicyID: d.slaPolicy())
            _ = try await d.f.desk.addCategory(request, by: d.performer(), idempotencyKey: d.key())
        },
        read("employees(as:)") { d in _ = try await d.f.desk.employees(as: d.performer()) },
        read("groups(as:)") { d in _ = try await d.f.desk.groups(as: d.performer()) },
        read("categories(as:)") { d in _ = try await d.f.desk.categories(as: d.performer()) },
    ]

    static let clientCommands: [HostileCommand] = [
        command("addCompany(_:by:idempotencyKey:)") { d in
            let request = NewCompany(
                name: d.text(["Alpha"]), registration: d.dictionary(), notes: d.text(), slaPolicyID: d.slaPolicy())
            _ = try await d.f.desk.addCompany(request, by: d.performer(), idempotencyKey: d.key())
        },
        command("updateCompany(_:_:by:idempotencyKey:)") { d in
            var update = CompanyUpdate()
            if d.bool() { update.name = d.text(["Alpha", "Beta"]) }
            if d.oneIn(3) { update.registration = [d.text(["INN"]): d.text()] }
            if d.oneIn(3) { update.notes = d.text() }
            if d.oneIn(3) { update.slaPolicyID = .some(d.oneIn(2) ? nil : SLAPolicyID(d.text(["standard"]))) }
            if d.oneIn(2) { update.ticketSharing = d.pick(TicketSharing.allCases) }
            _ = try await d.f.desk.updateCompany(d.id(d.companies), update, by: d.performer(), idempotencyKey: d.key())
        },
        command("deleteCompany(_:by:idempotencyKey:)") { d in
            try await d.f.desk.deleteCompany(d.id(d.companies), by: d.performer(), idempotencyKey: d.key())
        },
        command("addLocation(_:by:idempotencyKey:)") { d in
            let request = NewLocation(
                companyID: d.id(d.companies), name: d.text(["Alpha office"]), address: d.text(),
                timeZoneIdentifier: d.timeZone())
            _ = try await d.f.desk.addLocation(request, by: d.performer(), idempotencyKey: d.key())
        },
        command("updateLocation(_:_:by:idempotencyKey:)") { d in
            let update = LocationUpdate(
                name: d.bool() ? d.text(["Alpha office", "Alpha shop"]) : nil, address: d.oneIn(2) ? d.text() : nil)
            _ = try await d.f.desk.updateLocation(d.id(d.locations), update, by: d.performer(), idempotencyKey: d.key())
        },
        command("addContact(_:by:idempotencyKey:)") { d in
            let request = NewContact(
                companyID: d.id(d.companies), locationID: d.optionalID(d.locations), name: d.text(["Alice"]),
                position: d.text(),
                email: d.oneIn(4) ? nil : d.email(["alice@alpha.example"]), phone: d.optionalText(),
                mayFileTickets: d.bool(),
                mayApprovePaidWork: d.bool(), portalScope: d.pick(PortalScope.allCases),
                additionalLocationIDs: d.oneIn(3) ? [d.id(d.locations)] : [], mayViewBilling: d.bool())
            _ = try await d.f.desk.addContact(request, by: d.performer(), idempotencyKey: d.key())
        },
        command("updateContact(_:_:by:idempotencyKey:)") { d in
            var update = ContactUpdate()
            if d.bool() { update.locationID = .some(d.optionalID(d.locations)) }
            if d.bool() { update.position = d.text() }
            if d.bool() { update.email = .some(d.oneIn(4) ? nil : d.email(["bob@beta.example"])) }
            if d.bool() { update.phone = .some(d.optionalText()) }
            if d.oneIn(3) { update.mayFileTickets = d.bool() }
            if d.oneIn(3) { update.mayApprovePaidWork = d.bool() }
            if d.oneIn(3) { update.portalScope = d.pick(PortalScope.allCases) }
            if d.oneIn(3) { update.additionalLocationIDs = d.oneIn(2) ? [] : [d.id(d.locations), d.id(d.locations)] }
            if d.oneIn(3) { update.mayViewBilling = d.bool() }
            if d.oneIn(3) { update.isActive = d.bool() }
            _ = try await d.f.desk.updateContact(d.id(d.contacts), update, by: d.performer(), idempotencyKey: d.key())
        },
        command("addContract(_:by:idempotencyKey:)") { d in
            let start = d.instant()
            let request = NewContract(
                companyID: d.id(d.companies), number: d.text(["A-1", "B-1"]), startsAt: start,
                endsAt: d.oneIn(3) ? nil : d.end(after: start),
                status: d.hostile() ? d.pick(ContractStatus.allCases) : .active,
                coveredLocationIDs: d.hostile() ? d.ids(d.locations) : [], coveredCategoryIDs: d.ids(d.categories),
                slaPolicyID: d.slaPolicy(), managerID: d.optionalID(d.employees))
            _ = try await d.f.desk.addContract(request, by: d.performer(), idempotencyKey: d.key())
        },
        command("changeContractStatus(_:to:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.changeContractStatus(
                d.id(d.contracts), to: d.pick(ContractStatus.allCases), by: d.performer(), idempotencyKey: d.key())
        },
        command("addServicePeriod(to:_:by:idempotencyKey:)") { d in
            let start = d.instant()
            let request = NewServicePeriod(
                startsAt: start, endsAt: d.end(after: start), fee: d.money(), includedLaborMinutes: d.optionalInt(),
                laborRoundingStepMinutes: d.optionalInt(), laborAlertPercent: d.optionalInt(),
                paymentDueAt: d.optionalInstant(), includedVisits: d.optionalInt())
            _ = try await d.f.desk.addServicePeriod(
                to: d.id(d.contracts), request, by: d.performer(), idempotencyKey: d.key())
        },
        command("markServicePeriodInvoiced(_:of:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.markServicePeriodInvoiced(
                d.id([d.f.alphaPeriod.id]), of: d.id(d.contracts), by: d.performer(), idempotencyKey: d.key())
        },
        command("markServicePeriodPaid(_:of:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.markServicePeriodPaid(
                d.id([d.f.alphaPeriod.id]), of: d.id(d.contracts), by: d.performer(), idempotencyKey: d.key())
        },
        command("addAssetModel(name:kind:attributes:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.addAssetModel(
                name: d.text(["Laser printer"]), kind: d.text(["printer"]), attributes: d.dictionary(),
                by: d.performer(),
                idempotencyKey: d.key())
        },
        command("addAsset(_:by:idempotencyKey:)") { d in
            let request = NewAsset(
                modelID: d.id([d.f.printerModel.id]), serialNumber: d.text(["A-SN-1"]),
                inventoryNumber: d.optionalText(),
                locationID: d.id(d.locations), contractID: d.optionalID(d.contracts), inServiceSince: d.instant())
            _ = try await d.f.desk.addAsset(request, by: d.performer(), idempotencyKey: d.key())
        },
        command("updateAsset(_:_:by:idempotencyKey:)") { d in
            var update = AssetUpdate()
            if d.bool() { update.serialNumber = d.text(["A-SN-1", "B-SN-1", "A-SN-7"]) }
            if d.oneIn(3) { update.inventoryNumber = .some(d.optionalText()) }
            if d.oneIn(3) { update.contractID = .some(d.optionalID(d.contracts)) }
            if d.oneIn(3) { update.inServiceSince = d.instant() }
            _ = try await d.f.desk.updateAsset(d.id(d.assets), update, by: d.performer(), idempotencyKey: d.key())
        },
        command("moveAsset(_:to:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.moveAsset(
                d.id(d.assets), to: d.id(d.locations), by: d.performer(), idempotencyKey: d.key())
        },
        command("retireAsset(_:by:idempotencyKey:)") { d in
            _ = try await d.f.desk.retireAsset(d.id(d.assets), by: d.performer(), idempotencyKey: d.key())
        },
    ]

    static let clientReads: [HostileCommand] = [
        read("companies(as:)") { d in _ = try await d.f.desk.companies(as: d.performer()) },
        read("company(_:as:)") { d in _ = try await d.f.desk.company(d.id(d.companies), as: d.performer()) },
        read("locations(of:as:)") { d in _ = try await d.f.desk.locations(of: d.id(d.companies), as: d.performer()) },
        read("contacts(of:as:)") { d in _ = try await d.f.desk.contacts(of: d.id(d.companies), as: d.performer()) },
        read("contract(_:as:)") { d in _ = try await d.f.desk.contract(d.id(d.contracts), as: d.performer()) },
        read("contracts(of:as:)") { d in
            _ = try await d.f.desk.contracts(of: d.optionalID(d.companies), as: d.performer())
        },
        read("contracts(inForceAt:as:)") { d in
            _ = try await d.f.desk.contracts(inForceAt: d.instant(), as: d.performer())
        },
        read("contracts(endingWithin:after:as:)") { d in
            _ = try await d.f.desk.contracts(endingWithin: d.int(), after: d.instant(), as: d.performer())
        },
        read("debtors(at:as:)") { d in _ = try await d.f.desk.debtors(at: d.instant(), as: d.performer()) },
        read("assetModels(as:)") { d in _ = try await d.f.desk.assetModels(as: d.performer()) },
        read("assets(company:location:model:includingRetired:as:)") { d in
            _ = try await d.f.desk.assets(
                company: d.optionalID(d.companies), location: d.optionalID(d.locations),
                model: d.optionalID([d.f.printerModel.id]), includingRetired: d.bool(),
                as: d.performer())
        },
        read("trail(of:as:)") { d in
            let subjects: [TrailSubject] = [
                .company(d.id(d.companies)), .location(d.id(d.locations)), .contract(d.id(d.contracts)),
                .asset(d.id(d.assets)), .assetModel(d.id([d.f.printerModel.id])), .priceListItem(d.id(d.items)),
                .contractPrice(d.id(d.contracts), item: d.id(d.items)), .account(d.id(d.companies), unit: d.unit()),
            ]
            let subject = d.pick(subjects)
            _ = try await d.f.desk.trail(of: subject, as: d.performer())
        },
        read("history(of:as:)") { d in _ = try await d.f.desk.history(of: d.id(d.assets), as: d.performer()) },
        read("registrationHints(contact:location:as:)") { d in
            _ = try await d.f.desk.registrationHints(
                contact: d.optionalID(d.contacts), location: d.optionalID(d.locations), as: d.performer())
        },
    ]
}
