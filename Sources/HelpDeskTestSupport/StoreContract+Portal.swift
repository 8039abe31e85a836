import Foundation
import HelpDeskKit

/// Records with every field the client portal added set, written straight through a unit of work.
struct PortalRecordsSample {
    var sharingAll: Company
    var sharingNone: Company
    var office: Location
    var depot: Location
    var regional: Contact
    var plain: Contact
    var hidden: ServiceCategory
    var visible: ServiceCategory
    var copied: Ticket
    var specification: TicketSpecification

    /// Builds the sample from `ids`.
    init(ids: inout SeededIdentifierSource, at instant: Date) {
        sharingAll = Company(id: ids.next(), name: "Shares «all»", ticketSharing: .all)
        sharingNone = Company(id: ids.next(), name: "Shares nothing", ticketSharing: .none)
        office = Location(
            id: ids.next(), companyID: sharingAll.id, name: "Office", address: "", timeZoneIdentifier: "UTC")
        depot = Location(
            id: ids.next(), companyID: sharingAll.id, name: "Depot", address: "", timeZoneIdentifier: "UTC")
        regional = Contact(
            id: ids.next(), companyID: sharingAll.id, locationID: office.id, name: "Regional manager",
            portalScope: .location, additionalLocationIDs: [depot.id, ids.next()].sorted(), mayViewBilling: true)
        plain = Contact(id: ids.next(), companyID: sharingAll.id, name: "Plain contact")
        hidden = ServiceCategory(id: ids.next(), name: "Internal audit", isVisibleToClients: false)
        visible = ServiceCategory(id: ids.next(), name: "Printers", parentID: hidden.id)
        copied = StoreContract.fullTicket(number: 1, ids: &ids, at: instant)
        copied.companyID = sharingAll.id
        copied.locationID = depot.id
        copied.ccContactIDs = [regional.id, plain.id].sorted()
        specification = StoreContract.specification(of: copied, version: 4, lines: 2, ids: &ids)
        specification.approval = SpecificationApproval(
            decision: .declined, version: 4, requestedAt: instant.addingTimeInterval(0.25),
            requestedBy: .employee(ids.next()), decidedAt: instant.addingTimeInterval(90.5),
            decidedBy: .contact(regional.id), remark: "Too «expensive» 💸")
    }
}

extension StoreContract {
    static let portalChecks: [ContractCheck] = [
        ContractCheck(
            "portal fields round-trip: sharing, further locations, billing view, copied contacts, visibility, approval"
        ) { store in
            var ids = SeededIdentifierSource(seed: 120)
            var sample = PortalRecordsSample(ids: &ids, at: start)
            var work = creation(of: sample.copied, ids: &ids)
            work.clients.companies = [sample.sharingNone, sample.sharingAll]
            work.clients.locations = [sample.office, sample.depot]
            work.clients.contacts = [sample.plain, sample.regional]
            work.categories = [sample.visible, sample.hidden]
            try await store.commit(work)
            var approval = UnitOfWork()
            approval.billing.specifications = [
                SpecificationWrite(specification: sample.specification, expectedVersion: nil)
            ]
            try await store.commit(approval)
            try await requireStored(sample, in: store)

            // Each field changes once more: the store keeps the new value, not the first one.
            sample.sharingAll.ticketSharing = .perMember
            sample.sharingNone.ticketSharing = .all
            sample.regional.additionalLocationIDs = []
            sample.regional.mayViewBilling = false
            sample.plain.additionalLocationIDs = [sample.depot.id]
            sample.plain.mayViewBilling = true
            sample.hidden.isVisibleToClients = true
            sample.visible.isVisibleToClients = false
            let original = sample.copied
            sample.copied.ccContactIDs = [sample.plain.id]
            sample.copied.revision += 1
            var change = UnitOfWork()
            change.save(sample.copied, expectedRevision: original.revision)
            change.clients.companies = [sample.sharingAll, sample.sharingNone]
            change.clients.contacts = [sample.regional, sample.plain]
            change.categories = [sample.hidden, sample.visible]
            let previous = sample.specification
            sample.specification.version += 1
            sample.specification.approval?.decision = .approved
            sample.specification.approval?.remark = nil
            sample.specification.approval?.version = sample.specification.version
            change.billing.specifications = [
                SpecificationWrite(specification: sample.specification, expectedVersion: previous.version)
            ]
            try await store.commit(change)
            try await requireStored(sample, in: store)
        },
        ContractCheck("queries with portal reach clauses agree with the reference evaluation, before and after changes")
        {
            store in
            var data = PortalQueryData(seed: 121)
            var work = UnitOfWork()
            for ticket in data.tickets { work.save(ticket, expectedRevision: nil) }
            try await store.commit(work)
            var random = SplitMix64(seed: 122)
            try await data.requireAgreement(of: store, rounds: 200, random: &random, label: "stored")
            try await store.commit(data.change(using: &random))
            try await data.requireAgreement(of: store, rounds: 120, random: &random, label: "changed")
        },
    ]

