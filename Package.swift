// swift-tools-version: 6.0
import PackageDescription

/// Layers, lowest first; each target depends only on the ones above it in this list.
/// CYAML → ScorecardBase → ScorecardYAML, ScorecardExpression → ScorecardRules
/// → ScorecardEvidence → ScorecardEvaluation → ScorecardReport → ScorecardLedger, ScorecardTesting
/// → scorecard (CLI).
let package = Package(
    name: "Scorecard",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "scorecard", targets: ["scorecard"]),
        .library(name: "ScorecardEvaluation", targets: ["ScorecardEvaluation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Property-based tests only (Tests/ScorecardPropertyTests).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        /// The C library calls Swift's Glibc module leaves out (renameat2's exchange), as inline shims.
        .systemLibrary(name: "CSystemShim"),
        .target(name: "ScorecardBase"),
        .target(name: "ScorecardYAML", dependencies: ["CYAML", "ScorecardBase"]),
        .target(name: "ScorecardExpression", dependencies: ["ScorecardBase"]),
        .target(name: "ScorecardRules", dependencies: ["ScorecardBase", "ScorecardYAML", "ScorecardExpression"]),
        .target(name: "ScorecardEvidence", dependencies: ["ScorecardBase", "ScorecardYAML", "ScorecardExpression", "ScorecardRules"]),
        .target(
            name: "ScorecardEvaluation", dependencies: ["ScorecardBase", "ScorecardExpression", "ScorecardRules", "ScorecardEvidence"]),
        .target(
            name: "ScorecardReport",
            dependencies: ["ScorecardBase", "ScorecardExpression", "ScorecardRules", "ScorecardEvidence", "ScorecardEvaluation"]),
        /// The result ledger: recorded quarters, their provenance and history, and `check`'s verification.
        .target(
            name: "ScorecardLedger",
            dependencies: [
                "CSystemShim", "ScorecardBase", "ScorecardYAML", "ScorecardRules", "ScorecardEvidence", "ScorecardEvaluation",
                "ScorecardReport",
            ]
        ),
        /// Test cases policy officers write beside their rules (`scorecard test`).
        .target(
            name: "ScorecardTesting",
            dependencies: [
                "ScorecardBase", "ScorecardYAML", "ScorecardExpression", "ScorecardRules", "ScorecardEvidence",
                "ScorecardEvaluation", "ScorecardReport",
            ]
        ),
        .executableTarget(
            name: "scorecard",
            dependencies: [
                "ScorecardBase", "ScorecardRules", "ScorecardEvidence", "ScorecardEvaluation", "ScorecardReport", "ScorecardLedger",
                "ScorecardTesting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        /// What the test targets share: the package root, temporary folders, file trees, decimal
        /// literals and source places. Only test targets depend on it; no product holds it.
        .target(name: "ScorecardTestSupport", dependencies: ["ScorecardBase"], path: "Tests/ScorecardTestSupport"),
        // Each test target lists every module its files import.
        .testTarget(name: "ScorecardBaseTests", dependencies: ["ScorecardBase", "ScorecardTestSupport"]),
        .testTarget(name: "ScorecardYAMLTests", dependencies: ["ScorecardBase", "ScorecardYAML", "ScorecardTestSupport"]),
        .testTarget(name: "ScorecardExpressionTests", dependencies: ["ScorecardBase", "ScorecardExpression"]),
        .testTarget(
            name: "ScorecardRulesTests", dependencies: ["ScorecardBase", "ScorecardExpression", "ScorecardRules", "ScorecardTestSupport"]),
        .testTarget(
            name: "ScorecardEvidenceTests",
            dependencies: ["ScorecardBase", "ScorecardExpression", "ScorecardRules", "ScorecardEvidence", "ScorecardTestSupport"]
        ),
        .testTarget(
            name: "ScorecardEvaluationTests",
            dependencies: [
                "ScorecardBase", "ScorecardExpression", "ScorecardRules", "ScorecardEvidence", "ScorecardEvaluation",
                "ScorecardTestSupport",
            ]
        ),
        .testTarget(
            name: "ScorecardReportTests",
            dependencies: [
                "ScorecardBase", "ScorecardRules", "ScorecardEvidence", "ScorecardEvaluation", "ScorecardReport", "ScorecardTestSupport",
            ]
        ),
        .testTarget(
            name: "ScorecardLedgerTests",
            dependencies: ["ScorecardBase", "ScorecardEvidence", "ScorecardReport", "ScorecardLedger", "ScorecardTestSupport"]
        ),
        .testTarget(
            name: "ScorecardTestingTests", dependencies: ["ScorecardBase", "ScorecardRules", "ScorecardTesting", "ScorecardTestSupport"]),
        .testTarget(
            name: "ScorecardCLITests",
            dependencies: [
                "scorecard", "ScorecardBase", "ScorecardYAML", "ScorecardExpression", "ScorecardRules", "ScorecardEvidence",
                "ScorecardEvaluation", "ScorecardLedger", "ScorecardTesting", "ScorecardTestSupport",
            ]
        ),
        /// Properties checked on many generated inputs: decimals, CSV round trips, display width.
        .testTarget(
            name: "ScorecardPropertyTests",
            dependencies: [
                "ScorecardBase", "ScorecardEvidence", "ScorecardReport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
