// swift-tools-version: 6.0
import PackageDescription

/// libFuzzer harnesses for Scorecard's readers (issue #10): a package of its own, so that the
/// main package's `swift build` and `swift test` never see them. Built and run by `run.sh`
/// (release, `-sanitize=fuzzer,address`); see README.md.
let package = Package(
    name: "ScorecardFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Scorecard", path: "../..")
    ],
    targets: [
        /// libFuzzer's `LLVMFuzzerRunDriver`, which each harness's own `main` calls.
        .systemLibrary(name: "CFuzzerDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzerDriver"]),
        .executableTarget(name: "FuzzYAML", dependencies: ["FuzzSupport", .product(name: "ScorecardEvaluation", package: "Scorecard")]),
        .executableTarget(
            name: "FuzzExpression", dependencies: ["FuzzSupport", .product(name: "ScorecardEvaluation", package: "Scorecard")]),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport", .product(name: "ScorecardEvaluation", package: "Scorecard")]),
        .executableTarget(name: "FuzzRules", dependencies: ["FuzzSupport", .product(name: "ScorecardEvaluation", package: "Scorecard")]),
        .executableTarget(name: "FuzzXLSX", dependencies: ["FuzzSupport", .product(name: "ScorecardEvaluation", package: "Scorecard")]),
    ],
    swiftLanguageModes: [.v6]
)
