import Foundation

/// What `helpdesk-demo` was asked to do, parsed from its arguments.
enum DemoMode: Equatable {
    /// Print the usage text and exit 0.
    case help
    /// Play the scripted day on an in-memory desk.
    case day
    /// Play the scripted day on a durable desk in a directory, or continue it.
    case durableDay(directory: String)
    /// Simulate a month; with a directory, also write CSV files and the dashboard there.
    case month(reportDirectory: String?)
}

/// A command line `helpdesk-demo` cannot run: the message is one line, shown with the usage.
struct UsageError: Error, Equatable, CustomStringConvertible {
    /// What is wrong, in one sentence.
    let message: String

    var description: String { message }
}

/// The parser of `helpdesk-demo`'s command line.
enum DemoOptions {
    /// The usage text `--help` prints.
    static let usage = """
        usage: helpdesk-demo [--data DIR | --month [--report-dir DIR]]

          (no flags)          play one scripted working day on an in-memory desk
          --data DIR          keep the desk in DIR: the first run plays the day, each later run
                              reopens the desk and plays the next day
          --month             simulate a calendar month and print the reports
          --report-dir DIR    with --month: also write one CSV per report and dashboard.html to DIR
          -h, --help          print this text

        Exit status: 0 on success, 1 when the desk or a file fails, 2 on a wrong command line.
        """

    /// The short line printed after a usage error.
    static let usageLine = "usage: helpdesk-demo [--data DIR | --month [--report-dir DIR]] (see --help)"

    /// Parses `arguments` (without the program name).
    static func parse(_ arguments: [String]) throws(UsageError) -> DemoMode {
        var data: String?
        var reportDirectory: String?
        var month = false
        var index = 0
        func value(of flag: String) throws(UsageError) -> String {
            index += 1
            guard index < arguments.count, !arguments[index].hasPrefix("-") else {
                throw UsageError(message: "\(flag) needs a directory")
            }
            guard !arguments[index].isEmpty else { throw UsageError(message: "\(flag) needs a directory, not \"\"") }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "-h", "--help":
                return .help
            case "--data":
                guard data == nil else { throw UsageError(message: "--data is given twice") }
                data = try value(of: argument)
            case "--report-dir":
                guard reportDirectory == nil else { throw UsageError(message: "--report-dir is given twice") }
                reportDirectory = try value(of: argument)
            case "--month":
                guard !month else { throw UsageError(message: "--month is given twice") }
                month = true
            default:
                if argument.hasPrefix("-") { throw UsageError(message: "unknown option \(argument)") }
                throw UsageError(message: "unexpected argument \(argument)")
            }
            index += 1
        }
        switch (data, month, reportDirectory) {
        case (nil, false, nil): return .day
        case (let directory?, false, nil): return .durableDay(directory: directory)
        case (nil, true, let directory): return .month(reportDirectory: directory)
        case (_?, true, _): throw UsageError(message: "--data and --month cannot be combined")
        case (nil, false, _?): throw UsageError(message: "--report-dir needs --month")
        case (_?, false, _?): throw UsageError(message: "--data and --report-dir cannot be combined")
        }
    }
}
