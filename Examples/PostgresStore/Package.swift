// swift-tools-version:6.1
import PackageDescription

// The PostgreSQL adapter lives in its own package: the root package stays Foundation-only.
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "PostgresStore",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PostgresStore", targets: ["PostgresStore"]),
        .executable(name: "postgres-bench", targets: ["PostgresBench"]),
        .executable(name: "postgres-demo", targets: ["PostgresDemo"]),
    ],
    dependencies: [
        .package(name: "HelpDeskKit", path: "../.."),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.5.3"),
    ],
    targets: [
        .target(
            name: "PostgresStore",
            dependencies: [
                .product(name: "HelpDeskKit", package: "HelpDeskKit"),
                .product(name: "WorkingTime", package: "HelpDeskKit"),
                .product(name: "DoubleEntry", package: "HelpDeskKit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        // The child process of the multi-process test: an engine host on a shared database.
        .executableTarget(
            name: "PostgresStoreHost",
            dependencies: [
                "PostgresStore",
                .product(name: "HelpDeskKit", package: "HelpDeskKit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        // `helpdesk-bench`-style figures for the adapter (Documentation/PostgresPerformance.md).
        .executableTarget(
            name: "PostgresBench",
            dependencies: [
                "PostgresStore",
                .product(name: "HelpDeskKit", package: "HelpDeskKit"),
                .product(name: "WorkingTime", package: "HelpDeskKit"),
                .product(name: "HelpDeskTestSupport", package: "HelpDeskKit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        // `helpdesk-demo`'s scripted day (the root package's `ScriptedDemo`) played on PostgreSQL.
        .executableTarget(
            name: "PostgresDemo",
            dependencies: [
                "PostgresStore",
                .product(name: "HelpDeskKit", package: "HelpDeskKit"),
                .product(name: "ScriptedDemo", package: "HelpDeskKit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "PostgresStoreTests",
            dependencies: [
                "PostgresStore",
                .product(name: "HelpDeskTestSupport", package: "HelpDeskKit"),
                .product(name: "ScriptedDemo", package: "HelpDeskKit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
    ]
)
