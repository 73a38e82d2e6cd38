// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Slant",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "slant", targets: ["slant"]),
        .library(name: "SlantText", targets: ["SlantText"]),
        .library(name: "SlantReport", targets: ["SlantReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The text model: reading, normalising and segmenting articles. No dependencies.
        .target(name: "SlantText"),
        // One reporter per output format.
        .target(name: "SlantReport", dependencies: ["SlantText"]),
        // Subcommands; kept in a library so the executable stays a one-line entry point.
        .target(name: "SlantCLI", dependencies: [
            "SlantText", "SlantReport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "slant", dependencies: ["SlantCLI"]),
        .executableTarget(name: "slant-bench", dependencies: ["SlantText"], path: "Benchmarks/slant-bench"),
        .testTarget(name: "SlantTextTests", dependencies: ["SlantText"]),
        .testTarget(name: "SlantCLITests", dependencies: ["slant"]),
    ],
    swiftLanguageModes: [.v6]
)
