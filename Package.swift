// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Slant",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "slant", targets: ["slant"]),
        .library(name: "SlantText", targets: ["SlantText"]),
        .library(name: "SlantRules", targets: ["SlantRules"]),
        .library(name: "SlantReport", targets: ["SlantReport"]),
        .library(name: "SlantStore", targets: ["SlantStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // The text model: reading, normalising and segmenting articles. No dependencies.
        .target(name: "SlantText"),
        // Rubric model, loader (YAML) and the rule engine.
        .target(name: "SlantRules", dependencies: [
            "SlantText",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // One reporter per output format.
        .target(name: "SlantReport", dependencies: ["SlantText", "SlantRules"]),
        // The annotation store: documents, revisions, runs, findings and reviewer notes (SQLite via GRDB).
        .target(name: "SlantStore", dependencies: [
            "SlantText", "SlantRules",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Subcommands; kept in a library so the executable stays a one-line entry point.
        .target(name: "SlantCLI", dependencies: [
            "SlantText", "SlantRules", "SlantReport", "SlantStore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "slant", dependencies: ["SlantCLI"]),
        .executableTarget(name: "slant-bench", dependencies: ["SlantText", "SlantRules", "SlantStore"], path: "Benchmarks/slant-bench"),
        .testTarget(name: "SlantTextTests", dependencies: ["SlantText"]),
        .testTarget(name: "SlantRulesTests", dependencies: ["SlantRules"]),
        .testTarget(name: "SlantCLITests", dependencies: ["slant", "SlantStore", "SlantReport", "SlantRules"]),
        .testTarget(name: "SlantStoreTests", dependencies: ["SlantStore", "SlantRules", "SlantText"]),
        .testTarget(name: "SlantReportTests", dependencies: ["SlantReport", "SlantRules", "SlantText"]),
    ],
    swiftLanguageModes: [.v6]
)
