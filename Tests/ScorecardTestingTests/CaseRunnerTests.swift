import Testing
import ScorecardTestSupport
import ScorecardBase
import ScorecardRules
@testable import ScorecardTesting

/// Running cases: the engine's figures compared exactly, failures located in the test file and
/// traced to the rule, problems with the inline evidence reported with the evidence's own codes.
@Suite struct CaseRunnerTests {
    static let oneOfficer = """
        cases:
          - name: 一名联系员
            quarter: 2025-Q2
            records:
              - officer: "1"
                a: 4.5
                due: 3
                done: 2
                notes: [{level: 甲}, {level: 乙}, {level: 乙}]
            expect:
              - officer: "1"
                items: {a: 4.5, b: 3.33}
                total: 7.83
                grade: 合格
                rewards:
                  r: {amount: 12, breakdown: {甲: 1, 乙: 2}}
                reward_total: 12
              - funds: {fund: 12}

        """

    @Test func figuresWorkedOutByHandPass() throws {
        // b = 5 × 2 ÷ 3 = 3.333… → 3.33; total 4.5 + 3.33 = 7.83 ≥ 6 → 合格; reward 10 + 2 × 1 = 12
        let result = run(Self.oneOfficer, versions: try smallVersions())
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let outcome = try #require(result.outcomes.first)
        #expect(
            outcome.status == .passed,
            "\(outcome.failedExpectations.map { "\($0.what): \($0.actual ?? "-")" }) \(outcome.unexpected) \(outcome.errors)")
        #expect(outcome.expectations.count == 9)
        #expect(result.closingLine == "1 passed, 0 failed")
        #expect(result.exitStatus == 0)
    }

    @Test func aFailureSaysExpectedActualWhereAndWhichRule() throws {
        let text = Self.oneOfficer.replacingFirst("r: {amount: 12,", with: "r: {amount: 13,")
        let result = run(text, versions: try smallVersions())
        let outcome = try #require(result.outcomes.first)
        #expect(outcome.status == .failed)
        let failed = try #require(outcome.failedExpectations.first)
        #expect(outcome.failedExpectations.count == 1)
        #expect(failed.expected == "13")
        #expect(failed.actual == "12.00")
        let (line, column) = try place(of: "13, breakdown", in: text)
        #expect(failed.expectation.location.line == line)
        #expect(failed.expectation.location.column == column)
        // The rates that paid, at their places in the rule file, and the reward itself.
        let trace = try #require(failed.trace)
        #expect(trace.explanation == "甲 1 条 × 10 + 乙 2 条 × 1 = 12.00 元")
        let rules = try place(of: "甲: 10", in: smallPolicyText)
        #expect(trace.places.first?.location.file == "small/rules.yaml")
        #expect(trace.places.first?.location.line == rules.line)
        #expect(trace.places.first?.label == "甲 10")
        #expect(result.exitStatus == 1)
        #expect(result.closingLine == "0 passed, 1 failed")
        let text2 = TestReport(run: result).text()
        #expect(text2.contains("\(failed.expectation.location): 联系员 1 的奖励 r 的金额：期望 13，实际 12.00"))
        #expect(text2.contains("规则 small/rules.yaml:\(rules.line):\(rules.column)（甲 10）"))
    }

    @Test func numbersCompareExactlyUnlessAToleranceIsGiven() throws {
        let exact = run(Self.oneOfficer.replacingFirst("total: 7.83", with: "total: 7.8"), versions: try smallVersions())
        #expect(exact.outcomes.first?.status == .failed)
        let within = run(
            Self.oneOfficer.replacingFirst("total: 7.83", with: "total: {value: 7.8, tolerance: 0.05}"), versions: try smallVersions())
        #expect(within.outcomes.first?.status == .passed)
        let beyond = run(
            Self.oneOfficer.replacingFirst("total: 7.83", with: "total: {value: 7.8, tolerance: 0.02}"), versions: try smallVersions())
        #expect(beyond.outcomes.first?.status == .failed)
        // Trailing zeros are the same number.
        let zeros = run(Self.oneOfficer.replacingFirst("total: 7.83", with: "total: 7.830"), versions: try smallVersions())
        #expect(zeros.outcomes.first?.status == .passed)
    }

    @Test func aFailureByCodeIsExpectedLikeAnyFigure() throws {
        let text = """
            cases:
              - name: 除以零
                records:
                  - {officer: "1", a: 5, due: 0, done: 0}
                expect:
                  - {officer: "1", failures: [expr.eval.division-by-zero]}

            """
        let result = run(text, versions: try smallVersions())
        #expect(result.outcomes.first?.status == .passed)
        // Not expected, the same failure fails the case, and says where it happened.
        let unexpected = run(
            text.replacingFirst("failures: [expr.eval.division-by-zero]", with: "items: {a: 5}"), versions: try smallVersions())
        let outcome = try #require(unexpected.outcomes.first)
        #expect(outcome.status == .failed)
        #expect(outcome.unexpected.map(\.code) == ["expr.eval.division-by-zero"])
        #expect(outcome.unexpected.first?.location?.file == "small/rules.yaml")
    }

    @Test func inlineEvidenceIsCheckedLikeRealEvidence() throws {
        let text = """
            cases:
              - name: 写错的列名
                records:
                  - {officer: "1", a: 5, due: 1, done: 1, dnoe: 1}
                expect:
                  - {officer: "1", total: 10}

            """
        let result = run(text, versions: try smallVersions())
        let outcome = try #require(result.outcomes.first)
        #expect(outcome.status == .failed)
        let problem = try #require(outcome.unexpected.first)
        #expect(problem.code == "evidence.unknown-column")
        #expect(problem.hint == "是否想写“done”？")
        let (line, column) = try place(of: "dnoe", in: text)
        #expect(problem.location == SourceLocation(file: "small/tests/cases.yaml", line: line, column: column, length: 4))
        // A value out of the field's range: the same code as in a quarter's file.
        let range = run(text.replacingFirst(", dnoe: 1", with: "").replacingFirst("due: 1", with: "due: 11"), versions: try smallVersions())
        #expect(range.outcomes.first?.unexpected.map(\.code) == ["evidence.bad-value"])
        let expected = run(
            text.replacingFirst(", dnoe: 1", with: "").replacingFirst("due: 1", with: "due: 11")
                .replacingFirst("{officer: \"1\", total: 10}", with: "{evidence_errors: evidence.bad-value}"),
            versions: try smallVersions())
        #expect(expected.outcomes.first?.status == .passed)
    }

    @Test func aNameTheRulesDoNotHaveIsAnErrorInTheTest() throws {
        let text = Self.oneOfficer.replacingFirst("items: {a: 4.5,", with: "items: {aa: 4.5,")
        let result = run(text, versions: try smallVersions())
        let outcome = try #require(result.outcomes.first)
        #expect(outcome.status == .error)
        let problem = try #require(outcome.errors.first)
        #expect(problem.code == "test.unknown-item")
        #expect(problem.hint == "是否想写“a”？")
        let (line, column) = try place(of: "aa: 4.5", in: text)
        #expect(problem.location?.line == line)
        #expect(problem.location?.column == column)
        #expect(result.exitStatus == 2)
        #expect(result.errors.map(\.code) == ["test.unknown-item"])
    }

    @Test func anOfficerNotInTheCaseIsAnError() throws {
        let result = run(
            Self.oneOfficer.replacingFirst("  - officer: \"1\"\n        items", with: "  - officer: \"2\"\n        items"),
            versions: try smallVersions())
        #expect(result.outcomes.first?.errors.map(\.code) == ["test.unknown-officer"])
    }

    @Test func theVersionFollowsTheQuarterOrTheDateUnlessOneIsNamed() throws {
        let later = smallPolicyText.replacingFirst("version: \"1\", effective: 2025-01-01", with: "version: \"2\", effective: 2025-07-01")
            .replacingFirst("甲: 10", with: "甲: 20")
        let versions = PolicyVersions(versions: [try policy(smallPolicyText), try policy(later, file: "small/2025-07-01/rules.yaml")])
        func version(_ header: String) throws -> String? {
            let text = Self.oneOfficer.replacingFirst("    quarter: 2025-Q2\n", with: header)
            return run(text, versions: versions, defaultVersion: "1").outcomes.first?.version
        }
        #expect(try version("    quarter: 2025-Q2\n") == "1")
        #expect(try version("    quarter: 2025-Q3\n") == "2")
        #expect(try version("    date: 2025-07-01\n") == "2")
        #expect(try version("    date: 2025-06-30\n") == "1")
        #expect(try version("    version: \"2\"\n    quarter: 2025-Q2\n") == "2")
        #expect(try version("    version: \"2025-07-01\"\n") == "2") // by its folder
        #expect(try version("") == "1") // the file's own version
        let unknown = run(Self.oneOfficer.replacingFirst("    quarter: 2025-Q2\n", with: "    version: \"3\"\n"), versions: versions)
        #expect(unknown.outcomes.first?.errors.map(\.code) == ["test.unknown-version"])
        let none = run(Self.oneOfficer.replacingFirst("    quarter: 2025-Q2\n", with: "    quarter: 2024-Q4\n"), versions: versions)
        #expect(none.outcomes.first?.errors.map(\.code) == ["test.no-version-in-force"])
    }

    @Test func aPatternSelectsCasesAndSkippedCasesAreCounted() throws {
        let text =
            Self.oneOfficer + """
                  - name: 另一个
                    skip: 规则还没写好
                    records:
                      - {officer: "1", a: 5, due: 1, done: 1}
                    expect:
                      - {officer: "1", total: 10}
                  - name: 第三个
                    records:
                      - {officer: "1", a: 5, due: 1, done: 1}
                    expect:
                      - {officer: "1", total: 10}

                """
        let all = run(text, versions: try smallVersions())
        #expect(all.outcomes.map(\.status) == [.passed, .skipped, .passed])
        #expect(all.closingLine == "2 passed, 0 failed, 1 skipped")
        #expect(all.exitStatus == 0)
        let some = run(text, versions: try smallVersions(), pattern: "第三|一名")
        #expect(some.outcomes.map(\.testCase.name) == ["一名联系员", "第三个"])
    }

    @Test func aCaseRosterChecksWhoServes() throws {
        let text = """
            cases:
              - name: 名册中在任的人都要有记录
                roster:
                  - {officer: "1", name: 甲, unit: 一队, area: 早班}
                  - {officer: "2", name: 乙, unit: 一队, area: 夜班, until: 2025-03-31}
                  - {officer: "3", name: 丙, unit: 二队, area: 早班}
                quarter: 2025-Q2
                records:
                  - {officer: "1", a: 5, due: 1, done: 1}
                expect:
                  - evidence_errors: [evidence.missing-record]
                  - units: {一队: {officers: 1, score_sum: 10}}

            """
        let result = run(text, versions: try smallVersions())
        let outcome = try #require(result.outcomes.first)
        #expect(outcome.status == .passed, "\(outcome.failedExpectations.map { "\($0.what): \($0.actual ?? "-")" }) \(outcome.unexpected)")
        // 乙 left before the quarter; only 丙 is missing a record.
        let trace = try #require(outcome.expectations.first?.trace)
        #expect(trace.explanation.contains("联系员 3（丙"))
        #expect(!trace.explanation.contains("联系员 2（"))
    }

    @Test func coverageNamesWhatNoCaseExercisedWithItsPlace() throws {
        let versions = try smallVersions()
        let result = run(
            Self.oneOfficer.replacingFirst("items: {a: 4.5, b: 3.33}", with: "items: {a: 4.5}").replacingFirst(
                "        grade: 合格\n", with: ""), versions: versions)
        let coverage = Coverage(result, versions: versions)
        let uncovered = coverage.uncovered.map(\.key)
        #expect(uncovered == ["item:b", "band:合格", "band:不合格"])
        let b = try #require(coverage.uncovered.first)
        #expect(b.location.file == "small/rules.yaml")
        #expect(b.location.line == (try place(of: "- id: b", in: smallPolicyText)).line)
        #expect(TestReport.coverageText(coverage).contains("未覆盖 项目：项目 b 比例（small/rules.yaml:"))
    }
}
