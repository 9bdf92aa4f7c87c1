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
        .target(name: "ScorecardEvaluation", dependencies: ["ScorecardBase", "ScorecardExpression", "ScorecardRules", "ScorecardEvidence"]),
        .target(name: "ScorecardReport", dependencies: ["ScorecardBase", "ScorecardExpression", "ScorecardRules", "ScorecardEvidence", "ScorecardEvaluation"]),
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
        .testTarget(name: "ScorecardBaseTests", dependencies: ["ScorecardBase"]),
        .testTarget(name: "ScorecardYAMLTests", dependencies: ["ScorecardYAML"]),
        .testTarget(name: "ScorecardExpressionTests", dependencies: ["ScorecardExpression"]),
        .testTarget(name: "ScorecardRulesTests", dependencies: ["ScorecardRules"]),
        .testTarget(name: "ScorecardEvidenceTests", dependencies: ["ScorecardEvidence"]),
        .testTarget(name: "ScorecardEvaluationTests", dependencies: ["ScorecardEvaluation"]),
        .testTarget(name: "ScorecardReportTests", dependencies: ["ScorecardReport"]),
        .testTarget(name: "ScorecardLedgerTests", dependencies: ["ScorecardLedger", "ScorecardBase", "ScorecardEvidence", "ScorecardReport"]),
        .testTarget(name: "ScorecardTestingTests", dependencies: ["ScorecardTesting"]),
        .testTarget(
            name: "ScorecardCLITests",
            dependencies: [
                "scorecard", "ScorecardBase", "ScorecardYAML", "ScorecardExpression", "ScorecardRules", "ScorecardEvidence",
                "ScorecardEvaluation", "ScorecardLedger", "ScorecardTesting",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
