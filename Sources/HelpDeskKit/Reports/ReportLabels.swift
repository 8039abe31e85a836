import Foundation

/// Readable names of the records that appear in report keys, read from the store once per report.
struct ReportLabels: Sendable {
    var companies: [CompanyID: String] = [:]
    var contracts: [ContractID: String] = [:]
    var locations: [LocationID: String] = [:]
    var employees: [EmployeeID: String] = [:]
    var groups: [GroupID: String] = [:]
    var categories: [CategoryID: String] = [:]
    var contacts: [ContactID: String] = [:]

    /// Names for every identifier among `keys`.
    ///
    /// - Complexity: one store read per distinct record (directory lists are read whole).
    static func load(for keys: some Sequence<ReportGroupKey>, from store: any HelpDeskStore) async throws -> ReportLabels {
        var labels = ReportLabels()
        var needsDirectory = false
        let companies = try store.feature((any CompanyRepository).self)
        let contracts = try store.feature((any ContractRepository).self)
        for key in keys {
            switch key {
            case .company(let id?): labels.companies[id] = try await companies?.company(id)?.name
            case .contract(let id?): labels.contracts[id] = try await contracts?.contract(id)?.number
            case .location(let id?): labels.locations[id] = try await companies?.location(id)?.name
            case .contact(.contact(let id)): labels.contacts[id] = try await companies?.contact(id)?.name
            case .employee(.some), .group(.some), .category(.some): needsDirectory = true
            default: break
            }
        }
        if needsDirectory {
            for employee in try await store.employees() { labels.employees[employee.id] = employee.name }
            for group in try await store.groups() { labels.groups[group.id] = group.name }
            for category in try await store.categories() { labels.categories[category.id] = category.name }
        }
        return labels
    }
}