    /// Requires `store` to hold every record of `sample` exactly.
    static func requireStored(_ sample: PortalRecordsSample, in store: any HelpDeskStore) async throws {
        let clients = try companies(store)
        try requireEqual(try await clients.company(sample.sharingAll.id), sample.sharingAll, "a company's sharing")
        try requireEqual(
            try await clients.company(sample.sharingNone.id), sample.sharingNone, "another company's sharing")
        try requireEqual(
            try await clients.companies(), [sample.sharingAll, sample.sharingNone].sorted { $0.name < $1.name },
            "companies listed with their sharing")
        try requireEqual(
            try await clients.contact(sample.regional.id), sample.regional, "further locations, billing view")
        try requireEqual(try await clients.contact(sample.plain.id), sample.plain, "a plain contact")
        let contacts = try await clients.contacts(of: sample.sharingAll.id)
        try requireEqual(Set(contacts), [sample.regional, sample.plain], "contacts listed with their new fields")
        try requireEqual(try await store.category(sample.hidden.id), sample.hidden, "category visibility")
        try requireEqual(try await store.category(sample.visible.id), sample.visible, "another category's visibility")
        try requireEqual(
            Set(try await store.categories()), [sample.hidden, sample.visible], "categories listed with visibility")
        try requireEqual(try await store.ticket(sample.copied.id), sample.copied, "copied contacts by identifier")
        try requireEqual(
            try await store.ticket(number: sample.copied.number), sample.copied, "copied contacts by number")
        let page = try await store.tickets(matching: TicketQuery(), workflow: .standard)
        try requireEqual(page.tickets, [sample.copied], "copied contacts in a query")
        try requireEqual(try await billing(store).specification(of: sample.copied.id), sample.specification, "approval")
    }
}

/// Tickets over a small client directory, so that portal reach clauses match often.
struct PortalQueryData {
    let companies: [CompanyID]
    let locations: [LocationID]
    let contacts: [ContactID]
    var tickets: [Ticket]

    /// Seeded tickets whose company, location, requester and copied contacts come from a few of each.
    init(seed: UInt64) {
        var ids = SeededIdentifierSource(seed: seed)
        companies = (0..<3).map { _ in ids.next() }
        locations = (0..<5).map { _ in ids.next() }
        contacts = (0..<6).map { _ in ids.next() }
        var random = SplitMix64(seed: seed ^ 0xCC)
        tickets = TicketFixtures(seed: seed).tickets(count: 400, seed: seed &+ 1)
        for index in tickets.indices {
            tickets[index].companyID = random.next() % 6 == 0 ? nil : companies.randomElement(using: &random)
            tickets[index].locationID = random.next() % 4 == 0 ? nil : locations.randomElement(using: &random)
            tickets[index].requester = requester(using: &random)
            tickets[index].ccContactIDs = cc(using: &random)
        }
    }

