// swift-tools-version: 6.2
import PackageDescription

/// Strict settings shared by every target: Swift 6 mode, and nonisolated async
/// functions run on their caller's executor, so an in-memory repository awaited
/// from the engine actor costs no executor hop.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "HelpDeskKit",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "WorkingTime", targets: ["WorkingTime"]),
        .library(name: "DoubleEntry", targets: ["DoubleEntry"]),
        .library(name: "Templating", targets: ["Templating"]),
        .library(name: "TextSearch", targets: ["TextSearch"]),
        .library(name: "Mail", targets: ["Mail"]),
        .library(name: "Recurrence", targets: ["Recurrence"]),
        .library(name: "HelpDeskKit", targets: ["HelpDeskKit"]),
        .library(name: "HelpDeskFileStore", targets: ["HelpDeskFileStore"]),
        .library(name: "HelpDeskTestSupport", targets: ["HelpDeskTestSupport"]),
        .library(name: "ScriptedDemo", targets: ["ScriptedDemo"]),
        .executable(name: "helpdesk-demo", targets: ["DemoHost"]),
        .executable(name: "helpdesk-bench", targets: ["HelpDeskBench"]),
        .executable(name: "helpdesk-crash-writer", targets: ["CrashWriter"]),
    ],
    targets: [
        // Pure building blocks: Foundation only, no domain types.
        // Ships production calendars (`ProductionCalendars/<country>-<year>.csv`) as resources.
        .target(name: "WorkingTime", resources: [.copy("ProductionCalendars")], swiftSettings: strictSettings),
        .target(name: "DoubleEntry", swiftSettings: strictSettings),
        // Notice and canned-answer templates: `{{ path | "fallback" }}`, parsed once, validated, rendered.
        .target(name: "Templating", swiftSettings: strictSettings),
        // Full-text search: analysis (folding, Russian and English Snowball stemmers, stop words),
        // an inverted index with BM25 ranking over weighted fields, prefix matching, visibility partitions.
        .target(name: "TextSearch", swiftSettings: strictSettings),
        // Email: RFC 5322 / MIME parsing (charsets, encoded-words, HTML to text), rendering,
        // reply and signature splitting, telling robots' mail from people's. No network.
        .target(name: "Mail", swiftSettings: strictSettings),
        // Recurring dates: the RFC 5545 RRULE subset (FREQ, INTERVAL, BY…, COUNT/UNTIL, EXDATE) on a zone's wall clock.
        .target(name: "Recurrence", dependencies: ["WorkingTime"], swiftSettings: strictSettings),
        // A seedable generator shared by the engine and every test target (no Foundation needed).
        .target(name: "SeededRandom", swiftSettings: strictSettings),

        // The domain, the engine, repository protocols and the in-memory adapter.
        .target(
            name: "HelpDeskKit",
            dependencies: ["WorkingTime", "DoubleEntry", "Templating", "TextSearch", "Mail", "Recurrence", "SeededRandom"],
            swiftSettings: strictSettings
        ),

        // Adapters and the conformance suite every adapter runs.
        .target(name: "HelpDeskFileStore", dependencies: ["HelpDeskKit", "WorkingTime", "Mail"], swiftSettings: strictSettings),
        .target(
            name: "HelpDeskTestSupport", dependencies: ["HelpDeskKit", "DoubleEntry", "Mail", "Recurrence"], swiftSettings: strictSettings),

        // The demo's script (a day, the next days, a month), playable on any store: `helpdesk-demo`
        // plays it in memory or on a file store, `postgres-demo` (Examples/PostgresStore) on PostgreSQL.
        .target(
            name: "ScriptedDemo",
            dependencies: ["HelpDeskKit", "WorkingTime", "Mail", "Recurrence"],
            path: "Examples/ScriptedDemo",
            swiftSettings: strictSettings
        ),

        // Executables.
        .executableTarget(
            name: "DemoHost",
            dependencies: ["ScriptedDemo", "HelpDeskFileStore"],
            path: "Examples/DemoHost",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "HelpDeskBench",
            dependencies: ["HelpDeskKit", "HelpDeskFileStore", "HelpDeskTestSupport", "WorkingTime", "DoubleEntry", "Templating", "TextSearch", "Mail", "Recurrence"],
            path: "Benchmarks/helpdesk-bench",
            swiftSettings: strictSettings
        ),
        // Commits numbered records to a file store and prints each acknowledged number; the
        // crash test kills it at random moments (see Documentation/Storage.md).
        .executableTarget(
            name: "CrashWriter",
            dependencies: ["HelpDeskKit", "HelpDeskFileStore"],
            path: "Examples/CrashWriter",
            swiftSettings: strictSettings
        ),

        // Tests.
        .testTarget(
            name: "WorkingTimeTests",
            dependencies: ["WorkingTime", "SeededRandom"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        // The pure modules' tests import only their module and the seeded generator.
        .testTarget(name: "DoubleEntryTests", dependencies: ["DoubleEntry", "SeededRandom"], swiftSettings: strictSettings),
        .testTarget(name: "TemplatingTests", dependencies: ["Templating", "SeededRandom"], swiftSettings: strictSettings),
        .testTarget(
            name: "TextSearchTests", dependencies: ["TextSearch", "SeededRandom"], resources: [.copy("Fixtures")],
            swiftSettings: strictSettings),
        .testTarget(name: "RecurrenceTests", dependencies: ["Recurrence", "WorkingTime", "SeededRandom"], resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(
            name: "MailTests", dependencies: ["Mail", "SeededRandom"], resources: [.copy("Corpus")],
            swiftSettings: strictSettings),
        .testTarget(
            name: "HelpDeskKitTests",
            dependencies: ["HelpDeskKit", "HelpDeskTestSupport", "TextSearch", "Mail", "Recurrence"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "HelpDeskFileStoreTests",
            dependencies: ["HelpDeskFileStore", "HelpDeskTestSupport", "CrashWriter"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "DemoHostTests", dependencies: ["DemoHost", "ScriptedDemo", "HelpDeskFileStore"],
            swiftSettings: strictSettings),
    ]
)
