// swift-tools-version:6.1
// Fuzz targets for Slant, built and run by `make fuzz` (see run.sh): libFuzzer drives
// the text model, the rubric loader and the engine with random bytes. A separate
// package so the fuzzer flags (-sanitize=fuzzer,address) never touch the main build.
import PackageDescription

let package = Package(
    name: "SlantFuzz",
    dependencies: [
        .package(name: "Slant", path: ".."),
    ],
    targets: [
        // libFuzzer's driver, declared once for the three executables.
        .target(name: "FuzzDriver"),
        // ArticleReader.decode + Article (markup stripping, segmentation) in all three formats.
        .executableTarget(name: "FuzzText", dependencies: ["FuzzDriver", .product(name: "SlantText", package: "Slant")]),
        // RubricLoader over a rubric folder whose rule file, lexicon or manifest is the input.
        .executableTarget(name: "FuzzRubric", dependencies: ["FuzzDriver", .product(name: "SlantRules", package: "Slant")]),
        // The engine with the bundled rubric over random text.
        .executableTarget(name: "FuzzScore", dependencies: [
            "FuzzDriver", .product(name: "SlantText", package: "Slant"), .product(name: "SlantRules", package: "Slant"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