    /// A contact, or now and then a caller known by name.
    func requester(using random: inout SplitMix64) -> Requester {
        random.next() % 5 == 0
            ? .freeText("Caller \(random.next() % 2)") : .contact(contacts.randomElement(using: &random)!)
    }

    /// No copied contacts half the time, else one to three of them, sorted.
    func cc(using random: inout SplitMix64) -> [ContactID] {
        guard random.next() % 2 == 0 else { return [] }
        return Array(Set((0...random.next() % 3).map { _ in contacts.randomElement(using: &random)! })).sorted()
    }

    /// A random portal-shaped query: a contact's reach under a sharing mode, or raw clauses with
    /// the new fields (empty sets and `nil` members included), plus a random page and order.
    func query(using random: inout SplitMix64) -> TicketQuery {
        var query = TicketQuery()
        if random.next() % 3 != 0 {
            let contact = Contact(
                id: contacts.randomElement(using: &random)!, companyID: companies.randomElement(using: &random)!,
                locationID: random.next() % 3 == 0 ? nil : locations.randomElement(using: &random),
                name: "Someone", portalScope: PortalScope.allCases.randomElement(using: &random)!,
                additionalLocationIDs: locations.filter { _ in random.next() % 4 == 0 })
            let sharing = TicketSharing.allCases.randomElement(using: &random)!
            query.reach = ContactAuthority(contact: contact, sharing: sharing).readableTickets
        } else {
            /// No set, or a random subset of `values` (possibly empty).
            func some<T: Hashable>(_ values: [T]) -> Set<T>? {
                random.next() % 2 == 0 ? nil : Set(values.filter { _ in random.next() % 3 == 0 })
            }
            query.reach = (0..<Int(random.next() % 3)).map { _ in
                TicketReachClause(
                    companyIDs: some(companies.map(Optional.some) + [nil]),
                    locationIDs: some(locations.map(Optional.some) + [nil]),
                    requesters: some(contacts.map(Requester.contact) + [.freeText("Caller 1")]), copying: some(contacts)
                )
            }
        }
        if random.next() % 4 == 0 { query.statusCategories = [.new, .open, .waiting] }
        let fields: [TicketSortField] = [.number, .createdAt, .requester, .company]
        query.sort = [
            TicketSort(fields.randomElement(using: &random)!, random.next() % 2 == 0 ? .ascending : .descending)
        ]
        query.limit = 1 + Int(random.next() % 80)
        query.offset = random.next() % 3 == 0 ? Int(random.next() % 60) : 0
        return query
    }

    /// A unit changing the copied contacts, requester or location of about a third of the tickets.
    mutating func change(using random: inout SplitMix64) -> UnitOfWork {
        var work = UnitOfWork()
        for index in tickets.indices where random.next() % 3 == 0 {
            let old = tickets[index]
            switch random.next() % 3 {
            case 0: tickets[index].ccContactIDs = old.ccContactIDs.isEmpty ? cc(using: &random) : []
            case 1: tickets[index].requester = requester(using: &random)
            default: tickets[index].locationID = locations.randomElement(using: &random)
            }
            tickets[index].revision += 1
            work.save(tickets[index], expectedRevision: old.revision)
        }
        return work
    }

    /// Requires `rounds` random queries to return what the reference evaluation returns.
    func requireAgreement(of store: any HelpDeskStore, rounds: Int, random: inout SplitMix64, label: String)
        async throws
    {
        for round in 0..<rounds {
            let query = query(using: &random)
            let expected = query.evaluate(tickets, workflow: .standard)
            let actual = try await store.tickets(matching: query, workflow: .standard)
            try require(
                actual == expected,
                "\(label) round \(round): \(query.reach ?? []) gave \(actual.tickets.map(\.number)) of "
                    + "\(actual.totalCount), expected \(expected.tickets.map(\.number)) of \(expected.totalCount)")
        }
    }
}
