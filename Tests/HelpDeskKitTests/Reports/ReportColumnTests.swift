import Foundation
import HelpDeskKit
import Testing

/// Every CSV the reports export: snake_case headers whose money and duration columns name their
/// unit, fields that look like their unit, and a registry (``ReportExport/rowTypes``) that lists
/// every `ReportRow` type in the sources, so a new report is checked without touching this file.
@Suite struct ReportColumnTests {
    /// The name ending each unit requires (independent of the library's own documentation).
    static let suffixes: [ReportUnit: String] = [
        .minorUnits: "_minor", .seconds: "_seconds", .minutes: "_minutes", .hours: "_hours", .percent: "_percent",
        .instant: "_at",
    ]
    /// Words that make a column money: it must then be in minor units.
    static let moneyWords: Set<String> = [
        "fee", "fees", "cost", "costs", "revenue", "margin", "paid", "price", "amount", "balance", "owed", "debt",
    ]

    /// The problems of one row type's columns; empty when it is fine.
    static func problems(of type: any ReportRow.Type) -> [String] {
        let name = String(describing: type)
        var problems: [String] = []
        let columns = type.csvColumns
        if Set(columns.map(\.name)).count != columns.count { problems.append("\(name): duplicate column names") }
        for column in columns {
            let label = "\(name).\(column.name)"
            if column.name.wholeMatch(of: /[a-z][a-z0-9]*(_[a-z0-9]+)*/) == nil {
                problems.append("\(label) is not snake_case")
            }
            if let suffix = suffixes[column.unit], !column.name.hasSuffix(suffix) {
                problems.append("\(label) (\(column.unit)) does not end in \(suffix)")
            }
            for (unit, suffix) in suffixes where unit != column.unit && column.name.hasSuffix(suffix) {
                problems.append("\(label) ends in \(suffix) but holds \(column.unit)")
            }
            let words = Set(column.name.split(separator: "_").map(String.init))
            if !words.isDisjoint(with: moneyWords), column.unit != .minorUnits {
                problems.append("\(label) names money but holds \(column.unit), not minor units")
            }
            if column.unit == .currency, column.name != "currency" { problems.append("\(label) must be 'currency'") }
        }
        if columns.contains(where: { $0.unit == .minorUnits }), !columns.contains(where: { $0.unit == .currency }) {
            problems.append("\(name) has money without a currency column")
        }
        return problems
    }

    @Test func everyExportedHeaderIsSnakeCaseAndNamesItsUnits() {
        #expect(ReportExport.rowTypes.count >= 10)
        for type in ReportExport.rowTypes {
            #expect(Self.problems(of: type).isEmpty, "\(Self.problems(of: type))")
            #expect(type.csvHeader == type.csvColumns.map(\.name))
        }
    }

    /// The checks above fail on the headers this issue replaced (`service_fees`, `firstResponse_…`).
    @Test func checksRejectOldHeaders() {
        struct Old: ReportRow {
            static let csvColumns = [
                ReportColumn("currency", .currency), ReportColumn("service_fees", .minorUnits),
                ReportColumn("firstResponse_working_average", .seconds), ReportColumn("labor_cost", .count),
                ReportColumn("hours", .hours), ReportColumn("spent_minutes", .count),
            ]
            var csvFields: [String] { [] }
        }
        let problems = Self.problems(of: Old.self)
        #expect(problems.count == 6, "\(problems)")
    }

    /// Every `ReportRow` conformance in `Sources/` is in ``ReportExport/rowTypes``, and nothing else is.
    @Test func registryListsEveryRowType() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")
        var declared: Set<String> = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in text.matches(of: /(?:struct|enum|class|extension)\s+(\w+)\s*:[^{]*\bReportRow\b/) {
                declared.insert(String(match.1))
            }
        }
        #expect(declared.count >= 10, "the scan found \(declared.sorted()): is the source layout still the same?")
        #expect(declared == Set(ReportExport.rowTypes.map { String(describing: $0) }))
    }

    /// Runs every report on a seeded desk and checks each exported field against its column's unit.
    @Test func everyReportsFieldsMatchTheirUnits() async throws {
        let set = try await ReportWorkDataSet(seed: 31)
        let engine = ReportEngine(store: set.data.store, configuration: ReportDataSet.configuration)
        let request = ReportRequest(period: ReportTicketTests.period.wholeDays(), bucket: .week)
        var checked: Set<String> = []
        func check<Row: ReportRow>(_ rows: [Row]) {
            checked.insert(String(describing: Row.self))
            #expect(!rows.isEmpty, "\(Row.self): no rows to check")
            for row in rows {
                #expect(row.csvFields.count == Row.csvColumns.count, "\(Row.self)")
                for (column, field) in zip(Row.csvColumns, row.csvFields) where !field.isEmpty {
                    #expect(Self.fits(field, column.unit), "\(Row.self).\(column.name) = \(field)")
                }
            }
        }
        check(try await engine.slaCompliance(request, by: .bucket))
        check(try await engine.responseTimes(request, by: .company))
        check(try await engine.backlog(request))
        check(try await engine.resolutionQuality(request, by: .total))
        check(try await engine.satisfaction(request, by: .employee))
        check(try await engine.feedbackComments(request))
        check(try await engine.employeeRanking(request))
        check(try await engine.labor(request, by: .activity))
        check(try await engine.profitability(request, by: .contract))
        check(try await engine.ticketCounts(request, by: .priority))
        #expect(checked == Set(ReportExport.rowTypes.map { String(describing: $0) }), "a row type was not run")
    }

    /// `true` when `field` is printed as `unit` prints.
    static func fits(_ field: String, _ unit: ReportUnit) -> Bool {
        switch unit {
        case .text: true
        case .count, .rank, .minorUnits, .minutes: Int64(field) != nil
        case .score, .seconds: Double(field) != nil
        case .percent: field.wholeMatch(of: /-?[0-9]+\.[0-9]{4}/) != nil && (0...100).contains(Double(field)!)
        case .hours: field.wholeMatch(of: /-?[0-9]+\.[0-9]{4}/) != nil
        case .currency: CurrencyCode(field) != nil
        case .instant: (try? Date.ISO8601FormatStyle().parse(field)) != nil
        case .flag: field == "true" || field == "false"
        }
    }
}
