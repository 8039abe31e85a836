import Foundation
import HelpDeskKit

/// A small client directory with every field set, written straight through ``UnitOfWork/clients``.
struct ClientDirectorySample {
    var beta: Company
    var alpha: Company
    var alphaOffice: Location
    var alphaStore: Location
    var betaSite: Location
    var ivan: Contact
    var ivanTwin: Contact
    var olga: Contact
    var contracts: [Contract]
    var printer: AssetModel
    var camera: AssetModel
    var assets: [Asset]

    init(ids: inout SeededIdentifierSource, at instant: Date) {
        let day = 86_400.0
        beta = Company(id: ids.next(), name: "Beta Foods", registration: ["INN": "7701234567", "KPP": "770101001"],
            notes: "Night shifts — call «before» 22:00", slaPolicyID: "gold")
        alpha = Company(id: ids.next(), name: "Alpha Retail")
        alphaOffice = Location(id: ids.next(), companyID: alpha.id, name: "Office", address: "Tverskaya 1, Moscow",
            timeZoneIdentifier: "Europe/Moscow")
        alphaStore = Location(id: ids.next(), companyID: alpha.id, name: "Megastore", address: "", timeZoneIdentifier: "UTC")
        betaSite = Location(id: ids.next(), companyID: beta.id, name: "Kitchen", address: "Nevsky 2",
            timeZoneIdentifier: "Asia/Yekaterinburg")
        ivan = Contact(id: ids.next(), companyID: alpha.id, locationID: alphaOffice.id, name: "Ivan Petrov",
            position: "Office manager", email: "Ivan.Petrov@Alpha.example", phone: "+7 900 000-00-01",
            mayFileTickets: true, mayApprovePaidWork: true, portalScope: .company, isActive: true)
        ivanTwin = Contact(id: ids.next(), companyID: alpha.id, name: "Ivan Petrov", mayFileTickets: false,
            portalScope: .location, isActive: false)
        olga = Contact(id: ids.next(), companyID: beta.id, locationID: betaSite.id, name: "Olga", email: "olga@beta.example")
        let full = Contract(
            id: ids.next(), companyID: alpha.id, number: "K-2", startsAt: instant, endsAt: instant.addingTimeInterval(365 * day),
            status: .suspended, coveredLocationIDs: [alphaOffice.id], coveredCategoryIDs: [ids.next()], slaPolicyID: "gold",
            managerID: ids.next(),
            periods: [
                ServicePeriod(
                    id: ids.next(), startsAt: instant, endsAt: instant.addingTimeInterval(30 * day),
                    fee: Money(minorUnits: 1_250_050, currency: .rub), includedLaborMinutes: 600,
                    laborRoundingStepMinutes: 15, laborAlertPercent: 80, invoicedAt: instant.addingTimeInterval(0.25),
                    paymentDueAt: instant.addingTimeInterval(5 * day), paidAt: instant.addingTimeInterval(2 * day + 0.5)),
                ServicePeriod(
                    id: ids.next(), startsAt: instant.addingTimeInterval(30 * day), endsAt: instant.addingTimeInterval(60 * day),
                    fee: Money(minorUnits: 0, currency: .eur)),
            ],
            remindersSent: [.contractEnding, .renewalDue(ids.next()), .periodUnpaid(ids.next())])
        let openEnded = Contract(id: ids.next(), companyID: alpha.id, number: "K-10", startsAt: instant)
        let first = Contract(id: ids.next(), companyID: beta.id, number: "K-1", startsAt: instant, status: .draft)
        contracts = [full, openEnded, first]
        printer = AssetModel(id: ids.next(), name: "Printer M428", kind: "printer", attributes: ["duplex": "yes", "tray": "2"])
        camera = AssetModel(id: ids.next(), name: "Camera X", kind: "camera")
        assets = [
            Asset(id: ids.next(), modelID: printer.id, serialNumber: "SN-300", inventoryNumber: "INV-7", companyID: alpha.id,
                locationID: alphaOffice.id, contractID: full.id, inServiceSince: instant.addingTimeInterval(-0.5)),
            Asset(id: ids.next(), modelID: camera.id, serialNumber: "SN-100", companyID: alpha.id, locationID: alphaStore.id,
                inServiceSince: instant),
            Asset(id: ids.next(), modelID: printer.id, serialNumber: "SN-200", companyID: beta.id, locationID: betaSite.id,
                inServiceSince: instant),
            Asset(id: ids.next(), modelID: camera.id, serialNumber: "SN-100", companyID: alpha.id, locationID: alphaOffice.id,
                inServiceSince: instant),
        ]
    }

