import Foundation

/// Production calendars (public holidays, moved days off, transferred working days and shortened
/// pre-holiday days) shipped with the module, and a loader for a host's own files of the same form.
///
/// Files are ``ExceptionFile`` CSV, one per country and year, named `<country>-<year>.csv`
/// (e.g. `ru-2026.csv`).
public enum ProductionCalendar {
    /// The years of Russia's calendar shipped as resources.
    public static let russianYears: ClosedRange<Int> = 2024...2027

    /// Russia's five-day-week production calendar for `years`, as one exception list.
    ///
    /// Shortened pre-holiday days are `shortenedBy(.hours(1))`: the host's usual day one hour shorter.
    public static func russia(years: ClosedRange<Int> = russianYears) throws(ProductionCalendarError)
        -> [CalendarException]
    {
        guard let directory = Bundle.module.url(forResource: "ProductionCalendars", withExtension: nil) else {
            throw .resourcesMissing
        }
        return try exceptions(country: "ru", years: years, in: directory)
    }

    /// The exceptions of `country` for `years` read from `<country>-<year>.csv` files in
    /// `directory`; throws `.yearNotAvailable` for the first year without a file.
    public static func exceptions(country: String, years: ClosedRange<Int>, in directory: URL)
        throws(ProductionCalendarError) -> [CalendarException]
    {
        var all: [CalendarException] = []
        for year in years {
            let file = directory.appendingPathComponent("\(country)-\(year).csv")
            guard FileManager.default.fileExists(atPath: file.path) else {
                throw .yearNotAvailable(country: country, year: year)
            }
            do { all += try ExceptionFile.parseCSV(contentsOf: file) } catch {
                throw .malformed(file: file.lastPathComponent, error)
            }
        }
        return all
    }
}

extension BusinessCalendar {
    /// Russia's standard office week, Monday–Friday 09:00–13:00 and 14:00–18:00 (40 hours), with
    /// the shipped production calendar for `years`, on the wall clock of `timeZoneIdentifier`.
    public static func russianFiveDay(
        timeZoneIdentifier: String = "Europe/Moscow", years: ClosedRange<Int> = ProductionCalendar.russianYears
    ) throws(ProductionCalendarError) -> BusinessCalendar {
        let exceptions = try ProductionCalendar.russia(years: years)
        do {
            return try BusinessCalendar(
                timeZoneIdentifier: timeZoneIdentifier, schedule: .russianFiveDay, exceptions: exceptions)
        } catch {
            throw .calendar(error)
        }
    }
}

extension WeeklySchedule {
    /// Monday–Friday 09:00–13:00 and 14:00–18:00: the 40-hour week with an hour's lunch.
    public static let russianFiveDay = WeeklySchedule(
        weekdays: Weekday.workweek,
        intervals: [LocalInterval(uncheckedStart: 9 * 3_600, end: 13 * 3_600),
                    LocalInterval(uncheckedStart: 14 * 3_600, end: 18 * 3_600)])
}

/// Why a production calendar could not be loaded.
public enum ProductionCalendarError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No file for this country and year (for Russia, see ``ProductionCalendar/russianYears``).
    case yearNotAvailable(country: String, year: Int)
    /// The module's resource bundle was not found beside the executable.
    case resourcesMissing
    /// A file is not valid exception CSV.
    case malformed(file: String, WorkingTimeError)
    /// The calendar could not be built (e.g. an unknown time zone).
    case calendar(WorkingTimeError)

    /// A readable explanation of the error.
    public var description: String {
        switch self {
        case .yearNotAvailable(let country, let year): "no production calendar for \(country) \(year)"
        case .resourcesMissing: "the WorkingTime resource bundle (production calendars) is missing"
        case .malformed(let file, let error): "\(file): \(error)"
        case .calendar(let error): error.description
        }
    }
}
