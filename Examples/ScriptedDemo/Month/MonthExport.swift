import Foundation
import HelpDeskKit

/// Writes the month's reports as CSV files and a self-contained HTML dashboard.
enum MonthExport {
    /// Writes the files into `directory` (created if missing) and returns their names.
    static func write(_ reports: MonthReports, title: String, to directory: URL) throws -> [String] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var names: [String] = []
        for file in reports.csvFiles {
            try Data(file.text.utf8).write(to: directory.appendingPathComponent(file.name), options: .atomic)
            names.append(file.name)
        }
        let html = Dashboard.html(reports, title: title)
        try Data(html.utf8).write(to: directory.appendingPathComponent("dashboard.html"), options: .atomic)
        return names + ["dashboard.html"]
    }
}
