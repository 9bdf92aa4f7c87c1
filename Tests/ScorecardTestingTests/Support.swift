import Testing
import ScorecardTestSupport
import ScorecardBase
import ScorecardRules
@testable import ScorecardTesting

/// Every version of the bundled rules, loaded once.
let bundledVersions: PolicyVersions? = {
    var problems = DiagnosticSink()
    return PolicyLoader.loadVersions(path: packageRoot + "/rules", sink: &problems)
}()

/// A small policy for tests that need a rule the bundled policy does not have: two items, one
/// a formula that divides without guarding against zero, a per-record reward and grades.
let smallPolicyText = """
    policy: {id: small, name: 小制度, version: "1", effective: 2025-01-01}
    scoring: {total: 10, precision: 2}
    funds: [{id: fund, name: 经费}]
    grades:
      bands:
        - {name: 合格, min: 6}
        - {name: 不合格, min: 0, below: 6}
    evidence:
      fields:
        - {id: due, type: integer, min: 0, max: 10}
        - {id: done, type: integer, min: 0, max: 10}
      lists:
        - id: notes
          fields:
            - {id: level, type: choice, choices: [甲, 乙]}
    items:
      - {id: a, title: 打分, points: 5, clause: "1", scoring: assessed}
      - id: b
        title: 比例
        points: 5
        clause: "2"
        scoring: {method: computed, formula: 5 * done / due}
    rewards:
      - id: r
        title: 奖励
        fund: fund
        per_record: {list: notes, by: level, rates: {甲: 10, 乙: 1}}

    """

func policy(_ text: String, file: String = "small/rules.yaml") throws -> Policy {
    var problems = DiagnosticSink()
    let loaded = PolicyLoader.load(sources: [RuleSource(displayPath: file, bytes: Array(text.utf8))], sink: &problems)
    #expect(!problems.hasErrors, "\(problems.diagnostics)")
    return try #require(loaded.policy)
}

func smallVersions() throws -> PolicyVersions {
    PolicyVersions(versions: [try policy(smallPolicyText)])
}

/// A test file from text; its cases run under version "1" unless they say otherwise.
func testFile(_ text: String, file: String = "small/tests/cases.yaml", defaultVersion: String? = "1") -> (
    file: TestFile?, diagnostics: [Diagnostic]
) {
    var sink = DiagnosticSink()
    let loaded = TestFileLoader.load(RuleSource(displayPath: file, bytes: Array(text.utf8)), defaultVersion: defaultVersion, sink: &sink)
    return (loaded, sink.take())
}

/// Loads and runs a test file against `versions`.
func run(
    _ text: String, versions: PolicyVersions, file: String = "small/tests/cases.yaml", defaultVersion: String? = "1", pattern: String? = nil
) -> TestRun {
    TestSuite.run(
        [TestSource(source: RuleSource(displayPath: file, bytes: Array(text.utf8)), defaultVersion: defaultVersion)], versions: versions,
        pattern: pattern)
}