    var changes: ClientChanges {
        var changes = ClientChanges()
        changes.companies = [beta, alpha]
        changes.locations = [alphaStore, betaSite, alphaOffice]
        changes.contacts = [olga, ivanTwin, ivan]
        changes.contracts = contracts
        changes.assetModels = [printer, camera]
        changes.assets = assets
        return changes
    }
}

extension StoreContract {
    /// The store's client directory features (contract violations when it offers none).
    static func companies(_ store: any HelpDeskStore) throws -> any CompanyRepository {
        try requireFeature((any CompanyRepository).self, of: store)
    }

    static func contracts(_ store: any HelpDeskStore) throws -> any ContractRepository {
        try requireFeature((any ContractRepository).self, of: store)
    }

    static func assets(_ store: any HelpDeskStore) throws -> any AssetRepository {
        try requireFeature((any AssetRepository).self, of: store)
    }

    static let clientChecks: [ContractCheck] = [
        ContractCheck("client records are upserted, read back equal and listed by name, number or serial, then id") { store in
            var ids = SeededIdentifierSource(seed: 60)
            let sample = ClientDirectorySample(ids: &ids, at: start)
            var work = UnitOfWork()
            work.clients = sample.changes
            try await store.commit(work)

            try requireEqual(try await companies(store).companies(), [sample.alpha, sample.beta], "companies by name")
            for company in [sample.alpha, sample.beta] {
                try requireEqual(try await companies(store).company(company.id), company, "company by id")
            }
            try requireEqual(try await companies(store).locations(of: sample.alpha.id), [sample.alphaStore, sample.alphaOffice], "locations")
            try requireEqual(try await companies(store).locations(of: sample.beta.id), [sample.betaSite], "other company's locations")
            for location in [sample.alphaOffice, sample.alphaStore, sample.betaSite] {
                try requireEqual(try await companies(store).location(location.id), location, "location by id")
            }
            let twins = [sample.ivan, sample.ivanTwin].sorted { $0.id < $1.id }
            try requireEqual(try await companies(store).contacts(of: sample.alpha.id), twins, "contacts by name, then id")
            try requireEqual(try await companies(store).contacts(of: sample.beta.id), [sample.olga], "other company's contacts")
            for contact in [sample.ivan, sample.ivanTwin, sample.olga] {
                try requireEqual(try await companies(store).contact(contact.id), contact, "contact by id")
            }
            let byNumber = sample.contracts.sorted { $0.number < $1.number }
            try requireEqual(try await contracts(store).contracts().map(\.number), ["K-1", "K-10", "K-2"], "contracts by number")
            try requireEqual(try await contracts(store).contracts(), byNumber, "contracts")
            try requireEqual(
                try await contracts(store).contracts(of: sample.alpha.id), byNumber.filter { $0.companyID == sample.alpha.id },
                "contracts of a company")
            for contract in sample.contracts {
                try requireEqual(try await contracts(store).contract(contract.id), contract, "contract by id")
            }
            try requireEqual(try await assets(store).assetModels(), [sample.camera, sample.printer], "models by name")
            try requireEqual(try await assets(store).assetModel(sample.printer.id), sample.printer, "model by id")
            let bySerial = sample.assets.sorted { ($0.serialNumber, $0.id) < ($1.serialNumber, $1.id) }
            try requireEqual(try await assets(store).assets(company: nil, location: nil, model: nil), bySerial, "assets by serial, then id")
            for asset in sample.assets {
                try requireEqual(try await assets(store).asset(asset.id), asset, "asset by id")
            }

            var renamed = sample.beta
            renamed.name = "Aardvark Foods"
            renamed.slaPolicyID = nil
            var contract = sample.contracts[0]
            contract.status = .active
            contract.periods[1].paidAt = start.addingTimeInterval(99)
            contract.remindersSent = []
            var ivan = sample.ivan
            ivan.email = nil
            ivan.isActive = false
            var update = UnitOfWork()
            update.clients.companies = [renamed]
            update.clients.contracts = [contract]
            update.clients.contacts = [ivan]
            try await store.commit(update)
            try requireEqual(try await companies(store).companies(), [renamed, sample.alpha], "companies after an upsert")
            try requireEqual(try await contracts(store).contract(contract.id), contract, "contract after an upsert")
            try requireEqual(try await contracts(store).contracts().count, 3, "no duplicate contract after an upsert")
            try requireEqual(try await companies(store).contact(ivan.id), ivan, "contact after an upsert")
            try requireEqual(try await companies(store).contacts(of: sample.alpha.id).count, 2, "no duplicate contact after an upsert")
        },
        ContractCheck("contacts are found by email and contracts by number, ignoring case") { store in
            var ids = SeededIdentifierSource(seed: 61)
            let sample = ClientDirectorySample(ids: &ids, at: start)
            var work = UnitOfWork()
            work.clients = sample.changes
            try await store.commit(work)
            try requireEqual(try await companies(store).contact(email: "ivan.petrov@alpha.EXAMPLE"), sample.ivan, "email, other case")
            try requireEqual(try await companies(store).contact(email: "Ivan.Petrov@Alpha.example"), sample.ivan, "email, same case")
            try requireEqual(try await companies(store).contact(email: "OLGA@beta.example"), sample.olga, "another email")
            try requireEqual(try await companies(store).contact(email: "nobody@alpha.example"), nil, "unknown email")
            try requireEqual(try await contracts(store).contract(number: "k-10"), sample.contracts[1], "number, other case")
            try requireEqual(try await contracts(store).contract(number: "K-1"), sample.contracts[2], "number, same case")
            try requireEqual(try await contracts(store).contract(number: "K-3"), nil, "unknown number")

            var moved = sample.ivan
            moved.email = "ivan@alpha.example"
            var update = UnitOfWork()
            update.clients.contacts = [moved]
            try await store.commit(update)
            try requireEqual(try await companies(store).contact(email: "Ivan.Petrov@Alpha.example"), nil, "old email after a change")
            try requireEqual(try await companies(store).contact(email: "IVAN@alpha.example"), moved, "new email")
        },
        ContractCheck("assets are filtered by company, location and model together") { store in
            var ids = SeededIdentifierSource(seed: 62)
            let sample = ClientDirectorySample(ids: &ids, at: start)
            var work = UnitOfWork()
            work.clients = sample.changes
            try await store.commit(work)
            let companies: [CompanyID?] = [nil, sample.alpha.id, sample.beta.id, ids.next()]
            let locations: [LocationID?] = [nil, sample.alphaOffice.id, sample.alphaStore.id, sample.betaSite.id]
            let models: [AssetModelID?] = [nil, sample.printer.id, sample.camera.id]
            for company in companies {
                for location in locations {
                    for model in models {
                        let expected = sample.assets
                            .filter { asset in
                                company.map { $0 == asset.companyID } ?? true
                                    && location.map { $0 == asset.locationID } ?? true
                                    && model.map { $0 == asset.modelID } ?? true
                            }
                            .sorted { ($0.serialNumber, $0.id) < ($1.serialNumber, $1.id) }
                        try requireEqual(
                            try await assets(store).assets(company: company, location: location, model: model), expected,
                            "assets(company: \(String(describing: company)), location: \(String(describing: location)), "
                                + "model: \(String(describing: model)))")
                    }
                }
            }
        },
        ContractCheck("deleted client records are gone from reads and listings") { store in
            var ids = SeededIdentifierSource(seed: 63)
            let sample = ClientDirectorySample(ids: &ids, at: start)
            var work = UnitOfWork()
            work.clients = sample.changes
            try await store.commit(work)

            var some = UnitOfWork()
            some.clients.deletedContacts = [sample.ivanTwin.id]
            some.clients.deletedLocations = [sample.alphaStore.id]
            some.clients.deletedContracts = [sample.contracts[1].id]
            some.clients.deletedAssets = [sample.assets[1].id]
            try await store.commit(some)
            try requireEqual(try await companies(store).contact(sample.ivanTwin.id), nil, "deleted contact")
            try requireEqual(try await companies(store).contacts(of: sample.alpha.id), [sample.ivan], "contacts after a deletion")
            try requireEqual(try await companies(store).location(sample.alphaStore.id), nil, "deleted location")
            try requireEqual(try await companies(store).locations(of: sample.alpha.id), [sample.alphaOffice], "locations after a deletion")
            try requireEqual(try await contracts(store).contract(sample.contracts[1].id), nil, "deleted contract")
            try requireEqual(try await contracts(store).contract(number: "K-10"), nil, "deleted contract by number")
            try requireEqual(try await contracts(store).contracts().map(\.number), ["K-1", "K-2"], "contracts after a deletion")
            try requireEqual(try await assets(store).asset(sample.assets[1].id), nil, "deleted asset")
            try requireEqual(
                try await assets(store).assets(company: sample.alpha.id, location: nil, model: nil).map(\.serialNumber),
                ["SN-100", "SN-300"], "assets after a deletion")

            var company = UnitOfWork()
            company.clients.deletedCompanies = [sample.beta.id]
            company.clients.deletedLocations = [sample.betaSite.id]
            company.clients.deletedContacts = [sample.olga.id]
            company.clients.deletedContracts = [sample.contracts[2].id]
            company.clients.deletedAssets = [sample.assets[2].id]
            try await store.commit(company)
            try requireEqual(try await companies(store).company(sample.beta.id), nil, "deleted company")
            try requireEqual(try await companies(store).companies(), [sample.alpha], "companies after a deletion")
            try requireEqual(try await companies(store).locations(of: sample.beta.id), [], "locations of a deleted company")
            try requireEqual(try await companies(store).contacts(of: sample.beta.id), [], "contacts of a deleted company")
            try requireEqual(try await companies(store).contact(email: "olga@beta.example"), nil, "email of a deleted contact")
            try requireEqual(try await contracts(store).contracts(of: sample.beta.id), [], "contracts of a deleted company")
            try requireEqual(try await assets(store).assets(company: sample.beta.id, location: nil, model: nil), [], "assets")
            try requireEqual(try await assets(store).assetModels(), [sample.camera, sample.printer], "models stay")
            try requireEqual(try await companies(store).company(sample.alpha.id), sample.alpha, "the other company stays")

            var unknown = UnitOfWork()
            unknown.clients.deletedCompanies = [ids.next()]
            unknown.clients.deletedAssets = [ids.next()]
            try await store.commit(unknown)
            try requireEqual(try await companies(store).companies(), [sample.alpha], "deleting unknown records changes nothing")
        },
        ContractCheck("a unit of work with a ticket conflict applies none of its client changes") { store in
            var ids = SeededIdentifierSource(seed: 64)
            let existing = fullTicket(number: 1, ids: &ids)
            try await store.commit(creation(of: existing, ids: &ids))
            let sample = ClientDirectorySample(ids: &ids, at: start)
            var seed = UnitOfWork()
            seed.clients.companies = [sample.alpha]
            seed.clients.locations = [sample.alphaOffice]
            seed.clients.contacts = [sample.ivan]
            seed.clients.contracts = [sample.contracts[0]]
            seed.clients.assetModels = [sample.printer]
            seed.clients.assets = [sample.assets[0]]
            try await store.commit(seed)
            let before = try await StoreSnapshot.capture(store)

            var work = UnitOfWork()
            work.clients = sample.changes
            var renamed = sample.alpha
            renamed.name = "Never renamed"
            work.clients.companies = [renamed, sample.beta]
            work.clients.deletedContacts = [sample.ivan.id]
            work.clients.deletedContracts = [sample.contracts[0].id]
            work.clients.deletedAssets = [sample.assets[0].id]
            var stale = existing
            stale.title = "Stale"
            work.save(stale, expectedRevision: 99)
            try await requireStorageError(.conflict) { try await store.commit(work) }
            try requireEqual(try await StoreSnapshot.capture(store), before, "store after the rejected unit")
            try requireEqual(try await assets(store).assetModels(), [sample.printer], "models after the rejected unit")
            try requireEqual(try await companies(store).contact(email: "olga@beta.example"), nil, "contact lookup after the rejected unit")
            try requireEqual(try await contracts(store).contract(number: "K-1"), nil, "contract lookup after the rejected unit")
        },
        ContractCheck("tickets keep their client links and are filtered and sorted by them") { store in
            var ids = SeededIdentifierSource(seed: 65)
            let sample = ClientDirectorySample(ids: &ids, at: start)
            var first = fullTicket(number: 1, ids: &ids)
            first.companyID = sample.alpha.id
            first.locationID = sample.alphaOffice.id
            first.contractID = sample.contracts[0].id
            first.assetIDs = [sample.assets[0].id, sample.assets[3].id].sorted()
            var second = fullTicket(number: 2, ids: &ids)
            second.companyID = sample.beta.id
            second.assetIDs = [sample.assets[2].id]
            let third = fullTicket(number: 3, ids: &ids)
            var work = UnitOfWork()
            work.clients = sample.changes
            for ticket in [first, second, third] { work.save(ticket, expectedRevision: nil) }
            try await store.commit(work)
            try requireEqual(try await store.ticket(first.id), first, "ticket with client links")
            let tickets = [first, second, third]
            let queries = [
                TicketQuery(companyIDs: [sample.alpha.id]), TicketQuery(companyIDs: [nil]),
                TicketQuery(locationIDs: [sample.alphaOffice.id, nil]), TicketQuery(contractIDs: [sample.contracts[0].id]),
                TicketQuery(assetIDs: [sample.assets[2].id, sample.assets[3].id]),
                TicketQuery(sort: [TicketSort(.company), TicketSort(.number)]),
                TicketQuery(sort: [TicketSort(.company, .descending), TicketSort(.number)]),
            ]
            for query in queries {
                try requireEqual(
                    try await store.tickets(matching: query, workflow: .standard),
                    query.evaluate(tickets, workflow: .standard), "\(query)")
            }
        },
    ]
}
