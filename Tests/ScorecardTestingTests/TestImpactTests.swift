import Testing
import ScorecardTestSupport
import ScorecardBase
import ScorecardRules
@testable import ScorecardTesting

/// The old version's cases run under a revision: the expectations whose outcome changes.
@Suite struct TestImpactTests {
    func bundledImpact() throws -> TestImpact {
        let versions = try #require(bundledVersions)
        let old = try #require(versions.version(named: "2021.1"))
        let new = try #require(versions.version(named: "2025.1"))
        var sink = DiagnosticSink()
        let sources = try TestFiles.at(packageRoot + "/rules/tests", versions: nil)
        let files = TestSuite.load(sources, sink: &sink)
        #expect(sink.isEmpty)
        return TestImpact.compare(files, old: old, new: new, versions: versions)
    }

    @Test func theDemoRevisionChangesTheGradeLineAndTheMineRate() throws {
        let impact = try bundledImpact()
        // The demo year runs Q3–Q4 under 2025.1 as written: not 2021.1's case.
        #expect(impact.casesLeftOut == 1)
        #expect(impact.casesBroken.isEmpty)
        let changed = Dictionary(grouping: impact.changes, by: \.caseName)
        #expect(
            Set(changed.keys) == [
                "正好 75.00 分为良好", "石磊 2025-Q4 的二十项得分、总分、等级与奖励", "袁志刚 2025-Q4 的总分、等级与矿级建议奖励",
                "矿采纳的建议每条 30 元", "按经费、按单位合计",
            ])
        let shiLei = try #require(changed["石磊 2025-Q4 的二十项得分、总分、等级与奖励"]?.first)
        #expect(shiLei.what == "等级")
        #expect((shiLei.old, shiLei.new, shiLei.oldPassed, shiLei.newPassed) == ("良好", "合格", true, false))
        #expect(shiLei.location.file.hasSuffix("rules/tests/items.yaml"))
        #expect(shiLei.newTrace?.places.first?.location.file.hasSuffix("rules/2025-07-01/policy.yaml") == true)
        let yuan = try #require(changed["袁志刚 2025-Q4 的总分、等级与矿级建议奖励"])
        #expect(yuan.map(\.what) == ["奖励 adopted_suggestions 的金额"])
        #expect((yuan.first?.old, yuan.first?.new) == ("110.00", "140.00"))
        #expect(impact.newlyFailing == impact.changes.count)
        // Items, checks, eligibility and the small year are the same in both versions.
        #expect(!impact.changes.contains { $0.location.file.hasSuffix("checks.yaml") || $0.location.file.hasSuffix("eligibility.yaml") })
    }

    @Test func noChangeMeansNoChangedExpectation() throws {
        let versions = try #require(bundledVersions)
        let old = try #require(versions.version(named: "2021.1"))
        var sink = DiagnosticSink()
        let files = TestSuite.load(try TestFiles.at(packageRoot + "/rules/tests", versions: nil), sink: &sink)
        let impact = TestImpact.compare(files, old: old, new: old, versions: versions)
        #expect(impact.changes.isEmpty)
        #expect(TestImpactReport(impact: impact, label: "rules/tests").text().contains("所有期望的结果都不变。"))
    }

    @Test func anExpectationTheNewVersionCannotCheckIsListed() throws {
        let old = try policy(smallPolicyText)
        let new = try policy(smallPolicyText.replacingFirst("- {id: a, title: 打分", with: "- {id: a2, title: 打分"), file: "small2/rules.yaml")
        let loaded = testFile(
            """
            cases:
              - name: 项目 a
                records:
                  - {officer: "1", a: 5, due: 1, done: 1}
                expect:
                  - {officer: "1", items: {a: 5}}

            """)
        let file = try #require(loaded.file)
        let impact = TestImpact.compare([file], old: old, new: new)
        // Under the new version the item is unknown, its column `a2` missing and the column `a` unknown.
        #expect(impact.changes.map { $0.problem?.code } == ["test.unknown-item", "evidence.missing-column", "evidence.unknown-column"])
    }
}
