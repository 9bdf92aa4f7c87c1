import Testing
import ScorecardTestSupport
import ScorecardBase
import ScorecardRules
@testable import ScorecardTesting

/// The test cases shipped beside the bundled rules (rules/tests/, rules/2025-07-01/tests/):
/// they all pass, and together they exercise every part of both versions.
@Suite struct BundledTestsTests {
    /// Run once for the suite.
    static let bundled: (run: TestRun, versions: PolicyVersions)? = bundledVersions.flatMap { versions in
        (try? TestFiles.of(rulesPath: packageRoot + "/rules", versions: versions)).map { (TestSuite.run($0, versions: versions), versions) }
    }

    func bundledRun() throws -> (run: TestRun, versions: PolicyVersions) {
        try #require(Self.bundled)
    }

    @Test func everyBundledCasePasses() throws {
        let (run, _) = try bundledRun()
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics)")
        #expect(run.outcomes.count > 50)
        for outcome in run.outcomes where outcome.status != .passed {
            Issue.record(
                "\(outcome.testCase.name): \(outcome.status) \(outcome.failedExpectations.map { "\($0.what) \($0.expected) ≠ \($0.actual ?? "-")" }) \(outcome.unexpected) \(outcome.errors)"
            )
        }
        #expect(run.exitStatus == 0)
        #expect(run.closingLine == "\(run.outcomes.count) passed, 0 failed")
    }

    @Test func bothVersionsHaveTestsInTheirOwnFolder() throws {
        let (run, _) = try bundledRun()
        #expect(run.files.contains { $0.hasSuffix("/rules/tests/items.yaml") })
        #expect(run.files.contains { $0.hasSuffix("/rules/2025-07-01/tests/items.yaml") })
        let versions = Set(run.outcomes.compactMap(\.version))
        #expect(versions == ["2021.1", "2025.1"])
    }

    @Test func theBundledTestsCoverEveryPartOfBothVersions() throws {
        let (run, versions) = try bundledRun()
        let coverage = Coverage(run, versions: versions)
        #expect(coverage.versions.map(\.version) == ["2021.1", "2025.1"])
        #expect(coverage.uncovered.map(\.title).isEmpty, "\(coverage.uncovered.map { "\($0.title) \($0.location)" })")
        for version in coverage.versions {
            #expect(version.count(.item) == (20, 20))
            #expect(version.count(.condition) == (1, 1))
            #expect(version.count(.check) == (3, 3))
            #expect(version.count(.rate) == (2, 2))
            #expect(version.count(.band) == (4, 4))
            #expect(version.count(.criterion) == (4, 4))
            #expect(version.count(.tieBreaker) == (2, 2))
        }
    }

    /// A case that only names a quarter gets the version in force then; the bundled files name
    /// their version, so a case in rules/tests/ for 2025-Q4 still runs under 2021.1.
    @Test func theHandCheckedQuarterRunsUnderTheVersionItNames() throws {
        let (run, _) = try bundledRun()
        let shiLei = run.outcomes.filter { $0.testCase.name.hasPrefix("石磊 2025-Q4") }
        #expect(shiLei.map(\.version) == ["2021.1", "2025.1"])
        let grades = shiLei.map { $0.expectations.first { $0.what == "等级" }?.actual }
        #expect(grades == ["良好", "合格"])
    }
}
